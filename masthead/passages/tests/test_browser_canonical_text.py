"""In Chromium: the script rebuilds exactly the server's canonical text from the article's DOM (headings, lists,
quotes, code, tables, hard breaks, entities, no-break spaces, emoji, text that is not NFC), and a passage picked
after astral and combining characters is stored with the right code-point offsets."""

from __future__ import annotations

import pytest

from masthead.passages.models import PassageAnchor
from masthead.passages.tests.helpers import article
from masthead.passages.tests.test_browser import _drag_select, _post, article_template_with_marks  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TRICKY = (
    "## A heading with *emphasis*\n\n"
    "Fireworks 🎉 over the cafe\u0301 &amp; the pier,&nbsp;said the [harbour master](https://example.org).\n\n"
    "- item one\n- item **two** with `code`\n\n"
    "> Quoted words\n> over two lines\n\n"
    "| Year | Boats |\n|---|---|\n| 2024 | 12 |\n\n"
    "```\npre   block\n    kept\n```\n\n"
    "Line one  \nline two after a hard break.\n\n"
    "Last paragraph: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters then plain words to pick."
)


def test_the_script_rebuilds_the_canonical_text_and_picks_code_point_offsets(live_site, page,
                                                                               article_template_with_marks):
    target = article(body=TRICKY, headline="Tricky text")
    assert "café" in target.body_text and "\xa0" not in target.body_text
    page.goto(f"{live_site.url}{target.get_absolute_url()}")
    page.wait_for_selector(".passage-start")

    assert page.evaluate("() => window.mastheadPassages.canonicalText()") == target.body_text

    _drag_select(page, "plain words to pick")
    page.click(".passage-float")
    _post(page, "Nice letters.", "Picker")
    anchor = PassageAnchor.objects.get()
    assert anchor.exact == "plain words to pick"
    assert target.body_text[anchor.start : anchor.end] == "plain words to pick"
    page.wait_for_selector("#article-body mark.passage-mark--end[data-count='1']")
    assert page.locator("#article-body mark.passage-mark").inner_text() == "plain words to pick"
