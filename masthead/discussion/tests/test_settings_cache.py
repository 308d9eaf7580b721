"""Settings rows are read through one per-process cache (core/singletons.py): reading writes nothing, and a save in
one process is read by every other process on its next read (two ``SingletonRow``s on one key stand for two
processes sharing the cache)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.core.singletons import SingletonRow, steady
from masthead.discussion.config import discussion_settings
from masthead.discussion.models import DiscussionSettings
from masthead.moderation.config import moderation_settings
from masthead.moderation.models import ModerationSettings

pytestmark = pytest.mark.django_db


def test_reading_settings_never_saved_gives_defaults_and_writes_nothing():
    with CaptureQueriesContext(connection) as queries:
        options = discussion_settings()
    assert options.page_size == DiscussionSettings._meta.get_field("page_size").default
    assert not DiscussionSettings.objects.exists()
    assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in queries)


def test_second_read_costs_no_query():
    discussion_settings()
    with CaptureQueriesContext(connection) as queries:
        discussion_settings()
        discussion_settings()
    assert len(queries) == 0


def test_a_save_in_one_process_is_read_by_another():
    other_process = SingletonRow(DiscussionSettings, "discussion:settings-version")
    assert other_process.get().max_depth == discussion_settings().max_depth == 3
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"max_depth": 2})
    assert other_process.get().max_depth == 2
    assert discussion_settings().max_depth == 2


def test_moderation_settings_use_the_same_scheme():
    before = moderation_settings()
    row = ModerationSettings(pk=1, first_comment_review_guest=not before.first_comment_review_guest)
    row.save()
    assert moderation_settings().first_comment_review_guest is row.first_comment_review_guest


def test_steady_checks_the_version_once_and_applies_a_save_from_the_next_batch():
    other_process = SingletonRow(DiscussionSettings, "discussion:settings-version")
    with steady():
        assert other_process.get().max_depth == 3
        DiscussionSettings.objects.update_or_create(pk=1, defaults={"max_depth": 2})
        assert other_process.get().max_depth == 3  # the batch goes on with what it read first
    with steady():
        assert other_process.get().max_depth == 2  # the next batch reads the save
        with CaptureQueriesContext(connection) as queries:
            other_process.get()
        assert len(queries) == 0
    assert other_process.get().max_depth == 2


def test_steady_reads_every_settings_version_in_one_cache_lookup(monkeypatch):
    # A post reads the discussion settings twice and the moderation settings once: one round trip to Redis.
    discussion_settings(), moderation_settings()  # both kept by this process
    lookups: list[str] = []
    inside: list[str] = []  # the local cache's get_many asks its own get: count the outer call only

    def counted(name: str) -> Callable[..., Any]:
        real = getattr(cache, name)

        def lookup(*args: Any, **kwargs: Any) -> Any:
            if not inside:
                lookups.append(name)
            inside.append(name)
            try:
                return real(*args, **kwargs)
            finally:
                inside.pop()
        return lookup

    for name in ("get", "get_many"):
        monkeypatch.setattr(cache, name, counted(name))
    with steady():
        discussion_settings(), moderation_settings(), discussion_settings()
    assert lookups == ["get_many"]
    lookups.clear()
    discussion_settings(), moderation_settings()
    assert lookups == ["get", "get"]  # outside it, each read checks its version
