"""Fixtures for core's tests: a signed-in superuser, and a migrated data folder (and database) that `masthead`
processes share."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.testing.processes import fresh_database, masthead_env, run


@dataclass
class Install:
    data_dir: Path
    env: dict[str, str]


@pytest.fixture(scope="module")
def install(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Install]:
    """A fresh install, as an operator makes it: an empty data folder (and database), then `masthead migrate`."""
    data_dir = tmp_path_factory.mktemp("masthead-data")
    with fresh_database() as database_url:
        env = masthead_env(data_dir, database_url)
        run(["migrate", "--noinput"], env)
        yield Install(data_dir, env)

@pytest.fixture
def boss(settings) -> Client:
    """A superuser's browser, for tests that walk staff pages (hashing made cheap: nobody types this password)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-boss-1234"))
    return client
