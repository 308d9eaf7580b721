"""Each handled Stripe event type and what it does to the ledger and the campaign total."""

from __future__ import annotations

import pytest

from masthead.funding import ledger
from masthead.funding.models import Donation, RecurringDonation, StripeEvent
from masthead.testing import stripe_fakes as fakes

# Real commits: totals are invalidated (and published) only once a change commits.
# This month's totals: the month must not turn while a test runs (mid_month, testing/fixtures.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("mid_month")]

Status = Donation.Status


def _raised(campaign) -> int:
    return ledger.totals(campaign).raised


def test_paid_checkout_counts_once_even_when_replayed(client, campaign):
    evt = fakes.event("checkout.session.completed", fakes.checkout_session("pi_1", 2500, campaign.pk))
    first = fakes.post(client, evt)
    again = fakes.post(client, evt)
    assert first.json() == {"received": True, "duplicate": False}
    assert again.json() == {"received": True, "duplicate": True}
    donation = Donation.objects.get()
    assert (donation.status, donation.net_amount, donation.kind) == (Status.PAID, 2500, Donation.Kind.ONE_OFF)
    assert donation.donor_email == "reader@example.org"
    assert StripeEvent.objects.count() == 1
    assert _raised(campaign) == 2500


def test_unpaid_completion_waits_for_async_result(client, campaign):
    session = fakes.checkout_session("pi_async", 4000, campaign.pk, paid=False)
    fakes.post(client, fakes.event("checkout.session.completed", session))
    assert Donation.objects.get().status == Status.PENDING
    assert _raised(campaign) == 0
    fakes.post(client, fakes.event("checkout.session.async_payment_succeeded", {**session, "payment_status": "paid"}))
    assert Donation.objects.get().status == Status.PAID
    assert _raised(campaign) == 4000


def test_async_failure_never_counts(client, campaign):
    session = fakes.checkout_session("pi_fail", 4000, campaign.pk, paid=False)
    fakes.post(client, fakes.event("checkout.session.completed", session))
    fakes.post(client, fakes.event("checkout.session.async_payment_failed", session))
    assert Donation.objects.get().status == Status.FAILED
    assert _raised(campaign) == 0


def test_refunds_use_the_cumulative_amount(client, campaign):
    fakes.post(client, fakes.event("checkout.session.completed", fakes.checkout_session("pi_r", 5000, campaign.pk)))
    fakes.post(client, fakes.event("charge.refunded", fakes.charge_refunded("pi_r", 5000, 1000)))
    assert Donation.objects.get().status == Status.PARTIALLY_REFUNDED
    assert _raised(campaign) == 4000
    # A second partial refund reports 3000 refunded in all; an older event arriving late changes nothing.
    fakes.post(client, fakes.event("charge.refunded", fakes.charge_refunded("pi_r", 5000, 3000)))
    fakes.post(client, fakes.event("charge.refunded", fakes.charge_refunded("pi_r", 5000, 1000)))
    assert _raised(campaign) == 2000
    fakes.post(client, fakes.event("charge.refunded", fakes.charge_refunded("pi_r", 5000, 5000)))
    donation = Donation.objects.get()
    assert (donation.status, donation.net_amount, donation.refunded_amount) == (Status.REFUNDED, 0, 5000)
    assert _raised(campaign) == 0


def test_lost_dispute_removes_the_money_and_won_dispute_keeps_it(client, campaign):
    for pi in ("pi_lost", "pi_won"):
        fakes.post(client, fakes.event("checkout.session.completed", fakes.checkout_session(pi, 3000, campaign.pk)))
        fakes.post(client, fakes.event("charge.dispute.created", fakes.dispute(pi, 3000, "needs_response")))
    assert {d.status for d in Donation.objects.all()} == {Status.DISPUTED}
    assert _raised(campaign) == 6000  # open disputes still count until decided
    fakes.post(client, fakes.event("charge.dispute.closed", fakes.dispute("pi_lost", 3000, "lost")))
    fakes.post(client, fakes.event("charge.dispute.closed", fakes.dispute("pi_won", 3000, "won")))
    assert Donation.objects.get(stripe_payment_intent="pi_lost").status == Status.DISPUTED
    assert Donation.objects.get(stripe_payment_intent="pi_won").status == Status.PAID
    assert _raised(campaign) == 3000


def test_monthly_donation_counts_each_paid_invoice(client, campaign):
    fakes.post(client, fakes.event("checkout.session.completed", fakes.subscription_session("sub_1", 1000,
                                                                                            campaign.pk)))
    assert Donation.objects.count() == 0  # the money comes with invoice.paid
    assert RecurringDonation.objects.get().status == RecurringDonation.Status.ACTIVE
    fakes.post(client, fakes.event("invoice.paid", fakes.invoice("in_1", "pi_in_1", "sub_1", 1000, campaign.pk)))
    fakes.post(client, fakes.event("invoice.payment_failed",
                                   fakes.invoice("in_2", "pi_in_2", "sub_1", 1000, campaign.pk, paid=False)))
    assert _raised(campaign) == 1000
    failed = Donation.objects.get(stripe_invoice="in_2")
    assert failed.status == Status.FAILED
    # Stripe retries the card and the invoice is paid after all: the retry wins over the earlier failure.
    fakes.post(client, fakes.event("invoice.paid", fakes.invoice("in_2", "pi_in_2", "sub_1", 1000, campaign.pk)))
    assert Donation.objects.get(stripe_invoice="in_2").status == Status.PAID
    assert _raised(campaign) == 2000
    assert ledger.totals(campaign).supporters == 1  # one donor, two payments
    assert set(Donation.objects.values_list("kind", flat=True)) == {Donation.Kind.MONTHLY}


def test_subscription_status_follows_the_latest_event_and_cancel_is_final(client, campaign):
    fakes.post(client, fakes.event("customer.subscription.updated", fakes.subscription("sub_s", "past_due"),
                                   created=2000))
    fakes.post(client, fakes.event("customer.subscription.updated", fakes.subscription("sub_s", "active"),
                                   created=1000))
    assert RecurringDonation.objects.get().status == RecurringDonation.Status.PAST_DUE
    fakes.post(client, fakes.event("customer.subscription.deleted", fakes.subscription("sub_s", "canceled"),
                                   created=3000))
    fakes.post(client, fakes.event("customer.subscription.updated", fakes.subscription("sub_s", "active"),
                                   created=4000))
    assert RecurringDonation.objects.get().status == RecurringDonation.Status.CANCELED


def test_payment_in_another_currency_or_for_an_unknown_campaign_does_not_count(client, campaign):
    fakes.post(client, fakes.event("checkout.session.completed",
                                   fakes.checkout_session("pi_eur", 2500, campaign.pk, currency="eur")))
    fakes.post(client, fakes.event("checkout.session.completed", fakes.checkout_session("pi_x", 2500, 999999)))
    assert Donation.objects.count() == 2
    assert _raised(campaign) == 0


def test_unhandled_event_types_are_acknowledged_and_recorded(client, campaign):
    response = fakes.post(client, fakes.event("customer.created", {"id": "cus_1", "object": "customer"}))
    assert response.status_code == 200
    assert StripeEvent.objects.get().type == "customer.created"
    assert Donation.objects.count() == 0
