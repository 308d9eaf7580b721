"""The SMTP steps shared by every mail that must be sent exactly once (notifications' deliveries, funding's receipts).

Each sender claims its row, hands the message to an open connection and records it sent. On PostgreSQL the claim is
a row lock held in one transaction around the hand-over (``locks_rows``): a worker killed before the server's
answer takes the transaction with it, so the row is still owed. The connection is opened before the claim by the
callers that can (receipts), so the lock is held only while the server takes the message, not while connecting.
"""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection

log = logging.getLogger(__name__)


def locks_rows() -> bool:
    """Whether the claim is a row lock held through the send (PostgreSQL) rather than a status update (SQLite)."""
    return bool(connection.features.has_select_for_update_skip_locked)


def open_connection() -> BaseEmailBackend:
    """The configured backend's connection, opened; for SMTP, greeted too (EHLO), which smtplib would otherwise
    leave to the first send: a claim taken after this is followed only by MAIL, RCPT and DATA."""
    mail = get_connection()
    mail.open()
    smtp = getattr(mail, "connection", None)
    if smtp is not None and hasattr(smtp, "ehlo_or_helo_if_needed"):
        try:
            smtp.ehlo_or_helo_if_needed()
        except Exception:
            close_quietly(mail)
            raise
    return mail


def close_quietly(mail: BaseEmailBackend) -> None:
    try:
        mail.close()
    except Exception:  # the message is already accepted; a failed QUIT changes nothing
        log.warning("SMTP close failed after sending", exc_info=True)


def hand_over(mail: BaseEmailBackend, message: EmailMessage) -> None:
    """Give the message to the open connection; raises unless the server accepted it."""
    if not mail.send_messages([message]):
        raise RuntimeError("the mail backend accepted nothing")


def send_message(message: EmailMessage) -> int:
    """Send through one connection we open ourselves, so a failure while closing cannot look like a failed send."""
    mail = open_connection()
    try:
        return mail.send_messages([message])
    finally:
        close_quietly(mail)
