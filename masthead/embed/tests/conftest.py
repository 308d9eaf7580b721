from __future__ import annotations

import pytest

HOST = "http://localhost:8123"  # a publisher's site in the server-level tests (no server runs there)


@pytest.fixture
def allowed(settings) -> str:
    settings.EMBED_ALLOWED_ORIGINS = [HOST]
    return HOST


@pytest.fixture(autouse=True)
def _publisher_holds_nothing_by_rule(relaxed_moderation) -> None:
    """These tests are about the embed; the moderation rules have their own tests."""
