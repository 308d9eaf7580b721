"""What the development sets of hand-written comments share (test_benign_kin, test_menace, test_menace_recall)."""

from __future__ import annotations

from collections.abc import Collection, Iterable

import pytest

from masthead.moderation.pipeline import ScreenContext
from masthead.testing.moderation import new_guest


def known_guest() -> ScreenContext:
    """A guest with earlier published comments: the content checks and the classifier decide, no first review."""
    return new_guest(approved_count=3)


def marking_failures(texts: Iterable[str], failing: Collection[str], reason: str) -> list:
    """The texts as test parameters, those in ``failing`` as strict expected failures (move one out once it passes)."""
    return [pytest.param(text, marks=pytest.mark.xfail(strict=True, reason=reason)) if text in failing else text
            for text in texts]
