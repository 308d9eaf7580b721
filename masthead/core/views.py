from __future__ import annotations

import mimetypes
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


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
def media(request: HttpRequest, path: str) -> HttpResponse:
    """Editor-uploaded media (featured images) in the embedded setup; nginx serves MEDIA_ROOT when scaled.

    Readers upload nothing. Paths are resolved inside MEDIA_ROOT, and only image types are served.
    """
    if "\x00" in path:
        # The file system cannot name it (Path raises ValueError): a malformed request, not a missing file.
        return HttpResponseBadRequest("Malformed media path.", content_type="text/plain")
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        target = (root / path).resolve()
        found = root in target.parents and target.is_file()
    except OSError:  # a name longer than the file system allows, and the like
        found = False
    if not found:
        raise Http404("No such file")
    content_type, _ = mimetypes.guess_type(target.name)
    if content_type not in {"image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"}:
        raise Http404("No such file")
    response = FileResponse(target.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response
