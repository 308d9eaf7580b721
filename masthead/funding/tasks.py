"""Background work: donation receipts by email (enqueued on commit by ``actions``)."""

from __future__ import annotations

import hashlib
from email.utils import parseaddr

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django_tasks import task

from masthead.core.task_recovery import rerun_if_abandoned
from masthead.funding import money, receipts
from masthead.funding.models import Donation

PORTAL_SALT = "masthead.funding.portal"


def manage_link(customer: str) -> str:
    """A signed link letting a monthly donor open Stripe's customer portal (checked for age when used)."""
    return f"{settings.SITE_URL}/support/manage/{signing.dumps(customer, salt=PORTAL_SALT, compress=True)}/"


def receipt_message(donation: Donation) -> EmailMessage:
    context = {
        "donation": donation,
        "amount": money.display(donation.amount, donation.currency or "usd"),
        "publication_name": settings.PUBLICATION_NAME,
        "manage_link": manage_link(donation.stripe_customer)
        if donation.kind == Donation.Kind.MONTHLY and donation.stripe_customer else "",
    }
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    # The same Message-ID on every run for one donation (not guessable: it is no one's business how many
    # donations there are): were the receipt ever sent twice (receipts.py), the copy can be dropped.
    message_id = hashlib.sha256(f"{settings.SECRET_KEY}:receipt:{donation.pk}".encode()).hexdigest()[:32]
    return EmailMessage(subject=f"Thank you for supporting {settings.PUBLICATION_NAME}",
                        body=render_to_string("funding/receipt.txt", context),
                        from_email=settings.DEFAULT_FROM_EMAIL, to=[donation.donor_email],
                        headers={"Message-ID": f"<{message_id}@{domain}>"})


@task()
def send_receipt(donation_id: int) -> None:
    if not receipts.owed(donation_id):
        return  # already sent by an earlier run
    donation = Donation.objects.select_related("campaign").get(pk=donation_id)
    receipts.send_once(donation_id, receipt_message(donation))  # raises when the server refused it


# Safe to run twice, and run again when its worker was killed mid-send: receipts.py claims the row together with
# the server's acceptance, so a run after a kill sends a receipt that did not leave, and never a second one.
rerun_if_abandoned(send_receipt)
