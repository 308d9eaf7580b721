"""In Chromium: the first comment on a passage brings the discussion's "Inline feedback" filter (and its list)
onto the page at once, without a reload."""

from __future__ import annotations

import pytest

from masthead.passages.tests.browser_helpers import drag_select, post_form
from masthead.testing.passages import article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_first_passage_comment_shows_the_filter_and_the_feedback_without_a_reload(live_site, page):
    target = article()
    page.goto(f"{live_site.url}{target.get_absolute_url()}")
    page.wait_for_selector(".passage-start")
    page.wait_for_selector("#comments.is-enhanced")
    assert page.locator(".passage-filter").count() == 0  # nothing on passages yet
    page.evaluate("() => { window.__notReloaded = true; }")

    drag_select(page, "discuss the river path")
    page.click(".passage-float")
    post_form(page, "Which part of the path?", "Mouse Reader")
    page.click(".passage-panel-close")

    link = page.locator("#comments .discussion-slot--filters .passage-filter")
    link.wait_for()
    assert link.locator(".passage-filter-count").inner_text() == "1"
    assert link.get_attribute("aria-pressed") == "false"
    link.click()
    feedback = page.locator("#inline-feedback")
    feedback.locator("text=Which part of the path?").wait_for()
    assert feedback.is_visible()
    assert feedback.locator(".passage-quote").inner_text() == "discuss the river path"
    assert link.get_attribute("aria-pressed") == "true"
    assert page.evaluate("() => window.__notReloaded") is True

    link.click()  # and back to the comments
    assert feedback.is_hidden()
    assert page.locator("#comments .comment-page").is_visible()
