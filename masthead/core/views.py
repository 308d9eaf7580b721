from __future__ import annotations

import logging
import mimetypes
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import FileResponse, Http404, HttpRequest, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)

# The last resort, if even the site frame cannot be rendered (a template or static manifest broken by a deploy).
BARE_500 = ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Server error</title></head>'
            "<body><h1>Something went wrong on our side</h1><p>Please try again in a moment.</p></body></html>")


def server_error(request: HttpRequest) -> HttpResponseServerError:
    """handler500: the error page in the site frame, from settings alone.

    No RequestContext (its context processors read the session and the user), no query (the topic links need
    the database, which may be what failed): the page renders when the database is down.
    """
    context = {
        "publication_name": settings.PUBLICATION_NAME,
        "publication_tagline": settings.PUBLICATION_TAGLINE,
        "publication_language": settings.PUBLICATION_LANGUAGE,
    }
    try:
        body = loader.get_template("500.html").render(context)
    except Exception:  # never let the error page raise in its turn
        log.exception("The 500 page could not be rendered")
        body = BARE_500
    response = HttpResponseServerError(body)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness: the database answers. Used by load balancers and `make run`."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means "not ready"
        return JsonResponse({"status": "error", "database": type(exc).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


@require_safe
def media(request: HttpRequest, path: str) -> FileResponse:
    """Editor-uploaded media (featured images) in the embedded setup; nginx serves MEDIA_ROOT when scaled.

    Readers upload nothing. Paths are resolved inside MEDIA_ROOT, and only image types are served.
    """
    root = Path(settings.MEDIA_ROOT).resolve()
    target = (root / path).resolve()
    if root not in target.parents or not target.is_file():
        raise Http404("No such file")
    content_type, _ = mimetypes.guess_type(target.name)
    if content_type not in {"image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"}:
        raise Http404("No such file")
    response = FileResponse(target.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response
