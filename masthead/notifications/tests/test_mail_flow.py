"""A guest follows replies by mail: subscribe, confirm, one batched mail, one-click unsubscribe, silence after.
Real SMTP server (aiosmtpd), real worker (django-tasks-db), committed data."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client

from masthead.discussion.models import Comment, DiscussionSettings
from masthead.moderation.actions import do_decide_comment
from masthead.moderation.models import Action
from masthead.notifications.actions import on_comment_visible
from masthead.notifications.models import Delivery, Subscription
from masthead.notifications.tests.helpers import (
    html_of,
    link_path,
    make_thread,
    post,
    reader,
    subscribe_now,
    text_of,
    wait_idle,
)

pytestmark = pytest.mark.django_db(transaction=True)

ADA = "ada@example.org"


def test_guest_confirms_gets_one_mail_for_three_replies_and_nothing_after_one_click_unsubscribe(smtp, worker):
    thread = make_thread(headline="River path vote")
    assert thread.article is not None
    ada = reader("ada")
    # Posting through the discussion's actions announces each visible comment (nothing calls the hook by hand).
    first = post(thread, ada, "The path should stay open.", author_email=ADA)
    browser = Client(REMOTE_ADDR="198.51.100.7")

    answer = browser.post("/notifications/subscribe", {"thread": thread.pk, "email": "Ada@Example.org",
                                                       "kind": "replies"})
    assert answer.status_code == 200
    assert b"Check your inbox" in answer.content
    [confirmation] = smtp.wait_for(1)
    assert confirmation["To"] == ADA
    assert "River path vote" in confirmation["Subject"]
    confirm_path = link_path(confirmation, "confirm")
    assert confirm_path in html_of(confirmation)

    # Opening the link asks; only the button press subscribes (mail scanners open links too).
    assert b"Confirm" in browser.get(confirm_path).content
    assert Subscription.objects.get().status == Subscription.Status.PENDING
    confirmed = browser.post(confirm_path)
    assert confirmed.status_code == 200
    assert b"You are subscribed" in confirmed.content
    assert Subscription.objects.get().status == Subscription.Status.ACTIVE

    with transaction.atomic():  # three replies land together, as in a busy minute
        replies = [post(thread, reader(f"r{n}", network=f"net-{n}"), f"Reply number {n}.", parent_id=first.pk)
                   for n in range(3)]
    post(thread, ada, "Thanks, all.", parent_id=replies[0].pk, author_email=ADA)  # never mailed to Ada herself
    post(thread, reader("bob", network="net-b"), "A new top-level comment.")  # not a reply: Ada follows replies

    mails = smtp.wait_for(2)
    wait_idle()
    assert len(smtp.messages) == 2, "exactly one batched mail for the three replies"
    digest = mails[1]
    assert digest["Subject"] == "3 new comments on “River path vote”"
    assert "The Lantern" in digest["From"]
    text, html = text_of(digest), html_of(digest)
    for reply in replies:
        assert f"Reply number {reply.body[-2]}" in text
        assert f"https://news.example{thread.article.get_absolute_url()}#comment-{reply.pk}" in text
        assert f"#comment-{reply.pk}" in html
    assert "Thanks, all." not in text
    assert "top-level" not in text
    unsubscribe_header = digest["List-Unsubscribe"].strip()  # a long value is folded
    assert re.fullmatch(r"<https://news\.example/notifications/unsubscribe/[^>]+>", unsubscribe_header)
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # RFC 8058 one-click: a POST with no cookie and no CSRF token.
    mail_client = Client(enforce_csrf_checks=True)
    path = unsubscribe_header.strip("<>").removeprefix("https://news.example")
    answer = mail_client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert answer.status_code == 200
    assert Subscription.objects.get().status == Subscription.Status.ENDED

    post(thread, reader("cy", network="net-c"), "Another reply.", parent_id=first.pk)
    wait_idle()
    assert len(smtp.messages) == 2


def test_a_held_comment_sends_nothing_until_a_moderator_approves_it(smtp, worker):
    DiscussionSettings.objects.create(premoderation=True)
    thread = make_thread()
    subscribe_now(thread, ADA)
    held = post(thread, reader("bob"), "Held for review.")
    assert held.status == Comment.Status.PENDING
    on_comment_visible(held)  # even a wrongly wired call sends nothing for a hidden comment
    wait_idle()
    assert smtp.messages == []

    moderator = get_user_model().objects.create_superuser("mod", "mod@example.org", "a-long-password-1")
    with transaction.atomic():
        do_decide_comment(moderator, held, Action.PUBLISH)  # approval announces it
    [mail] = smtp.wait_for(1)
    assert "Held for review." in text_of(mail)
    wait_idle()
    assert len(smtp.messages) == 1


def test_mails_are_at_most_one_per_interval_and_list_everything_since_the_last(smtp, worker, second_worker, settings):
    settings.NOTIFICATIONS_BATCH_INTERVAL = 3
    thread = make_thread()
    subscribe_now(thread, ADA)
    post(thread, reader("bob"), "First news.")
    [_first] = smtp.wait_for(1)
    for n in range(2):
        post(thread, reader(f"c{n}"), f"Later news {n}.")
    second = smtp.wait_for(2)[1]
    wait_idle()
    assert len(smtp.messages) == 2
    assert "Later news 0." in text_of(second)
    assert "Later news 1." in text_of(second)
    assert "First news." not in text_of(second)
    taken = list(Delivery.objects.filter(kind=Delivery.Kind.DIGEST).order_by("created_at")
                 .values_list("created_at", flat=True))
    assert (taken[1] - taken[0]).total_seconds() >= 3  # the second mail waited out the interval


def test_a_refused_attempt_is_retried_with_backoff_and_the_mail_arrives_once(smtp, worker, second_worker):
    thread = make_thread()
    subscribe_now(thread, ADA)
    smtp.refuse = ["451 4.3.0 Try again later"]
    post(thread, reader("bob"), "Worth the wait.")
    smtp.wait_for(1)
    wait_idle()
    assert len(smtp.messages) == 1
    delivery = Delivery.objects.get(kind=Delivery.Kind.DIGEST)
    assert (delivery.status, delivery.attempts) == (Delivery.Status.SENT, 2)

    from masthead.notifications.delivery import attempt

    assert attempt(delivery.pk) == "skipped"  # a duplicate task run sends nothing
    from masthead.notifications.tasks import send_digest

    assert delivery.subscriber_id is not None
    assert delivery.thread_id is not None
    for _ in range(2):  # nor do stray digest runs: the notices were taken by the first mail
        send_digest.enqueue(delivery.subscriber_id, delivery.thread_id)
    wait_idle()
    assert len(smtp.messages) == 1


def test_a_permanent_refusal_is_not_retried(smtp, worker):
    thread = make_thread()
    subscribe_now(thread, ADA)
    smtp.refuse = ["550 5.1.1 No such mailbox"]
    post(thread, reader("bob"), "Into the void.")
    from masthead.notifications.tests.helpers import wait_until

    wait_until(lambda: Delivery.objects.filter(status=Delivery.Status.FAILED).exists(), what="the failure")
    wait_idle()
    assert smtp.messages == []
    assert Delivery.objects.get().attempts == 1
