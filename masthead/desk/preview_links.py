"""Private preview links: a signed, expiring token naming one article, for someone without an account (a source,
a lawyer, the subject of a story). The token holds the article's id only; anyone holding the link can read the
article until it expires, so it is shown to staff and never listed anywhere."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

SALT = "masthead.desk.preview-link"


def lifetime() -> timedelta:
    return timedelta(hours=settings.DESK_PREVIEW_LINK_HOURS)


def make_path(article_id: int) -> tuple[str, datetime]:
    """The link's path and when it stops working."""
    token = signing.TimestampSigner(salt=SALT).sign(str(article_id))
    return reverse("desk:shared-preview", args=[token]), timezone.now() + lifetime()


def article_id_from(token: str) -> int | None:
    """The article a token names, or None when it is forged, damaged or expired."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=lifetime())
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    return int(value) if value.isdigit() else None
