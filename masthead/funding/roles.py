"""Who may handle money: record manual donations and export the donor CSV (it holds emails).

Superusers and staff with the funding permissions, which the "Funding" group grants (core.staff_roles).
Moderators and editors are staff too, but money and donors' addresses are not theirs to handle.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

RECORD = "funding.add_donation"  # a manual donation is a new ledger row
EXPORT = "funding.view_donation"  # the CSV shows every row with the donor's email


def can(user: Any, permission: str) -> bool:
    return bool(getattr(user, "is_active", False) and getattr(user, "is_staff", False) and user.has_perm(permission))


def requires(permission: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Staff only (others go to the admin login), then 403 unless the member holds ``permission``."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not can(request.user, permission):
                raise PermissionDenied("Only staff who handle money may do this.")
            return view(request, *args, **kwargs)

        return staff_member_required(checked)

    return decorate
