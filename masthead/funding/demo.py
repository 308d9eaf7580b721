"""Demo funding for `masthead demo`: an active monthly campaign partly funded through the real ledger code.

The Stripe donations are recorded by feeding Stripe-shaped events to the same action the webhook calls, so the
demo exercises the state machine (one of them is refunded); the bank transfer is a manual entry with its note.
"""

from __future__ import annotations

import time
from typing import Any, TextIO

from django.utils import timezone

from masthead.funding import actions, ledger, money
from masthead.funding.models import Campaign, Donation

GOAL = 500_000  # 5,000.00 in the campaign currency


def _event(n: int, kind: str, obj: dict[str, Any]) -> dict[str, Any]:
    return {"id": f"evt_demo_{n}", "object": "event", "type": kind, "created": int(time.time()),
            "data": {"object": obj}}


def _one_off(campaign: Campaign, key: str, amount: int, *, name: str = "", wall: bool = True,
             anonymous: bool = False, message: str = "") -> dict[str, Any]:
    return {
        "id": f"cs_demo_{key}", "object": "checkout.session", "mode": "payment", "payment_intent": f"pi_demo_{key}",
        "amount_total": amount, "currency": campaign.currency, "payment_status": "paid",
        "customer": f"cus_demo_{key}", "customer_details": {"name": name},
        "metadata": {"campaign": str(campaign.pk), "frequency": "one_off", "wall": "1" if wall else "0",
                     "anonymous": "1" if anonymous else "0", "name": name, "message": message},
    }


def seed(stdout: TextIO) -> Campaign:
    """Create (once) the active monthly campaign and its demo donations; returns the campaign."""
    existing = Campaign.objects.filter(name="Keep The Lantern lit").first()
    if existing is not None:
        return existing
    campaign = Campaign.objects.create(
        name="Keep The Lantern lit", description="Our monthly goal: every reporter's hour is paid by readers.",
        goal=GOAL, currency="usd", period=Campaign.Period.MONTHLY, min_amount=300, max_amount=1_000_000,
    )
    actions.do_activate_campaign(campaign)
    month = timezone.localdate().strftime("%Y%m")
    events = [
        _event(1, "checkout.session.completed",
               _one_off(campaign, f"{month}_a", 25_000, name="Ada", message="For the river path reporting.")),
        _event(2, "checkout.session.completed", _one_off(campaign, f"{month}_b", 12_500, anonymous=True)),
        _event(3, "checkout.session.completed", _one_off(campaign, f"{month}_c", 10_000, name="Refunded Reader")),
        _event(4, "charge.refunded", {"id": f"ch_demo_{month}_c", "object": "charge",
                                      "payment_intent": f"pi_demo_{month}_c", "amount": 10_000,
                                      "amount_refunded": 10_000, "currency": campaign.currency}),
        _event(5, "invoice.paid", {
            "id": f"in_demo_{month}", "object": "invoice", "payment_intent": f"pi_demo_{month}_m",
            "subscription": "sub_demo_monthly", "customer": "cus_demo_monthly", "customer_name": "Monthly Mo",
            "amount_paid": 2_000, "currency": campaign.currency, "status_transitions": {"paid_at": int(time.time())},
            "subscription_details": {"metadata": {"campaign": str(campaign.pk), "frequency": "monthly",
                                                  "wall": "1", "anonymous": "0", "name": "Monthly Mo"}},
        }),
    ]
    for evt in events:
        evt["id"] = f"{evt['id']}_{month}"
        actions.do_record_stripe_event(evt)
    actions.do_record_manual_donation(None, actions.ManualDonation(
        campaign, Donation.Method.BANK, 50_000, timezone.localdate(),
        "Demo: bank transfer from the local library friends",
        donor_name="Friends of the Library", show_on_wall=True, public_message="Proud to support local news.",
    ))
    raised = ledger.compute(campaign).raised
    stdout.write(f"Funding: campaign '{campaign.name}' with {money.display(raised, campaign.currency)} raised of "
                 f"{money.display(campaign.goal, campaign.currency)}.\n")
    return campaign
