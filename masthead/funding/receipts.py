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
running it again sends the receipt.
"""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from masthead.core.smtp import close_quietly, hand_over, locks_rows, open_connection
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
