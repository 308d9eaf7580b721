"""Donations: export the reader's ledger rows; erase anonymises them but keeps every amount for the accounts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from masthead.accounts.privacy import EraseOptions, Subject

if TYPE_CHECKING:
    from masthead.funding.models import Donation


def donations_of(subject: Subject) -> QuerySet[Donation]:
    from masthead.funding.models import Donation

    if not subject.email:
        return Donation.objects.none()
    return Donation.objects.filter(donor_email__iexact=subject.email)


def export(subject: Subject) -> dict[str, Any]:
    from masthead.funding import money
    from masthead.funding.models import RecurringDonation

    donations = [
        {
            "id": d.pk,
            "campaign": d.campaign.name if d.campaign is not None else "",
            "kind": d.kind,
            "method": d.method,
            "amount": money.display(d.amount, d.currency or "usd"),
            "amount_minor_units": d.amount,
            "currency": d.currency,
            "status": d.status,
            "paid_at": d.paid_at.isoformat() if d.paid_at else None,
            "donor_name": d.donor_name,
            "donor_email": d.donor_email,
            "anonymous": d.is_anonymous,
            "shown_on_wall": d.show_on_wall,
            "wall_name": d.wall_name,
            "public_message": d.public_message,
        }
        for d in donations_of(subject).select_related("campaign").order_by("created_at", "pk")
    ]
    recurring = [
        {"amount_minor_units": r.amount, "currency": r.currency, "status": r.status,
         "created_at": r.created_at.isoformat()}
        for r in RecurringDonation.objects.filter(donor_email__iexact=subject.email).order_by("pk")
    ] if subject.email else []
    return {"donations": donations, "monthly_donations": recurring}


def erase(subject: Subject, options: EraseOptions) -> dict[str, int]:
    from masthead.funding import ledger
    from masthead.funding.models import RecurringDonation, new_supporter_key

    rows = donations_of(subject)
    campaigns = set(rows.exclude(campaign=None).values_list("campaign_id", flat=True))
    # One fresh random key for all of this donor's rows: the supporter count stays right, nothing links back.
    anonymised = rows.update(
        donor_name="", donor_email="", wall_name="", public_message="", is_anonymous=True, show_on_wall=False,
        supporter_key=new_supporter_key(),
    )
    recurring = 0
    if subject.email:
        recurring = RecurringDonation.objects.filter(donor_email__iexact=subject.email).update(donor_email="")
    for campaign_id in campaigns:
        ledger.changed_on_commit(campaign_id)  # cached totals and the live bar (the wall) move on
    return {"donations_anonymised": anonymised, "monthly_donations_anonymised": recurring}
