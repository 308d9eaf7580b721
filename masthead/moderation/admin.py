"""Admin pages for the publisher's moderation settings, word rules and bans; decisions and the audit log read-only;
the discussion's comments, read-only, with approve / hold / reject.

Every save made here is written to the audit log, like the same change made anywhere else; a comment approved,
held or rejected here is a moderator's decision (``do_decide_comments``, with the staff user as actor: role
checked, decision labelled, open flags closed, audited), exactly as in the moderation queue.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Model, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from masthead.core.admin import ReadOnlyAdmin, SingletonSettingsMixin
from masthead.discussion.models import Comment
from masthead.moderation.actions import ModerationError, do_decide_comments
from masthead.moderation.audit import record
from masthead.moderation.models import Action, AuditLog, Ban, ModerationDecision, ModerationSettings, WordRule


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


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["id", "author_name", "status", "score", "reply_count", "created_at", "thread"]
    list_filter = ["status"]
    search_fields = ["author_name", "body"]
    list_select_related = ["thread"]
    actions = ["approve", "hold", "reject"]
    exclude = ["edit_token_hash", "edit_token_expires", "idempotency_key"]

    def get_readonly_fields(self, request: HttpRequest, obj: Comment | None = None) -> list[str]:
        return [f.name for f in Comment._meta.fields if f.name not in self.exclude]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def _decide(self, request: HttpRequest, queryset: QuerySet[Comment], action: str, done: str) -> None:
        try:
            with transaction.atomic():
                count = do_decide_comments(request.user, list(queryset), action, reason="in the admin")
        except ModerationError as refused:
            self.message_user(request, refused.message, messages.ERROR)
            return
        self.message_user(request, f"{done}: {count}.", messages.SUCCESS)

    @admin.action(description="Approve (make visible)")
    def approve(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._decide(request, queryset, Action.PUBLISH, "Approved")

    @admin.action(description="Hold for review")
    def hold(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._decide(request, queryset, Action.HOLD, "Held for review")

    @admin.action(description="Reject")
    def reject(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._decide(request, queryset, Action.REJECT, "Rejected")
