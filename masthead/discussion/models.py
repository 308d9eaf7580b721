"""Threads, comments and votes. Workflows live in ``actions.py``; this module holds data and constraints.

The tree is a materialized path: each comment's ``path`` is its ancestors' ids and its own, as fixed-width
zero-padded decimal segments, and ``root_id`` names its top-level comment. So one indexed query
(``root_id IN (...) ORDER BY root_id, path``) returns the replies of a page of top-level comments in display
order. See docs/discussion.md.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

# Decimal digits per id. Digits only, so every database collation sorts paths the same way.
PATH_SEGMENT = 12
MAX_DEPTH_LIMIT = 15  # 16 segments of 12 digits fit the 255-character path


def path_segment(comment_id: int) -> str:
    return str(comment_id).rjust(PATH_SEGMENT, "0")


def path_ids(path: str) -> list[int]:
    return [int(path[i : i + PATH_SEGMENT]) for i in range(0, len(path), PATH_SEGMENT)]


class DiscussionSettings(models.Model):
    """The publisher's discussion settings: one row (pk=1), edited in the admin."""

    premoderation = models.BooleanField(
        default=False, help_text="Hold every new or edited comment for review before anyone else sees it."
    )
    edit_window_minutes = models.PositiveIntegerField(
        default=15, help_text="How long authors may edit or delete their own comments."
    )
    max_depth = models.PositiveSmallIntegerField(
        default=3,
        validators=[MaxValueValidator(MAX_DEPTH_LIMIT)],
        help_text="Deepest reply level (top-level comments are level 0); deeper replies attach here.",
    )
    page_size = models.PositiveSmallIntegerField(
        default=20, validators=[MinValueValidator(1), MaxValueValidator(100)], help_text="Top-level comments per page."
    )
    guest_votes_per_network = models.PositiveSmallIntegerField(
        default=1,
        validators=[MaxValueValidator(10)],
        help_text="Guest (not signed-in) votes counted per comment from one network (IPv4 /24, IPv6 /64); "
        "0: only signed-in readers vote. Accounts always count one each.",
    )

    class Meta:
        verbose_name = "discussion settings"
        verbose_name_plural = "discussion settings"
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="discussion_settings_singleton")]

    def __str__(self) -> str:
        return "Discussion settings"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1
        super().save(*args, **kwargs)
        # Local: config imports these models.
        from masthead.discussion.config import forget_settings

        forget_settings()


class Thread(models.Model):
    """One discussion. Today one per article; a later embed issue adds threads keyed by page URL (``key``)."""

    key = models.CharField(max_length=300, unique=True, help_text="article:<id>, or a page key for embeds.")
    article = models.OneToOneField(
        "publishing.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="thread"
    )
    comment_count = models.PositiveIntegerField(default=0, help_text="Visible comments (denormalized).")
    # Bumped on every change a reader can see (new/edited/removed visible comment, vote): the cache key.
    version = models.PositiveBigIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key


class Comment(models.Model):
    class Status(models.TextChoices):
        VISIBLE = "visible", "Visible"
        PENDING = "pending", "Pending review"
        REJECTED = "rejected", "Rejected"
        DELETED = "deleted", "Deleted"

    # No index of its own: the page and tree indexes below start with the thread and serve every lookup by
    # thread. With one, PostgreSQL picked it for a thread that had grown since its last statistics (a hot
    # thread, thousands of comments, estimated at dozens) and sorted the whole thread for each page: 5.7 ms
    # instead of 0.07 for the first page at 3,300 comments. One index fewer to update on every post, too.
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="comments", db_index=False)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    # The comment actually answered when the reply was attached higher up because of the depth cap.
    in_reply_to = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    root_id = models.BigIntegerField(default=0, help_text="The top-level comment of this comment's tree.")
    path = models.CharField(max_length=255, default="")
    depth = models.PositiveSmallIntegerField(default=0)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    author_name = models.CharField(max_length=80)
    author_email = models.EmailField(blank=True)
    author_website = models.URLField(max_length=300, blank=True)
    network_hash = models.CharField(max_length=40, blank=True, help_text="Keyed hash of the author's network.")
    reader_key = models.CharField(max_length=64, blank=True, help_text="Who posted, as a keyed hash (guest cookie).")

    body = models.TextField(help_text="Markdown as written.")
    body_html = models.TextField(default="")
    render_version = models.PositiveSmallIntegerField(default=0)
    quote = models.TextField(blank=True, help_text="The part of the parent comment this reply quotes.")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.VISIBLE)
    moderation_reasons = models.JSONField(default=list, blank=True)

    created_at = models.DateTimeField()
    edited_at = models.DateTimeField(null=True, blank=True)

    score = models.IntegerField(default=0)
    upvotes = models.PositiveIntegerField(default=0)
    downvotes = models.PositiveIntegerField(default=0)
    reply_count = models.PositiveIntegerField(default=0, help_text="Visible replies anywhere below this comment.")

    edit_token_hash = models.CharField(max_length=64, blank=True)
    edit_token_expires = models.DateTimeField(null=True, blank=True)
    idempotency_key = models.CharField(max_length=64, blank=True)

    class Meta:
        indexes = [
            # Top-level pages per sort (keyset); both directions scan the same index.
            models.Index(fields=["thread", "depth", "created_at", "id"], name="comment_page_time"),
            models.Index(fields=["thread", "depth", "score", "id"], name="comment_page_score"),
            # Replies of a page of roots, already in display order.
            models.Index(fields=["thread", "root_id", "path"], name="comment_tree"),
            models.Index(fields=["status", "created_at"], name="comment_status"),
            # "Has this guest published before?" on every post (moderation's first-comment rule).
            models.Index(fields=["reader_key", "status"], name="comment_by_reader"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="comment_idempotency_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.body[:40]}"

    @property
    def is_visible(self) -> bool:
        return self.status == self.Status.VISIBLE

    @property
    def is_tombstone(self) -> bool:
        return self.status == self.Status.DELETED

    def ancestor_ids(self) -> list[int]:
        return path_ids(self.path)[:-1]


class Vote(models.Model):
    """One reader's vote on one comment; changing it updates the row, withdrawing deletes it."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="votes")
    voter_key = models.CharField(max_length=64)
    value = models.SmallIntegerField()
    # Guests only: their network's keyed hash, so one network's guests count a bounded number of times per
    # comment (vote_limits.py). Blank for accounts; blanked with other network hashes after the retention period.
    network_hash = models.CharField(max_length=40, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "voter_key"], name="vote_once_per_reader"),
            models.CheckConstraint(condition=Q(value__in=[-1, 1]), name="vote_up_or_down"),
        ]
        indexes = [
            models.Index(fields=["voter_key", "comment"], name="vote_by_voter"),
            models.Index(fields=["comment", "network_hash"], name="vote_guest_network"),
        ]

    def __str__(self) -> str:
        return f"{self.voter_key[:8]} {self.value:+d} on {self.comment_id}"
