"""Sending one Delivery through Django's SMTP backend: claimed once, retried with backoff, never sent twice.

The claim is a conditional UPDATE from queued/retry to sending (one worker wins). The row is marked sent as soon as
the SMTP server accepted the message. A failure we know happened before acceptance (connection refused, a 4xx
answer) goes back to ``retry`` with a doubling wait; a 5xx answer is final. A process that dies between the
server's acceptance and our update leaves the row in ``sending``: it is never retried automatically, because we
cannot know whether the mail left (at most once beats twice; staff see such rows in the admin).
"""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMessage, get_connection
from django.db.models import F
from django.utils import timezone

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


def send_message(message: EmailMessage) -> int:
    """Send through one connection we open ourselves, so a failure while closing cannot look like a failed send."""
    connection = get_connection()
    connection.open()
    try:
        return connection.send_messages([message])
    finally:
        try:
            connection.close()
        except Exception:  # the message is already accepted; a failed QUIT changes nothing
            log.warning("SMTP close failed after sending", exc_info=True)


def attempt(delivery_id: int) -> str:
    """Try to send one delivery now; returns its new status (or "skipped" when someone else holds it)."""
    claimed = Delivery.objects.filter(pk=delivery_id, status__in=_OPEN).update(
        status=Delivery.Status.SENDING, attempts=F("attempts") + 1
    )
    if not claimed:
        return "skipped"
    delivery = Delivery.objects.get(pk=delivery_id)
    try:
        message = compose(delivery)
    except Exception as error:
        log.exception("Could not compose delivery %s", delivery.key)
        _finish(delivery, Delivery.Status.FAILED, repr(error))
        return Delivery.Status.FAILED
    if message is None:
        _finish(delivery, Delivery.Status.CANCELLED, "nothing left to send")
        return Delivery.Status.CANCELLED
    try:
        accepted = send_message(message)
    except Exception as error:
        return _failed(delivery, error)
    if not accepted:
        return _failed(delivery, RuntimeError("the mail backend accepted nothing"))
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return Delivery.Status.SENT


def _finish(delivery: Delivery, status: str, error: str = "") -> None:
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(status=status,
                                                                                  last_error=error[:300])


def _failed(delivery: Delivery, error: Exception) -> str:
    # Local: tasks imports this module (and actions through tasks).
    from masthead.notifications.actions import enqueue_on_commit
    from masthead.notifications.tasks import retry_delivery

    if _permanent(error) or delivery.attempts >= config.max_attempts():
        log.warning("Giving up on delivery %s after %s attempts: %r", delivery.key, delivery.attempts, error)
        _finish(delivery, Delivery.Status.FAILED, repr(error))
        return Delivery.Status.FAILED
    wait = timedelta(seconds=config.retry_base() * 2 ** (delivery.attempts - 1))
    due = timezone.now() + wait
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.RETRY, next_attempt_at=due, last_error=repr(error)[:300]
    )
    log.info("Delivery %s failed (%r); retrying in %ss", delivery.key, error, wait.total_seconds())
    enqueue_on_commit(retry_delivery, delivery.pk, run_after=due)
    return Delivery.Status.RETRY
