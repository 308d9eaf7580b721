"""Subscriptions, the notices waiting to be mailed, and one row per mail (the send record).

Workflows live in ``actions.py`` and ``delivery.py``; this module holds data and constraints. The subscriber is one
email address; a subscription is (address, thread, kind). See docs/notifications.md.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def new_token_key() -> str:
    return secrets.token_hex(16)


class Subscriber(models.Model):
    """One email address (stored lowercased) that asked for notices."""

    email = models.EmailField(max_length=254, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.email


class Subscription(models.Model):
    class Kind(models.TextChoices):
        THREAD = "thread", "New follow-up comments"
        REPLIES = "replies", "New replies to my comments"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        ACTIVE = "active", "Active"
        ENDED = "ended", "Unsubscribed"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    thread = models.ForeignKey("discussion.Thread", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # Signed links carry this; asking again after unsubscribing replaces it, so older links die (see tokens.py).
    token_key = models.CharField(max_length=32, default=new_token_key)
    name = models.CharField(max_length=60, blank=True)
    reader_key = models.CharField(max_length=64, blank=True, help_text="Who asked (guest cookie hash): never "
                                  "notified of their own comments.")
    network_hash = models.CharField(max_length=40, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "thread", "kind"], name="subscription_once"),
        ]
        indexes = [models.Index(fields=["thread", "status", "kind"], name="subscription_fanout")]

    def __str__(self) -> str:
        return f"{self.subscriber_id} {self.kind} on {self.thread_id} ({self.status})"


class Delivery(models.Model):
    """One mail. Its unique ``key`` is written before the mail is sent, so no path sends the same mail twice."""

    class Kind(models.TextChoices):
        CONFIRM = "confirm", "Confirmation"
        DIGEST = "digest", "New comments"
        MODERATION = "moderation", "Moderation digest"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"  # SQLite: claimed; stays here if the process died mid-send (never resent)
        RETRY = "retry", "Waiting to retry"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    to_email = models.EmailField(max_length=254)
    subscription = models.ForeignKey(Subscription, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    subscriber = models.ForeignKey(Subscriber, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey("discussion.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")
    payload = models.JSONField(default=dict, blank=True, help_text="What the mail lists (comment ids).")
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        indexes = [models.Index(fields=["status", "created_at"], name="delivery_status")]

    def __str__(self) -> str:
        return self.key


class Notice(models.Model):
    """A visible comment one subscriber should hear about; ``delivery`` is set when a mail takes it."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="notices")
    thread = models.ForeignKey("discussion.Thread", on_delete=models.CASCADE, related_name="+")
    comment = models.ForeignKey("discussion.Comment", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Subscription.Kind.choices)
    # CASCADE, not SET_NULL: a notice whose mail record is deleted must not look unsent and go out again.
    delivery = models.ForeignKey(Delivery, null=True, blank=True, on_delete=models.CASCADE, related_name="notices")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscriber", "comment"], name="notice_once")]
        indexes = [models.Index(fields=["subscriber", "thread", "delivery"], name="notice_waiting")]

    def __str__(self) -> str:
        return f"comment {self.comment_id} for {self.subscriber_id}"


class DigestState(models.Model):
    """Batching per (subscriber, thread): when the last mail went and when the next one is due."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey("discussion.Thread", on_delete=models.CASCADE, related_name="+")
    last_sent_at = models.DateTimeField(null=True, blank=True)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    sent_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscriber", "thread"], name="digest_state_once")]

    def __str__(self) -> str:
        return f"digest {self.subscriber_id} on {self.thread_id}"


class VerifiedEmail(models.Model):
    """An address its owner proved by following a confirmation link. The [identity] issue may replace this."""

    email = models.EmailField(max_length=254, unique=True)
    verified_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.email


class ModerationDigestOptIn(models.Model):
    """A moderator who asked for a digest of comments waiting for review."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    enabled = models.BooleanField(default=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    sent_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"moderation digest for {self.user_id}"


class OutboxMail(models.Model):
    """A mail kept instead of sent, when no SMTP server is configured (the demo, a first run): staff read it at
    /notifications/outbox/ and follow its links there. See outbox.py; only the latest ``OUTBOX_KEEP`` are kept."""

    created_at = models.DateTimeField(default=timezone.now)
    from_email = models.CharField(max_length=300)
    to = models.TextField(help_text="The recipients, comma-separated.")
    subject = models.CharField(max_length=300)
    body = models.TextField(help_text="The plain-text part.")

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.subject} to {self.to}"
