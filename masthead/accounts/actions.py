"""Every change to reader identity: ``check_*`` validates, ``do_*`` writes. Views own the transaction.

Sign-in and verification answer the same whatever the address: a link is issued and mailed for any valid
address (a sign-in link for an unknown address creates the account when used), so neither the answer nor the
work done tells whether the address is known. See docs/identity.md.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from masthead.accounts import claims, links, throttle
from masthead.accounts.confusables import forget_protected_names, is_protected_name
from masthead.accounts.mail import send_link_on_commit
from masthead.accounts.models import EmailLink, ReaderIdentity
from masthead.accounts.tiers import is_staff_user, normalize_email
from masthead.core.errors import ActionError
from masthead.core.names import MAX_NAME_LENGTH, InvalidName, NameTooLong, normalize_display_name
from masthead.core.network import keyed_hash
from masthead.core.ratelimit import hit
from masthead.discussion.models import Comment

MAX_EMAIL = 254


class AccountsError(ActionError):
    """An accounts request refused (``core.errors.ActionError``)."""


# --- addresses, redirects ----------------------------------------------------------------------------------


def check_email(raw: str) -> str:
    email = normalize_email(raw)
    if len(email) > MAX_EMAIL:
        raise AccountsError("That email address is too long.", 413, "too_long")
    try:
        EmailValidator()(email)
    except ValidationError:
        raise AccountsError("Please give a valid email address.", 400, "bad_email") from None
    return email


def safe_next(raw: str, host: str, *, secure: bool) -> str:
    """``raw`` when it stays on our own host (relative or same host), else the account page."""
    if raw and len(raw) <= 500 and url_has_allowed_host_and_scheme(raw, allowed_hosts={host}, require_https=secure):
        return raw
    return "/account/"


def check_link_rate(email: str, network: str) -> None:
    """Emailed links, in one hour windows: per address from this network, per network, and per address from all
    networks together (a bound on mail to one mailbox) except at a network where the address signed in before,
    so a stranger asking from elsewhere cannot keep the owner from getting a link."""
    address = keyed_hash(email, "email")
    here = hit("accounts-addr-net", f"{address}:{network}", limit=settings.ACCOUNTS_LINKS_PER_ADDRESS, window=3600)
    per_network = hit("accounts-net", network, limit=settings.ACCOUNTS_LINKS_PER_NETWORK, window=3600)
    everywhere = throttle.is_familiar(throttle.address_key(email), network) or hit(
        "accounts-addr", address, limit=getattr(settings, "ACCOUNTS_LINKS_PER_ADDRESS_ALL", 20), window=3600
    ).allowed
    if not (here.allowed and per_network.allowed and everywhere):
        raise AccountsError("Too many attempts; please wait a while and try again.", 429, "rate_limited")


# --- links ---------------------------------------------------------------------------------------------------


def do_request_link(purpose: str, raw_email: str, *, network: str, next_url: str = "", claim: bool = False) -> None:
    """Issue and mail a link. The same work and answer for every valid address, known or not."""
    email = check_email(raw_email)
    check_link_rate(email, network)
    token = links.issue(purpose, email, next_url=next_url, claim=claim)
    send_link_on_commit(purpose, email, token)


@dataclass
class LinkOutcome:
    identity: ReaderIdentity
    user: User | None  # the account to sign in (sign-in links)
    next_url: str
    claimed: int


def _user_for(email: str) -> User | None:
    return get_user_model().objects.filter(email__iexact=email).order_by("pk").first()


def _prove(email: str) -> ReaderIdentity:
    identity, _ = ReaderIdentity.objects.select_for_update().get_or_create(email=email)
    if identity.verified_at is None:
        identity.verified_at = timezone.now()
        identity.save(update_fields=["verified_at"])
    return identity


def do_mark_verified(raw_email: str) -> ReaderIdentity:
    """Record that the owner of ``raw_email`` proved it by another link of ours (a subscription confirmation)."""
    return _prove(check_email(raw_email))


def _display_name_from_comments(email: str) -> str:
    name = (Comment.objects.filter(author_email__iexact=email).exclude(author_name="")
            .order_by("-created_at").values_list("author_name", flat=True).first())
    try:
        return check_display_name(name or "")
    except AccountsError:
        return ""


def check_claim_request(browser_key: str, keep_this_browser: bool, raw_chosen: list[str]) -> claims.ClaimRequest:
    """What the reader ticked on the link's confirmation page; malformed or too many ids are refused."""
    if len(raw_chosen) > claims.MAX_CHOSEN:
        raise AccountsError("Too many comments chosen at once.", 413, "too_many")
    if not all(raw.isascii() and raw.isdigit() and len(raw) <= 18 for raw in raw_chosen):
        raise AccountsError("Malformed comment choice.", 400, "bad_choice")
    return claims.ClaimRequest(browser_key if keep_this_browser else "", tuple(int(raw) for raw in raw_chosen))


