"""Reader identities, the single-use links that prove an address, claims of guest comments, privacy settings.

A ``ReaderIdentity`` is one person as the site knows them: an email address they proved by a link, tied to a
Django ``User`` once they have an account. Guests have no row at all. Tiers are computed (``tiers.py``), never
stored, so a refund or a new staff role changes a reader's tier at once. Workflows live in ``actions.py``;
docs/identity.md explains the whole subsystem.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q


class ReaderIdentity(models.Model):
    email = models.EmailField(max_length=254, unique=True, help_text="Lower-cased; proved by a link.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="reader_identity"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    display_name = models.CharField(max_length=80, blank=True)
    show_supporter_badge = models.BooleanField(default=True, help_text="The reader may hide their supporter badge.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "reader identity"
        verbose_name_plural = "reader identities"

    def __str__(self) -> str:
        return f"reader #{self.pk}"


class EmailLink(models.Model):
    """One emailed link. Only a hash of its token is stored; using it sets ``used_at`` once (a conditional update)."""

    class Purpose(models.TextChoices):
        VERIFY = "verify", "Verify an email address"
        SIGN_IN = "sign_in", "Sign in"

    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    email = models.EmailField(max_length=254)
    next_url = models.CharField(max_length=500, blank=True)
    claim_comments = models.BooleanField(default=False, help_text="The reader asked to keep their guest comments.")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["email"], name="email_link_email"),
                   models.Index(fields=["expires_at"], name="email_link_expiry")]
        constraints = [models.CheckConstraint(condition=Q(expires_at__gt=models.F("created_at")),
                                              name="email_link_expires_after_creation")]

    def __str__(self) -> str:
        return f"{self.purpose} link #{self.pk}"


class CommentClaim(models.Model):
    """A guest comment a verified reader (without an account) confirmed as theirs. Accounts set Comment.user."""

    identity = models.ForeignKey(ReaderIdentity, on_delete=models.CASCADE, related_name="claims")
    comment = models.OneToOneField("discussion.Comment", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"claim of comment {self.comment_id}"


class PrivacySettings(models.Model):
    """The publisher's privacy settings: one row (pk=1), edited in the admin."""

    network_retention_days = models.PositiveIntegerField(
        default=90, help_text="Days after which keyed network hashes are cleared from stored records."
    )
    allow_comment_removal = models.BooleanField(
        default=True,
        help_text="Readers erasing their data may have their comments removed; otherwise they become anonymous "
        "tombstones.",
    )

    class Meta:
        verbose_name = "privacy settings"
        verbose_name_plural = "privacy settings"
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="privacy_settings_singleton")]

    def __str__(self) -> str:
        return "Privacy settings"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> PrivacySettings:
        found, _ = cls.objects.get_or_create(pk=1)
        return found
