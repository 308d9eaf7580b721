"""Sending one Delivery through Django's SMTP backend: claimed once, retried with backoff, sent exactly once.

On PostgreSQL the claim is a row lock held in one transaction around the whole send: the row is locked (``SELECT
... FOR UPDATE SKIP LOCKED``: a second worker skips it), marked sent, the mail handed to the SMTP server, and the
transaction committed as soon as the server accepted it (before the connection's QUIT). A worker killed at any
point before that commit takes its transaction with it: PostgreSQL rolls back, so the row is queued again, unlocked,
with nothing counted, and the recovery (recovery.py: each worker at start, and a scheduled job) sends it, once. The
one window left is between the server's "250 accepted" and our COMMIT reaching the database (one round trip): a
kill exactly there sends that mail a second time, with the same Message-ID so receivers can drop the copy.

On SQLite a transaction holds the one write lock of the whole database, and a send can take seconds, so the claim
is a conditional UPDATE from queued/retry to sending (one worker wins) and the row is marked sent once the server
accepted the message. A process that dies in between leaves the row in ``sending``: never retried automatically,
since we cannot know whether the mail left (at most once beats twice; staff see such rows in the admin).

Either way, a failure we know happened before acceptance (connection refused, a 4xx answer) goes back to ``retry``
with a doubling wait; a 5xx answer is final.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from masthead.core.smtp import close_quietly, hand_over, locks_rows, send_message
from masthead.notifications import config
from masthead.notifications.compose import compose
from masthead.notifications.models import Delivery

log = logging.getLogger(__name__)
_OPEN = (Delivery.Status.QUEUED, Delivery.Status.RETRY)


def _permanent(error: Exception) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


def attempt(delivery_id: int) -> str:
    """Try to send one delivery now; returns its new status (or "skipped" when it is sent, or held elsewhere)."""
    if locks_rows():
        return _attempt_locked(delivery_id)
    return _attempt_claimed(delivery_id)


def _attempt_locked(delivery_id: int) -> str:
    mail: BaseEmailBackend | None = None
    try:
        with transaction.atomic():
            delivery = Delivery.objects.select_for_update(skip_locked=True).filter(pk=delivery_id,
                                                                                  status__in=_OPEN).first()
            if delivery is None:
                return "skipped"
            held = delivery.status
            delivery.attempts += 1
            Delivery.objects.filter(pk=delivery.pk).update(attempts=delivery.attempts)
            message = _compose(delivery, held)
            if isinstance(message, str):
                return message
            try:
                with transaction.atomic():  # a savepoint: a failed send undoes the mark, the lock stays
                    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SENT,
                                                                   sent_at=timezone.now(), last_error="")
                    mail = get_connection()
                    mail.open()
                    hand_over(mail, message)
            except Exception as error:
                return _failed(delivery, error, held)
            return Delivery.Status.SENT  # committed here, as the block ends: then the QUIT below
    finally:
        if mail is not None:
            close_quietly(mail)


def _attempt_claimed(delivery_id: int) -> str:
    claimed = Delivery.objects.filter(pk=delivery_id, status__in=_OPEN).update(
        status=Delivery.Status.SENDING, attempts=F("attempts") + 1
    )
    if not claimed:
        return "skipped"
    delivery = Delivery.objects.get(pk=delivery_id)
    message = _compose(delivery, Delivery.Status.SENDING)
    if isinstance(message, str):
        return message
    try:
        if not send_message(message):
            raise RuntimeError("the mail backend accepted nothing")
    except Exception as error:
        return _failed(delivery, error, Delivery.Status.SENDING)
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return Delivery.Status.SENT


def _compose(delivery: Delivery, held: str) -> EmailMessage | str:
    """The message, or the status the delivery ended in when there is nothing to send."""
    try:
        message = compose(delivery)
    except Exception as error:
        log.exception("Could not compose delivery %s", delivery.key)
        _finish(delivery, held, Delivery.Status.FAILED, repr(error))
        return Delivery.Status.FAILED
    if message is None:
        _finish(delivery, held, Delivery.Status.CANCELLED, "nothing left to send")
        return Delivery.Status.CANCELLED
    return message


def _finish(delivery: Delivery, held: str, status: str, error: str = "") -> None:
    Delivery.objects.filter(pk=delivery.pk, status=held).update(status=status, last_error=error[:300])


def _failed(delivery: Delivery, error: Exception, held: str) -> str:
    # Local: tasks imports this module (and actions through tasks).
    from masthead.notifications.actions import enqueue_on_commit
    from masthead.notifications.tasks import retry_delivery

    if _permanent(error) or delivery.attempts >= config.max_attempts():
        log.warning("Giving up on delivery %s after %s attempts: %r", delivery.key, delivery.attempts, error)
        _finish(delivery, held, Delivery.Status.FAILED, repr(error))
        return Delivery.Status.FAILED
    wait = timedelta(seconds=config.retry_base() * 2 ** (delivery.attempts - 1))
    due = timezone.now() + wait
    Delivery.objects.filter(pk=delivery.pk, status=held).update(
        status=Delivery.Status.RETRY, next_attempt_at=due, last_error=repr(error)[:300]
    )
    log.info("Delivery %s failed (%r); retrying in %ss", delivery.key, error, wait.total_seconds())
    enqueue_on_commit(retry_delivery, delivery.pk, run_after=due)
    return Delivery.Status.RETRY
