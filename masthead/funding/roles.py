"""Who may handle money: record manual donations and export the donor CSV (it holds emails).

Superusers and staff with the funding permissions, which the "Funding" group grants (core.staff_roles).
Moderators and editors are staff too, but money and donors' addresses are not theirs to handle.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeGuard

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from masthead.core.actors import Actor

RECORD = "funding.add_donation"  # a manual donation is a new ledger row
EXPORT = "funding.view_donation"  # the CSV shows every row with the donor's email

View = Callable[..., HttpResponseBase]


def can(user: Actor, permission: str) -> TypeGuard[User]:
    return isinstance(user, User) and user.is_active and user.is_staff and user.has_perm(permission)


def requires(permission: str) -> Callable[[View], View]:
    """Staff only (others go to the admin login), then 403 unless the member holds ``permission``."""

    def decorate(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not can(request.user, permission):
                raise PermissionDenied("Only staff who handle money may do this.")
            return view(request, *args, **kwargs)

        return staff_member_required(checked)

    return decorate
