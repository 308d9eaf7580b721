"""embed.js stays small (docs/embed.md: at most 4 KB unminified, as served) and asks nothing of other hosts."""

from __future__ import annotations

import re

import pytest
from django.test import Client

BUDGET = 4096  # bytes, unminified


@pytest.mark.django_db
def test_loader_fits_its_budget():
    served = Client().get("/embed.js").content
    assert 1000 < len(served) <= BUDGET, f"embed.js is {len(served)} bytes; the budget is {BUDGET}"


@pytest.mark.django_db
def test_loader_talks_only_to_masthead():
    source = Client().get("/embed.js").content.decode()
    # Every request is base + a path: no address of any other host, no cookies, no storage, no beacons.
    assert not re.search(r"https?://", source)
    for word in ("document.cookie", "localStorage", "sendBeacon", "XMLHttpRequest", "eval(", "innerHTML"):
        assert word not in source, word
    assert 'credentials: "omit"' in source
