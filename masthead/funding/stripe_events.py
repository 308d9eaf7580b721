"""What each Stripe webhook event means for the ledger (payload shapes of API version stripe_client.API_VERSION).

Every money event names its PaymentIntent, so the PaymentIntent id is the key of a ledger row: whichever event
of a payment arrives first creates the row, later ones add their facts (see ``funding.state``). The Checkout
session's metadata (campaign, article, wall preferences) is set by us server-side when the session is created,
and for monthly donations reaches each invoice as ``subscription_details.metadata``.

Called by ``actions.do_record_stripe_event`` inside its transaction; the caller holds no locks yet.

A signature proves an event came from Stripe, not that every field has the type and range we store: each field is
read through a checking accessor (``_text``, ``_amount``, ...), and anything else raises ``BadEvent``, which the
webhook answers with 400 after the transaction rolled back, so nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from masthead.funding import money, state
from masthead.funding.models import Campaign, Donation, RecurringDonation
from masthead.publishing.models import Article

Obj = dict[str, Any]

_LATEST_TIMESTAMP = 253_402_300_799  # 9999-12-31T23:59:59Z, the last second a datetime holds


class BadEvent(ValueError):
    """A verified event whose content we cannot record (a field of the wrong type or out of range)."""


def _object(value: object, what: str) -> Obj:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadEvent(f"{what} is not a JSON object")
    return value


def _text(obj: Obj, key: str, limit: int = 255) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > limit:
        raise BadEvent(f"{key} is not a string of at most {limit} characters")
    return value


def _amount(obj: Obj, key: str) -> int:
    value = obj.get(key)
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= money.AMOUNT_CEILING:
        raise BadEvent(f"{key} is not a whole amount from 0 to {money.AMOUNT_CEILING}")
    return value


def timestamp(value: object, what: str = "created") -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _LATEST_TIMESTAMP:
        raise BadEvent(f"{what} is not a Unix time")
    return value


def _currency(obj: Obj) -> str:
    value = _text(obj, "currency", 3).lower()
    if value and not (len(value) == 3 and value.isascii() and value.isalpha()):
        raise BadEvent("currency is not a three-letter code")
    return value


def _pk(metadata: Obj, key: str) -> int | None:
    value = _text(metadata, key, 500)
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None


def _when(moment: int) -> datetime | None:
    return datetime.fromtimestamp(moment, tz=UTC) if moment else None


def envelope(event: Obj) -> tuple[str, str, int]:
    """The event's id, type and Stripe time, checked."""
    event_id = _text(event, "id")
    if not event_id:
        raise BadEvent("The event has no id.")
    return event_id, _text(event, "type", 100), timestamp(event.get("created"))


def _row(payment_intent: str) -> tuple[Donation, bool]:
    """The ledger row of a PaymentIntent, locked for this transaction; created (unsaved) when new.

    Two transactions may both find no row on PostgreSQL: one insert then fails on the unique PaymentIntent and
    the caller retries its whole transaction, which then finds and locks the row.
    """
    donation = Donation.objects.select_for_update().filter(stripe_payment_intent=payment_intent).first()
    created = donation is None
    if donation is None:
        donation = Donation(stripe_payment_intent=payment_intent)
    donation.was_paid = donation.is_paid  # lets the caller see a new payment
    return donation, created


def _attribute(donation: Donation, metadata: Obj, *, kind: str) -> None:
    """Campaign, article and wall choices from our own metadata; first known value wins."""
    campaign_id, article_id = _pk(metadata, "campaign"), _pk(metadata, "article")
    if donation.campaign_id is None and campaign_id is not None:
        donation.campaign = Campaign.objects.filter(pk=campaign_id).first()
    if donation.article_id is None and article_id is not None:
        donation.article = Article.objects.filter(pk=article_id).first()
    if metadata:
        donation.kind = kind
        donation.is_anonymous = metadata.get("anonymous") == "1"
        donation.show_on_wall = metadata.get("wall") == "1"
        donation.public_message = _text(metadata, "message", 500)[:300]
        donation.wall_name = _text(metadata, "name", 500)[:200]


def _donor(donation: Donation, *, name: str, email: str, customer: str) -> None:
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
    payment_intent = _text(obj, "payment_intent")
    if not payment_intent:
        return None
    amount = _amount(obj, "amount_total")
    metadata = _object(obj.get("metadata"), "metadata")
    details = _object(obj.get("customer_details"), "customer_details")
    donation, _ = _row(payment_intent)
    donation.stripe_checkout_session = donation.stripe_checkout_session or _text(obj, "id") or None
    donation.currency = _currency(obj) or donation.currency
    _attribute(donation, metadata, kind=Donation.Kind.ONE_OFF)
    _donor(donation, name=_text(details, "name", 500), email=_text(details, "email", 500),
           customer=_text(obj, "customer"))
    donation.amount = max(donation.amount, amount)
    kind = event["type"]
    if kind == "checkout.session.async_payment_failed":
        state.mark_failed(donation)
    elif kind == "checkout.session.async_payment_succeeded" or obj.get("payment_status") == "paid":
        # checkout.session.completed counts only when paid; a delayed method is pending until succeeded/failed.
        state.mark_paid(donation, amount, _when(timestamp(event.get("created"))))
    return _save(donation)


