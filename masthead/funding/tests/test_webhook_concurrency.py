"""Hundreds of events, each delivered three times in shuffled order by 16 concurrent senders, total to the cent.

Every sender is a thread with its own database connection posting signed payloads through the full Django stack
(signature check, transaction, retry), as Stripe's parallel deliveries would.
"""

from __future__ import annotations

import random
import threading
import time
from queue import Empty, SimpleQueue

import pytest
from django.db import connection
from django.test import Client

from masthead.funding import ledger
from masthead.funding.models import Donation, StripeEvent
from masthead.testing import stripe_fakes as fakes

# This month's totals: the month must not turn while a test runs (mid_month, testing/fixtures.py).
pytestmark = pytest.mark.usefixtures("mid_month")

SENDERS = 16
PAYMENTS = 170
SUBSCRIPTIONS = 15


def _scenario(campaign_id: int, rng: random.Random) -> tuple[list[dict], int]:
    """Events of many payments, and the total they must add up to (worked out independently of the code)."""
    events: list[dict] = []
    expected = 0
    for n in range(PAYMENTS):
        pi = f"pi_conc_{n}"
        amount = rng.randrange(300, 20_000)
        delayed = n % 9 == 0
        session = fakes.checkout_session(pi, amount, campaign_id, paid=not delayed, email=f"r{n % 70}@example.org")
        events.append(fakes.event("checkout.session.completed", session))
        if delayed:
            failed = n % 18 == 0
            kind = "checkout.session.async_payment_failed" if failed else "checkout.session.async_payment_succeeded"
            events.append(fakes.event(kind, {**session, "payment_status": "unpaid" if failed else "paid"}))
            if failed:
                continue
        refunded = lost = 0
        if n % 5 == 0:  # refunded in two steps; Stripe reports the cumulative amount each time
            first = amount // 3
            refunded = amount if n % 10 == 0 else first + amount // 4
            events.append(fakes.event("charge.refunded", fakes.charge_refunded(pi, amount, first)))
            events.append(fakes.event("charge.refunded", fakes.charge_refunded(pi, amount, refunded)))
        elif n % 7 == 0:  # disputed: some lost, some won
            outcome = "lost" if n % 14 == 0 else "won"
            events.append(fakes.event("charge.dispute.created", fakes.dispute(pi, amount, "needs_response")))
            events.append(fakes.event("charge.dispute.closed", fakes.dispute(pi, amount, outcome)))
            lost = amount if outcome == "lost" else 0
        expected += max(0, amount - refunded - lost)
    for s in range(SUBSCRIPTIONS):
        sub = f"sub_conc_{s}"
        amount = 1000 + 100 * s
        events.append(fakes.event("checkout.session.completed", fakes.subscription_session(sub, amount, campaign_id)))
        events.append(fakes.event("invoice.paid", fakes.invoice(f"in_conc_{s}", f"pi_inv_{s}", sub, amount,
                                                                 campaign_id)))
        expected += amount
    return events, expected


def _deliver(bodies: SimpleQueue, errors: list[str]) -> None:
    client = Client()
    try:
        while True:
            try:
                payload = bodies.get_nowait()
            except Empty:
                return
            response = client.post("/support/webhooks/stripe/", data=payload, content_type="application/json",
                                   headers={"Stripe-Signature": fakes.sign(payload)})
            if response.status_code != 200:
                errors.append(f"{response.status_code} {response.content[:200]!r}")
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_concurrent_shuffled_triple_delivery_totals_to_the_cent(campaign, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    rng = random.Random(20261125)
    events, expected = _scenario(campaign.pk, rng)
    deliveries = [fakes.body(evt) for evt in events for _ in range(3)]
    rng.shuffle(deliveries)
    assert len(events) >= 200
    bodies: SimpleQueue = SimpleQueue()
    for payload in deliveries:
        bodies.put(payload)
    errors: list[str] = []
    senders = [threading.Thread(target=_deliver, args=(bodies, errors)) for _ in range(SENDERS)]
    started = time.monotonic()
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(120)
    elapsed = time.monotonic() - started

    assert errors == []
    assert StripeEvent.objects.count() == len(events)
    assert Donation.objects.count() == PAYMENTS + SUBSCRIPTIONS
    totals = ledger.totals(campaign)
    assert totals.raised == expected
    assert ledger.rebuild(campaign) == expected
    assert ledger.compute(campaign).raised == expected
    print(f"{len(deliveries)} deliveries of {len(events)} events by {SENDERS} senders in {elapsed:.1f}s "
          f"on {connection.vendor}")
