"""The link mails. Sent after the transaction commits, through Django's mail (SMTP in production)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from masthead.accounts.models import EmailLink

SUBJECTS: dict[str, str] = {
    EmailLink.Purpose.VERIFY: "Confirm your email address for {name}",
    EmailLink.Purpose.SIGN_IN: "Your sign-in link for {name}",
}


def link_url(purpose: str, token: str) -> str:
    return f"{settings.SITE_URL}/account/link/{purpose}/{token}"


def send_link_on_commit(purpose: str, email: str, token: str) -> None:
    context = {"url": link_url(purpose, token), "publication_name": settings.PUBLICATION_NAME,
               "minutes": getattr(settings, "ACCOUNTS_LINK_MINUTES", 15), "purpose": purpose}
    body = render_to_string(f"accounts/mail_{purpose}.txt", context)
    subject = SUBJECTS[purpose].format(name=settings.PUBLICATION_NAME)
    # robust: a mail server hiccup must not turn into an answer that differs from the one for other addresses.
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email]), robust=True
    )