def _subscription_from_session(event: Obj, obj: Obj) -> None:
    subscription = _text(obj, "subscription")
    if not subscription:
        return
    metadata = _object(obj.get("metadata"), "metadata")
    email = _text(_object(obj.get("customer_details"), "customer_details"), "email", 500)[:254]
    amount, currency, campaign_id = _amount(obj, "amount_total"), _currency(obj), _pk(metadata, "campaign")
    recurring, _ = RecurringDonation.objects.select_for_update().get_or_create(stripe_subscription=subscription)
    if recurring.campaign_id is None and campaign_id is not None:
        recurring.campaign = Campaign.objects.filter(pk=campaign_id).first()
    recurring.stripe_customer = recurring.stripe_customer or _text(obj, "customer")
    recurring.donor_email = recurring.donor_email or email
    recurring.amount = recurring.amount or amount
    recurring.currency = recurring.currency or currency
    recurring.save()


def _invoice(event: Obj, obj: Obj) -> Donation | None:
    payment_intent, subscription = _text(obj, "payment_intent"), _text(obj, "subscription")
    if not payment_intent or not subscription:
        return None  # not a donation (or a zero-amount invoice with no payment)
    metadata = _object(_object(obj.get("subscription_details"), "subscription_details").get("metadata"), "metadata")
    paid, due = _amount(obj, "amount_paid"), _amount(obj, "amount_due")
    transitions = _object(obj.get("status_transitions"), "status_transitions")
    paid_at = timestamp(transitions.get("paid_at"), "paid_at") or timestamp(event.get("created"))
    donation, _ = _row(payment_intent)
    donation.stripe_invoice = donation.stripe_invoice or _text(obj, "id") or None
    donation.stripe_subscription = subscription
    donation.stripe_charge = donation.stripe_charge or _text(obj, "charge") or None
    donation.currency = _currency(obj) or donation.currency
    _attribute(donation, metadata, kind=Donation.Kind.MONTHLY)
    donation.kind = Donation.Kind.MONTHLY
    _donor(donation, name=_text(obj, "customer_name", 500), email=_text(obj, "customer_email", 500),
           customer=_text(obj, "customer"))
    if event["type"] == "invoice.paid":
        state.mark_paid(donation, paid, _when(paid_at))
    else:
        donation.amount = max(donation.amount, due)
        state.mark_failed(donation)
    return _save(donation)


def _charge_refunded(event: Obj, obj: Obj) -> Donation | None:
    payment_intent = _text(obj, "payment_intent")
    if not payment_intent:
        return None
    refunded, currency = _amount(obj, "amount_refunded"), _currency(obj)
    donation, _ = _row(payment_intent)
    donation.stripe_charge = donation.stripe_charge or _text(obj, "id") or None
    donation.currency = donation.currency or currency
    # amount_refunded is cumulative over all refunds of the charge, so a replayed or late event cannot add twice.
    state.mark_refunded(donation, refunded)
    return _save(donation)


def _dispute(event: Obj, obj: Obj) -> Donation | None:
    payment_intent = _text(obj, "payment_intent")
    if not payment_intent:
        return None
    amount, currency, status = _amount(obj, "amount"), _currency(obj), _text(obj, "status", 100)
    donation, _ = _row(payment_intent)
    donation.stripe_charge = donation.stripe_charge or _text(obj, "charge") or None
    donation.currency = donation.currency or currency
    state.mark_dispute(donation, state.dispute_from_stripe(status), amount)
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
    subscription = _text(obj, "id")
    if not subscription:
        raise BadEvent("The subscription has no id.")
    metadata = _object(obj.get("metadata"), "metadata")
    campaign_id, created = _pk(metadata, "campaign"), timestamp(event.get("created"))
    new = RecurringDonation.Status.CANCELED if event["type"].endswith(".deleted") else _SUBSCRIPTION_STATUS.get(
        _text(obj, "status", 100), RecurringDonation.Status.OTHER)
    recurring, _ = RecurringDonation.objects.select_for_update().get_or_create(stripe_subscription=subscription)
    recurring.stripe_customer = recurring.stripe_customer or _text(obj, "customer")
    if recurring.campaign_id is None and campaign_id is not None:
        recurring.campaign = Campaign.objects.filter(pk=campaign_id).first()
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
    "customer.subscription.updated": _subscription,
    "customer.subscription.deleted": _subscription,
}


def apply(event: Obj) -> Donation | None:
    """Apply one verified event; returns the ledger row it touched, if any (with ``was_paid`` set)."""
    handler = HANDLERS.get(_text(event, "type", 100))
    if handler is None:
        return None
    obj = _object(_object(event.get("data"), "data").get("object"), "data.object")
    return handler(event, obj)
