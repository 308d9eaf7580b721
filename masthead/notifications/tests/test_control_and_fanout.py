"""The "Notify of" control on the article page, readers who subscribe at once, and who gets a notice."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.test import Client, RequestFactory

from masthead.discussion.readers import Reader
from masthead.notifications.actions import do_fan_out, do_record_request
from masthead.notifications.models import Notice, Subscription
from masthead.notifications.tests.helpers import make_thread, post, reader, subscribe_now
from masthead.notifications.tokens import CONFIRM, make_token
from masthead.notifications.verification import is_verified, mark_verified

pytestmark = pytest.mark.django_db
ADA = "ada@example.org"


def test_the_article_page_shows_the_control_as_a_plain_form(notify_settings):
    thread = make_thread()
    assert thread.article is not None
    page = Client().get(thread.article.get_absolute_url()).content.decode()
    assert 'action="/notifications/subscribe"' in page
    assert f'name="thread" value="{thread.pk}"' in page
    assert 'value="thread">new follow-up comments' in page
    assert 'value="replies">new replies to my comments' in page
    # The page is shared by every anonymous reader, so the form carries no CSRF token: browsers post it on
    # Sec-Fetch-Site / Origin (masthead.core.csrf).
    assert 'name="csrfmiddlewaretoken"' not in page.split('class="notify-of"')[1].split("</form>")[0]


def test_a_link_on_a_comment_can_preselect_replies_to_my_comments(notify_settings):
    thread = make_thread()
    assert thread.article is not None
    page = Client().get(thread.article.get_absolute_url() + "?notify=replies").content.decode()
    assert '<option value="replies" selected>' in page
    assert 'id="notify-of"' in page


def test_the_template_tag_renders_the_control_for_an_article(notify_settings):
    thread = make_thread()
    assert thread.article is not None
    request = RequestFactory().get("/")
    html = Template("{% load notifications_tags %}{% notify_of_control article %}").render(
        Context({"article": thread.article, "request": request})
    )
    assert 'class="notify-of"' in html
    assert f'value="{thread.pk}"' in html


def test_confirming_verifies_the_address_and_this_browser_then_subscribes_at_once(notify_settings):
    thread = make_thread()
    assert thread.article is not None
    do_record_request(thread.pk, ADA, Subscription.Kind.THREAD)
    assert not is_verified(ADA)
    browser = Client()
    browser.post(f"/notifications/confirm/{make_token(Subscription.objects.get(), CONFIRM)}")
    assert is_verified(ADA)
    # The accounts app sees it too: the address is a verified identity and this browser holds it.
    from masthead.accounts.tiers import SESSION_IDENTITY, is_verified_email

    assert is_verified_email(ADA)
    assert browser.session.get(SESSION_IDENTITY) is not None
    answer = browser.post("/notifications/subscribe", {"thread": thread.pk, "email": ADA, "kind": "replies"})
    assert b"You are subscribed" in answer.content
    assert Subscription.objects.get(kind="replies").status == Subscription.Status.ACTIVE
    # Another browser naming the same verified address proves nothing: it gets the usual answer, no subscription.
    stranger = Client().post("/notifications/subscribe", {"thread": make_thread().pk, "email": ADA, "kind": "thread"})
    assert b"Check your inbox" in stranger.content
    assert Subscription.objects.count() == 2


def test_a_signed_in_reader_with_a_verified_address_subscribes_at_once(notify_settings):
    thread = make_thread()
    assert thread.article is not None
    user = get_user_model().objects.create_user("ada", ADA, "a-long-password-1")
    mark_verified(ADA)
    client = Client()
    client.force_login(user)
    answer = client.post("/notifications/subscribe", {"thread": thread.pk, "email": ADA, "kind": "thread"})
    assert b"You are subscribed" in answer.content
    assert Subscription.objects.get().status == Subscription.Status.ACTIVE


def test_notices_go_to_followers_and_repliers_but_never_to_the_author(notify_settings):
    thread = make_thread()
    assert thread.article is not None
    ada, bob = reader("ada"), reader("bob", network="net-b")
    subscribe_now(thread, ADA, "thread")
    subscribe_now(thread, ADA, "replies")
    subscribe_now(thread, "bob@example.org", "replies")
    Subscription.objects.filter(subscriber__email="bob@example.org").update(reader_key=bob.author_key)

    own = post(thread, ada, "Mine.", author_email="ADA@example.org")
    assert do_fan_out(own.pk) == 0  # Ada follows the thread, but this is her own comment

    bobs = post(thread, bob, "Bob writes without an email.")
    assert do_fan_out(bobs.pk) == 1  # Ada (thread); Bob is the author
    reply = post(thread, ada, "Ada answers Bob.", parent_id=bobs.pk, author_email=ADA)
    assert do_fan_out(reply.pk) == 1  # Bob, known by the browser he subscribed from
    assert Notice.objects.get(comment=reply).subscriber.email == "bob@example.org"

    to_ada = post(thread, reader("cy", network="net-c"), "Cy answers Ada.", parent_id=own.pk)
    assert do_fan_out(to_ada.pk) == 1
    assert Notice.objects.get(comment=to_ada).kind == "replies"  # one notice, the more specific reason
    assert do_fan_out(to_ada.pk) == 1
    assert Notice.objects.filter(comment=to_ada).count() == 1


def test_hidden_comments_and_ended_subscriptions_make_no_notices(notify_settings):
    thread = make_thread()
    assert thread.article is not None
    sub = subscribe_now(thread, ADA)
    staff_reader = Reader(user_id=None, is_staff=False, reader_id="reader-eve-0000000000", network_hash="n")
    comment = post(thread, staff_reader, "Soon gone.")
    type(comment).objects.filter(pk=comment.pk).update(status="rejected")
    assert do_fan_out(comment.pk) == 0
    Subscription.objects.filter(pk=sub.pk).update(status=Subscription.Status.ENDED)
    assert do_fan_out(post(thread, staff_reader, "Nobody listens.").pk) == 0


def test_an_address_can_be_exported_and_erased(notify_settings):
    from masthead.notifications.privacy import do_erase_address, export_address

    thread = make_thread()

    assert thread.article is not None
    subscribe_now(thread, ADA, "replies")
    mark_verified(ADA)
    subscribe_now(thread, "bob@example.org")
    exported = export_address("Ada@Example.org")
    assert exported["verified_at"] is not None
    assert [(s["kind"], s["status"]) for s in exported["subscriptions"]] == [("replies", "active")]
    assert do_erase_address(ADA) >= 3
    assert export_address(ADA) == {"email": ADA, "verified_at": None, "subscriptions": [], "mails": []}
    assert Subscription.objects.get().subscriber.email == "bob@example.org"


def test_pruning_forgets_old_records_but_keeps_live_subscriptions(notify_settings):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    thread = make_thread()

    assert thread.article is not None
    live = subscribe_now(thread, ADA)
    gone = subscribe_now(thread, "bob@example.org")
    do_record_request(thread.pk, "cy@example.org", Subscription.Kind.THREAD)
    long_ago = timezone.now() - timedelta(days=200)
    Subscription.objects.filter(pk=gone.pk).update(status=Subscription.Status.ENDED, ended_at=long_ago)
    Subscription.objects.filter(subscriber__email="cy@example.org").update(requested_at=long_ago)
    out = io.StringIO()
    call_command("notifications_prune", stdout=out)
    assert "ended: 1" in out.getvalue()
    assert list(Subscription.objects.values_list("pk", flat=True)) == [live.pk]
