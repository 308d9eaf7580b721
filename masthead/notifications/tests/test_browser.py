"""A guest in Chromium: "Notify of" on the article page, the confirm link from the received mail, unsubscribe."""

from __future__ import annotations

import pytest

from masthead.notifications.actions import on_comment_visible
from masthead.notifications.models import Subscription
from masthead.notifications.tests.helpers import link_path, make_thread, post, reader
from masthead.testing.fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_guest_subscribes_confirms_from_the_mail_and_unsubscribes(smtp, worker, live_site, page):
    thread = make_thread(headline="The river path reopens")
    assert thread.article is not None
    page.goto(f"{live_site.url}{thread.article.get_absolute_url()}")
    control = page.locator("form.notify-of")
    control.locator("select[name=kind]").select_option("thread")
    control.locator("input[name=email]").fill("ada@example.org")
    save_screenshot(page, "notifications-control")
    control.locator("button[type=submit]").click()
    page.wait_for_selector("text=Check your inbox")

    [confirmation] = smtp.wait_for(1)
    page.goto(live_site.url + link_path(confirmation, "confirm"))
    page.click("button.notify-confirm")
    page.wait_for_selector("text=You are subscribed")
    save_screenshot(page, "notifications-confirmed")
    assert Subscription.objects.get().status == Subscription.Status.ACTIVE

    on_comment_visible(post(thread, reader("bob"), "Good news for walkers."))
    digest = smtp.wait_for(2)[1]
    assert "Good news for walkers." in digest.get_body(("plain",)).get_content()
    page.goto(live_site.url + link_path(digest, "unsubscribe"))
    page.click("button.notify-unsubscribe")
    page.wait_for_selector("text=You are unsubscribed")
    save_screenshot(page, "notifications-unsubscribed")
    assert Subscription.objects.get().status == Subscription.Status.ENDED
