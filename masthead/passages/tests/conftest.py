"""Fixtures of the passages tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _publisher_holds_nothing_by_rule(relaxed_moderation) -> None:
    """These tests are about passages; moderation's rules (first-comment review...) have their own tests."""
