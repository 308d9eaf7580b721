"""Admin: the publisher's discussion settings, and a read-only view of comments with status actions.

Comments are never edited as raw rows here: every change goes through ``actions`` so counts, caches and live
events stay right (the [moderation] queue is the real tool for moderators).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from masthead.core.admin import SingletonSettingsMixin
from masthead.discussion.actions import do_change_status
from masthead.discussion.models import Comment, DiscussionSettings, Thread


@admin.register(DiscussionSettings)
class DiscussionSettingsAdmin(SingletonSettingsMixin, admin.ModelAdmin):
    list_display = [
        "__str__", "premoderation", "edit_window_minutes", "max_depth", "page_size", "guest_votes_per_network",
    ]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["key", "comment_count", "version", "created_at"]
    search_fields = ["key"]
    readonly_fields = ["key", "article", "comment_count", "version", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


def _set_status(request: HttpRequest, queryset: QuerySet[Comment], status: str, label: str) -> None:
    with transaction.atomic():
        for comment in queryset:
            do_change_status(comment, status, [f"{label} in the admin by {request.user}"])


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["id", "author_name", "status", "score", "reply_count", "created_at", "thread"]
    list_filter = ["status"]
    search_fields = ["author_name", "body"]
    list_select_related = ["thread"]
    actions = ["approve", "hold", "reject"]
    exclude = ["edit_token_hash", "edit_token_expires", "idempotency_key"]

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [f.name for f in Comment._meta.fields if f.name not in self.exclude]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Approve (make visible)")
    def approve(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        _set_status(request, queryset, Comment.Status.VISIBLE, "approved")
        self.message_user(request, "Approved.", messages.SUCCESS)

    @admin.action(description="Hold for review")
    def hold(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        _set_status(request, queryset, Comment.Status.PENDING, "held")
        self.message_user(request, "Held for review.", messages.SUCCESS)

    @admin.action(description="Reject")
    def reject(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        _set_status(request, queryset, Comment.Status.REJECTED, "rejected")
        self.message_user(request, "Rejected.", messages.SUCCESS)
