"""A guest in Chromium: posts, replies, votes, switches sort, loads more; a second reader sees the comment arrive
live; the same flows work with JavaScript disabled."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.discussion.actions import NewComment, submit_comment, thread_for_article
from masthead.discussion.models import Comment, DiscussionSettings
from masthead.testing.discussion import make_article, reader
from masthead.testing.fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _discussion(n: int = 5):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"page_size": 3})
    article = make_article(headline="The river path reopens")
    thread = thread_for_article(article)
    start = timezone.now() - timedelta(hours=n)
    for i in range(n):
        submit_comment(thread, reader(f"r{i}"), NewComment(body=f"Existing comment {i}", author_name=f"Reader {i}"),
                        now=start + timedelta(minutes=i))
    return article, thread


def test_guest_discusses_with_javascript_and_a_second_reader_sees_it_live(live_site, chromium):
    article, _thread = _discussion()
    url = f"{live_site.url}{article.get_absolute_url()}"
    writer_context = chromium.new_context()
    watcher_context = chromium.new_context()
    try:
        watcher = watcher_context.new_page()
        watcher.set_default_timeout(10_000)
        watcher.goto(url)
        watcher.wait_for_selector("#comments.is-enhanced")

        page = writer_context.new_page()
        page.set_default_timeout(10_000)
        page.goto(url)
        page.wait_for_selector("#comments.is-enhanced")
        assert page.locator(".comment-prompt").inner_text() == "Would love your thoughts, please comment."

        # Post: the comment appears in place, the page does not navigate.
        page.fill("textarea[name=body]", "Posted *in place* by a guest")
        page.fill("input[name=author_name]", "Ваня “Guest” O'Neil")
        page.click(".comment-submit")
        page.wait_for_selector("text=Posted in place by a guest")
        assert page.url == url
        assert page.locator(".comment-count").inner_text() == "6"
        posted = Comment.objects.get(body="Posted *in place* by a guest")

        # Reply, quoting part of the parent.
        page.click(f"#comment-{posted.pk} .comment-reply")
        page.fill("textarea[name=quote]", "in place")
        page.fill("form#respond textarea[name=body]", "A reply to that")
        page.fill("input[name=author_name]", "Second Voice")
        page.click(".comment-submit")
        page.wait_for_selector(".comment-replies >> text=A reply to that")
        page.wait_for_timeout(300)  # the live events of these two comments have arrived by now
        assert page.locator(".discussion-new").is_hidden(), "the writer is not told about their own comments"
        reply = Comment.objects.get(body="A reply to that")
        assert reply.parent_id == posted.pk
        assert reply.quote == "in place"

        # Edit in place, then delete the reply (it had no replies, so it goes).
        page.click(f"#comment-{posted.pk} .comment-edit")
        page.fill(f"#comment-{posted.pk} .comment-edit-form textarea", "Posted and **edited** in place")
        page.click(f"#comment-{posted.pk} .comment-edit-form button")
        page.wait_for_selector(f"#comment-{posted.pk} >> text=edited")
        assert Comment.objects.get(pk=posted.pk).body == "Posted and **edited** in place"
        page.once("dialog", lambda dialog: dialog.accept())
        page.click(f"#comment-{reply.pk} .comment-delete")
        page.wait_for_selector(f"#comment-{reply.pk}", state="detached")
        assert Comment.objects.get(pk=reply.pk).status == Comment.Status.DELETED

        # Vote on someone else's comment.
        target = Comment.objects.get(body="Existing comment 4")
        page.click(f"#comment-{target.pk} .vote-up")
        page.wait_for_function(
            f"() => document.querySelector('#comment-{target.pk} .comment-score').textContent === '1'")
        assert page.get_attribute(f"#comment-{target.pk} .vote-up", "aria-pressed") == "true"

        # Switch sort, then load more.
        page.click(".discussion-sort a[data-sort=oldest]")
        page.wait_for_function("() => document.querySelector('#comments').dataset.sort === 'oldest'")
        first_root = page.locator(".comment-list > .comment-thread").first.get_attribute("data-root")
        assert first_root == str(Comment.objects.get(body="Existing comment 0").pk)
        assert page.locator(".comment-list > .comment-thread").count() == 3
        page.click(".load-more")
        page.wait_for_function("() => document.querySelectorAll('.comment-list > .comment-thread').length === 6")
        save_screenshot(page, "discussion-guest-js")

        # The second reader was told, and reveals it without a reload.
        watcher.wait_for_selector(".show-new:visible")
        assert "new comment" in watcher.locator(".show-new").inner_text()
        watcher.click(".show-new")
        # It shows the comment as last edited, and not the reply deleted meanwhile.
        watcher.wait_for_selector(f"#comment-{posted.pk} >> text=Posted and edited in place")
        assert watcher.locator("text=A reply to that").count() == 0
        assert watcher.locator(".comment-count").inner_text() == "6"
        save_screenshot(watcher, "discussion-live-watcher")
    finally:
        writer_context.close()
        watcher_context.close()


def test_guest_discusses_without_javascript(live_site, chromium):
    article, _thread = _discussion()
    url = f"{live_site.url}{article.get_absolute_url()}"
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(url)
        page.fill("textarea[name=body]", "Posted with a plain form")
        page.fill("input[name=author_name]", "Plain Reader")
        with page.expect_navigation():
            page.click(".comment-submit")
        posted = Comment.objects.get(body="Posted with a plain form")
        assert page.url.endswith(f"#comment-{posted.pk}")
        assert page.locator(f"#comment-{posted.pk}").is_visible()

        with page.expect_navigation():
            page.click(f"#comment-{posted.pk} .comment-reply")
        assert "replyto=" in page.url
        page.fill("textarea[name=body]", "Replied with a plain form")
        page.fill("input[name=author_name]", "Plain Replier")
        with page.expect_navigation():
            page.click(".comment-submit")
        assert Comment.objects.get(body="Replied with a plain form").parent_id == posted.pk

        target = Comment.objects.get(body="Existing comment 4")
        with page.expect_navigation():
            page.click(f"#comment-{target.pk} .vote-up")
        assert page.locator(f"#comment-{target.pk} .comment-score").inner_text() == "1"

        with page.expect_navigation():
            page.click(".discussion-sort a[data-sort=oldest]")
        assert "sort=oldest" in page.url
        assert page.locator(".comment-list > .comment-thread").first.get_attribute("data-root") == str(
            Comment.objects.get(body="Existing comment 0").pk)
        with page.expect_navigation():
            page.click(".load-more")
        assert "pages=2" in page.url
        assert page.locator("text=Existing comment 0").is_visible()  # the list grew: first page still there
        assert page.locator("text=Existing comment 3").is_visible()
        save_screenshot(page, "discussion-guest-nojs")
    finally:
        context.close()
