"""Forged, stale, re-serialised or unsigned webhooks are refused (400) and change nothing."""

from __future__ import annotations

import json
import time

import pytest

from masthead.funding.models import Donation, StripeEvent
from masthead.testing import stripe_fakes as fakes

pytestmark = pytest.mark.django_db


def _paid_event(campaign):
    return fakes.event("checkout.session.completed", fakes.checkout_session("pi_sec", 2500, campaign.pk))


def _assert_nothing_recorded() -> None:
    assert StripeEvent.objects.count() == 0
    assert Donation.objects.count() == 0


def test_genuine_event_is_recorded(client, campaign):
    response = fakes.post(client, _paid_event(campaign))
    assert response.status_code == 200
    assert Donation.objects.get().net_amount == 2500


def test_unsigned_event_is_rejected(client, campaign):
    response = client.post("/support/webhooks/stripe/", data=fakes.body(_paid_event(campaign)),
                           content_type="application/json")
    assert response.status_code == 400
    _assert_nothing_recorded()


def test_event_signed_with_another_secret_is_rejected(client, campaign):
    response = fakes.post(client, _paid_event(campaign), secret="whsec_attacker")
    assert response.status_code == 400
    _assert_nothing_recorded()


def test_stale_event_is_rejected(client, campaign):
    response = fakes.post(client, _paid_event(campaign), timestamp=int(time.time()) - 301)
    assert response.status_code == 400
    _assert_nothing_recorded()


def test_reserialised_body_is_rejected(client, campaign):
    """The signature covers the exact bytes: the same JSON re-encoded (here, compacted) no longer verifies."""
    original = fakes.body(_paid_event(campaign))
    header = fakes.sign(original)
    reserialised = json.dumps(json.loads(original), separators=(",", ":")).encode()
    response = client.post("/support/webhooks/stripe/", data=reserialised, content_type="application/json",
                           headers={"Stripe-Signature": header})
    assert response.status_code == 400
    _assert_nothing_recorded()


def test_tampered_amount_is_rejected(client, campaign):
    original = fakes.body(_paid_event(campaign))
    header = fakes.sign(original)
    tampered = original.replace(b'"amount_total": 2500', b'"amount_total": 250000')
    assert tampered != original
    response = client.post("/support/webhooks/stripe/", data=tampered, content_type="application/json",
                           headers={"Stripe-Signature": header})
    assert response.status_code == 400
    _assert_nothing_recorded()


def test_malformed_header_and_body_are_rejected(client, campaign):
    for header in ["", "t=abc,v1=zz", "v1=deadbeef", "garbage"]:
        response = client.post("/support/webhooks/stripe/", data=fakes.body(_paid_event(campaign)),
                               content_type="application/json", headers={"Stripe-Signature": header})
        assert response.status_code == 400
    not_json = b"not json at all"
    response = client.post("/support/webhooks/stripe/", data=not_json, content_type="application/json",
                           headers={"Stripe-Signature": fakes.sign(not_json)})
    assert response.status_code == 400
    _assert_nothing_recorded()


def test_webhook_refuses_get(client, campaign):
    assert client.get("/support/webhooks/stripe/").status_code == 405
