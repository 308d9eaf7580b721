"""The desk's people: an editor, a contributor and a moderator, each a staff user in their role's group."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from masthead.core.staff_roles import CONTRIBUTORS, EDITORS, MODERATORS


@pytest.fixture(autouse=True)
def _cheap_passwords_and_inline_tasks(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def staff_client(db) -> Callable[[str, str], Client]:
    """A signed-in browser for a new staff user in ``group``."""

    def make(username: str, group: str) -> Client:
        user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-desk-1234",
                                                    is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        client = Client()
        client.force_login(user)
        client.user = user  # type: ignore[attr-defined]
        return client

    return make


@pytest.fixture
def editor(staff_client) -> Client:
    return staff_client("eve-editor", EDITORS)


@pytest.fixture
def contributor(staff_client) -> Client:
    return staff_client("cal-contributor", CONTRIBUTORS)


@pytest.fixture
def moderator(staff_client) -> Client:
    return staff_client("mo-moderator", MODERATORS)
