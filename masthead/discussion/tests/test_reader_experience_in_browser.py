"""Small things a reader meets in the discussion, in Chromium: a refused vote is explained where it happened, a
guest's name is remembered, deleting a reply leaves the page as a reload would, and the edit form can be left."""

import pytest

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment
from masthead.testing.discussion import make_article, post_as, reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#comments.is-enhanced")


def _post(page, body: str, name: str = "Ada Guest", website: str = "") -> Comment:
    page.fill("form#respond textarea[name=body]", body)
    if page.locator("form#respond input[name=author_name]").input_value() != name:
        page.fill("form#respond input[name=author_name]", name)
    if website:
        page.fill("form#respond input[name=author_website]", website)
    page.click("form#respond .comment-submit")
    page.wait_for_selector(f".comment-body >> text={body}")
    return Comment.objects.get(body=body)


def test_voting_on_your_own_comment_says_why_under_it(live_site, page):
    article = make_article(headline="Ferry timetable changes")
    _open(page, f"{live_site.url}{article.get_absolute_url()}")
    mine = _post(page, "My own view on the ferry")

    page.click(f"#comment-{mine.pk} .vote-up")

    note = page.locator(f"#comment-{mine.pk} .comment-note")
    note.wait_for()
    assert note.inner_text() == "You cannot vote on your own comment."
    assert note.get_attribute("role") == "alert"
    assert page.locator(f"#comment-{mine.pk} .comment-score").inner_text() == "0"


def test_a_guest_name_is_remembered_in_this_browser_only(live_site, chromium, page):
    article = make_article(headline="Library hours extended")
    url = f"{live_site.url}{article.get_absolute_url()}"
    _open(page, url)
    _post(page, "First thought", name="Ada Guest", website="https://ada.example.org/")

    # The form is ready for the next comment, still knowing who is writing...
    assert page.input_value("form#respond input[name=author_name]") == "Ada Guest"
    assert page.input_value("form#respond textarea[name=body]") == ""
    # ...and so is the next page.
    _open(page, url)
    assert page.input_value("form#respond input[name=author_name]") == "Ada Guest"
    assert page.input_value("form#respond input[name=author_website]") == "https://ada.example.org/"
    assert page.input_value("form#respond input[name=author_email]") == ""
    second = _post(page, "Second thought")
    assert second.author_name == "Ada Guest"

    other = chromium.new_context()
    try:
        stranger = other.new_page()
        stranger.set_default_timeout(10_000)
        _open(stranger, url)
        assert stranger.input_value("form#respond input[name=author_name]") == ""
    finally:
        other.close()


def test_deleting_a_reply_updates_its_parent_and_leaves_no_tombstone(live_site, page):
    article = make_article(headline="Bridge repairs start")
    thread = thread_for_article(article)
    parent = post_as(thread, reader("someone"), "The bridge has needed this for years", author_name="Bo")
    url = f"{live_site.url}{article.get_absolute_url()}"
    _open(page, url)

    page.click(f"#comment-{parent.pk} .comment-reply")
    reply = _post(page, "Agreed, and the lights too")
    # A new reply counts at once, too.
    assert page.locator(f"#comment-{parent.pk} .comment-reply-count").inner_text() == "1 reply"

    page.once("dialog", lambda dialog: dialog.accept())
    page.click(f"#comment-{reply.pk} .comment-delete")

    page.wait_for_selector(f"#comment-{reply.pk}", state="detached")
    assert page.locator(f"#comment-{parent.pk} .comment-reply-count").count() == 0
    assert page.locator(".comment-gone").count() == 0
    assert page.locator(".comment-count").inner_text() == "1"
    assert Comment.objects.get(pk=reply.pk).status == Comment.Status.DELETED

    # What a reload shows.
    _open(page, url)
    assert page.locator(f"#comment-{reply.pk}").count() == 0
    assert page.locator(f"#comment-{parent.pk} .comment-reply-count").count() == 0


def test_the_edit_form_looks_like_the_comment_form_and_can_be_cancelled(live_site, page):
    article = make_article(headline="Market moves indoors")
    _open(page, f"{live_site.url}{article.get_absolute_url()}")
    mine = _post(page, "The market should stay outside")

    page.click(f"#comment-{mine.pk} .comment-edit")
    editor = page.locator(f"#comment-{mine.pk} .comment-edit-form")
    editor.wait_for()
    area = editor.locator("textarea")
    font = "(el) => getComputedStyle(el).fontFamily"
    assert area.evaluate(font) == page.locator("form#respond textarea[name=body]").evaluate(font)
    assert "monospace" not in area.evaluate(font)
    area.fill("Changed my mind")

    editor.locator("button", has_text="Cancel").click()

    assert page.locator(f"#comment-{mine.pk} .comment-edit-form").count() == 0
    body = page.locator(f"#comment-{mine.pk} .comment-body")
    assert body.is_visible()
    assert body.inner_text() == "The market should stay outside"
    assert Comment.objects.get(pk=mine.pk).body == "The market should stay outside"
    # It can be opened again.
    page.click(f"#comment-{mine.pk} .comment-edit")
    assert page.locator(f"#comment-{mine.pk} .comment-edit-form textarea").input_value() == (
        "The market should stay outside")


def test_the_plain_edit_page_has_the_site_layout_and_the_comment_form(live_site, chromium):
    article = make_article(headline="Park benches replaced")
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{live_site.url}{article.get_absolute_url()}")
        page.fill("form#respond textarea[name=body]", "New benches at last")
        page.fill("form#respond input[name=author_name]", "Ada Guest")
        page.click("form#respond .comment-submit")
        mine = Comment.objects.get(body="New benches at last")

        page.click(".discussion-yours .edit-link")
        page.wait_for_selector("main h1 >> text=Edit your comment")
        assert page.locator("main h1").bounding_box()["x"] > 200  # in the text column
        area = page.locator("#edit-body")
        assert "monospace" not in area.evaluate("(el) => getComputedStyle(el).fontFamily")
        assert area.bounding_box()["width"] > 400
        page.click("main a >> text=Cancel")
        page.wait_for_selector(f"#comment-{mine.pk}")
    finally:
        context.close()
