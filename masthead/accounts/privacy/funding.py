"""Donations: export the reader's ledger rows; erase anonymises them (funding's action) but keeps every amount."""

from __future__ import annotations

from typing import Any

from masthead.accounts.privacy import EraseOptions, Subject
from masthead.funding import money
from masthead.funding.actions import do_anonymise_donor, donations_from
from masthead.funding.models import RecurringDonation


def export(subject: Subject) -> dict[str, Any]:
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
        for d in donations_from(subject.email).select_related("campaign").order_by("created_at", "pk")
    ]
    recurring = [
        {"amount_minor_units": r.amount, "currency": r.currency, "status": r.status,
         "created_at": r.created_at.isoformat()}
        for r in RecurringDonation.objects.filter(donor_email__iexact=subject.email).order_by("pk")
    ] if subject.email else []
    return {"donations": donations, "monthly_donations": recurring}


def erase(subject: Subject, options: EraseOptions) -> dict[str, int]:
    anonymised, recurring = do_anonymise_donor(subject.email)
    return {"donations_anonymised": anonymised, "monthly_donations_anonymised": recurring}
