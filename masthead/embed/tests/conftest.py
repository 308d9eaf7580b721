from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from masthead.embed.tests.hosts import HostSite
from masthead.testing.fixtures import CHROMIUM, CspWatch

HOST = "http://localhost:8123"  # a publisher's site in the server-level tests (no server runs there)


@pytest.fixture
def allowed(settings) -> str:
    settings.EMBED_ALLOWED_ORIGINS = [HOST]
    return HOST


@pytest.fixture(autouse=True)
def _publisher_holds_nothing_by_rule(relaxed_moderation) -> None:
    """These tests are about the embed; the moderation rules have their own tests."""


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """Chromium with third-party cookies blocked (the embed must work without them), watched for CSP violations
    like every browser in the suite (testing/fixtures.py; this replaces that fixture for the embed's tests)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium (make test does)"
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser: Any = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  # Chromium's switch for the third-party cookie block that the "Block third-party cookies"
                  # setting turns on; test_third_party_cookies_are_blocked proves it is in force.
                  "--test-third-party-cookie-phaseout"],
        )
        browser.csp_watch = CspWatch()
        make_context = browser.new_context

        def new_context(*args: object, **kwargs: object) -> object:
            context = make_context(*args, **kwargs)
            browser.csp_watch.watch(context)
            return context

        browser.new_context = new_context
        yield browser
        browser.close()


@pytest.fixture
def host_site() -> Iterator[HostSite]:
    site = HostSite()
    yield site
    site.close()


@pytest.fixture
def hostile_site() -> Iterator[HostSite]:
    site = HostSite()
    yield site
    site.close()


@pytest.fixture
def embed_allowed(settings, host_site) -> HostSite:
    settings.EMBED_ALLOWED_ORIGINS = [host_site.origin]
    return host_site
