"""What the development sets of hand-written comments share (test_benign_kin, test_menace, test_menace_recall, the
rounds' tests)."""

from __future__ import annotations

from collections.abc import Collection, Iterable

import pytest

from masthead.moderation import menace, watching
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import ScreenContext, screen
from masthead.testing.moderation import new_guest


def known_guest() -> ScreenContext:
    """A guest with earlier published comments: the content checks and the classifier decide, no first review."""
    return new_guest(approved_count=3)


def marking_failures(texts: Iterable[str], failing: Collection[str], reason: str) -> list:
    """The texts as test parameters, those in ``failing`` as strict expected failures (move one out once it passes)."""
    return [pytest.param(text, marks=pytest.mark.xfail(strict=True, reason=reason)) if text in failing else text
            for text in texts]


def structure_labels(text: str) -> set[str]:
    """The labels ``menace.py`` and ``watching.py`` find in the text."""
    normalised = normalise(text).text
    return {label for _signal, label, _matched in menace.matches(normalised) + watching.matches(normalised)}


def assert_found_and_held(text: str, label: str) -> None:
    """The text is read as ``label`` by the checks and held by the pipeline for a known guest."""
    assert label in structure_labels(text), (text, structure_labels(text))
    decision = screen(text, known_guest())
    assert decision.action == Action.HOLD, (text, decision.reasons)


def assert_published_unless_the_classifier_holds(text: str, held_by_the_classifier: Collection[str],
                                                  context: ScreenContext | None = None) -> None:
    """No content check holds the text, and the pipeline publishes it unless it is one the classifier alone is known
    to hold (then it must still be held, so that the list stays true: move a text out once it is published)."""
    decision = screen(text, context or known_guest())
    checks = [reason for reason in decision.reasons if not reason.startswith("classifier ")]
    assert not checks, (text, decision.reasons)
    if text in held_by_the_classifier:
        assert decision.action == Action.HOLD, ("published now: move it out of the classifier's list", text)
    else:
        assert decision.action == Action.PUBLISH, (text, decision.reasons)


def profanity_found(text: str) -> bool:
    """Whether the pipeline's profanity check finds something in the text (a known guest's comment)."""
    return any(reason.startswith("profanity") for reason in screen(text, known_guest()).reasons)


def assert_published(text: str) -> None:
    """The pipeline publishes the text for a known guest."""
    decision = screen(text, known_guest())
    assert decision.action == Action.PUBLISH, (text, decision.reasons, structure_labels(text))
