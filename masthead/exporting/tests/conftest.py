"""Fixtures of the export tests: a seeded site and a reader for the files an export writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from masthead.exporting.tests.site import Site, seed_site


@pytest.fixture(autouse=True)
def _publisher_holds_nothing_by_rule(relaxed_moderation) -> None:
    """The seeded comments must all publish; moderation's rules have their own tests."""


@pytest.fixture
def site(db, settings) -> Site:
    settings.SITE_URL = "https://news.example"
    settings.PUBLICATION_NAME = "The Lantern"
    return seed_site()


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
