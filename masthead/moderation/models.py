"""Moderation data: the publisher's settings and word rules, bans, every decision taken, and the audit log.

Workflows live in ``pipeline.py`` (screening) and ``actions.py`` (moderators' actions); see docs/moderation.md.
Decisions reference what they judged generically (``target_type`` + ``target_id``) so this app does not depend on
the discussion app's tables.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from masthead.discussion.readers import Tier  # one definition of the identity tiers, keyed by moderation settings
from masthead.moderation.links import DEFAULT_TRUSTED, parse_trusted


class Action(models.TextChoices):
    PUBLISH = "publish", "Publish"
    HOLD = "hold", "Hold for review"
    REJECT = "reject", "Reject"


class ModerationSettings(models.Model):
    """The publisher's moderation settings: one row (pk=1), edited in the admin."""

    benign_hold_share = models.FloatField(
        default=0.03, validators=[MinValueValidator(0.0), MaxValueValidator(0.5)],
        help_text="The share of ordinary, benign news comments you accept to see held by the classifier, so that "
                  "it catches more abuse. 0.03 (the default) means about 3 benign comments in 100 wait for a "
                  "moderator; 0.05 catches more abuse and holds 1 in 20; 0.01 holds 1 in 100 and lets more "
                  "abuse through. Measured when the model was built, on benign comments of three kinds in equal "
                  "numbers: news-comment sentences, discussion-page comments, and hard cases that share abuse's "
                  "words.",
    )
    hold_threshold = models.FloatField(
        default=0.85, validators=[MinValueValidator(0.0), MaxValueValidator(1.01)],
        help_text="Only for a model without calibration (a custom backend): classifier probability at or "
                  "above which a comment is held.",
    )
    reject_threshold = models.FloatField(
        default=1.01, validators=[MinValueValidator(0.0), MaxValueValidator(1.01)],
        help_text="Probability at or above which a comment is rejected outright (above 1 = never).",
    )
    hold_threats = models.BooleanField(
        default=True, help_text="Hold comments that match the built-in threat and group-violence patterns."
    )
    hold_profanity = models.BooleanField(
        default=True, help_text="Hold comments with strong profanity, slurs or personal insults (built-in list)."
    )
    first_comment_review_guest = models.BooleanField(default=True, help_text="Hold a guest's first comment.")
    first_comment_review_verified = models.BooleanField(
        default=True, help_text="Hold the first comment of a reader with a verified email."
    )
    first_comment_review_account = models.BooleanField(default=False)
    first_comment_review_supporter = models.BooleanField(default=False)
    link_limit_guest = models.PositiveSmallIntegerField(
        default=3, help_text="Links allowed in one comment before holding (citing a few sources is normal)."
    )
    link_limit_verified = models.PositiveSmallIntegerField(default=4)
    link_limit_account = models.PositiveSmallIntegerField(default=5)
    link_limit_supporter = models.PositiveSmallIntegerField(default=8)
    trusted_link_domains = models.TextField(
        default=DEFAULT_TRUSTED, blank=True,
        help_text="One domain per line. Links to these never hold a comment. \"example.org\" covers its "
                  "subdomains; \".gov\" covers every domain ending so. Add your own site and local sources.",
    )
    hold_links_to_new_domains = models.BooleanField(
        default=True,
        help_text="Hold a guest's or verified reader's comment linking to a domain that is neither trusted nor "
                  "linked from an earlier published comment.",
    )
    classifier_exempt_supporter = models.BooleanField(
        default=False, help_text="Publish supporters' comments even when the classifier would hold them."
    )
    duplicate_window_minutes = models.PositiveIntegerField(
        default=60, help_text="Hold a comment whose text repeats one posted within this many minutes (0 = off)."
    )
    duplicate_min_length = models.PositiveSmallIntegerField(
        default=20, help_text="Shorter texts (\u201cThanks!\u201d) are never treated as duplicates."
    )
    rate_limit_network = models.PositiveSmallIntegerField(
        default=10, help_text="Comments per network (IP block) per rate window."
    )
    rate_limit_account = models.PositiveSmallIntegerField(default=6, help_text="Comments per reader per window.")
    rate_window_seconds = models.PositiveIntegerField(default=300, validators=[MinValueValidator(1)])
    flags_to_hold = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1)],
        help_text="Reader flags from different readers that hold a visible comment for review.",
    )
    active_model = models.CharField(
        max_length=80, default="builtin", help_text="The classifier model in use (promoted by moderation_train)."
    )
    shadow_model = models.CharField(
        max_length=80, blank=True, help_text="A candidate model scored beside the active one, never deciding."
    )

    class Meta:
        verbose_name = "moderation settings"
        verbose_name_plural = "moderation settings"
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="moderation_settings_singleton")]

    def __str__(self) -> str:
        return "Moderation settings"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1
        super().save(*args, **kwargs)
        # Local: config imports these models.
        from masthead.moderation.config import forget_settings

        forget_settings()

    def first_comment_review(self, tier: str) -> bool:
        return bool(getattr(self, f"first_comment_review_{tier}", False))

    def trusted_domains(self) -> tuple[str, ...]:
        cached = getattr(self, "_trusted_cache", None)
        if cached is None or cached[0] != self.trusted_link_domains:
            cached = (self.trusted_link_domains, parse_trusted(self.trusted_link_domains))
            self._trusted_cache = cached
        return cached[1]

    def link_limit(self, tier: str) -> int | None:
        """Links allowed for ``tier``; None means unlimited (staff)."""
        return getattr(self, f"link_limit_{tier}", None)


