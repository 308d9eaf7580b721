"""CSRF protection without a token for browsers: Fetch Metadata first, then Origin, then Django's token.

A cross-site request forgery is a request a browser sends to us on behalf of another site. Every browser since
2023 says where a request comes from in ``Sec-Fetch-Site``, which a page cannot forge, so for unsafe methods:

- ``Sec-Fetch-Site: same-origin`` (our own page) or ``none`` (the reader typed it, a bookmark): accepted;
- ``cross-site`` or ``same-site``: refused, even with a valid token, unless ``Origin`` is one of
  ``CSRF_TRUSTED_ORIGINS`` (an explicit allow-list); a cross-site form post is exactly the attack;
- no ``Sec-Fetch-Site`` (an older browser, plain HTTP to a remote host, a script): accepted when ``Origin`` is
  present and is our own origin (or a trusted one), refused when ``Origin`` is another site;
- neither header: Django's usual check (``csrftoken`` cookie plus the token in the form or ``X-CSRFToken``).

So public pages need no per-reader token and can be cached and shared (docs/architecture.md, "CSRF"). The
session and reader cookies are ``SameSite=Lax`` as well, a second layer for the browsers this does not cover.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core import checks
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.middleware.csrf import REASON_BAD_ORIGIN, CsrfViewMiddleware
from django.utils.http import is_same_domain

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
REASON_CROSS_SITE = "Cross-site request (Sec-Fetch-Site: %s)."


class FetchMetadataCsrfMiddleware(CsrfViewMiddleware):
    """Django's CsrfViewMiddleware with the Fetch Metadata / Origin policy above in front of the token check."""

    def process_view(
        self, request: HttpRequest, callback: Callable[..., Any], callback_args: Any, callback_kwargs: Any
    ) -> HttpResponseForbidden | None:
        if (
            request.method in SAFE_METHODS
            or getattr(request, "csrf_processing_done", False)
            or getattr(callback, "csrf_exempt", False)
            or getattr(request, "_dont_enforce_csrf_checks", False)
        ):
            return super().process_view(request, callback, callback_args, callback_kwargs)
        site = request.META.get("HTTP_SEC_FETCH_SITE", "").strip().lower()
        origin = request.META.get("HTTP_ORIGIN")
        if site in ("same-origin", "none"):
            return self._accept(request)  # type: ignore[attr-defined]  # CsrfViewMiddleware's private API
        if site in ("cross-site", "same-site"):
            if origin is not None and self._trusted_origin(origin):
                return self._accept(request)  # type: ignore[attr-defined]  # CsrfViewMiddleware's private API
            return self._reject(request, REASON_CROSS_SITE % site)  # type: ignore[attr-defined]  # CsrfViewMiddleware's private API
        if origin is not None:
            if self._origin_verified(request):  # type: ignore[attr-defined]  # CsrfViewMiddleware's private API
                return self._accept(request)  # type: ignore[attr-defined]  # CsrfViewMiddleware's private API
            return self._reject(request, REASON_BAD_ORIGIN % origin)  # type: ignore[attr-defined]  # CsrfViewMiddleware's private API
        return super().process_view(request, callback, callback_args, callback_kwargs)

    def _trusted_origin(self, origin: str) -> bool:
        """Listed in CSRF_TRUSTED_ORIGINS (exactly, or under a ``*.`` wildcard); our own host does not count."""
        if origin in self.allowed_origins_exact:
            return True
        scheme, _, netloc = origin.partition("://")
        return any(is_same_domain(netloc, host) for host in self.allowed_origin_subdomains.get(scheme, ()))


def _no_view(request: HttpRequest) -> HttpResponse:  # pragma: no cover - never called, only inspected
    return HttpResponseForbidden()


def check_csrf(request: HttpRequest) -> HttpResponse | None:
    """The same policy for the JSON API's cookie-authenticated writes (django-ninja calls Django's own
    middleware in ``ninja.utils.check_csrf``; ``CsrfReader`` calls this instead). None when accepted."""
    middleware = FetchMetadataCsrfMiddleware(lambda _request: HttpResponseForbidden())
    request.csrf_processing_done = False  # type: ignore[attr-defined]  # Django's own flag
    middleware.process_request(request)
    return middleware.process_view(request, _no_view, (), {})


@checks.register(checks.Tags.security, deploy=True)
def check_csrf_middleware(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """Stands in for Django's security.W003 (silenced in settings: it looks for Django's own class path in
    MIDDLEWARE, which this middleware replaces) and W016, which Django runs only when W003 would pass."""
    path = f"{FetchMetadataCsrfMiddleware.__module__}.{FetchMetadataCsrfMiddleware.__qualname__}"
    if path not in settings.MIDDLEWARE and "django.middleware.csrf.CsrfViewMiddleware" not in settings.MIDDLEWARE:
        return [checks.Warning(f"No CSRF middleware: add {path} to MIDDLEWARE.", id="masthead.W001")]
    if not settings.CSRF_COOKIE_SECURE:
        return [checks.Warning("CSRF_COOKIE_SECURE is off: the csrftoken cookie can leak over plain HTTP.",
                               id="masthead.W002")]
    return []
