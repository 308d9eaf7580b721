"""Every change to funding state: ``check_*`` validates, ``do_*`` writes. Views own the transaction.

Entry points (views, admin, the demo, tests) all come through here, so a donation recorded by a webhook, by staff
or by the demo is the same kind of ledger row, and every change bumps the cached totals and the live bar.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils import timezone

from masthead.core.actors import Actor
from masthead.core.errors import ActionError
from masthead.core.names import InvalidName, normalize_display_name
from masthead.core.ratelimit import Limit, hit
from masthead.core.tasks import enqueue_on_commit
from masthead.funding import ledger, money, roles, state, stripe_client, stripe_events
from masthead.funding.campaigns import forget_active_on_commit
from masthead.funding.models import Campaign, Donation, FundingAudit, RecurringDonation, StripeEvent, new_supporter_key
from masthead.publishing.models import Article


class FundingError(ActionError):
    """A funding request refused (``core.errors.ActionError``), with a message fit to show the person who made it."""


# --- Checkout ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckoutPlan:
    campaign: Campaign
    mode: str  # "payment" (one-off) or "subscription" (monthly)
    amount: int  # minor units
    metadata: dict[str, str]
    email: str


def wall_text(raw: str, max_length: int) -> str:
    """Names and messages shown on the wall: NFC, no bidi/zero-width/control tricks, capped after cleaning."""
    try:
        return normalize_display_name(raw, max_length=max_length, cut=True)
    except InvalidName:
        return ""


def check_checkout_rate(network: str) -> Limit:
    """Card testers hammer the form: cap attempts per network and overall, before any validation or Stripe call."""
    per_network = hit("funding-checkout-net", network, limit=settings.FUNDING_CHECKOUT_PER_NETWORK,
                      window=settings.FUNDING_CHECKOUT_WINDOW)
    if not per_network.allowed:
        return per_network
    return hit("funding-checkout-all", "all", limit=settings.FUNDING_CHECKOUT_GLOBAL,
               window=settings.FUNDING_CHECKOUT_WINDOW)


def check_checkout(
    campaign: Campaign, *, frequency: str, amount_text: str, name: str = "", message: str = "",
    anonymous: bool = False, wall: bool = False, article_id: int | None = None, email: str = "",
) -> CheckoutPlan:
    """Amount, currency and metadata are decided here, server-side; the reader only picks among allowed values."""
    if not campaign.is_active:
        raise FundingError("This campaign is not taking donations.")
    if frequency not in ("one_off", "monthly"):
        raise FundingError("Choose a one-off or a monthly donation.")
    largest = min(campaign.max_amount, money.max_donation(campaign.currency))
    try:
        amount = money.to_minor(amount_text, campaign.currency, maximum=largest)
    except money.AmountTooLarge:
        raise FundingError(
            f"The largest online donation is {money.display(largest, campaign.currency)}; "
            "please contact us for a larger gift."
        ) from None
    except money.AmountError as error:
        raise FundingError(str(error)) from None
    if amount < campaign.min_amount:
        raise FundingError(f"The smallest donation is {money.display(campaign.min_amount, campaign.currency)}.")
    article = Article.objects.live().filter(pk=article_id).first() if article_id else None
    metadata = {
        "campaign": str(campaign.pk),
        "frequency": frequency,
        "anonymous": "1" if anonymous else "0",
        "wall": "1" if wall else "0",
    }
    if article is not None:
        metadata["article"] = str(article.pk)
    if wall_text(name, 80):
        metadata["name"] = wall_text(name, 80)
    if wall_text(message, 300):
        metadata["message"] = wall_text(message, 300)
    mode = "subscription" if frequency == "monthly" else "payment"
    return CheckoutPlan(campaign, mode, amount, metadata, email.strip())


def do_start_checkout(plan: CheckoutPlan, *, form_token: str) -> str:
    """Create the Stripe Checkout session and return its URL.

    The idempotency key joins the form's one-time token with the plan, so a double submit (or a network retry)
    returns the same session, while a changed amount is a new request.
    """
    fingerprint = hashlib.sha256(
        json.dumps([plan.mode, plan.amount, plan.campaign.currency, plan.metadata, plan.email], sort_keys=True)
        .encode()
    ).hexdigest()[:24]
    token = form_token if form_token.isalnum() and 16 <= len(form_token) <= 64 else uuid.uuid4().hex
    site = settings.SITE_URL
    product = f"{'Monthly donation' if plan.mode == 'subscription' else 'Donation'} to {settings.PUBLICATION_NAME}"
    session = stripe_client.create_checkout_session(stripe_client.CheckoutRequest(
        mode=plan.mode,
        amount=plan.amount,
        currency=plan.campaign.currency,
        product_name=product,
        metadata=plan.metadata,
        success_url=f"{site}/support/thanks/?session_id={{CHECKOUT_SESSION_ID}}",
        cancel_url=f"{site}/support/",
        idempotency_key=f"masthead-checkout-{token}-{fingerprint}",
        customer_email=plan.email,
    ))
    return str(session.url)


def do_start_portal(customer: str) -> str:
    session = stripe_client.create_portal_session(
        customer, f"{settings.SITE_URL}/support/", idempotency_key=f"masthead-portal-{uuid.uuid4().hex}"
    )
    return str(session.url)


# --- Webhooks ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventOutcome:
    duplicate: bool
    donation: Donation | None


def do_record_stripe_event(event: dict[str, Any]) -> EventOutcome:
    """Record a verified event and its effect, in the caller's transaction.

    The event row and the ledger change commit together or not at all, so a replayed event is seen as a
    duplicate exactly when its effect is already in the ledger. A concurrent duplicate on PostgreSQL fails the
    unique event id (IntegrityError): the caller rolls back and retries, and then sees the duplicate. A field of
    the wrong type or out of range raises ``stripe_events.BadEvent``; the caller's rollback leaves no trace.
    """
    event_id, kind, created = stripe_events.envelope(event)  # raises stripe_events.BadEvent
    if StripeEvent.objects.filter(event_id=event_id).exists():
        return EventOutcome(True, None)
    donation = stripe_events.apply(event)
    StripeEvent.objects.create(event_id=event_id, type=kind, created=created, donation=donation)
    if donation is not None:
        ledger.changed_on_commit(donation.campaign_id)
        _receipt_on_commit(donation, was_paid=getattr(donation, "was_paid", False))
    return EventOutcome(False, donation)


def _receipt_on_commit(donation: Donation, *, was_paid: bool) -> None:
    if donation.is_paid and not was_paid and donation.donor_email and donation.receipt_sent_at is None:
        # Local: tasks imports this module.
        from masthead.funding.tasks import send_receipt

        enqueue_on_commit(send_receipt, donation.pk, robust=True)  # a queue hiccup must not fail the webhook


# --- Manual donations (staff) ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ManualDonation:
    campaign: Campaign
    method: str
    amount: int
    received_on: date
    note: str
    donor_name: str = ""
    donor_email: str = ""
    is_anonymous: bool = False
    show_on_wall: bool = False
    public_message: str = ""


def check_manual_donation(actor: Actor, *, campaign: Campaign, method: str, amount_text: str,
                          received_on: date, note: str, **donor: Any) -> ManualDonation:
    if not roles.can(actor, roles.RECORD):
        raise FundingError("Only staff who handle money can record manual donations.")
    if method not in {Donation.Method.BANK, Donation.Method.CRYPTO, Donation.Method.CHEQUE, Donation.Method.OTHER}:
        raise FundingError("Choose how the donation was received.")
    if not note.strip():
        raise FundingError("A note is required: say where the money came from and how it was checked.")
    largest = money.max_donation(campaign.currency)
    try:
        amount = money.to_minor(amount_text, campaign.currency, maximum=largest)
    except money.AmountError as error:
        raise FundingError(str(error)) from None
    if received_on > timezone.localdate():
        raise FundingError("The date received cannot be in the future.")
    for field, length in (("donor_name", 200), ("public_message", 300)):
        if donor.get(field):
            donor[field] = wall_text(donor[field], length)
    return ManualDonation(campaign, method, amount, received_on, note.strip(), **donor)


def do_record_manual_donation(actor: User | None, entry: ManualDonation) -> Donation:
    """Write a checked manual donation, audited under the staff member who recorded it (None: the demo)."""
    received = timezone.make_aware(datetime.combine(entry.received_on, time(12)), timezone.get_default_timezone())
    donation = Donation(
        campaign=entry.campaign, kind=Donation.Kind.MANUAL, method=entry.method, currency=entry.campaign.currency,
        donor_name=entry.donor_name, wall_name=entry.donor_name, donor_email=entry.donor_email,
        is_anonymous=entry.is_anonymous,
        show_on_wall=entry.show_on_wall, public_message=entry.public_message, note=entry.note, recorded_by=actor,
    )
    state.mark_paid(donation, entry.amount, received)
    state.derive(donation)
    donation.save()
    FundingAudit.objects.create(action=FundingAudit.Action.MANUAL_DONATION, actor=actor, donation=donation,
                                note=entry.note)
    ledger.changed_on_commit(donation.campaign_id)
    _receipt_on_commit(donation, was_paid=False)
    return donation


# --- Exports and receipts ----------------------------------------------------------------------------------


def do_audit_export(actor: User, rows: int) -> None:
    FundingAudit.objects.create(action=FundingAudit.Action.CSV_EXPORT, actor=actor, note=f"{rows} rows")


def do_audit_site_export(note: str) -> FundingAudit:
    """``masthead export --include-private`` wrote donors' names and emails: run from a shell, so there is no staff
    account to name; the note says who ran it, where the files went and how many ledger rows they hold."""
    return FundingAudit.objects.create(action=FundingAudit.Action.SITE_EXPORT, actor=None, note=note)


def do_mark_receipt_sent(donation_id: int) -> bool:
    """Claim the receipt for sending; False when another worker already did (a task may run twice). The SQLite
    claim of receipts.py, taken just before the hand-over."""
    return bool(
        Donation.objects.filter(pk=donation_id, receipt_sent_at__isnull=True).update(receipt_sent_at=timezone.now())
    )


def do_lock_receipt(donation_id: int) -> bool:
    """The PostgreSQL claim (in the caller's transaction, held through the send): lock the row unless it is sent
    or locked by another run, and mark it sent. False: nothing to send here."""
    free = Donation.objects.select_for_update(skip_locked=True).filter(pk=donation_id, receipt_sent_at__isnull=True)
    if free.values_list("pk", flat=True).first() is None:
        return False
    return do_mark_receipt_sent(donation_id)


def do_count_receipt_requeue(donation_id: int, times_before: int) -> bool:
    """The sweep queues an owed receipt again: count it, unless another sweep did so meanwhile or it was sent."""
    return bool(Donation.objects.filter(pk=donation_id, receipt_sent_at__isnull=True, receipt_requeued=times_before)
                .update(receipt_requeued=times_before + 1))


def do_give_receipt_back(donation_id: int) -> None:
    """The server refused the receipt (or the connection was lost before it answered): it is owed again."""
    Donation.objects.filter(pk=donation_id).update(receipt_sent_at=None)


def do_activate_campaign(campaign: Campaign) -> None:
    """Make ``campaign`` the one whose bar shows (one active campaign at a time)."""
    Campaign.objects.select_for_update().filter(is_active=True).exclude(pk=campaign.pk).update(is_active=False)
    Campaign.objects.filter(pk=campaign.pk).update(is_active=True)
    campaign.is_active = True
    forget_active_on_commit()  # update() skips Campaign.save()
    ledger.changed_on_commit(campaign.pk)


# --- A donor's erasure (asked for by accounts) -------------------------------------------------------------


def donations_from(email: str) -> QuerySet[Donation]:
    if not email:
        return Donation.objects.none()
    return Donation.objects.filter(donor_email__iexact=email)


def do_anonymise_donor(email: str) -> tuple[int, int]:
    """Clear the donor's name, address and wall text from every donation and monthly donation of ``email``; every
    amount stays for the accounts. Returns (donations, monthly donations) changed."""
    if not email:
        return 0, 0
    rows = donations_from(email)
    campaigns = set(rows.exclude(campaign=None).values_list("campaign_id", flat=True))
    # One fresh random key for all of this donor's rows: the supporter count stays right, nothing links back.
    anonymised = rows.update(
        donor_name="", donor_email="", wall_name="", public_message="", is_anonymous=True, show_on_wall=False,
        supporter_key=new_supporter_key(),
    )
    recurring = RecurringDonation.objects.filter(donor_email__iexact=email).update(donor_email="")
    for campaign_id in campaigns:
        ledger.changed_on_commit(campaign_id)  # cached totals and the live bar (the wall) move on
    return anonymised, recurring