class WordRule(models.Model):
    """A word, phrase or regular expression the publisher rejects or holds, matched on the normalised text."""

    class RuleAction(models.TextChoices):
        HOLD = "hold", "Hold for review"
        REJECT = "reject", "Reject"

    pattern = models.CharField(max_length=300)
    is_regex = models.BooleanField(
        default=False, help_text="Treat the pattern as a regular expression (otherwise whole words, any case)."
    )
    action = models.CharField(max_length=10, choices=RuleAction.choices, default=RuleAction.HOLD)
    note = models.CharField(max_length=200, blank=True)
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pattern", "is_regex"], name="word_rule_once")]

    def __str__(self) -> str:
        return f"{self.action}: {self.pattern}"

    def save(self, *args: object, **kwargs: object) -> None:
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        # Local: config imports these models.
        from masthead.moderation.config import forget_word_rules

        forget_word_rules()

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        result = super().delete(*args, **kwargs)  # type: ignore[arg-type]
        # Local: config imports these models.
        from masthead.moderation.config import forget_word_rules

        forget_word_rules()
        return result


class Ban(models.Model):
    """A banned identity. ``value`` is an account id, an email hash or a network hash (never a raw address)."""

    class Kind(models.TextChoices):
        ACCOUNT = "account", "Account"
        EMAIL = "email", "Email address"
        NETWORK = "network", "Network"
        READER = "reader", "Guest reader"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    value = models.CharField(max_length=80)
    shadow = models.BooleanField(
        default=False, help_text="Shadow-hide: the author still sees their comments, nobody else does."
    )
    reason = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Empty = permanent.")
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["kind", "value"], name="ban_lookup")]

    def __str__(self) -> str:
        return f"{self.kind} ban {self.value[:12]}"

    def is_active(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.lifted_at is None and (self.expires_at is None or self.expires_at > now)


class ModerationDecision(models.Model):
    """One judgement about one piece of content: by the pipeline (``actor`` empty) or by a moderator.

    Moderators' decisions keep a copy of the text they judged: they are the labelled data site models learn from.
    """

    class Source(models.TextChoices):
        PIPELINE = "pipeline", "Automatic screening"
        MODERATOR = "moderator", "Moderator"
        FLAGS = "flags", "Reader flags"

    target_type = models.CharField(max_length=40, default="comment")
    target_id = models.BigIntegerField(null=True, blank=True)
    # Set for comments once saved; the generic pair above also covers content types added later.
    comment = models.ForeignKey("discussion.Comment", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="moderation_decisions")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.PIPELINE)
    action = models.CharField(max_length=10, choices=Action.choices)
    shadow = models.BooleanField(default=False)
    reasons = models.JSONField(default=list, blank=True)
    scores = models.JSONField(default=dict, blank=True)
    model_id = models.CharField(max_length=80, blank=True)
    model_version = models.CharField(max_length=40, blank=True)
    body_hash = models.CharField(max_length=64, blank=True, help_text="Hash of the normalised text (duplicates).")
    text = models.TextField(blank=True, help_text="The text judged (kept for moderators' decisions only).")
    tier = models.CharField(max_length=10, choices=Tier.choices, blank=True)
    author_key = models.CharField(max_length=80, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["target_type", "target_id", "created_at"], name="decision_target"),
            # The duplicate rule asks (body_hash, source, since) on every post: all three in the index, or
            # SQLite prefers decision_source and walks every decision of the window.
            models.Index(fields=["body_hash", "source", "created_at"], name="decision_duplicate_bodies"),
            models.Index(fields=["author_key", "action"], name="decision_author"),
            models.Index(fields=["source", "created_at"], name="decision_source"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.target_type}:{self.target_id}"


class LinkedDomain(models.Model):
    """A domain linked from a published comment: later links to it are not "new to the site"."""

    domain = models.CharField(max_length=253, unique=True)
    published_links = models.PositiveIntegerField(default=0)
    first_seen = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.domain


class Flag(models.Model):
    """A reader's report that a visible comment breaks the rules. One per reader per comment."""

    class Reason(models.TextChoices):
        ABUSE = "abuse", "Abusive or insulting"
        HATE = "hate", "Hate against a group"
        THREAT = "threat", "Threat or call for violence"
        SPAM = "spam", "Spam or advertising"
        OFF_TOPIC = "off_topic", "Off topic"
        OTHER = "other", "Something else"

    comment = models.ForeignKey("discussion.Comment", on_delete=models.CASCADE, related_name="flags")
    reader_key = models.CharField(max_length=80, help_text="Who flagged (keyed hash or account).")
    network_hash = models.CharField(max_length=40, blank=True)
    reason = models.CharField(max_length=10, choices=Reason.choices)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True, help_text="Set when a moderator decides.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "reader_key"], name="flag_once_per_reader")]
        indexes = [models.Index(fields=["resolved_at", "comment"], name="flag_open")]

    def __str__(self) -> str:
        return f"{self.reason} flag on {self.comment_id}"


class AuditLog(models.Model):
    """Who did what to what, and why. Written by ``audit.record`` for every moderation action."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    actor_name = models.CharField(max_length=150, blank=True, help_text="Kept when the account is deleted.")
    action = models.CharField(max_length=40)
    target_type = models.CharField(max_length=40, blank=True)
    target_id = models.CharField(max_length=80, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target")]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.actor_name or 'system'} {self.action} {self.target_type}:{self.target_id}"
