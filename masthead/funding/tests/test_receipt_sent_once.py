"""A donation's receipt is sent exactly once (funding/receipts.py), counted by a real SMTP server: one run sends
one, a second run none, a run after the server refused it sends it; on PostgreSQL the receipt stays unclaimed in
the database, and locked against a second run, while the server holds it. The worker killed mid-send is
test_receipt_worker_killed.py."""

from __future__ import annotations

import smtplib

import pytest
from django.db import connection, transaction
from django.utils import timezone

from masthead.funding import actions, state
from masthead.funding.models import Campaign, Donation
from masthead.funding.tasks import receipt_message, send_receipt
from masthead.testing.processes import free_port

pytestmark = pytest.mark.django_db(transaction=True)


def _paid(campaign: Campaign, email: str = "ada@example.org") -> Donation:
    donation = Donation(campaign=campaign, kind=Donation.Kind.MANUAL, method=Donation.Method.BANK, currency="usd",
                        donor_email=email, note="Bank transfer, checked against the statement")
    state.mark_paid(donation, 2500, timezone.now())
    state.derive(donation)
    donation.save()  # saved directly: nothing enqueued, the tests run the task themselves
    return donation


def test_a_run_sends_one_receipt_and_a_second_run_none(campaign, mail_server):
    donation = _paid(campaign)
    send_receipt.call(donation.pk)
    send_receipt.call(donation.pk)
    (message,) = mail_server.messages
    assert message["To"] == "ada@example.org"
    assert "donation of $25 to" in message.get_content()
    donation.refresh_from_db()
    assert donation.receipt_sent_at is not None
    # The same Message-ID whenever it is composed: a copy (receipts.py's one window) can be told apart.
    assert message["Message-ID"] == receipt_message(donation).message()["Message-ID"]


@pytest.mark.parametrize("refusal", ["451 4.3.0 Try again later", "554 5.7.1 Not now"])
def test_a_receipt_the_server_refused_is_owed_again_and_a_retry_sends_one(campaign, mail_server, refusal):
    donation = _paid(campaign)
    mail_server.refuse = [refusal]
    with pytest.raises(smtplib.SMTPException):
        send_receipt.call(donation.pk)  # the task fails: the queue shows it
    donation.refresh_from_db()
    assert donation.receipt_sent_at is None
    assert mail_server.messages == []
    send_receipt.call(donation.pk)  # the retry
    send_receipt.call(donation.pk)
    assert len(mail_server.messages) == 1
    assert mail_server.data_commands == 2


def test_a_receipt_is_not_claimed_when_the_server_cannot_be_reached(campaign, settings):
    donation = _paid(campaign)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there
    with pytest.raises(OSError):
        send_receipt.call(donation.pk)
    donation.refresh_from_db()
    assert donation.receipt_sent_at is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the send holds a row lock on PostgreSQL only")
def test_until_the_server_accepts_the_receipt_nothing_is_committed_and_a_second_run_skips_it(campaign,
                                                                                               mail_server):
    donation = _paid(campaign)
    with mail_server.holding_data(lambda: send_receipt.call(donation.pk)) as outcome:
        # The receipt is with the server, unanswered. Were the worker killed now, this is what the database keeps:
        assert Donation.objects.get(pk=donation.pk).receipt_sent_at is None
        with transaction.atomic():  # and held: another run (after the sweep queued it again) skips it
            assert not actions.do_lock_receipt(donation.pk)
    assert outcome == [None]  # sent, no error
    assert len(mail_server.messages) == 1
    assert Donation.objects.get(pk=donation.pk).receipt_sent_at is not None
