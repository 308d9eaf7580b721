import pytest

from masthead.testing.discussion import Guest


@pytest.fixture
def guest() -> Guest:
    return Guest()


@pytest.fixture
def other_guest() -> Guest:
    return Guest(remote_addr="203.0.113.9")


@pytest.fixture(autouse=True)
def _publisher_holds_nothing_by_rule(relaxed_moderation) -> None:
    """These tests are about the discussion; the moderation rules have their own tests."""
