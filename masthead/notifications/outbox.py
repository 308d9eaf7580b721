"""Mail when no SMTP server is configured: written to the server's log and kept in a staff-only outbox.

settings.py chooses this backend when neither ``EMAIL_HOST`` nor ``EMAIL_BACKEND`` is set, which is how
`make run` starts: a newcomer can still finish every mail flow ("Notify of" confirmation, sign-in and verification
links, digests) by reading the mail in the log, or at /notifications/outbox/ (superusers: the mails hold sign-in
links) where its links are clickable. Nothing leaves the machine. A real site sets ``EMAIL_HOST``; `masthead check
--deploy` warns when it has not (masthead.W003).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.core import checks
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage

BACKEND = "masthead.notifications.outbox.OutboxBackend"
OUTBOX_PATH = "/notifications/outbox/"

log = logging.getLogger("masthead.mail")


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from django.conf import settings

        # Local: Django loads mail backends by name, maybe before the apps are ready.
        from masthead.notifications.actions import do_keep_outbox_mail

        kept = 0
        for message in email_messages:
            body = str(message.body)  # the plain-text part: every mail Masthead sends has one
            do_keep_outbox_mail(from_email=str(message.from_email), to=[str(to) for to in message.to],
                                subject=str(message.subject), body=body)
            log.info("Mail kept, not sent (no EMAIL_HOST set; staff read it at %s%s)\nTo: %s\nSubject: %s\n\n%s",
                     settings.SITE_URL, OUTBOX_PATH, ", ".join(message.to), message.subject, body)
            kept += 1
        return kept


def is_active() -> bool:
    from django.conf import settings

    return settings.EMAIL_BACKEND == BACKEND


@checks.register(checks.Tags.compatibility, deploy=True)
def check_mail_is_sent(app_configs: object, **kwargs: object) -> list[checks.CheckMessage]:
    if not is_active():
        return []
    return [checks.Warning("No SMTP server is configured: mail is kept in the staff outbox, never sent.",
                           hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER...) to your mail server.",
                           id="masthead.W003")]
