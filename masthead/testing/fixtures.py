"""Test fixtures: which database we run on, a real ASGI server (uvicorn) in-process, and headless Chromium.

The suite runs twice, once on SQLite and once on PostgreSQL (``make test``). ``MASTHEAD_EXPECT_DB`` makes a run
fail, rather than quietly pass, if it is not on the database it was meant for.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import time_machine
from django.db import connection

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright
    from pytest_django.fixtures import DjangoDbBlocker
    from pytest_django.fixtures import Settings as SettingsWrapper

    from masthead.testing.mail import MailServer

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(autouse=True)
def _media_and_cache(settings: SettingsWrapper, tmp_path: Path) -> Iterator[None]:
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.core.cache import caches

    from masthead.publishing.views import SKELETONS

    for alias in settings.CACHES:
        caches[alias].clear()
    SKELETONS.clear()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()
    SKELETONS.clear()


@pytest.fixture
def separate_models(settings: SettingsWrapper, tmp_path: Path) -> Iterator[None]:
    """The test's own data folder for trained site models, and no classifier kept from another test."""
    from masthead.moderation.backends import forget_classifiers

    settings.DATA_DIR = tmp_path
    forget_classifiers()
    yield
    forget_classifiers()


@pytest.fixture
def mid_month() -> Iterator[datetime]:
    """The clock at noon UTC on the 15th of this month (of the run's clock, see testing/clock.py), still ticking.

    For tests of this month's funding totals: a payment made at 23:59:59 and counted at 00:00:01 belongs to last
    month's bar, so such a test must not see the month turn while it runs (``make test-clock`` starts a run half
    a minute before a month ends). The 15th is mid-month in every time zone a publication may set.
    """
    instant = datetime.now(UTC).replace(day=15, hour=12, minute=0, second=0, microsecond=0)
    with time_machine.travel(instant, tick=True):
        yield instant


