"""Reader pages that every anonymous reader shares, so nginx's micro-cache or a CDN can serve them.

A request without any personal cookie gets a page that depends on nothing but the URL: no CSRF token in its
forms (masthead.core.csrf accepts browsers' same-origin posts without one), no session read (which would add
``Vary: Cookie``), no cookie set. ``shared_page`` marks such a request; ``SharedPageMiddleware`` then sends
``Cache-Control: public, max-age=0, s-maxage=1`` when the response indeed sets no cookie and does not vary on
cookies, and ``private, max-age=0`` on the same pages for readers with a personal cookie. Why those values:
docs/architecture.md, "Cacheable public pages".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils.cache import has_vary_header

# Browsers revalidate every time (max-age=0, cheap with the ETag); shared caches keep the page one second,
# the freshness bound for new comments (DESIGN.md).
SHARED_SECONDS = 1
SHARED_CACHE_CONTROL = f"public, max-age=0, s-maxage={SHARED_SECONDS}"
PERSONAL_CACHE_CONTROL = "private, max-age=0"
# Cookies that change what a page shows: the session (signed-in readers, staff), a guest's identity and edit
# tokens (their own comments awaiting review, edit links) and flash messages. deploy/nginx-microcache.conf
# bypasses its cache on the first three.
PERSONAL_COOKIES = ("sessionid", "mh_reader", "mh_edit", "messages")


def personal_cookie_names() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES)


def last_shared_second(rendered_at: float) -> int:
    """The last whole Unix second in which a shared copy of a page read at ``rendered_at`` may be served.

    Caches that count in whole seconds (nginx) would keep a "1 second" copy for up to two; ending every copy at
    a second boundary instead keeps each one under a second old, whatever the clock granularity of the cache.
    """
    return int(rendered_at) + SHARED_SECONDS - 1


def accel_expires(rendered_at: float) -> str:
    """``X-Accel-Expires`` for nginx: ``@`` + the absolute time; nginx keeps the copy while its clock (whole
    seconds) has not passed it, so the copy ends at the next second boundary."""
    return f"@{last_shared_second(rendered_at)}"


def is_shared(request: HttpRequest) -> bool:
    return bool(getattr(request, "shared_page", False))


def shared_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a reader page as shareable when the request carries no personal cookie."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if share_if_anonymous(request):
            # Without a session cookie the reader is anonymous; saying so directly keeps the session unread.
            request.user = AnonymousUser()
        return view(request, *args, **kwargs)

    return wrapped


def share_if_anonymous(request: HttpRequest) -> bool:
    """Mark a reader request (a page, or an API answer that is the same for every reader) for
    ``SharedPageMiddleware``: shared when it carries no personal cookie, private otherwise. True when shared."""
    request.reader_page = True  # type: ignore[attr-defined]  # read back by the page cache middleware
    if any(name in request.COOKIES for name in personal_cookie_names()):
        return False
    request.shared_page = True  # type: ignore[attr-defined]  # read back by the page cache middleware
    request.shared_since = time.time()  # type: ignore[attr-defined]  # before any data is read
    return True


class SharedPageMiddleware:
    """Decides Cache-Control for reader pages after every other middleware has set its cookies and Vary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not getattr(request, "reader_page", False) or "Cache-Control" in response:
            return response
        if response.status_code not in (200, 304):
            return response
        if is_shared(request) and not response.cookies and not has_vary_header(response, "Cookie"):
            response["Cache-Control"] = SHARED_CACHE_CONTROL
            response["X-Accel-Expires"] = accel_expires(request.shared_since)  # type: ignore[attr-defined]  # set above
        else:
            response["Cache-Control"] = PERSONAL_CACHE_CONTROL
        return response
