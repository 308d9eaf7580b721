"""Staff tools: privacy settings, reader identities, and export/erasure for a request received by mail.

The same export and erasure as the reader's own page; also `masthead privacy_export` / `privacy_erase`.
"""

from __future__ import annotations

import json

from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from masthead.accounts.models import PrivacySettings, ReaderIdentity
from masthead.accounts.privacy import EraseOptions, erase_data, export_data, subject_for
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
    def export_selected(self, request: HttpRequest, queryset) -> HttpResponse:  # type: ignore[no-untyped-def]
        data = [export_data(subject_for(identity.email, identity.user)) for identity in queryset]
        response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="reader-data.json"'
        return response

    @admin.action(description="Erase the selected readers' data (comments become tombstones)")
    def erase_selected(self, request: HttpRequest, queryset) -> None:  # type: ignore[no-untyped-def]
        subjects = [subject_for(identity.email, identity.user) for identity in queryset]
        with transaction.atomic():
            for subject in subjects:
                erase_data(subject, EraseOptions())
        self.message_user(request, f"Erased the data of {len(subjects)} reader(s).", messages.SUCCESS)
