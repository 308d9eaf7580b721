"""The readers' report page and its thank-you page sit in the site's text column, like every other page."""

from __future__ import annotations

import pytest

from masthead.discussion.actions import thread_for_article
from masthead.moderation.models import Flag
from masthead.testing.discussion import make_article, post_as, reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("relaxed_moderation")]


def _in_the_text_column(page) -> None:
    """At 1280px the heading and the content are centred in the column, not against the window's left edge."""
    for selector in ("main h1", "main p:last-of-type"):
        box = page.locator(selector).first.bounding_box()
        assert box["x"] > 200, f"{selector} starts at {box['x']}px"
        assert box["x"] + box["width"] < 1080, f"{selector} runs to {box['x'] + box['width']}px"


def test_report_page_and_thank_you_page_have_the_site_layout(live_site, page):
    article = make_article(headline="Council meets on Tuesday")
    comment = post_as(thread_for_article(article), reader("author"), body="The council never listens.")

    page.goto(f"{live_site.url}/moderation/comments/{comment.pk}/flag")
    _in_the_text_column(page)
    textarea = page.locator("#flag-note").bounding_box()
    assert textarea["width"] > 400  # as wide as the column, not a default 20-column box
    page.check("input[name=reason][value=spam]")
    page.click("button[type=submit]")

    page.wait_for_selector("main h1 >> text=Thank you")
    _in_the_text_column(page)
    assert Flag.objects.get(comment=comment).reason == "spam"
