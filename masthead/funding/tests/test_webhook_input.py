"""Correctly signed webhooks with content we cannot record answer 400, are logged, and change nothing."""

from __future__ import annotations

import json
import logging
import time

import pytest

from masthead.funding.models import Donation, RecurringDonation, StripeEvent
from masthead.testing import stripe_fakes as fakes

pytestmark = pytest.mark.django_db


def _post_raw(client, payload: bytes, timestamp: int | None = None):
    return client.post("/support/webhooks/stripe/", data=payload, content_type="application/json",
                       headers={"Stripe-Signature": fakes.sign(payload, timestamp=timestamp)})


def _ledger() -> tuple:
    return (
        tuple(Donation.objects.order_by("pk").values_list("pk", "amount", "refunded_amount", "net_amount", "status",
                                                            "dispute", "currency", "donor_email")),
        tuple(StripeEvent.objects.order_by("pk").values_list("event_id", flat=True)),
        tuple(RecurringDonation.objects.order_by("pk").values_list("stripe_subscription", "status", "amount")),
    )


@pytest.fixture
def paid(client, campaign):
    """One paid donation already in the ledger: a bad event must leave it exactly as it is."""
    assert fakes.post(client, fakes.event("checkout.session.completed",
                                          fakes.checkout_session("pi_w", 2500, campaign.pk))).status_code == 200
    return _ledger()


@pytest.mark.parametrize("payload", [b"[]", b'[{"id": "evt_1", "object": "event"}]', b'"event"', b"42", b"null"])
def test_signed_json_that_is_not_an_object_is_refused(client, paid, payload, caplog):
    with caplog.at_level(logging.WARNING, logger="masthead.funding.webhooks"):
        response = _post_raw(client, payload)
    assert response.status_code == 400
    assert "Stripe webhook refused" in caplog.text
    assert _ledger() == paid


@pytest.mark.parametrize("amount", ["lots", 10**30, -5, 2.5, "2500", True, [2500], 2**63])
def test_signed_event_with_an_unusable_amount_is_refused(client, campaign, paid, amount, caplog):
    session = {**fakes.checkout_session("pi_bad", 2500, campaign.pk), "amount_total": amount}
    refund = {**fakes.charge_refunded("pi_w", 2500, 1000), "amount_refunded": amount}
    for kind, obj in [("checkout.session.completed", session), ("charge.refunded", refund)]:
        with caplog.at_level(logging.WARNING, logger="masthead.funding.webhooks"):
            response = fakes.post(client, fakes.event(kind, obj))
        assert response.status_code == 400, (kind, amount)
        field = "amount_total" if kind.startswith("checkout") else "amount_refunded"
        assert response.json() == {"error": "unusable event",
                                   "detail": f"{field} is not a whole amount from 0 to 10000000000000"}
        assert "unusable event" in caplog.text
    assert _ledger() == paid


def _bad_shapes(campaign_id: int) -> list[tuple[str, dict]]:
    session = fakes.checkout_session("pi_shape", 2500, campaign_id)
    invoice = fakes.invoice("in_shape", "pi_shape_in", "sub_shape", 1000, campaign_id)
    return [
        ("checkout.session.completed", {**session, "metadata": "campaign=1"}),
        ("checkout.session.completed", {**session, "currency": "usdollars"}),
        ("checkout.session.completed", {**session, "payment_intent": {"id": "pi_shape"}}),
        ("checkout.session.completed", {**session, "payment_intent": "pi_" + "x" * 300}),
        ("checkout.session.completed", {**session, "customer_details": ["ada@example.org"]}),
        ("invoice.paid", {**invoice, "status_transitions": {"paid_at": 10**30}}),
        ("invoice.paid", {**invoice, "amount_paid": "1000"}),
        ("charge.dispute.created", {**fakes.dispute("pi_w", 2500, "needs_response"), "status": ["lost"]}),
        ("customer.subscription.updated", {"object": "subscription", "status": "active"}),
    ]


def test_signed_events_of_the_wrong_shape_are_refused(client, campaign, paid):
    for kind, obj in _bad_shapes(campaign.pk):
        response = fakes.post(client, fakes.event(kind, obj))
        assert response.status_code == 400, (kind, obj)
    envelopes: list[dict[str, object]] = [{"created": "yesterday"}, {"created": 10**30}, {"id": ["evt"]},
                                          {"data": []}, {"data": {"object": "pi_w"}}]
    for envelope in envelopes:
        evt = {**fakes.event("charge.refunded", fakes.charge_refunded("pi_w", 2500, 1000)), **envelope}
        response = _post_raw(client, json.dumps(evt).encode())
        assert response.status_code == 400, envelope
    assert _ledger() == paid


def test_signature_from_the_future_is_refused(client, campaign):
    evt = fakes.event("checkout.session.completed", fakes.checkout_session("pi_future", 2500, campaign.pk))
    response = fakes.post(client, evt, timestamp=int(time.time()) + 4000)
    assert response.status_code == 400
    assert _ledger() == ((), (), ())
    # A few seconds of clock skew either way is normal and accepted.
    assert fakes.post(client, evt, timestamp=int(time.time()) + 60).status_code == 200
    assert Donation.objects.get().net_amount == 2500
