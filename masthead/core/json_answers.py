"""JSON answers that skip ninja's output validation, for hot endpoints whose data is built in the schema's shape.

ninja validates every answer against its declared schema, field by field; for a page of 27 comments that was
a third of the request (docs/benchmarks.md, "Deep thread"). Endpoints that assemble their answer from stored,
already-checked values in exactly the schema's shape can return it through here: the same renderer and content
type as ninja's own answers, and the schema still documents it (tests check the answers against it).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja.renderers import JSONRenderer

_renderer = JSONRenderer()


def json_answer(request: HttpRequest, data: Any, status: int = 200) -> HttpResponse:
    return HttpResponse(_renderer.render(request, data, response_status=status), status=status,
                        content_type=f"{_renderer.media_type}; charset={_renderer.charset}")
