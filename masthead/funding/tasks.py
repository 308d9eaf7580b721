"""Background work: donation receipts by email (enqueued on commit by ``actions``)."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task

from masthead.core.task_recovery import rerun_if_abandoned
from masthead.funding import actions, money
from masthead.funding.models import Donation

PORTAL_SALT = "masthead.funding.portal"


def manage_link(customer: str) -> str:
    """A signed link letting a monthly donor open Stripe's customer portal (checked for age when used)."""
    return f"{settings.SITE_URL}/support/manage/{signing.dumps(customer, salt=PORTAL_SALT, compress=True)}/"


@task()
def send_receipt(donation_id: int) -> None:
    if not actions.do_mark_receipt_sent(donation_id):
        return  # already sent by an earlier run
    donation = Donation.objects.select_related("campaign").get(pk=donation_id)
    context = {
        "donation": donation,
        "amount": money.display(donation.amount, donation.currency or "usd"),
        "publication_name": settings.PUBLICATION_NAME,
        "manage_link": manage_link(donation.stripe_customer)
        if donation.kind == Donation.Kind.MONTHLY and donation.stripe_customer else "",
    }
    try:
        send_mail(
            subject=f"Thank you for supporting {settings.PUBLICATION_NAME}",
            message=render_to_string("funding/receipt.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[donation.donor_email],
        )
    except Exception:
        # Give the claim back so a retry of the task sends it.
        Donation.objects.filter(pk=donation_id).update(receipt_sent_at=None)
        raise


# Claimed once (do_mark_receipt_sent): a run again after a worker died never sends a second receipt.
rerun_if_abandoned(send_receipt)
