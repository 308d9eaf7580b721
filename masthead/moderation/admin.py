"""Admin pages for the publisher's moderation settings, word rules and bans; decisions and the audit log read-only.

Every save made here is written to the audit log, like the same change made anywhere else.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.models import User
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest

from masthead.core.admin import ReadOnlyAdmin, SingletonSettingsMixin
from masthead.moderation.audit import record
from masthead.moderation.models import AuditLog, Ban, ModerationDecision, ModerationSettings, WordRule


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        action = f"{obj._meta.model_name}.{'change' if change else 'create'}"
        record(request.user, action, obj, changed=sorted(form.changed_data))

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        record(request.user, f"{obj._meta.model_name}.delete", obj)
        super().delete_model(request, obj)


@admin.register(ModerationSettings)
class ModerationSettingsAdmin(SingletonSettingsMixin, AuditedAdmin):
    list_display = ["__str__", "hold_threshold", "reject_threshold", "active_model", "shadow_model"]


@admin.register(WordRule)
class WordRuleAdmin(AuditedAdmin):
    list_display = ["pattern", "is_regex", "action", "enabled", "note", "created_at"]
    list_filter = ["action", "enabled", "is_regex"]
    search_fields = ["pattern", "note"]
    readonly_fields = ["created_at"]


@admin.register(Ban)
class BanAdmin(AuditedAdmin):
    list_display = ["kind", "value", "shadow", "reason", "created_by", "created_at", "expires_at", "lifted_at"]
    list_filter = ["kind", "shadow"]
    search_fields = ["value", "reason"]
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        # The admin lets only signed-in staff this far, and this admin edits only bans.
        if not change and isinstance(obj, Ban) and isinstance(request.user, User):
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "target_type", "target_id", "source", "action", "model_id", "model_version"]
    list_filter = ["source", "action"]


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "actor_name", "action", "target_type", "target_id", "reason"]
    list_filter = ["action"]
    search_fields = ["actor_name", "target_id", "reason"]
