"""The JSON API (django-ninja): thin endpoints over each domain's actions. Schema at /api/openapi.json."""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from masthead.api.parser import UnicodeJsonParser, UnpairedSurrogate
from masthead.core.errors import ActionError, answer_headers

api = NinjaAPI(
    title="Masthead API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    parser=UnicodeJsonParser(),
)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # ninja answers any parser failure with "Cannot parse request body"; a lone surrogate gets its own words.
    detail = str(exc.__cause__) if isinstance(exc.__cause__, UnpairedSurrogate) else str(exc)
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(ValidationError)
def _malformed_input(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    # SECURITY.md: malformed input is a 400 (ninja's default is 422), with the field errors as detail.
    return api.create_response(request, {"detail": exc.errors}, status=400)


@api.exception_handler(ActionError)
def _refused(request: HttpRequest, exc: ActionError) -> HttpResponse:
    # Every app's refusal (core/errors.py), from any endpoint: its status, {"detail", "code"[, "field"]} and, with a
    # 429, Retry-After. Endpoints call actions and let these through.
    response = api.create_response(request, exc.as_json(), status=exc.status)
    answer_headers(response, exc)
    return response


# Each domain owns its router (``<app>/api.py``) and registers it here.
api.add_router("/discussion/", "masthead.discussion.api.router")
api.add_router("/funding/", "masthead.funding.api.router")
api.add_router("/passages/", "masthead.passages.api.router")
