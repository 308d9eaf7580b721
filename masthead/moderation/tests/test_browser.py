"""A moderator in Chromium works through the queue with the keyboard: approves one, rejects one, bans an author."""

from __future__ import annotations

import pytest
from django.db import transaction

from masthead.discussion.actions import NewComment, do_change_status, submit_comment, thread_for_article
from masthead.discussion.models import Comment
from masthead.moderation import roles
from masthead.moderation.models import AuditLog, Ban
from masthead.testing.discussion import make_article, reader
from masthead.testing.fixtures import save_screenshot
from masthead.testing.moderation import staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODIES = [
    ("Ella", "Thank you for covering the library closures so carefully."),
    ("angry_reader", "You are a fucking idiot and so is whoever wrote this."),
    ("watcher", "I know where you live. Keep writing and see what happens."),
]


def test_moderator_approves_rejects_and_bans_with_the_keyboard(live_site, page):
    moderator = staff_user("moderator", roles.MODERATORS)
    moderator.set_password("masthead-demo")
    moderator.save()
    thread = thread_for_article(make_article(headline="Library hours cut"))
    held = []
    for name, body in BODIES:
        comment = submit_comment(thread, reader(name, network=f"net-{name}"),
                                  NewComment(body=body, author_name=name)).comment
        with transaction.atomic():
            held.append(do_change_status(comment, "pending", ["first comment from a guest reader"]))

    page.goto(f"{live_site.url}/moderation/")
    page.fill("input[name=username]", "moderator")
    page.fill("input[name=password]", "masthead-demo")
    page.click("input[type=submit]")
    page.wait_for_selector(".mq__item.is-current")
    assert page.locator(".mq__item").count() == 3
    save_screenshot(page, "moderation-queue")

    # The first row is selected: approve it.
    page.keyboard.press("a")
    page.wait_for_selector("text=Approved.")
    assert page.locator(".mq__item").count() == 2
    # The next row is now current; j/k move and come back; reject it.
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert page.locator(".mq__item.is-current").get_attribute("data-id") == str(held[1].pk)
    page.keyboard.press("r")
    page.wait_for_selector("text=Rejected.")
    # Ban the last author.
    page.keyboard.press("b")
    page.wait_for_selector("text=Author banned, comment rejected. Nothing else waiting on this page.")
    assert page.locator(".mq__item").count() == 0

    statuses = {c.pk: c.status for c in Comment.objects.all()}
    assert [statuses[c.pk] for c in held] == ["visible", "rejected", "rejected"]
    assert set(Ban.objects.values_list("kind", "value")) == {("reader", held[2].reader_key),
                                                              ("network", "net-watcher")}
    assert list(AuditLog.objects.order_by("id").values_list("action", flat=True)) == [
        "comment.publish", "comment.reject", "ban.create", "ban.create", "comment.reject"]

    # The rejected tab lists both rejected comments.
    page.goto(f"{live_site.url}/moderation/?tab=rejected")
    assert page.locator(".mq__item").count() == 2
    save_screenshot(page, "moderation-rejected")
