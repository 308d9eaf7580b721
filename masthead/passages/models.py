"""Passage anchors (W3C text selectors over an article's canonical text), editors' questions, revisions.

Workflows live in ``actions.py``; the pure anchoring algorithm in ``anchoring.py``. See docs/passages.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from masthead.passages.anchoring import Anchor


class ArticleRevision(models.Model):
    """One version of an article's ``body_text``, numbered per article, with what re-anchoring did to it."""

    article = models.ForeignKey("publishing.Article", on_delete=models.CASCADE, related_name="passage_revisions")
    number = models.PositiveIntegerField()
    text_hash = models.CharField(max_length=64)
    body_text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    exact = models.PositiveIntegerField(default=0)
    moved = models.PositiveIntegerField(default=0)
    fuzzy = models.PositiveIntegerField(default=0, help_text="Passages that were edited and found again.")
    orphaned = models.PositiveIntegerField(default=0, help_text="Passages that could not be found again.")
    summary = models.JSONField(default=list, blank=True, help_text="Per anchor: status, old and new offsets, score.")

    class Meta:
        ordering = ["article", "-number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="passage_revision_once")]

    def __str__(self) -> str:
        return f"article {self.article_id} r{self.number}"


class PassageAnchor(models.Model):
    """Where a passage comment (or an editor's question) points, now and when it was made.

    ``exact``/``prefix``/``suffix``/``start``/``end`` follow the article through its revisions; the
    ``original_*`` fields are the quote as the reader chose it and are never changed.
    """

    class Status(models.TextChoices):
        EXACT = "exact", "Unchanged"
        MOVED = "moved", "Moved"
        FUZZY = "fuzzy", "Passage edited"
        ORPHANED = "orphaned", "Passage no longer in the article"

    article = models.ForeignKey("publishing.Article", on_delete=models.CASCADE, related_name="passage_anchors")
    comment = models.OneToOneField(
        "discussion.Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="passage_anchor"
    )
    question = models.ForeignKey(
        "PassageQuestion", null=True, blank=True, on_delete=models.SET_NULL, related_name="answers",
        help_text="The editor's question this comment answers.",
    )
    exact = models.TextField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    revision = models.PositiveIntegerField(help_text="The article revision these offsets refer to.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.EXACT)
    score = models.FloatField(default=1.0)

    original_exact = models.TextField(editable=False)
    original_prefix = models.CharField(max_length=64, blank=True, editable=False)
    original_suffix = models.CharField(max_length=64, blank=True, editable=False)
    original_start = models.PositiveIntegerField(editable=False)
    original_revision = models.PositiveIntegerField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["article", "start", "end"], name="passage_by_article")]
        constraints = [models.CheckConstraint(condition=Q(end__gt=F("start")), name="passage_not_empty")]

    def __str__(self) -> str:
        return f"{self.article_id}[{self.start}:{self.end}] {self.exact[:40]}"

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.exact, self.prefix, self.suffix, self.start, self.end)

    @property
    def is_orphaned(self) -> bool:
        return self.status == self.Status.ORPHANED

    @property
    def passage_changed(self) -> bool:
        """The reader quoted something the article no longer says word for word."""
        return self.is_orphaned or self.exact != self.original_exact

    def selectors(self) -> list[dict[str, object]]:
        return self.anchor.selectors()


class PassageQuestion(models.Model):
    """An editor's question to readers about a passage; readers' answers are passage comments pointing at it."""

    anchor = models.OneToOneField(PassageAnchor, on_delete=models.CASCADE, related_name="asked")
    text = models.CharField(max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="passage_questions"
    )
    is_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.text
