"""Receipts still owed are queued again by the scheduled sweep (funding/receipts.py, ``requeue_owed``): after a
refusal by the mail server, or when the task was never queued. Each wait is twice the last, five at most, within two
days of the payment; manual entries, donations without an email and sent receipts are left alone. The clock is the
test's (``now`` passed in); the queue is the real database queue, run by its own worker; mail goes to a real SMTP
server."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from masthead.funding import state
from masthead.funding.models import Campaign, Donation
from masthead.funding.receipts import REQUEUE_TIMES, requeue_owed
from masthead.testing.tasks import run_queue

pytestmark = pytest.mark.django_db(transaction=True)



def _paid_online(campaign: Campaign, paid_at: datetime, *, email: str = "ada@example.org",
                 kind: str = Donation.Kind.ONE_OFF) -> Donation:
    donation = Donation(campaign=campaign, kind=kind, method=Donation.Method.STRIPE, currency="usd",
                        donor_email=email, note="" if kind != Donation.Kind.MANUAL else "Cheque, banked")
    state.mark_paid(donation, 2500, paid_at)
    state.derive(donation)
    donation.save()  # saved directly: as if the webhook's enqueue had failed, nothing is queued
    return donation


def test_an_owed_receipt_is_queued_after_its_wait_and_sent_once(campaign, mail_server):
    paid = timezone.now() - timedelta(hours=1)
    donation = _paid_online(campaign, paid)
    assert requeue_owed(paid + timedelta(minutes=9)) == 0  # its first task may still be waiting in the queue
    assert requeue_owed(paid + timedelta(minutes=10)) == 1
    assert requeue_owed(paid + timedelta(minutes=11)) == 0  # counted: the next wait is 20 minutes
    run_queue()
    (message,) = mail_server.messages
    assert message["To"] == "ada@example.org"
    donation.refresh_from_db()
    assert (donation.receipt_sent_at is not None, donation.receipt_requeued) == (True, 1)
    assert requeue_owed(paid + timedelta(minutes=30)) == 0  # sent: nothing owed
    run_queue()
    assert len(mail_server.messages) == 1


def test_a_refused_receipt_is_tried_again_with_doubling_waits_five_times_at_most(campaign, mail_server):
    paid = timezone.now() - timedelta(hours=1)
    donation = _paid_online(campaign, paid)
    mail_server.refuse = ["451 4.3.0 Try again later"] * 10
    queued_at = []
    for minutes in range(0, 24 * 60, 5):  # a sweep every 5 minutes for a day
        if requeue_owed(paid + timedelta(minutes=minutes)):
            queued_at.append(minutes)
            run_queue()  # refused: the task fails, the receipt stays owed
    assert queued_at == [10, 20, 40, 80, 160]
    donation.refresh_from_db()
    assert (donation.receipt_sent_at, donation.receipt_requeued) == (None, REQUEUE_TIMES)
    assert mail_server.messages == []
    assert mail_server.data_commands == 5  # the five tries, each refused


def test_a_server_back_in_time_gets_the_receipt_on_the_next_try(campaign, mail_server):
    paid = timezone.now() - timedelta(hours=1)
    donation = _paid_online(campaign, paid)
    mail_server.refuse = ["451 4.3.0 Try again later"]
    assert requeue_owed(paid + timedelta(minutes=10)) == 1
    run_queue()
    assert mail_server.messages == []
    assert requeue_owed(paid + timedelta(minutes=20)) == 1
    run_queue()
    assert len(mail_server.messages) == 1
    donation.refresh_from_db()
    assert donation.receipt_sent_at is not None


def test_the_sweep_leaves_alone_what_is_not_owed_by_mail(campaign, mail_server):
    now = timezone.now()
    _paid_online(campaign, now - timedelta(days=3))  # older than two days
    _paid_online(campaign, now - timedelta(hours=1), email="")  # no address
    _paid_online(campaign, now - timedelta(hours=1), kind=Donation.Kind.MANUAL)  # entered by staff
    sent = _paid_online(campaign, now - timedelta(hours=1))
    Donation.objects.filter(pk=sent.pk).update(receipt_sent_at=now - timedelta(minutes=50))
    Donation.objects.create(campaign=campaign, kind=Donation.Kind.ONE_OFF, currency="usd",
                            donor_email="bo@example.org")  # not paid
    assert requeue_owed(now) == 0
    run_queue()
    assert mail_server.messages == []
    assert not Donation.objects.filter(receipt_requeued__gt=0).exists()
