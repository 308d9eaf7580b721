"""Who is reading or writing: a signed-in account, or a guest known by a signed cookie and a network hash.

Nothing here is secret to the reader except the edit tokens, which live only in an HttpOnly cookie and (hashed)
on the comment they unlock.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.contrib.auth.models import User
from django.db import models
from django.http import HttpRequest, HttpResponse

from masthead.core.network import keyed_hash, network_hash
from masthead.discussion.hooks import reader_tier

READER_COOKIE = "mh_reader"
EDIT_COOKIE = "mh_edit"
_READER_SALT = "masthead.discussion.reader"
# Matched whole (fullmatch: "$" would allow a trailing newline); ASCII digits only ("\d" takes any script's).
_READER_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
_EDIT_ENTRY = re.compile(r"([0-9]{1,18})\.([A-Za-z0-9_-]{40,64})")
MAX_REMEMBERED_TOKENS = 10
READER_COOKIE_AGE = 365 * 24 * 3600


class Tier(models.TextChoices):
    """How much is known about a writer: guest → verified → account → supporter, and staff (accounts.tiers
    computes it; the moderation settings are keyed by these values: first-comment review, link limits per tier)."""

    GUEST = "guest", "Guest"
    VERIFIED = "verified", "Verified email"
    ACCOUNT = "account", "Account"
    SUPPORTER = "supporter", "Supporter"
    STAFF = "staff", "Staff"


@dataclass
class Reader:
    user_id: int | None
    is_staff: bool
    reader_id: str
    network_hash: str
    display_name: str = ""
    new_reader: bool = False
    edit_tokens: dict[int, str] = field(default_factory=dict)
    issued_tokens: dict[int, tuple[str, int]] = field(default_factory=dict)  # id -> (token, max_age)
    # The identity tier (guest, verified, account, supporter, staff) of this reader writing with an email address;
    # it needs the request's session, so the reader carries the lookup bound to its request.
    tier_lookup: Callable[[str], str | None] | None = field(default=None, repr=False, compare=False)

    def tier(self, email: str) -> str | None:
        return self.tier_lookup(email) if self.tier_lookup is not None else None

    @property
    def voter_key(self) -> str:
        """One per reader for the vote constraint: the account, else the guest cookie bound to the network."""
        if self.user_id is not None:
            return f"u:{self.user_id}"
        return "g:" + keyed_hash(f"{self.reader_id}|{self.network_hash}", "voter")

    @property
    def author_key(self) -> str:
        """Who wrote a comment (to refuse self-votes); the account, else the guest cookie alone."""
        if self.user_id is not None:
            return f"u:{self.user_id}"
        return "g:" + keyed_hash(self.reader_id, "author")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_edit_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


def _parse_edit_cookie(raw: str) -> dict[int, str]:
    tokens: dict[int, str] = {}
    for entry in raw.split(",")[:MAX_REMEMBERED_TOKENS]:
        match = _EDIT_ENTRY.fullmatch(entry)
        if match:
            tokens[int(match.group(1))] = match.group(2)
    return tokens


def reader_from_request(request: HttpRequest) -> Reader:
    cached = getattr(request, "_discussion_reader", None)
    if cached is not None:
        return cached
    signed = request.get_signed_cookie(READER_COOKIE, default=None, salt=_READER_SALT)
    new = not (isinstance(signed, str) and _READER_ID.fullmatch(signed))
    reader_id = secrets.token_urlsafe(18) if new or signed is None else signed
    # Requests built without the authentication middleware (tests, the API's own clients) have no user.
    user = getattr(request, "user", None)
    account = user if isinstance(user, User) and user.is_authenticated else None
    reader = Reader(
        user_id=account.pk if account is not None else None,
        is_staff=bool(account is not None and account.is_staff),
        reader_id=reader_id,
        network_hash=network_hash(request),
        display_name=(account.get_full_name() or account.get_username()) if account is not None else "",
        new_reader=new,
        edit_tokens=_parse_edit_cookie(request.COOKIES.get(EDIT_COOKIE, "")),
        tier_lookup=partial(reader_tier, request),
    )
    request._discussion_reader = reader  # type: ignore[attr-defined]  # one lookup per request
    return reader


def reader_cookie_value(reader_id: str) -> str:
    """The signed value the guest cookie holds for ``reader_id`` (as ``remember_reader`` sets it). The embed frame,
    where browsers send no third-party cookies, hands its reader in as this value (embed/frame_identity.py)."""
    signer = HttpResponse()  # Django's own signing of cookies, whatever its salt scheme in this version
    signer.set_signed_cookie(READER_COOKIE, reader_id, salt=_READER_SALT)
    return signer.cookies[READER_COOKIE].value


def has_reader_cookie(request: HttpRequest) -> bool:
    return READER_COOKIE in request.COOKIES


def remember_reader(response: HttpResponse, reader: Reader, *, secure: bool) -> None:
    """Set the guest cookie (when new) and any edit tokens issued while handling this request."""
    if reader.new_reader:
        response.set_signed_cookie(
            READER_COOKIE, reader.reader_id, salt=_READER_SALT, max_age=READER_COOKIE_AGE,
            httponly=True, samesite="Lax", secure=secure,
        )
    if reader.issued_tokens:
        tokens = dict(reader.edit_tokens)
        max_age = 0
        for comment_id, (token, age) in reader.issued_tokens.items():
            tokens[comment_id] = token
            max_age = max(max_age, age)
        # Keep the newest few; an expired token is useless anyway.
        newest = sorted(tokens.items(), reverse=True)[:MAX_REMEMBERED_TOKENS]
        response.set_cookie(
            EDIT_COOKIE, ",".join(f"{cid}.{tok}" for cid, tok in newest), max_age=max_age,
            httponly=True, samesite="Lax", secure=secure,
        )
