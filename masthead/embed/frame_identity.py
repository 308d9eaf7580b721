"""The reader inside an embed frame, without cookies.

A frame on another site is a third-party context: browsers that block third-party cookies (Chromium with the
setting on, Safari, Firefox's strict mode) neither store nor send Masthead's cookies there, and ``SameSite=Lax``
cookies are never sent there anyway. So each frame page carries a **frame token**, signed with the site secret:
a fresh random guest id, the host origin, the thread, and (after signing in through the popup) the account.
``frame.js`` keeps it in memory and sends it in the ``X-Masthead-Frame`` header on its own requests (same-origin:
the frame is a Masthead page). This middleware turns a valid token into what the discussion code reads from
cookies (the guest's signed ``mh_reader``, the ``mh_edit`` tokens the frame got back, the account), and hands
back any cookie the discussion sets as a response header the frame keeps instead.

Why a hostile page cannot act as the reader: the token lives only in the frame's document, which another origin
cannot read (same-origin policy), and is sent only in a custom header, which a cross-origin page can attach only
after a CORS preflight Masthead never grants; the header is refused unless ``Sec-Fetch-Site`` says the request
came from a Masthead page (browsers set it; pages cannot). A token fetched by a server (curl) is a fresh guest's:
no one else's identity. See docs/embed.md, "Security".
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.core import signing
from django.http import HttpRequest, HttpResponse, JsonResponse

from masthead.discussion.readers import EDIT_COOKIE, READER_COOKIE, reader_cookie_value

FRAME_HEADER = "X-Masthead-Frame"
EDIT_HEADER = "X-Masthead-Edit"
_SALT = "masthead.embed.frame"
_EDIT_VALUE = re.compile(r"[0-9A-Za-z_.,-]{0,1000}")


@dataclass(frozen=True)
class FrameIdentity:
    reader_id: str
    origin: str
    thread_id: int
    user_id: int | None = None


def new_identity(origin: str, thread_id: int, user_id: int | None = None) -> FrameIdentity:
    return FrameIdentity(reader_id=secrets.token_urlsafe(18), origin=origin, thread_id=thread_id, user_id=user_id)


def sign(identity: FrameIdentity) -> str:
    data = {"r": identity.reader_id, "o": identity.origin, "t": identity.thread_id, "u": identity.user_id}
    return signing.dumps(data, salt=_SALT, compress=False)


def read(token: str) -> FrameIdentity | None:
    """The identity in a frame token, or None when it is forged, altered or older than EMBED_FRAME_TOKEN_AGE."""
    if len(token) > 600:
        return None
    try:
        data = signing.loads(token, salt=_SALT, max_age=settings.EMBED_FRAME_TOKEN_AGE)
    except signing.BadSignature:
        return None
    try:
        return FrameIdentity(reader_id=str(data["r"]), origin=str(data["o"]), thread_id=int(data["t"]),
                             user_id=None if data["u"] is None else int(data["u"]))
    except (KeyError, TypeError, ValueError):
        return None


def _refuse(message: str) -> JsonResponse:
    return JsonResponse({"detail": message, "code": "frame_refused"}, status=403)


class FrameIdentityMiddleware:
    """For requests carrying ``X-Masthead-Frame``: the frame's reader instead of any cookie (see module doc)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = request.headers.get(FRAME_HEADER)
        if token is None:
            return self.get_response(request)
        # Only the frame itself (a Masthead page) sends the header; a browser names any other sender.
        if request.META.get("HTTP_SEC_FETCH_SITE", "same-origin").strip().lower() != "same-origin":
            return _refuse("This request did not come from the discussion frame.")
        identity = read(token)
        if identity is None:
            return _refuse("This discussion has been open too long. Please reload the page.")
        edit = request.headers.get(EDIT_HEADER, "")
        # Whatever cookies arrived, the frame's identity is the one that counts (one reader per frame).
        for name in list(request.COOKIES):
            if name in (READER_COOKIE, EDIT_COOKIE, settings.SESSION_COOKIE_NAME):
                del request.COOKIES[name]
        request.COOKIES[READER_COOKIE] = reader_cookie_value(identity.reader_id)
        if edit and _EDIT_VALUE.fullmatch(edit):
            request.COOKIES[EDIT_COOKIE] = edit
        request.user = _user(identity.user_id)
        response = self.get_response(request)
        issued = response.cookies.get(EDIT_COOKIE)
        if issued is not None and issued.value:
            response[EDIT_HEADER] = issued.value
        for name in (READER_COOKIE, EDIT_COOKIE):
            response.cookies.pop(name, None)
        return response


def _user(user_id: int | None) -> User | AnonymousUser:
    if user_id is not None:
        user = User.objects.filter(pk=user_id, is_active=True).first()
        if user is not None:
            return user
    return AnonymousUser()
