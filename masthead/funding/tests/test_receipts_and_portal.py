"""Receipts reach the donor through a real SMTP server; monthly donors manage their donation via Stripe's portal."""

from __future__ import annotations

import re
from email.message import Message

import pytest

from masthead.funding.models import Donation
from masthead.testing import stripe_fakes as fakes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def inbox(mail_server, immediate_tasks) -> object:
    return mail_server


def _body(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def test_paid_donation_sends_one_receipt_even_when_the_event_is_replayed(client, campaign, inbox):
    evt = fakes.event("checkout.session.completed",
                      fakes.checkout_session("pi_rcpt", 2500, campaign.pk, email="ada@example.org", name="Ada"))
    fakes.post(client, evt)
    fakes.post(client, evt)
    fakes.post(client, fakes.event("charge.refunded", fakes.charge_refunded("pi_rcpt", 2500, 500)))
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == "ada@example.org"
    assert "Thank you for supporting" in message["Subject"]
    assert "donation of $25 to" in _body(message)
    assert Donation.objects.get().receipt_sent_at is not None


def test_pending_payment_gets_its_receipt_when_it_succeeds(client, campaign, inbox):
    session = fakes.checkout_session("pi_slow", 1800, campaign.pk, paid=False)
    fakes.post(client, fakes.event("checkout.session.completed", session))
    assert inbox.messages == []
    fakes.post(client, fakes.event("checkout.session.async_payment_succeeded", {**session, "payment_status": "paid"}))
    assert len(inbox.messages) == 1


def test_monthly_receipt_links_to_the_customer_portal(client, campaign, inbox, fake_stripe):
    fakes.post(client, fakes.event("invoice.paid", fakes.invoice("in_m", "pi_m", "sub_m", 1000, campaign.pk)))
    body = _body(inbox.messages[0])
    assert "monthly donation of $10" in body
    link = re.search(r"http://\S+/support/manage/(\S+)/", body)
    assert link is not None
    path = f"/support/manage/{link.group(1)}/"
    page = client.get(path)
    assert page.status_code == 200
    assert "Manage my monthly donation" in page.content.decode()
    response = client.post(path)
    assert response.status_code == 303
    assert response["Location"].startswith("https://billing.stripe.com/p/session/")
    (request,) = fake_stripe.requests
    assert request["path"] == "/v1/billing_portal/sessions"
    assert request["form"]["customer"] == "cus_sub_m"
    assert request["headers"]["Idempotency-Key"].startswith("masthead-portal-")


def test_forged_manage_link_is_refused(client, db, fake_stripe):
    response = client.post("/support/manage/cus_someone_else:forged/")
    assert response.status_code == 400
    assert fake_stripe.requests == []


def test_the_portal_link_says_so_when_stripe_does_not_answer(client, campaign, inbox, fake_stripe):
    fakes.post(client, fakes.event("invoice.paid", fakes.invoice("in_d", "pi_d", "sub_d", 1000, campaign.pk)))
    link = re.search(r"http://\S+/support/manage/(\S+)/", _body(inbox.messages[0]))
    assert link is not None
    fake_stripe.fail_with = 500
    response = client.post(f"/support/manage/{link.group(1)}/")
    assert response.status_code == 502
    assert fake_stripe.requests  # it was asked
