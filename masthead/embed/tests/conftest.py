from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Playwright

from masthead.embed.tests.hosts import HostSite
from masthead.testing.fixtures import CspWatch, launch_watched

HOST = "http://localhost:8123"  # a publisher's site in the server-level tests (no server runs there)


@pytest.fixture
def allowed(settings) -> str:
    settings.EMBED_ALLOWED_ORIGINS = [HOST]
    return HOST


@pytest.fixture(autouse=True)
def _publisher_holds_nothing_by_rule(relaxed_moderation) -> None:
    """These tests are about the embed; the moderation rules have their own tests."""


@pytest.fixture(scope="session")
def chromium(playwright_driver: Playwright, csp_violations: CspWatch) -> Iterator[Browser]:
    """Chromium with third-party cookies blocked (the embed must work without them), watched for CSP violations
    like every browser in the suite (testing/fixtures.py; this replaces that fixture for the embed's tests).
    Chromium's switch for the block that the "Block third-party cookies" setting turns on;
    test_third_party_cookies_are_blocked proves it is in force."""
    browser = launch_watched(playwright_driver, csp_violations, ("--test-third-party-cookie-phaseout",))
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
