from __future__ import annotations

import logging
import mimetypes
import sys
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseBase,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
    JsonResponse,
)
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from masthead.core import health
from masthead.core.unavailable import RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE, database_unavailable

log = logging.getLogger(__name__)


def _bare(title: str, message: str) -> str:
    """The last resort, if even the site frame cannot be rendered (a template or static manifest broken by a
    deploy, a URL configuration without the site's pages): still a readable page on a phone."""
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head>'
            f"<body><h1>{title}</h1><p>{message}</p></body></html>")


BARE_500 = _bare("Something went wrong on our side", "Please try again in a moment.")
BARE_503 = _bare("We are back in a moment", "Part of the site is restarting. Please try again in a few seconds.")


def _framed(render: Callable[[], HttpResponse], fallback: type[HttpResponse], title: str, message: str) -> HttpResponse:
    """One of Django's error views (templates/<status>.html in the site frame), or a bare page should it fail."""
    try:
        return render()
    except Exception:
        log.exception("The %s page could not be rendered", fallback.status_code)
        return fallback(_bare(title, message))


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler404 (handler403 and handler400 below work the same way)."""
    return _framed(lambda: defaults.page_not_found(request, exception), HttpResponseNotFound,
                   "Page not found", "We could not find that page.")


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _framed(lambda: defaults.permission_denied(request, exception), HttpResponseForbidden,
                   "Not allowed", "This page is not open to you.")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _framed(lambda: defaults.bad_request(request, exception), HttpResponseBadRequest,
                   "Bad request", "We could not understand that request.")


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the error page in the site frame, from settings alone.

    No RequestContext (its context processors read the session and the user), no query (the topic links need
    the database, which may be what failed): the page renders when the database is down.

    When the error is the database being unreachable (core/unavailable.py), the answer is a 503 with a
    Retry-After instead: the request may be repeated as it is, and a balancer or a script knows to wait; API
    clients get it as JSON.
    """
    unavailable = database_unavailable(sys.exc_info()[1])
    if unavailable and request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": UNAVAILABLE_MESSAGE}, status=503)
    else:
        context = {
            "publication_name": settings.PUBLICATION_NAME,
            "publication_tagline": settings.PUBLICATION_TAGLINE,
            "publication_language": settings.PUBLICATION_LANGUAGE,
        }
        template, bare = ("503.html", BARE_503) if unavailable else ("500.html", BARE_500)
        try:
            body = loader.get_template(template).render(context)
        except Exception:  # never let the error page raise in its turn
            log.exception("The %s page could not be rendered", template)
            body = bare
        response = HttpResponse(body, status=503) if unavailable else HttpResponseServerError(body)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Each dependency's state; 503 when a required one (the database) is down. See core/health.py."""
    status, body = health.report()
    return JsonResponse(body, status=status)


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """For the balancer's rotation: the database answers, migrations are applied, the process is not draining."""
    status, body = health.readiness()
    return JsonResponse(body, status=status)


@require_safe
def media(request: HttpRequest, path: str) -> HttpResponseBase:
    """Editor-uploaded media (featured images), read through the media storage (local folder or bucket).

    Readers upload nothing. Only image types are served; a name the storage refuses (outside its folder), cannot
    name, or does not hold is a 404. With object storage pages link to the bucket instead; this route still
    answers for /media/ links written into article bodies.
    """
    if "\x00" in path:
        # The file system cannot name it: a malformed request, not a missing file.
        return HttpResponseBadRequest("Malformed media path.", content_type="text/plain")
    content_type, _ = mimetypes.guess_type(path)
    if content_type not in {"image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"}:
        raise Http404("No such file")
    try:
        stored = default_storage.open(path, "rb")
    except (SuspiciousFileOperation, OSError, ValueError):  # outside the folder, unnamable, missing, unavailable
        raise Http404("No such file") from None
    response = FileResponse(stored, content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response
