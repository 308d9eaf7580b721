"""The mails: plain text and HTML parts, the publication's name, links to each comment, RFC 8058 headers.

Every header value passes through ``one_line``, and Django refuses any header that still holds a newline, so a
guest's name or an article's headline can never add a header or a recipient.
"""

from __future__ import annotations

import hashlib
import re
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from masthead.discussion.models import Comment
from masthead.notifications import config
from masthead.notifications.models import Delivery, Subscription
from masthead.notifications.moderation_digest import compose_moderation
from masthead.notifications.tokens import CONFIRM, UNSUBSCRIBE, make_token

_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
MAX_SUBJECT = 150


def one_line(value: str, limit: int = MAX_SUBJECT) -> str:
    text = " ".join(_BREAKS.sub(" ", value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def from_address() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "news@localhost"
    return formataddr((one_line(settings.PUBLICATION_NAME, 80), address))


def confirm_url(subscription: Subscription) -> str:
    return config.site_url() + reverse("notifications:confirm", args=[make_token(subscription, CONFIRM)])


def unsubscribe_url(subscription: Subscription) -> str:
    return config.site_url() + reverse("notifications:unsubscribe", args=[make_token(subscription, UNSUBSCRIBE)])


def _message(delivery: Delivery, subject: str, template: str, context: dict, headers: dict[str, str] | None = None
             ) -> EmailMultiAlternatives:
    context = {"publication_name": settings.PUBLICATION_NAME, "site_url": config.site_url(), **context}
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    # The same Message-ID on every attempt of one delivery: a receiver that sees it twice can drop the copy.
    message_id = hashlib.sha256(f"{settings.SECRET_KEY}:{delivery.key}".encode()).hexdigest()[:32]
    message = EmailMultiAlternatives(
        subject=one_line(subject),
        body=render_to_string(f"notifications/mail/{template}.txt", context),
        from_email=from_address(),
        to=[delivery.to_email],
        headers={"Message-ID": f"<{message_id}@{domain}>", "Auto-Submitted": "auto-generated", **(headers or {})},
    )
    message.attach_alternative(render_to_string(f"notifications/mail/{template}.html", context), "text/html")
    return message


def compose(delivery: Delivery) -> EmailMultiAlternatives | None:
    """The mail for a delivery, or None when it no longer has anything to say (unsubscribed, comments removed)."""
    if delivery.kind == Delivery.Kind.CONFIRM:
        return _confirm(delivery)
    if delivery.kind == Delivery.Kind.DIGEST:
        return _digest(delivery)

    return compose_moderation(delivery, _message)


def _confirm(delivery: Delivery) -> EmailMultiAlternatives | None:
    if delivery.subscription_id is None:
        return None
    subscription = Subscription.objects.select_related("thread__article").filter(pk=delivery.subscription_id).first()
    if subscription is None or subscription.status != Subscription.Status.PENDING:
        return None
    if subscription.thread.article is None:
        return None
    article = subscription.thread.article
    hours = max(1, config.confirm_max_age() // 3600)
    context = {
        "name": subscription.name,
        "article": article,
        "article_url": config.site_url() + article.get_absolute_url(),
        "kind_label": subscription.get_kind_display().lower(),
        "confirm_url": confirm_url(subscription),
        "hours": hours,
    }
    return _message(delivery, f"Please confirm: notices about “{article.headline}”", "confirm", context)


def _digest(delivery: Delivery) -> EmailMultiAlternatives | None:
    ids = delivery.payload.get("comments", [])
    comments = list(
        Comment.objects.filter(pk__in=ids, status=Comment.Status.VISIBLE).select_related("thread__article")
        .order_by("created_at", "id")
    )
    if delivery.subscriber_id is None or delivery.thread_id is None:
        return None
    subscriptions = {
        s.kind: s
        for s in Subscription.objects.filter(
            subscriber_id=delivery.subscriber_id, thread_id=delivery.thread_id, status=Subscription.Status.ACTIVE
        )
    }
    if not comments or not subscriptions or comments[0].thread.article is None:
        return None
    article = comments[0].thread.article
    article_url = config.site_url() + article.get_absolute_url()
    # One-click unsubscribe leaves the subscription that sends most mail: the whole thread if held, else replies.
    main = subscriptions.get(Subscription.Kind.THREAD) or subscriptions[Subscription.Kind.REPLIES]
    leave = [(s.get_kind_display().lower(), unsubscribe_url(s)) for s in subscriptions.values()]
    context = {
        "article": article,
        "article_url": article_url,
        "comments": [(c, f"{article_url}#comment-{c.pk}") for c in comments],
        "leave": leave,
        "name": main.name,
    }
    count = len(comments)
    subject = f"{count} new comment{'s' if count != 1 else ''} on “{article.headline}”"
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url(main)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return _message(delivery, subject, "digest", context, headers)
