"""Confirm and unsubscribe links: signed, bound to one subscription and one purpose; forged or swapped ones fail."""

from __future__ import annotations

import pytest
from django.core import signing
from django.test import Client

from masthead.notifications.actions import do_record_request
from masthead.notifications.models import Subscription
from masthead.notifications.tests.helpers import make_thread, subscribe_now
from masthead.notifications.tokens import CONFIRM, UNSUBSCRIBE, make_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(notify_settings):
    return make_thread()


def _pending(thread, email="ada@example.org") -> Subscription:
    do_record_request(thread.pk, email, Subscription.Kind.THREAD)
    return Subscription.objects.get(subscriber__email=email)


def _unsubscribe(token: str, method: str = "post"):
    client = Client(enforce_csrf_checks=True)
    return getattr(client, method)(f"/notifications/unsubscribe/{token}")


def test_a_forged_token_is_refused_and_changes_nothing(thread):
    sub = subscribe_now(thread, "ada@example.org")
    for token in ["nonsense", "eyJzIjoxfQ:1abc:forged", "x" * 400]:
        assert _unsubscribe(token).status_code == 400
    payload = signing.dumps({"s": sub.pk, "k": sub.token_key}, salt="someone-elses-salt")
    assert _unsubscribe(payload).status_code == 400
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.ACTIVE


def test_a_token_cannot_be_edited_to_name_another_subscription(thread):
    ada = subscribe_now(thread, "ada@example.org")
    bob = subscribe_now(thread, "bob@example.org")
    good = make_token(ada, UNSUBSCRIBE)
    _, _, tail = good.partition(":")  # keep Ada's timestamp and signature, swap in Bob's payload
    bob_payload = make_token(bob, UNSUBSCRIBE).partition(":")[0]
    assert _unsubscribe(f"{bob_payload}:{tail}").status_code == 400
    bob.refresh_from_db()
    assert bob.status == Subscription.Status.ACTIVE


def test_tokens_are_bound_to_their_purpose(thread):
    pending = _pending(thread)
    confirm_token = make_token(pending, CONFIRM)
    assert _unsubscribe(confirm_token).status_code == 400
    active = subscribe_now(thread, "bob@example.org")
    client = Client()
    assert client.get(f"/notifications/confirm/{make_token(active, UNSUBSCRIBE)}").status_code == 400
    assert client.post(f"/notifications/confirm/{make_token(pending, UNSUBSCRIBE)}").status_code == 400
    pending.refresh_from_db()
    assert pending.status == Subscription.Status.PENDING


def test_asking_again_leaves_the_earlier_link_working_until_the_subscription_ends(thread):
    first = make_token(_pending(thread), CONFIRM)
    second = make_token(_pending(thread), CONFIRM)  # perhaps a stranger repeating the request
    client = Client()
    assert client.post(f"/notifications/confirm/{first}").status_code == 200
    assert client.post(f"/notifications/confirm/{second}").status_code == 200
    sub = Subscription.objects.get()
    assert sub.status == Subscription.Status.ACTIVE
    old_unsubscribe = make_token(sub, UNSUBSCRIBE)
    assert _unsubscribe(old_unsubscribe).status_code == 200
    fresh = make_token(_pending(thread), CONFIRM)  # asking after leaving: new key, old links die
    assert client.post(f"/notifications/confirm/{first}").status_code == 400
    assert _unsubscribe(old_unsubscribe).status_code == 400
    assert client.post(f"/notifications/confirm/{fresh}").status_code == 200


def test_confirm_links_expire(thread, settings):
    token = make_token(_pending(thread), CONFIRM)
    settings.NOTIFICATIONS_CONFIRM_MAX_AGE = -1
    response = Client().post(f"/notifications/confirm/{token}")
    assert response.status_code == 400
    assert b"expired" in response.content
    assert Subscription.objects.get().status == Subscription.Status.PENDING


def test_confirming_needs_csrf_but_one_click_unsubscribe_does_not(thread):
    token = make_token(_pending(thread), CONFIRM)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(f"/notifications/confirm/{token}").status_code == 403
    active = subscribe_now(thread, "bob@example.org")
    response = strict.post(f"/notifications/unsubscribe/{make_token(active, UNSUBSCRIBE)}",
                           "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    active.refresh_from_db()
    assert active.status == Subscription.Status.ENDED


def test_opening_an_unsubscribe_link_only_asks(thread):
    sub = subscribe_now(thread, "ada@example.org")
    response = _unsubscribe(make_token(sub, UNSUBSCRIBE), "get")
    assert response.status_code == 200
    assert b"a\xe2\x80\xa6@example.org" in response.content  # masked: the page never shows the whole address
    assert b"ada@example.org" not in response.content
    assert response["Referrer-Policy"] == "same-origin"
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.ACTIVE


def test_an_old_confirm_link_does_not_revive_an_ended_subscription(thread):
    pending = _pending(thread)
    token = make_token(pending, CONFIRM)
    client = Client()
    assert client.post(f"/notifications/confirm/{token}").status_code == 200
    assert _unsubscribe(make_token(pending, UNSUBSCRIBE)).status_code == 200
    assert client.post(f"/notifications/confirm/{token}").status_code == 400
    pending.refresh_from_db()
    assert pending.status == Subscription.Status.ENDED
