"""Hooks: how a lower app calls a higher one. Each hook the apps declare is filled by the app that answers it."""

from __future__ import annotations

import pytest

from masthead.core import warmup
from masthead.core.hooks import Hook, Listeners
from masthead.discussion import hooks as discussion_hooks
from masthead.discussion.moderation_hook import screen
from masthead.notifications.verification import identities
from masthead.publishing import hooks as publishing_hooks


def test_a_hook_answers_with_its_default_until_an_app_registers():
    hook = Hook("test.double", lambda value: value)
    assert hook(21) == 21
    hook.register(lambda value: value * 2)
    assert hook(21) == 42


def test_a_hook_refuses_a_second_provider():
    def first() -> str:
        return "first"

    hook = Hook("test.one", lambda: "default")
    hook.register(first)
    hook.register(first)  # the same provider again (ready() run twice) is harmless
    with pytest.raises(RuntimeError, match="already has a provider"):
        hook.register(lambda: "second")
    assert hook() == "first"


def test_listeners_are_told_in_order_once_each():
    heard: list[str] = []

    def one(word: str) -> None:
        heard.append(f"one:{word}")

    listeners: Listeners[[str]] = Listeners("test.words")
    listeners.connect(one)
    listeners.connect(one)
    listeners.connect(lambda word: heard.append(f"two:{word}"))
    listeners.send("hi")
    assert heard == ["one:hi", "two:hi"]


def test_every_hook_is_filled_by_the_app_above():
    from masthead.accounts import confusables, seams
    from masthead.moderation.comments import screen_for_discussion
    from masthead.notifications.actions import on_comment_pending, on_comment_visible
    from masthead.passages.actions import on_article_changed

    assert screen.provider is screen_for_discussion
    assert discussion_hooks.reader_tier.provider is seams.request_tier
    assert discussion_hooks.is_protected_name.provider is confusables.is_protected_name
    assert on_comment_visible in discussion_hooks.comment_visible.callbacks
    assert on_comment_pending in discussion_hooks.comment_pending.callbacks
    assert identities.provider is seams.identity_book
    assert publishing_hooks.comment_counts.provider is not None
    assert publishing_hooks.conversation.provider is not None
    assert on_article_changed in publishing_hooks.article_changed.callbacks
    assert confusables.warm_up in warmup.on_start.callbacks
