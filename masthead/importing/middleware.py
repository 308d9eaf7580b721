"""Old addresses of an imported site answer 301 to their new pages (``Redirect`` rows written by the import).

Consulted only when Django answered 404, so an existing page never pays a query for it; the one exception is the
home page with a WordPress query string ("/?p=12", "/?cat=3", "/?feed=rss2"), which Django would otherwise answer
with the home page: those few parameters are checked by name first, without a query. A 301 carries no
``Cache-Control: public``, so neither the in-process page cache nor nginx keeps it as a shared page.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from masthead.importing.models import Redirect

# WordPress's query-string addresses; any other query string on the home page is the home page's own.
OLD_QUERY_KEYS = ("p", "page_id", "cat", "tag", "author", "feed", "attachment_id")


def _query_address(request: HttpRequest) -> str | None:
    """"<path>?p=12" from the request when its query string has WordPress's parameters, else None."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return None
    pairs = [(key, value) for key, value in parse_qsl(query) if key in OLD_QUERY_KEYS]
    return f"{request.path}?{urlencode(pairs)}" if pairs else None


def find_redirect(*addresses: str) -> str | None:
    candidates: list[str] = []
    for address in addresses:
        path, _, query = address.partition("?")
        other = path + "/" if not path.endswith("/") else path.rstrip("/") or "/"
        candidates += [address, f"{other}?{query}" if query else other]
    return Redirect.objects.filter(old_path__in=candidates).values_list("target", flat=True).first()


class OldAddressRedirectMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reading = request.method in ("GET", "HEAD")
        if reading and request.path == "/":
            address = _query_address(request)
            if address is not None:
                target = find_redirect(address)
                if target is not None:
                    return HttpResponsePermanentRedirect(target)
        response = self.get_response(request)
        if response.status_code == 404 and reading:
            address = _query_address(request)
            target = find_redirect(request.path, *([address] if address else []))
            if target is not None:
                return HttpResponsePermanentRedirect(target)
        return response
