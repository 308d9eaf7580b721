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
    query = request.META.get("QUERY_STRING", "")
    if not query or request.path != "/":
        return None
    pairs = [(key, value) for key, value in parse_qsl(query) if key in OLD_QUERY_KEYS]
    return f"/?{urlencode(pairs)}" if pairs else None


def find_redirect(path: str) -> str | None:
    candidates = [path, path + "/" if not path.endswith("/") else path.rstrip("/") or "/"]
    row = Redirect.objects.filter(old_path__in=candidates).values_list("target", flat=True).first()
    return row


class OldAddressRedirectMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD"):
            address = _query_address(request)
            if address is not None:
                target = find_redirect(address)
                if target is not None:
                    return HttpResponsePermanentRedirect(target)
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            target = find_redirect(request.path)
            if target is not None:
                return HttpResponsePermanentRedirect(target)
        return response
