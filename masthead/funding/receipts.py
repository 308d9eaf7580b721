"""A donation's receipt, sent exactly once: also when the worker sending it is killed (SIGKILL, the machine lost).

``receipt_sent_at`` is the claim and the record: it is set, in the database, only together with the SMTP server's
acceptance of the receipt, and nothing else sends a receipt for a row that has it. The connection to the server
(connect, greeting, TLS, login: the slow part) is opened first; then the claim; then the hand-over.

- **PostgreSQL**: the claim is a row lock (``SELECT ... FOR UPDATE SKIP LOCKED``: a second run skips the row)
  held in one transaction with ``receipt_sent_at``, committed as soon as the server accepted the receipt. A worker
  killed at any point before that commit takes the transaction with it: the row is unclaimed, and the task, which
  is declared safe to run again (``rerun_if_abandoned`` in tasks.py), is queued again by the sweep of abandoned
  tasks (core/task_recovery.py: at every worker's start and every minute) and sends it, once. The window left is
  between the server's "250" and the COMMIT reaching the database (one round trip): a kill exactly there sends
  the receipt twice, with the same Message-ID. A webhook touching the same donation meanwhile waits for the
  hand-over (the lock is taken after connecting, so at most the server's answer to one message).
- **SQLite**: a transaction would hold the whole database's write lock during the send, so the claim is a
  conditional update taken on the open connection, just before the hand-over. A kill before it (while composing
  or connecting) leaves the row unclaimed: run again, it sends once. A kill during the hand-over itself leaves it
  claimed: never sent twice, possibly not at all (at most once, as notifications' deliveries on SQLite).

A failure the server reports (refused, 4xx or 5xx, the connection lost) gives the claim back and fails the task:
running it again sends the receipt. The sweep below runs it again, as it does for a receipt whose task was never
queued (the webhook's enqueue after its commit failed: the webhook's answer must not change by then).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from masthead.core.smtp import close_quietly, hand_over, locks_rows, open_connection
from masthead.core.tasks import enqueue_on_commit
from masthead.funding import actions
from masthead.funding.models import Donation

log = logging.getLogger(__name__)


def owed(donation_id: int) -> bool:
    return Donation.objects.filter(pk=donation_id, receipt_sent_at__isnull=True).exists()


def send_once(donation_id: int, message: EmailMessage) -> bool:
    """Send ``message`` as the receipt of the donation unless it was sent (or is being sent): True if sent now."""
    mail = open_connection()
    try:
        sent = _send_locked(donation_id, mail, message) if locks_rows() else _send_claimed(donation_id, mail, message)
    finally:
        close_quietly(mail)
    if sent:
        log.info("Receipt of donation %s sent", donation_id)
    return sent


def _send_locked(donation_id: int, mail: BaseEmailBackend, message: EmailMessage) -> bool:
    with transaction.atomic():  # an error in the hand-over rolls the claim back with it
        if not actions.do_lock_receipt(donation_id):
            return False
        hand_over(mail, message)
    return True  # committed as the block ended: the server had accepted it


def _send_claimed(donation_id: int, mail: BaseEmailBackend, message: EmailMessage) -> bool:
    if not actions.do_mark_receipt_sent(donation_id):
        return False
    try:
        hand_over(mail, message)
    except Exception:
        actions.do_give_receipt_back(donation_id)  # refused before acceptance: a retry of the task sends it
        raise
    return True


# Receipts still owed a while after the payment are queued again, a few times, each wait twice the last (10, 20, 40,
# 80 and 160 minutes after the payment), and only for payments of the last two days: a mail server that refuses a
# receipt for longer, or an address it will never take, is for staff to see (the donation's receipt stays empty in
# the admin), not for a sweep to retry for ever. Offline gifts entered by staff never get a receipt by mail.
REQUEUE_FIRST_AFTER = timedelta(minutes=10)
REQUEUE_TIMES = 5
REQUEUE_WITHIN = timedelta(days=2)


def requeue_owed(now: datetime | None = None) -> int:
    """Queue the send again for each receipt owed past its wait (a scheduled job, funding/apps.py): the task claims
    the row before it sends (above), so a copy queued beside one still waiting sends nothing. Returns how many."""
    from masthead.funding.tasks import send_receipt  # tasks imports this module

    now = now or timezone.now()
    owed_rows = (Donation.objects.filter(is_paid=True, receipt_sent_at__isnull=True,
                                         receipt_requeued__lt=REQUEUE_TIMES,
                                         paid_at__gte=now - REQUEUE_WITHIN, paid_at__lte=now - REQUEUE_FIRST_AFTER)
                 .exclude(donor_email="").exclude(kind=Donation.Kind.MANUAL))
    queued = 0
    for donation_id, paid_at, times in owed_rows.values_list("pk", "paid_at", "receipt_requeued"):
        if paid_at > now - REQUEUE_FIRST_AFTER * 2**times:
            continue  # its next wait is not over
        with transaction.atomic():
            if actions.do_count_receipt_requeue(donation_id, times):
                enqueue_on_commit(send_receipt, donation_id)
                queued += 1
    if queued:
        log.warning("Queued %s owed donation receipt(s) again", queued)
    return queued
