"""Campaigns, the donation ledger, recurring donations, processed Stripe events and the staff audit trail.

The ledger (``Donation``) is the truth. Each Stripe-backed row holds *facts* taken from Stripe objects (paid
amount, cumulative refunded amount, dispute status); ``status`` and ``net_amount`` are derived from those facts
by ``funding.state`` so that the same facts always give the same row, whatever order the events came in.
Totals are sums of ``net_amount`` (see ``funding.ledger``). Docs: docs/funding.md.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from masthead.funding import money


class Campaign(models.Model):
    class Period(models.TextChoices):
        MONTHLY = "monthly", "Monthly (the current calendar month)"
        FIXED = "fixed", "Fixed dates"

    class Placement(models.TextChoices):
        ARTICLES = "articles", "Article pages and the support page"
        SUPPORT = "support", "The support page only"

    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    goal = models.BigIntegerField(help_text="In minor units (cents; yen for JPY).")
    currency = models.CharField(max_length=3, default="usd", help_text="ISO code, lower case (usd, eur, jpy).")
    period = models.CharField(max_length=10, choices=Period.choices, default=Period.MONTHLY)
    starts_on = models.DateField(null=True, blank=True, help_text="Fixed period only (inclusive).")
    ends_on = models.DateField(null=True, blank=True, help_text="Fixed period only (inclusive).")
    ticks = models.JSONField(default=list, blank=True,
                             help_text="Milestones in minor units; empty means 0, half the goal and the goal.")
    suggested_amounts = models.JSONField(default=list, blank=True, help_text="One-off choices in minor units.")
    min_amount = models.BigIntegerField(default=300, help_text="Smallest donation in minor units (card testing).")
    max_amount = models.BigIntegerField(default=1_000_000, help_text="Largest online donation in minor units.")
    is_active = models.BooleanField(default=False)
    placement = models.CharField(max_length=10, choices=Placement.choices, default=Placement.ARTICLES)
    other_ways = models.TextField(
        blank=True, help_text="Other ways to give, shown on the support page: bank details, a postal address for "
                              "cheques. Readers see this instead of the card form when Stripe is not configured.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_active", "-created_at"]
        constraints = [
            # One campaign at a time drives the bar; activating another deactivates the old one (admin).
            models.UniqueConstraint(fields=["is_active"], condition=Q(is_active=True), name="one_active_campaign"),
            models.CheckConstraint(condition=Q(goal__gt=0), name="campaign_goal_positive"),
            models.CheckConstraint(condition=Q(min_amount__gt=0) & Q(max_amount__gte=models.F("min_amount")),
                                   name="campaign_amount_bounds"),
            models.CheckConstraint(condition=Q(goal__lte=money.GOAL_CEILING) & Q(max_amount__lte=money.AMOUNT_CEILING),
                                   name="campaign_amounts_below_ceiling"),
            models.CheckConstraint(
                condition=Q(period="monthly") | (Q(starts_on__isnull=False) & Q(ends_on__gte=models.F("starts_on"))),
                name="campaign_fixed_period_dates",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Local: campaigns imports these models.
        from masthead.funding.campaigns import forget_active_on_commit

        self.currency = self.currency.lower()
        super().save(*args, **kwargs)
        forget_active_on_commit()

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        # Local: campaigns imports these models.
        from masthead.funding.campaigns import forget_active_on_commit

        result = super().delete(*args, **kwargs)
        forget_active_on_commit()
        return result

    def clean(self) -> None:
        """Bounds with clear messages in the admin (the database constraints are the backstop)."""
        errors: dict[str, str] = {}
        currency = (self.currency or "usd").lower()
        if self.goal is not None and self.goal > money.max_goal(currency):
            errors["goal"] = f"The goal can be at most {money.display(money.max_goal(currency), currency)}."
        if self.max_amount is not None and self.max_amount > money.max_donation(currency):
            errors["max_amount"] = (f"Online donations can be at most "
                                    f"{money.display(money.max_donation(currency), currency)}.")
        for field in ("ticks", "suggested_amounts"):
            values = getattr(self, field)
            if not isinstance(values, list) or len(values) != len(_amounts(values, money.GOAL_CEILING)):
                errors[field] = f"A list of whole amounts in minor units, each from 0 to {money.GOAL_CEILING:,}."
        if errors:
            raise ValidationError(errors)

    @property
    def tick_values(self) -> list[int]:
        # Entries that are not whole amounts (a hand-edited JSON value) are skipped: the bar must always render.
        values = _amounts(self.ticks, self.goal) or [0, self.goal // 2, self.goal]
        return sorted(set(values))

    @property
    def suggested(self) -> list[int]:
        chosen = [v for v in _amounts(self.suggested_amounts, self.max_amount) if v > 0]
        if chosen:
            return chosen
        unit = 10 ** money.exponent(self.currency)
        scale = 100 if money.exponent(self.currency) == 0 else 1  # 500, 1,000, ... yen rather than 5 yen
        return [v * unit * scale for v in (5, 10, 25, 50)]


def _amounts(values: object, maximum: int) -> list[int]:
    """The whole numbers from 0 to ``maximum`` in a JSON list; anything else (text, floats, huge values) is dropped."""
    if not isinstance(values, list):
        return []
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= maximum]


class Donation(models.Model):
    """One payment (or one offline gift): a row of the ledger."""

    class Kind(models.TextChoices):
        ONE_OFF = "one_off", "One-off"
        MONTHLY = "monthly", "Monthly"
        MANUAL = "manual", "Manual entry"

    class Method(models.TextChoices):
        STRIPE = "stripe", "Stripe"
        BANK = "bank", "Bank transfer"
        CRYPTO = "crypto", "Crypto"
        CHEQUE = "cheque", "Cheque"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        PAID = "paid", "Paid"
        FAILED = "failed", "Failed"
        REFUNDED = "refunded", "Refunded"
        PARTIALLY_REFUNDED = "partially_refunded", "Partially refunded"
        DISPUTED = "disputed", "Disputed"

    class Dispute(models.TextChoices):
        NONE = "", "No dispute"
        OPEN = "open", "Open"
        WON = "won", "Won"
        LOST = "lost", "Lost"

    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="donations", help_text="Empty until the event naming it arrives.")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ONE_OFF)
    method = models.CharField(max_length=10, choices=Method.choices, default=Method.STRIPE)
    currency = models.CharField(max_length=3, blank=True)

    # Facts (set from Stripe objects; each only moves one way, so events commute).
    amount = models.BigIntegerField(default=0, help_text="Amount paid (or pledged while pending), minor units.")
    is_paid = models.BooleanField(default=False)
    payment_failed = models.BooleanField(default=False)
    refunded_amount = models.BigIntegerField(default=0, help_text="Cumulative, as Stripe reports it.")
    dispute = models.CharField(max_length=6, choices=Dispute.choices, default=Dispute.NONE, blank=True)
    dispute_amount = models.BigIntegerField(default=0)
    paid_at = models.DateTimeField(null=True, blank=True, db_index=True)

    # Derived from the facts by funding.state.derive(); never set directly.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    net_amount = models.BigIntegerField(default=0, help_text="What this row adds to the campaign total.")

    stripe_payment_intent = models.CharField(max_length=255, null=True, blank=True, unique=True)
    stripe_checkout_session = models.CharField(max_length=255, null=True, blank=True, unique=True)
    stripe_invoice = models.CharField(max_length=255, null=True, blank=True, unique=True)
    stripe_charge = models.CharField(max_length=255, null=True, blank=True, unique=True)
    stripe_subscription = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_customer = models.CharField(max_length=255, blank=True)

    donor_name = models.CharField(max_length=200, blank=True)
    donor_email = models.EmailField(blank=True)
    is_anonymous = models.BooleanField(default=False)
    show_on_wall = models.BooleanField(default=False)
    wall_name = models.CharField(max_length=200, blank=True, help_text="The name the donor chose for the wall.")
    public_message = models.CharField(max_length=300, blank=True)
    article = models.ForeignKey("publishing.Article", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+", help_text="The article the reader came from.")
    # Distinct supporters are counted by this key: the email, else the Stripe customer, else the row.
    supporter_key = models.CharField(max_length=255, default="", blank=True)

    note = models.TextField(blank=True, help_text="Staff note (required for manual entries).")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    receipt_sent_at = models.DateTimeField(null=True, blank=True)
    receipt_requeued = models.PositiveSmallIntegerField(
        default=0, help_text="Times the receipt, still owed, was queued again by the sweep (funding/receipts.py).")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Not a column: stripe_events._row records whether the row was paid before this event (for the receipt).
    was_paid: bool

    class Meta:
        ordering = ["-paid_at", "-id"]
        indexes = [models.Index(fields=["campaign", "paid_at"], name="donation_campaign_period")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0) & Q(refunded_amount__gte=0) & Q(net_amount__gte=0),
                                   name="donation_amounts_not_negative"),
            # No row can make a total overflow or a page fail: every amount stays below the ceiling.
            models.CheckConstraint(
                condition=Q(amount__lte=money.AMOUNT_CEILING) & Q(refunded_amount__lte=money.AMOUNT_CEILING)
                & Q(dispute_amount__gte=0) & Q(dispute_amount__lte=money.AMOUNT_CEILING)
                & Q(net_amount__lte=money.AMOUNT_CEILING),
                name="donation_amounts_below_ceiling",
            ),
            models.CheckConstraint(condition=~Q(kind="manual") | ~Q(note=""), name="manual_donation_has_note"),
        ]

    def __str__(self) -> str:
        return f"{money.display(self.amount, self.currency or 'usd')} {self.get_status_display()} #{self.pk}"

    @property
    def public_name(self) -> str:
        # Only a name the donor typed for the wall is ever shown, never the billing name from Checkout.
        return "Anonymous" if self.is_anonymous or not self.wall_name else self.wall_name


class RecurringDonation(models.Model):
    """A monthly donation (a Stripe subscription). Its payments are ``Donation`` rows (one per paid invoice)."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAST_DUE = "past_due", "Past due"
        CANCELED = "canceled", "Canceled"
        OTHER = "other", "Other"

    stripe_subscription = models.CharField(max_length=255, unique=True)
    stripe_customer = models.CharField(max_length=255, blank=True)
    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    amount = models.BigIntegerField(default=0)
    currency = models.CharField(max_length=3, blank=True)
    donor_email = models.EmailField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    # The Stripe time of the event that set ``status``: a later event wins, cancellation is final.
    status_as_of = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0) & Q(amount__lte=money.AMOUNT_CEILING),
                                   name="recurring_amount_within_bounds"),
        ]

    def __str__(self) -> str:
        return f"{self.stripe_subscription} ({self.status})"


class StripeEvent(models.Model):
    """Each Stripe event id once, written in the same transaction as its effect on the ledger."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    created = models.BigIntegerField(help_text="Stripe's timestamp of the event.")
    donation = models.ForeignKey(Donation, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class FundingAudit(models.Model):
    """What staff did to the ledger or with donor data, and why."""

    class Action(models.TextChoices):
        MANUAL_DONATION = "manual_donation", "Recorded a manual donation"
        CSV_EXPORT = "csv_export", "Exported donations as CSV"
        SITE_EXPORT = "site_export", "Exported the site with donor data (masthead export --include-private)"

    action = models.CharField(max_length=20, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    donation = models.ForeignKey(Donation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.actor_id}"


def new_supporter_key() -> str:
    return f"row:{uuid.uuid4().hex}"
