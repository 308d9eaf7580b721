"""Admin: the publisher's discussion settings and threads.

Comments are listed in the admin by the moderation app (``moderation/admin.py``): approving or rejecting one is a
moderator's decision, recorded and audited by moderation's actions.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from masthead.core.admin import SingletonSettingsMixin
from masthead.discussion.models import DiscussionSettings, Thread


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
