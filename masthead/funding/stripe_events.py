"""What each Stripe webhook event means for the ledger (payload shapes of API version stripe_client.API_VERSION).

Every money event names its PaymentIntent, so the PaymentIntent id is the key of a ledger row: whichever event
of a payment arrives first creates the row, later ones add their facts (see ``funding.state``). The Checkout
session's metadata (campaign, article, wall preferences) is set by us server-side when the session is created,
and for monthly donations reaches each invoice as ``subscription_details.metadata``.

Called by ``actions.do_record_stripe_event`` inside its transaction; the caller holds no locks yet.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from masthead.funding import state
from masthead.funding.models import Campaign, Donation, RecurringDonation
from masthead.publishing.models import Article

Obj = dict[str, Any]


def _when(timestamp: int | None) -> datetime | None:
    return datetime.fromtimestamp(timestamp, tz=UTC) if timestamp else None


def _row(payment_intent: str) -> tuple[Donation, bool]:
    """The ledger row of a PaymentIntent, locked for this transaction; created (unsaved) when new.

    Two transactions may both find no row on PostgreSQL: one insert then fails on the unique PaymentIntent and
    the caller retries its whole transaction, which then finds and locks the row.
    """
    donation = Donation.objects.select_for_update().filter(stripe_payment_intent=payment_intent).first()
    created = donation is None
    if donation is None:
        donation = Donation(stripe_payment_intent=payment_intent)
    donation.was_paid = donation.is_paid  # type: ignore[attr-defined]  # lets the caller see a new payment
    return donation, created


def _attribute(donation: Donation, metadata: Obj, *, kind: str) -> None:
    """Campaign, article and wall choices from our own metadata; first known value wins."""
    if donation.campaign_id is None and str(metadata.get("campaign", "")).isdigit():
        donation.campaign = Campaign.objects.filter(pk=int(metadata["campaign"])).first()
    if donation.article_id is None and str(metadata.get("article", "")).isdigit():
        donation.article = Article.objects.filter(pk=int(metadata["article"])).first()
    if metadata:
        donation.kind = kind
        donation.is_anonymous = metadata.get("anonymous") == "1"
        donation.show_on_wall = metadata.get("wall") == "1"
        donation.public_message = str(metadata.get("message", ""))[:300]
        donation.wall_name = str(metadata.get("name", ""))[:200]


def _donor(donation: Donation, *, name: str | None, email: str | None, customer: str | None) -> None:
    if name and not donation.donor_name:
        donation.donor_name = name[:200]
    if email and not donation.donor_email:
        donation.donor_email = email[:254]
    if customer and not donation.stripe_customer:
        donation.stripe_customer = customer


def _save(donation: Donation) -> Donation:
    state.derive(donation)
    donation.save()
    return donation


def _checkout_session(event: Obj, obj: Obj) -> Donation | None:
    if obj.get("mode") == "subscription":
        _subscription_from_session(event, obj)
        return None  # the money of a monthly donation arrives with invoice.paid
    payment_intent = obj.get("payment_intent")
    if not payment_intent:
        return None
    donation, _ = _row(payment_intent)
    donation.stripe_checkout_session = donation.stripe_checkout_session or obj["id"]
    donation.currency = (obj.get("currency") or donation.currency).lower()
    _attribute(donation, obj.get("metadata") or {}, kind=Donation.Kind.ONE_OFF)
    details = obj.get("customer_details") or {}
    _donor(donation, name=details.get("name"), email=details.get("email"), customer=obj.get("customer"))
    amount = int(obj.get("amount_total") or 0)
    donation.amount = max(donation.amount, amount)
    kind = event["type"]
    if kind == "checkout.session.async_payment_failed":
        state.mark_failed(donation)
    elif kind == "checkout.session.async_payment_succeeded" or obj.get("payment_status") == "paid":
        # checkout.session.completed counts only when paid; a delayed method is pending until succeeded/failed.
        state.mark_paid(donation, amount, _when(event.get("created")))
    return _save(donation)


def _subscription_from_session(event: Obj, obj: Obj) -> None:
    subscription = obj.get("subscription")
    if not subscription:
        return
    recurring, _ = RecurringDonation.objects.select_for_update().get_or_create(stripe_subscription=subscription)
    metadata = obj.get("metadata") or {}
    if recurring.campaign_id is None and str(metadata.get("campaign", "")).isdigit():
        recurring.campaign = Campaign.objects.filter(pk=int(metadata["campaign"])).first()
    recurring.stripe_customer = recurring.stripe_customer or (obj.get("customer") or "")
    recurring.donor_email = recurring.donor_email or ((obj.get("customer_details") or {}).get("email") or "")
    recurring.amount = recurring.amount or int(obj.get("amount_total") or 0)
    recurring.currency = recurring.currency or (obj.get("currency") or "")
    recurring.save()


def _invoice(event: Obj, obj: Obj) -> Donation | None:
    payment_intent = obj.get("payment_intent")
    if not payment_intent or not obj.get("subscription"):
        return None  # not a donation (or a zero-amount invoice with no payment)
    donation, _ = _row(payment_intent)
    donation.stripe_invoice = donation.stripe_invoice or obj["id"]
    donation.stripe_subscription = obj["subscription"]
    donation.stripe_charge = donation.stripe_charge or obj.get("charge")
    donation.currency = (obj.get("currency") or donation.currency).lower()
    metadata = (obj.get("subscription_details") or {}).get("metadata") or {}
    _attribute(donation, metadata, kind=Donation.Kind.MONTHLY)
    donation.kind = Donation.Kind.MONTHLY
    _donor(donation, name=obj.get("customer_name"), email=obj.get("customer_email"), customer=obj.get("customer"))
    if event["type"] == "invoice.paid":
        paid_at = (obj.get("status_transitions") or {}).get("paid_at") or event.get("created")
        state.mark_paid(donation, int(obj.get("amount_paid") or 0), _when(paid_at))
    else:
        donation.amount = max(donation.amount, int(obj.get("amount_due") or 0))
        state.mark_failed(donation)
    return _save(donation)


def _charge_refunded(event: Obj, obj: Obj) -> Donation | None:
    payment_intent = obj.get("payment_intent")
    if not payment_intent:
        return None
    donation, _ = _row(payment_intent)
    donation.stripe_charge = donation.stripe_charge or obj.get("id")
    donation.currency = donation.currency or (obj.get("currency") or "").lower()
    # amount_refunded is cumulative over all refunds of the charge, so a replayed or late event cannot add twice.
    state.mark_refunded(donation, int(obj.get("amount_refunded") or 0))
    return _save(donation)


def _dispute(event: Obj, obj: Obj) -> Donation | None:
    payment_intent = obj.get("payment_intent")
    if not payment_intent:
        return None
    donation, _ = _row(payment_intent)
    donation.stripe_charge = donation.stripe_charge or obj.get("charge")
    donation.currency = donation.currency or (obj.get("currency") or "").lower()
    state.mark_dispute(donation, state.dispute_from_stripe(obj.get("status", "")), int(obj.get("amount") or 0))
    return _save(donation)


_SUBSCRIPTION_STATUS = {
    "active": RecurringDonation.Status.ACTIVE,
    "trialing": RecurringDonation.Status.ACTIVE,
    "past_due": RecurringDonation.Status.PAST_DUE,
    "unpaid": RecurringDonation.Status.PAST_DUE,
    "canceled": RecurringDonation.Status.CANCELED,
    "incomplete_expired": RecurringDonation.Status.CANCELED,
}


def _subscription(event: Obj, obj: Obj) -> None:
    recurring, _ = RecurringDonation.objects.select_for_update().get_or_create(stripe_subscription=obj["id"])
    recurring.stripe_customer = recurring.stripe_customer or (obj.get("customer") or "")
    metadata = obj.get("metadata") or {}
    if recurring.campaign_id is None and str(metadata.get("campaign", "")).isdigit():
        recurring.campaign = Campaign.objects.filter(pk=int(metadata["campaign"])).first()
    new = RecurringDonation.Status.CANCELED if event["type"].endswith(".deleted") else _SUBSCRIPTION_STATUS.get(
        obj.get("status", ""), RecurringDonation.Status.OTHER)
    created = int(event.get("created") or 0)
    # Cancellation is final; otherwise the most recent event (by Stripe's clock) decides.
    if recurring.status != RecurringDonation.Status.CANCELED and (
        new == RecurringDonation.Status.CANCELED or created >= recurring.status_as_of
    ):
        recurring.status = new
        recurring.status_as_of = max(created, recurring.status_as_of)
    recurring.save()


Handler = Callable[[Obj, Obj], Donation | None]

HANDLERS: dict[str, Handler] = {
    "checkout.session.completed": _checkout_session,
    "checkout.session.async_payment_succeeded": _checkout_session,
    "checkout.session.async_payment_failed": _checkout_session,
    "invoice.paid": _invoice,
    "invoice.payment_failed": _invoice,
    "charge.refunded": _charge_refunded,
    "charge.dispute.created": _dispute,
    "charge.dispute.updated": _dispute,
    "charge.dispute.closed": _dispute,
    "charge.dispute.funds_withdrawn": _dispute,
    "charge.dispute.funds_reinstated": _dispute,
    "customer.subscription.updated": _subscription,  # type: ignore[dict-item]
    "customer.subscription.deleted": _subscription,  # type: ignore[dict-item]
}


def apply(event: Obj) -> Donation | None:
    """Apply one verified event; returns the ledger row it touched, if any (with ``was_paid`` set)."""
    handler = HANDLERS.get(event.get("type", ""))
    if handler is None:
        return None
    obj = (event.get("data") or {}).get("object") or {}
    return handler(event, obj)