def do_use_link(purpose: str, token: str, *, claim: claims.ClaimRequest = claims.NOTHING) -> LinkOutcome:
    """Use a link once: prove the address, create or find the account (sign-in), keep the guest comments the reader
    chose (``claims.py``: this browser's, or each listed and ticked)."""
    link = links.consume(token, purpose)
    if link is None:
        raise AccountsError("This link has expired or was already used. Please ask for a new one.", 410, "gone")
    identity = _prove(link.email)
    user = None
    if purpose == EmailLink.Purpose.SIGN_IN:
        user = identity.user or _user_for(link.email)
        if user is not None and is_staff_user(user):
            # A staff account is worth more than a mailbox: staff sign in with their password.
            raise AccountsError("Staff accounts sign in with their password.", 403, "staff")
        if user is None:
            name = identity.display_name or _display_name_from_comments(link.email)
            user = get_user_model().objects.create_user(
                username=f"reader-{secrets.token_hex(6)}", email=link.email, first_name=name[:150]
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
            identity.display_name = identity.display_name or name
        if not user.is_active:
            raise AccountsError("This account is closed.", 403, "inactive")
        if identity.user_id is None:
            identity.user = user
            identity.save(update_fields=["user", "display_name"])
            claims.do_move_claims_to_account(identity)
    # The confirmation page is where the reader chooses (nothing is ticked unless they asked): its answer decides.
    claimed = claims.do_claim_guest_comments(identity, claim)
    return LinkOutcome(identity, user, link.next_url, claimed)


# --- passwords --------------------------------------------------------------------------------------------


def check_password_sign_in(raw_email: str, password: str, *, network: str) -> User | None:
    """The account for this address and password, or None. Unknown addresses cost one hash too (timing).
    Throttled per account and network with backoff (``throttle.py``); a refusal says when to try again."""
    email = check_email(raw_email)
    user = _user_for(email)
    attempt = throttle.Attempt(throttle.account_key(user, email), network)
    wait = throttle.reserve(attempt)
    if wait:
        raise AccountsError(throttle.wait_message(wait) + " You can also ask for a sign-in link by email.", 429,
                            "throttled")
    if user is None or not user.has_usable_password():
        make_password(password)  # the same Argon2 work as a real check
        return None
    if not user.check_password(password) or not user.is_active:
        return None
    throttle.succeeded(attempt)
    return user


def do_set_password(user: User, password: str) -> None:
    if len(password) > 1000:
        raise AccountsError("That password is too long.", 413, "too_long")
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise AccountsError(" ".join(error.messages), 400, "weak_password") from None
    user.set_password(password)
    user.save(update_fields=["password"])


# --- display names and badge ------------------------------------------------------------------------------


def check_display_name(raw: str, *, staff: bool = False) -> str:
    """The cleaned name; refused when empty or (for readers) confusable with a staff member's or reserved name."""
    if len(raw) > 1000:
        raise AccountsError("That name is too long.", 413, "too_long")
    try:
        name = normalize_display_name(raw, max_length=MAX_NAME_LENGTH)
    except NameTooLong as error:
        raise AccountsError(f"That name is too long (at most {error.max_length} characters).", 413,
                            "too_long") from None
    except InvalidName:
        raise AccountsError("Please give a name.", 400, "name_required") from None
    if not staff and is_protected_name(name):
        raise AccountsError("That name is reserved or too close to a staff member's; please choose another.",
                            400, "name_reserved")
    return name


def do_set_display_name(user: User, raw: str) -> str:
    staff = is_staff_user(user)
    name = check_display_name(raw, staff=staff)
    ReaderIdentity.objects.filter(user=user).update(display_name=name)
    user.first_name, user.last_name = name[:150], ""
    user.save(update_fields=["first_name", "last_name"])
    if staff:
        forget_protected_names()
    return name


def do_set_badge(identity: ReaderIdentity, show: bool) -> None:
    ReaderIdentity.objects.filter(pk=identity.pk).update(show_supporter_badge=show)