@pytest.fixture(scope="session", autouse=True)
def _expected_database(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> None:
    expected = os.environ.get("MASTHEAD_EXPECT_DB")
    if expected:
        with django_db_blocker.unblock():
            assert connection.vendor == expected, f"tests were meant to run on {expected}, not {connection.vendor}"


class LiveServer:
    """uvicorn serving masthead.asgi on a free loopback port, on a thread of the test process."""

    def __init__(self) -> None:
        import uvicorn

        # Local: importing masthead.asgi warms the process up and starts SQLite upkeep.
        from masthead.asgi import application

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(application, host="127.0.0.1", port=self.port, lifespan="off",
                                log_level="warning", timeout_graceful_shutdown=1)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("live server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def live_site(transactional_db: None, settings: SettingsWrapper) -> Iterator[LiveServer]:
    """A real server for browser and streaming tests. Data must be committed (transactional_db)."""
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
    server = LiveServer()
    settings.SITE_URL = server.url
    server.start()
    try:
        yield server
    finally:
        server.stop()


class CspWatch:
    """Every Content-Security-Policy violation in any page of any browser context the tests open.

    Each context gets a listener (an init script, so it is in place before the page's own scripts) that hands
    each ``securitypolicyviolation`` event to Python. ``no_csp_violations`` fails any browser test during which
    one happened; a test that provokes one on purpose takes it with ``take()``. Give ``page.wait_for_function``
    a function (``"() => ..."``), not an expression: Playwright evaluates an expression again with ``eval`` on
    each poll, which the policy refuses.
    """

    LISTENER = """document.addEventListener("securitypolicyviolation", (event) => {
      window.__mastheadCspViolation({directive: event.effectiveDirective, blocked: event.blockedURI,
        sample: event.sample, source: event.sourceFile, line: event.lineNumber, page: location.href});
    }, true);"""

    def __init__(self) -> None:
        self.violations: list[dict[str, object]] = []

    def watch(self, context: BrowserContext) -> None:
        def record(violation: dict[str, object]) -> None:
            self.violations.append(violation)

        context.expose_function("__mastheadCspViolation", record)
        context.add_init_script(self.LISTENER)

    def take(self) -> list[dict[str, object]]:
        taken, self.violations[:] = list(self.violations), []
        return taken


@pytest.fixture(scope="session")
def csp_violations() -> CspWatch:
    """The watch on every browser context of the session (a test that provokes a violation ``take()``s it)."""
    return CspWatch()


CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync")


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    """One Playwright per test process: its sync API keeps an event loop on this thread, so a second one in the
    same process fails. Every browser of the suite is launched from it (``launch_watched``)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium (make test does)"
    # The ORM calls in tests are still synchronous while that loop exists.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        yield playwright


def launch_watched(playwright: Playwright, watch: CspWatch, extra_args: tuple[str, ...] = ()) -> Browser:
    """Debian's Chromium; every context it makes (``new_context``) is watched for Content-Security-Policy
    violations, which fail the test (``no_csp_violations``)."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args])
    make_context = browser.new_context

    def new_context(**kwargs: Any) -> BrowserContext:
        context = make_context(**kwargs)
        watch.watch(context)
        return context

    browser.new_context = new_context  # type: ignore[method-assign]  # every context the tests open is watched
    return browser


@pytest.fixture(scope="session")
def chromium(playwright_driver: Playwright, csp_violations: CspWatch) -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright, watched for CSP violations. Fails (never skips) when missing."""
    browser = launch_watched(playwright_driver, csp_violations)
    yield browser
    browser.close()


@pytest.fixture(autouse=True)
def no_csp_violations(request: pytest.FixtureRequest) -> Iterator[None]:
    """A browser test fails if any page it opened broke the Content-Security-Policy (core/csp.py)."""
    if "chromium" not in request.fixturenames:
        yield
        return
    watch: CspWatch = request.getfixturevalue("csp_violations")
    watch.take()
    yield  # teardown after the test's own contexts and pages have closed
    violations = watch.take()
    assert not violations, f"Content-Security-Policy violations: {violations}"


@pytest.fixture
def browser_context(chromium: Browser) -> Iterator[BrowserContext]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(browser_context: BrowserContext) -> Page:
    page = browser_context.new_page()
    page.set_default_timeout(10_000)
    return page


_CAPTURE_ATTEMPTS = 3


def save_screenshot(page: Page, name: str) -> Path:
    """Screenshots land in test-artifacts/ (named per database) for people to look at.

    Chromium now and then answers a capture with "Unable to capture screenshot" when the compositor has no frame
    ready (seen in CI right after a form post re-rendered the page). The picture is for people, not an assertion,
    so a failed capture is tried again once the page has loaded and a few frames have passed, and after
    ``_CAPTURE_ATTEMPTS`` failures it leaves no picture (a warning) rather than failing the behaviour test that
    asked for it.
    """
    from playwright.sync_api import Error as PlaywrightError  # local: only browser tests load Playwright

    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}-{connection.vendor}.png"
    for attempt in range(1, _CAPTURE_ATTEMPTS + 1):
        try:
            page.screenshot(path=str(path), full_page=True)
            return path
        except PlaywrightError as error:
            if "Unable to capture screenshot" not in str(error):
                raise
            if attempt < _CAPTURE_ATTEMPTS:  # no wait after the last one: nothing follows it
                page.wait_for_load_state("load")
                page.wait_for_timeout(200 * attempt)
    warnings.warn(f"no screenshot saved for {name}: Chromium could not capture the page", stacklevel=2)
    return path


@pytest.fixture
def relaxed_moderation(request: pytest.FixtureRequest) -> None:
    """A publisher who holds nothing by rule: guests' first comments, links and quick posting all publish.

    For tests of other behaviour (threads, votes, mail...) that post many comments from one test client; the
    moderation app's own tests cover each rule under the shipped defaults.
    """
    marker = request.node.get_closest_marker("django_db")
    names = request.fixturenames
    if "transactional_db" in names or "live_site" in names or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
    elif marker or "db" in names:
        request.getfixturevalue("db")
    else:
        return
    # Local: this pytest plugin is loaded before Django's apps are ready.
    from masthead.moderation.models import ModerationSettings

    ModerationSettings.objects.update_or_create(
        pk=1,
        defaults={
            "first_comment_review_guest": False,
            "first_comment_review_verified": False,
            "link_limit_guest": 10,
            "link_limit_verified": 10,
            "rate_limit_network": 10_000,
            "rate_limit_account": 10_000,
            "duplicate_window_minutes": 0,
        },
    )


@pytest.fixture
def mail_server(settings: SettingsWrapper) -> Iterator[MailServer]:
    """A real SMTP server on loopback, with Django's SMTP backend pointed at it."""
    # Local: aiosmtpd is loaded only by tests that use mail.
    from masthead.testing.mail import MailServer

    server = MailServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield server
    finally:
        server.stop()
