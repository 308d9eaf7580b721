"""The donation state machine, written so that events commute.

Every Stripe event only *adds* facts to a row, each by a join that ignores order and repetition: "paid" and
"failed" are sticky flags, the refunded amount is Stripe's cumulative figure (we keep the largest seen), a dispute
only moves from open to a final outcome, the paid time keeps the earliest. ``derive`` then computes the status and
the amount the row adds to the total from the facts alone. Any ordering of the same events gives the same row.
"""

from __future__ import annotations

from datetime import datetime

from masthead.funding.models import Donation, new_supporter_key

Status = Donation.Status
Dispute = Donation.Dispute

# A dispute can be reported open after it closed (events arrive out of order): the outcome wins.
_DISPUTE_RANK = {Dispute.NONE: 0, Dispute.OPEN: 1, Dispute.WON: 2, Dispute.LOST: 3}

# Stripe's dispute statuses, grouped into ours.
_STRIPE_DISPUTE = {
    "won": Dispute.WON,
    "lost": Dispute.LOST,
    "warning_closed": Dispute.WON,  # an inquiry closed without a chargeback: the money stays
}


def dispute_from_stripe(status: str) -> str:
    return _STRIPE_DISPUTE.get(status, Dispute.OPEN)


def mark_paid(donation: Donation, amount: int, at: datetime | None) -> None:
    donation.is_paid = True
    donation.amount = max(donation.amount, amount)
    if at is not None and (donation.paid_at is None or at < donation.paid_at):
        donation.paid_at = at


def mark_failed(donation: Donation) -> None:
    donation.payment_failed = True


def mark_refunded(donation: Donation, cumulative: int) -> None:
    donation.refunded_amount = max(donation.refunded_amount, cumulative)


def mark_dispute(donation: Donation, outcome: str, amount: int) -> None:
    if _DISPUTE_RANK[Dispute(outcome)] >= _DISPUTE_RANK[Dispute(donation.dispute or Dispute.NONE)]:
        donation.dispute = outcome
    donation.dispute_amount = max(donation.dispute_amount, amount)


def derive(donation: Donation) -> None:
    """Status and net amount from the facts. A retried payment that finally succeeds counts as paid."""
    if donation.dispute in (Dispute.OPEN, Dispute.LOST):
        donation.status = Status.DISPUTED
    elif donation.is_paid and donation.refunded_amount >= donation.amount > 0:
        donation.status = Status.REFUNDED
    elif donation.is_paid and donation.refunded_amount > 0:
        donation.status = Status.PARTIALLY_REFUNDED
    elif donation.is_paid:
        donation.status = Status.PAID
    elif donation.payment_failed:
        donation.status = Status.FAILED
    else:
        donation.status = Status.PENDING

    net = 0
    if donation.is_paid:
        # An open dispute still counts (the outcome is unknown); a lost one takes its amount back.
        lost = donation.dispute_amount if donation.dispute == Dispute.LOST else 0
        net = max(0, donation.amount - donation.refunded_amount - lost)
    donation.net_amount = net

    if not donation.supporter_key.startswith("email:"):
        # The email first: Checkout creates a new Stripe customer for each one-off payment of the same reader.
        if donation.donor_email:
            donation.supporter_key = f"email:{donation.donor_email.lower()}"
        elif donation.stripe_customer:
            donation.supporter_key = f"cus:{donation.stripe_customer}"
        elif not donation.supporter_key:
            donation.supporter_key = new_supporter_key()
