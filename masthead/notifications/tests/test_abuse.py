"""What mail-bombers and enumerators try: header injection, floods, probing whether an address is subscribed."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from masthead.notifications.actions import on_comment_visible
from masthead.notifications.models import Delivery, Subscriber, Subscription
from masthead.notifications.tests.helpers import html_of, make_thread, post, reader, subscribe_now, text_of, wait_idle

ADA = "ada@example.org"


def _ask(thread, email: str, *, ip: str = "198.51.100.7", kind: str = "thread", name: str = ""):
    return Client(REMOTE_ADDR=ip).post("/notifications/subscribe",
                                       {"thread": thread.pk, "email": email, "kind": kind, "name": name})


@pytest.mark.django_db(transaction=True)
def test_header_injection_in_addresses_and_names_is_refused_and_sends_nothing(smtp, worker):
    thread = make_thread()
    attempts = [
        {"email": "ada@example.org\r\nBcc: victim@evil.example"},
        {"email": "ada@example.org\nBcc: victim@evil.example"},
        {"email": "ada@example.org%0d%0aBcc:victim@evil.example"},
        {"email": "ada@example.org", "name": "Ada\r\nBcc: victim@evil.example"},
        {"email": "ada@example.org", "name": "Ada\u2028Bcc: victim@evil.example"},
    ]
    for fields in attempts:
        response = _ask(thread, **fields)
        assert response.status_code == 400, fields
    wait_idle()
    assert smtp.messages == []
    assert not Subscriber.objects.exists()
    assert _ask(thread, ADA).status_code == 200  # the same request, clean, does send
    assert smtp.wait_for(1)[0]["To"] == ADA


@pytest.mark.django_db(transaction=True)
def test_line_breaks_in_headlines_names_and_publication_stay_inside_one_header(smtp, worker, settings):
    settings.PUBLICATION_NAME = "Lantern\r\nBcc: victim@evil.example"
    thread = make_thread(headline="Vote\r\nBcc: victim@evil.example\r\nSubject: pwned")
    subscribe_now(thread, ADA)
    on_comment_visible(post(thread, reader("eve"), "Hello\r\nBcc: victim@evil.example", author_name="Eve <script>"))
    [mail] = smtp.wait_for(1)
    _mail_from, recipients, _ = smtp.received[0]
    assert recipients == [ADA]
    assert mail["Bcc"] is None
    assert len(mail.get_all("Subject")) == 1
    assert "\n" not in mail["Subject"]
    assert "\r" not in mail["Subject"]
    assert mail["Subject"].strip().startswith("1 new comment on “Vote Bcc: victim@evil.example Subject: pwned”")
    assert "Lantern Bcc: victim@evil.example" in mail["From"]
    assert "Hello" in text_of(mail)
    assert "Eve &lt;script&gt;" in html_of(mail)
    assert "<script>" not in html_of(mail)


@pytest.mark.django_db(transaction=True)
def test_a_flood_from_one_network_gets_429_and_sends_no_more(smtp, worker, settings):
    settings.NOTIFICATIONS_REQUESTS_PER_NETWORK = 3
    thread = make_thread()
    for n in range(3):
        assert _ask(thread, f"reader{n}@example.org", ip=f"198.51.100.{n + 1}").status_code == 200
    refused = _ask(thread, "victim@example.org", ip="198.51.100.200")  # same /24 network
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    smtp.wait_for(3)
    wait_idle()
    assert len(smtp.messages) == 3
    assert "victim@example.org" not in [m["To"] for m in smtp.messages]


@pytest.mark.django_db(transaction=True)
def test_a_flood_at_one_address_mails_it_at_most_the_cap_and_answers_alike(smtp, worker, settings):
    settings.NOTIFICATIONS_MAILS_PER_ADDRESS = 2
    thread = make_thread()
    answers = [_ask(thread, "victim@example.org", ip=f"203.0.{n}.10") for n in range(5)]
    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == 1
    smtp.wait_for(2)
    wait_idle()
    assert len(smtp.messages) == 2
    assert Delivery.objects.filter(kind=Delivery.Kind.CONFIRM).count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_answer_and_its_work_are_the_same_whether_or_not_an_address_is_subscribed(smtp, worker):
    thread = make_thread()
    subscribe_now(thread, "known@example.org")
    _ask(thread, "warm-up@example.org", ip="192.0.2.99")  # fills caches (the site's topic menu) first
    answers, query_counts = [], []
    for n, email in enumerate(["known@example.org", "stranger@example.org"]):
        with CaptureQueriesContext(connection) as queries:
            answers.append(_ask(thread, email, ip=f"192.0.2.{n + 1}"))
        query_counts.append(len(queries))
    assert answers[0].status_code == answers[1].status_code == 200
    assert answers[0].content == answers[1].content
    assert query_counts[0] == query_counts[1]
    smtp.wait_for(2)
    wait_idle()
    # The subscribed owner is not mailed again; the stranger (and the warm-up) get a confirmation link.
    assert sorted(m["To"] for m in smtp.messages) == ["stranger@example.org", "warm-up@example.org"]
    assert Subscription.objects.get(subscriber__email="known@example.org").status == Subscription.Status.ACTIVE


@pytest.mark.django_db
def test_bad_requests_get_clear_statuses(notify_settings):
    thread = make_thread()
    assert _ask(thread, "not-an-address").status_code == 400
    assert _ask(thread, ADA, kind="everything").status_code == 400
    assert _ask(thread, "a" * 300 + "@example.org").status_code == 413
    assert Client().post("/notifications/subscribe", {"thread": "999999", "email": ADA,
                                                      "kind": "thread"}).status_code == 404
    assert Client().get("/notifications/subscribe").status_code == 405
    assert not Subscriber.objects.exists()


@pytest.mark.django_db
def test_subscribers_are_listed_to_staff_only(notify_settings):
    thread = make_thread()
    subscribe_now(thread, ADA)
    users = get_user_model()
    reader_account = users.objects.create_user("reader", "reader@example.org", "a-long-password-1")
    client = Client()
    assert client.get("/admin/notifications/subscription/").status_code == 302  # to the login page
    client.force_login(reader_account)
    response = client.get("/admin/notifications/subscription/")
    assert response.status_code == 302
    assert ADA.encode() not in response.content
    staff = users.objects.create_superuser("boss", "boss@example.org", "a-long-password-1")
    client.force_login(staff)
    assert ADA.encode() in client.get("/admin/notifications/subscription/").content
