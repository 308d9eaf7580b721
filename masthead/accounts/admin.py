"""Staff tools: privacy settings, reader identities, and export/erasure for a request received by mail; the
admin login's answer when the password throttle refuses an attempt.

The same export and erasure as the reader's own page; also `masthead privacy_export` / `privacy_erase`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from masthead.accounts.backends import RETRY_AFTER_ATTR
from masthead.accounts.models import PrivacySettings, ReaderIdentity
from masthead.accounts.privacy import EraseOptions, erase_data, export_data, subject_for
from masthead.accounts.throttle import wait_message
from masthead.core.admin import SingletonSettingsMixin


@admin.register(PrivacySettings)
class PrivacySettingsAdmin(SingletonSettingsMixin, admin.ModelAdmin):
    list_display = ("__str__", "network_retention_days", "allow_comment_removal")


@admin.register(ReaderIdentity)
class ReaderIdentityAdmin(admin.ModelAdmin):
    list_display = ("email", "user", "verified_at", "display_name")
    search_fields = ("email",)
    readonly_fields = ("email", "user", "verified_at", "created_at")
    actions = ("export_selected", "erase_selected")

    @admin.action(description="Export the selected readers' data (JSON)")
    def export_selected(self, request: HttpRequest, queryset: QuerySet[ReaderIdentity]) -> HttpResponse:
        data = [export_data(subject_for(identity.email, identity.user)) for identity in queryset]
        response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="reader-data.json"'
        return response

    @admin.action(description="Erase the selected readers' data (comments become tombstones)")
    def erase_selected(self, request: HttpRequest, queryset: QuerySet[ReaderIdentity]) -> None:
        subjects = [subject_for(identity.email, identity.user) for identity in queryset]
        with transaction.atomic():
            for subject in subjects:
                erase_data(subject, EraseOptions())
        self.message_user(request, f"Erased the data of {len(subjects)} reader(s).", messages.SUCCESS)


class ThrottledAdminLoginForm(AdminAuthenticationForm):
    """Says "try again in N minutes" instead of "wrong password" when the throttle refused the attempt."""

    def get_invalid_login_error(self) -> ValidationError:
        wait = getattr(self.request, RETRY_AFTER_ATTR, 0)
        if wait:
            return ValidationError(wait_message(wait), code="throttled")
        return super().get_invalid_login_error()


LoginView = Callable[[HttpRequest, dict[str, Any] | None], HttpResponse]


def _answer_429_when_throttled(login_view: LoginView) -> LoginView:
    @wraps(login_view)
    def view(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        response = login_view(request, extra_context)
        wait = getattr(request, RETRY_AFTER_ATTR, 0)
        if wait:
            response.status_code = 429
            response["Retry-After"] = str(wait)
        return response

    return view


admin.site.login_form = ThrottledAdminLoginForm
# The admin site is Django's default instance; its URLs are built after this module is imported (autodiscover).
# Wraps the default site's own view; a method assigned on the instance, which the types cannot express.
admin.site.login = _answer_429_when_throttled(admin.site.login)  # type: ignore[method-assign, assignment]
