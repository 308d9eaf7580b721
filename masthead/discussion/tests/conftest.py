import pytest

from masthead.discussion.tests.helpers import Guest


@pytest.fixture
def guest() -> Guest:
    return Guest()


@pytest.fixture
def other_guest() -> Guest:
    return Guest(remote_addr="203.0.113.9")
