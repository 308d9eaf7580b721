"""Reader pages that every anonymous reader shares, so nginx's micro-cache or a CDN can serve them.

A request without any personal cookie gets a page that depends on nothing but the URL: no CSRF token in its
forms (masthead.core.csrf accepts browsers' same-origin posts without one), no session read (which would add
``Vary: Cookie``), no cookie set. ``shared_page`` marks such a request; ``SharedPageMiddleware`` then sends
``Cache-Control: public, max-age=0, s-maxage=1`` when the response indeed sets no cookie and does not vary on
cookies, and ``private, max-age=0`` on the same pages for readers with a personal cookie. Why those values:
docs/architecture.md, "Cacheable public pages".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils.cache import has_vary_header

# Browsers revalidate every time (max-age=0, cheap with the ETag); shared caches keep the page one second,
# the freshness bound for new comments (DESIGN.md).
SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=1"
PERSONAL_CACHE_CONTROL = "private, max-age=0"
# Cookies that change what a page shows: the session (signed-in readers, staff), a guest's identity and edit
# tokens (their own comments awaiting review, edit links) and flash messages. deploy/nginx-microcache.conf
# bypasses its cache on the first three.
PERSONAL_COOKIES = ("sessionid", "mh_reader", "mh_edit", "messages")


def personal_cookie_names() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES)


def is_shared(request: HttpRequest) -> bool:
    return bool(getattr(request, "shared_page", False))


def shared_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a reader page as shareable when the request carries no personal cookie."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not any(name in request.COOKIES for name in personal_cookie_names()):
            request.shared_page = True  # type: ignore[attr-defined]
            # Without a session cookie the reader is anonymous; saying so directly keeps the session unread.
            request.user = AnonymousUser()
        response = view(request, *args, **kwargs)
        response.reader_page = True  # type: ignore[attr-defined]
        return response

    return wrapped


class SharedPageMiddleware:
    """Decides Cache-Control for reader pages after every other middleware has set its cookies and Vary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not getattr(response, "reader_page", False) or "Cache-Control" in response:
            return response
        if response.status_code not in (200, 304):
            return response
        if is_shared(request) and not response.cookies and not has_vary_header(response, "Cookie"):
            response["Cache-Control"] = SHARED_CACHE_CONTROL
        else:
            response["Cache-Control"] = PERSONAL_CACHE_CONTROL
        return response
