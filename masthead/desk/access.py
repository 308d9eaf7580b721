"""The desk's view guards and small request helpers: staff only, role-checked, never cached."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec

from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from masthead.desk import roles
from masthead.publishing.editing import EditConflict

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, P], HttpResponse]


def writers_only(view: View[P]) -> View[P]:
    """Signed-out people go to sign in; signed-in people without the writer's role get 403."""

    @wraps(view)
    @never_cache
    def guarded(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not roles.can_write(request.user):
            raise PermissionDenied("The desk is for the publication's writers and editors.")
        return view(request, *args, **kwargs)

    return guarded


def publishers_only(view: View[P]) -> View[P]:
    """Publishing, scheduling, unpublishing and corrections: Editors and superusers."""

    @wraps(view)
    @writers_only
    def guarded(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not roles.can_publish(request.user):
            raise PermissionDenied("Only editors may publish, schedule or unpublish a story.")
        return view(request, *args, **kwargs)

    return guarded


def acting_user(request: HttpRequest) -> User:
    """The signed-in user of a view the guards above let through (PermissionDenied should another arrive)."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied("Sign in first.")
    return user


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def json_body(request: HttpRequest) -> dict[str, object]:
    """The request's JSON object, or a ValidationError (a 400 with a message) for anything else."""
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError("The request was not JSON.") from error
    if not isinstance(data, dict):
        raise ValidationError("The request was not a JSON object.")
    return data


def error_text(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def conflict_response(conflict: EditConflict) -> JsonResponse:
    return JsonResponse({"error": str(conflict), "version": conflict.article.version,
                         "saved_by": conflict.by_name}, status=409)
