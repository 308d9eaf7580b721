"""In Chromium: the script rebuilds exactly the server's canonical text from the article's DOM (headings, lists,
quotes, code, tables, hard breaks, entities, no-break spaces, emoji, text that is not NFC), and a passage picked
after astral and combining characters is stored with the right code-point offsets."""

from __future__ import annotations

import pytest

from masthead.passages.models import PassageAnchor
from masthead.passages.tests.browser_helpers import drag_select, post_form
from masthead.testing.passages import article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TRICKY = (
    "## A heading with *emphasis*\n\n"
    "Fireworks 🎉 over the cafe\u0301 &amp; the pier,&nbsp;said the [harbour master](https://example.org).\n\n"
    "- item one\n- item **two** with `code`\n\n"
    "> Quoted words\n> over two lines\n\n"
    "| Year | Boats |\n|---|---|\n| 2024 | 12 |\n\n"
    "```\npre   block\n    kept\n```\n\n"
    "Line one  \nline two after a hard break.\n\n"
    "Last paragraph: \U0001d518\U0001d52b\U0001d526\U0001d520\U0001d52c\U0001d521\U0001d522"
    " letters then plain words to pick."
)


def test_the_script_rebuilds_the_canonical_text_and_picks_code_point_offsets(live_site, page):
    target = article(body=TRICKY, headline="Tricky text")
    assert "café" in target.body_text  # NFC, though the source had e + combining acute
    assert "\xa0" not in target.body_text
    page.goto(f"{live_site.url}{target.get_absolute_url()}")
    page.wait_for_selector(".passage-start")

    assert page.evaluate("() => window.mastheadPassages.canonicalText()") == target.body_text

    drag_select(page, "plain words to pick")
    page.click(".passage-float")
    post_form(page, "Nice letters.", "Picker")
    anchor = PassageAnchor.objects.get()
    assert anchor.exact == "plain words to pick"
    assert target.body_text[anchor.start : anchor.end] == "plain words to pick"
    page.wait_for_selector("#article-body mark.passage-mark--end[data-count='1']")
    assert page.locator("#article-body mark.passage-mark").inner_text() == "plain words to pick"
