"""Property: whatever order (and however often) one payment's events arrive, the ledger ends in the same state."""

from __future__ import annotations

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.funding import actions
from masthead.funding.models import Donation, RecurringDonation
from masthead.testing import stripe_fakes as fakes

pytestmark = pytest.mark.django_db


def _one_off(campaign_id: int) -> list[dict]:
    session = fakes.checkout_session("pi_prop", 9000, campaign_id, paid=False)
    return [
        fakes.event("checkout.session.completed", session, created=1000),
        fakes.event("checkout.session.async_payment_succeeded", {**session, "payment_status": "paid"}, created=1100),
        fakes.event("charge.refunded", fakes.charge_refunded("pi_prop", 9000, 1500), created=1200),
        fakes.event("charge.refunded", fakes.charge_refunded("pi_prop", 9000, 4000), created=1300),
        fakes.event("charge.dispute.created", fakes.dispute("pi_prop", 5000, "needs_response"), created=1400),
        fakes.event("charge.dispute.updated", fakes.dispute("pi_prop", 5000, "under_review"), created=1500),
        fakes.event("charge.dispute.closed", fakes.dispute("pi_prop", 5000, "lost"), created=1600),
    ]


def _monthly(campaign_id: int) -> list[dict]:
    failed = fakes.invoice("in_prop", "pi_prop_in", "sub_prop", 1200, campaign_id, paid=False)
    paid = fakes.invoice("in_prop", "pi_prop_in", "sub_prop", 1200, campaign_id, paid_at=2100)
    return [
        fakes.event("checkout.session.completed", fakes.subscription_session("sub_prop", 1200, campaign_id),
                    created=2000),
        fakes.event("invoice.payment_failed", failed, created=2050),
        fakes.event("invoice.paid", paid, created=2100),
        fakes.event("customer.subscription.updated", fakes.subscription("sub_prop", "past_due"), created=2060),
        fakes.event("customer.subscription.updated", fakes.subscription("sub_prop", "active"), created=2110),
        fakes.event("charge.refunded", fakes.charge_refunded("pi_prop_in", 1200, 200), created=2200),
        fakes.event("customer.subscription.deleted", fakes.subscription("sub_prop", "canceled"), created=2300),
    ]


SCENARIOS = {"one_off": _one_off, "monthly": _monthly}


def _final_state(events: list[dict]) -> tuple:
    """Apply the events, read the resulting rows, and roll everything back for the next ordering."""
    with transaction.atomic():
        for evt in events:
            actions.do_record_stripe_event(evt)
        rows = tuple(
            Donation.objects.order_by("stripe_payment_intent").values_list(
                "stripe_payment_intent", "status", "amount", "refunded_amount", "dispute", "net_amount", "is_paid",
                "payment_failed", "paid_at", "kind", "campaign_id", "donor_email", "stripe_invoice",
            )
        )
        subscriptions = tuple(RecurringDonation.objects.values_list("stripe_subscription", "status", "campaign_id"))
        transaction.set_rollback(True)
    return rows, subscriptions


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), scenario=st.sampled_from(sorted(SCENARIOS)))
def test_any_order_of_one_payments_events_converges(campaign, data, scenario):
    events = SCENARIOS[scenario](campaign.pk)
    reference = _final_state(events)
    order = data.draw(st.permutations(events), label="order")
    repeats = data.draw(st.lists(st.sampled_from(events), max_size=4), label="redeliveries")
    positions = data.draw(st.lists(st.integers(0, len(order)), min_size=len(repeats), max_size=len(repeats)))
    delivered = list(order)
    for evt, at in zip(repeats, positions, strict=True):
        delivered.insert(at, evt)
    assert _final_state(delivered) == reference


def test_reference_states_are_what_the_events_say(campaign):
    (one_off,), _ = _final_state(_one_off(campaign.pk))
    assert one_off[1:8] == ("disputed", 9000, 4000, "lost", 0, True, False)  # 9000 - 4000 refunded - 5000 lost
    rows, subscriptions = _final_state(_monthly(campaign.pk))
    assert rows[0][1:8] == ("partially_refunded", 1200, 200, "", 1000, True, True)
    assert subscriptions == (("sub_prop", "canceled", campaign.pk),)
