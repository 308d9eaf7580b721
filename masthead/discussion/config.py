"""The publisher's discussion settings, read through the cache (one row, rarely changed)."""

from __future__ import annotations

from django.core.cache import cache

from masthead.discussion.models import DiscussionSettings

_KEY = "discussion:settings:v1"


def discussion_settings() -> DiscussionSettings:
    found = cache.get(_KEY)
    if found is None:
        found, _ = DiscussionSettings.objects.get_or_create(pk=1)
        cache.set(_KEY, found, timeout=300)
    return found


def forget_settings() -> None:
    cache.delete(_KEY)
