"""The publisher's discussion settings: one row, read on every page and post, kept per process
(``core.singletons``: one cache lookup per read; saving the row reloads it everywhere)."""

from __future__ import annotations

from masthead.core.singletons import SingletonRow
from masthead.discussion.models import DiscussionSettings

_settings = SingletonRow(DiscussionSettings, "discussion:settings-version")


def discussion_settings() -> DiscussionSettings:
    return _settings.get()


def forget_settings() -> None:
    _settings.forget()
