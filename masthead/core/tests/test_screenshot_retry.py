"""save_screenshot (testing/fixtures.py): a transient Chromium capture failure does not fail a behaviour test.

The stand-in page below plays Chromium's answer ("Unable to capture screenshot") on chosen attempts; a real
Chromium cannot be made to give it on demand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from masthead.testing import fixtures


class FlakyPage:
    def __init__(self, failures: list[str]) -> None:
        self.failures = failures
        self.captures = 0
        self.waits: list[str] = []

    def screenshot(self, path: str, full_page: bool) -> None:
        self.captures += 1
        if self.failures:
            raise PlaywrightError(self.failures.pop(0))
        Path(path).write_bytes(b"png")

    def wait_for_load_state(self, state: str) -> None:
        self.waits.append(state)

    def wait_for_timeout(self, ms: int) -> None:
        self.waits.append(f"{ms}ms")


@pytest.fixture(autouse=True)
def artifacts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(fixtures, "ARTIFACTS", tmp_path)
    return tmp_path


def test_a_capture_chromium_could_not_take_is_tried_again(artifacts: Path) -> None:
    page = FlakyPage(["Page.screenshot: Protocol error (Page.captureScreenshot): Unable to capture screenshot"])
    path = fixtures.save_screenshot(page, "flaky")  # type: ignore[arg-type]
    assert page.captures == 2
    assert path.read_bytes() == b"png"
    assert page.waits == ["load", "200ms"]


def test_other_browser_errors_still_fail_the_test() -> None:
    page = FlakyPage(["Target page, context or browser has been closed"])
    with pytest.raises(PlaywrightError, match="has been closed"):
        fixtures.save_screenshot(page, "closed")  # type: ignore[arg-type]
    assert page.captures == 1


def test_a_page_that_never_captures_leaves_a_warning_not_a_failure(artifacts: Path) -> None:
    page = FlakyPage(["Unable to capture screenshot"] * 3)
    with pytest.warns(UserWarning, match="no screenshot saved for stuck"):
        path = fixtures.save_screenshot(page, "stuck")  # type: ignore[arg-type]
    assert page.captures == 3
    assert page.waits == ["load", "200ms", "load", "400ms"]  # between the attempts, none after the last
    assert not path.exists()
