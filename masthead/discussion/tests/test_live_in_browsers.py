"""Several readers in Chromium on one article: each is told of a new comment live, without reloading."""

import time

import pytest

from masthead.core.live import broker
from masthead.discussion.actions import thread_channel, thread_for_article
from masthead.testing.discussion import make_article, post_as, reader
from masthead.testing.fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_three_anonymous_readers_each_see_the_new_comment_arrive(live_site, chromium):
    article = make_article(headline="The night ferry returns")
    thread = thread_for_article(article)
    url = f"{live_site.url}{article.get_absolute_url()}"
    contexts = [chromium.new_context() for _ in range(3)]  # three separate anonymous readers, no shared cookies
    try:
        pages = []
        for context in contexts:
            page = context.new_page()
            page.set_default_timeout(10_000)
            page.goto(url)
            page.wait_for_selector("#comments.is-enhanced")
            pages.append(page)
        # Every page's event stream has been answered: the server has subscribed each of them to the thread.
        deadline = time.monotonic() + 5
        while broker.subscriber_count(thread_channel(thread.pk)) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert broker.subscriber_count(thread_channel(thread.pk)) == 3, "some readers' streams got no answer"
        post_as(thread, reader("writer"), body="The ferry runs until midnight from Friday.")
        for n, page in enumerate(pages):
            button = page.locator(".show-new")
            button.wait_for(state="visible", timeout=5_000)
            assert button.inner_text() == "1 new comment", f"reader {n + 1}"
        pages[2].click(".show-new")
        pages[2].wait_for_selector("text=The ferry runs until midnight from Friday.")
        save_screenshot(pages[2], "discussion-live-third-reader")
    finally:
        for context in contexts:
            context.close()
