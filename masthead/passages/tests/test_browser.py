"""In Chromium: a guest picks a passage with the mouse and another with the keyboard path, comments on both,
sees the highlights and counts; an editor edits the article in the admin; the comments still mark the same text.
"""

from __future__ import annotations

import pytest

from masthead.discussion.models import Comment
from masthead.passages.models import PassageAnchor
from masthead.passages.tests.browser_helpers import drag_select, post_form
from masthead.testing.fixtures import save_screenshot
from masthead.testing.passages import BODY, article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOUSE_QUOTE = "discuss the river path"
KEYBOARD_QUOTE = "According to the minutes published by the town clerk, the vote was seven to two. " \
                 "The path will reopen in May."


def _marked(page) -> dict[str, str]:
    """The text under the marks, per passage."""
    return page.evaluate("""() => {
        const out = {};
        document.querySelectorAll('#article-body mark.passage-mark').forEach(m => {
            m.dataset.anchors.split(' ').forEach(id => { out[id] = (out[id] || '') + m.textContent; });
        });
        return out;
    }""")


def test_passage_comments_with_mouse_and_keyboard_survive_an_edit_in_the_admin(
    live_site, page, django_user_model
):
    target = article()
    url = f"{live_site.url}{target.get_absolute_url()}"
    page.goto(url)
    page.wait_for_selector(".passage-start")

    # Mouse: drag across a phrase; the floating button opens the form with the quote.
    drag_select(page, MOUSE_QUOTE)
    page.click(".passage-float")
    assert page.locator(".passage-panel .passage-quote").inner_text() == MOUSE_QUOTE
    post_form(page, "Which part of the path?", "Mouse Reader")
    page.wait_for_selector("#article-body mark.passage-mark--end[data-count='1']")
    page.click(".passage-panel-close")

    # Keyboard: "Comment on a passage", next sentence, extend by one, Enter.
    page.focus(".passage-start")
    page.keyboard.press("Enter")
    page.wait_for_selector(".passage-picker:not([hidden])")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    assert page.evaluate("() => String(window.getSelection())").replace("\n", " ") == KEYBOARD_QUOTE
    page.keyboard.press("Enter")
    page.wait_for_selector(".passage-form")
    assert page.locator(".passage-picker").is_hidden()
    assert page.locator(".passage-panel .passage-quote").inner_text() == KEYBOARD_QUOTE
    assert page.evaluate("() => document.activeElement.name") == "body"
    page.keyboard.type("Seven to two is not close.")
    page.fill(".passage-form input[name=author_name]", "Keyboard Reader")
    page.click(".passage-submit")
    page.wait_for_selector(".passage-panel .passage-comments >> text=Seven to two is not close.")

    mouse = PassageAnchor.objects.get(comment__body="Which part of the path?")
    keyboard = PassageAnchor.objects.get(comment__body="Seven to two is not close.")
    assert (mouse.exact, keyboard.exact) == (MOUSE_QUOTE, KEYBOARD_QUOTE)
    marked = _marked(page)
    assert marked[str(mouse.pk)] == MOUSE_QUOTE
    assert marked[str(keyboard.pk)].replace("\n", " ") == KEYBOARD_QUOTE
    assert page.locator("#article-body mark.passage-mark--end[data-count='1']").count() == 2
    save_screenshot(page, "passages-commented")

    # A marked passage opens its comments from the keyboard too.
    page.click(".passage-panel-close")
    page.focus(f"#passage-{mouse.pk}")
    page.keyboard.press("Enter")
    page.wait_for_selector(".passage-panel .passage-comments >> text=Which part of the path?")

    # The editor changes the article in the admin: a new first paragraph, and a word in the first sentence.
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-editor-123")
    page.goto(f"{live_site.url}/admin/login/?next=/admin/publishing/article/{target.pk}/change/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor-123")
    page.click("input[type=submit]")
    page.wait_for_selector("#id_body")
    page.fill("#id_body", "Update: the meeting ran late into the night.\n\n" + BODY.replace("Tuesday", "Wednesday"))
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist")

    page.goto(url)
    page.wait_for_selector("#article-body mark.passage-mark")
    mouse.refresh_from_db()
    keyboard.refresh_from_db()
    assert mouse.status == keyboard.status == PassageAnchor.Status.MOVED
    marked = _marked(page)
    assert marked[str(mouse.pk)] == MOUSE_QUOTE
    assert marked[str(keyboard.pk)].replace("\n", " ") == KEYBOARD_QUOTE
    assert page.locator("#article-body mark.passage-mark--end[data-count='1']").count() == 2
    page.click(f"#passage-{keyboard.pk}")
    page.wait_for_selector(".passage-panel .passage-comments >> text=Seven to two is not close.")
    assert Comment.objects.filter(status=Comment.Status.VISIBLE).count() == 2
    save_screenshot(page, "passages-after-edit")

    # The discussion's "Inline feedback" filter lists both comments with their quotes.
    page.click(".passage-filter")
    page.wait_for_selector("#inline-feedback .inline-feedback-item")
    quotes = page.locator("#inline-feedback .passage-quote").all_inner_texts()
    assert sorted(q.replace("\n", " ") for q in quotes) == sorted([MOUSE_QUOTE, KEYBOARD_QUOTE])
    assert page.locator("#comments .comment-page").is_hidden()
