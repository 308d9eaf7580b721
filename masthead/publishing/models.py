"""Articles, authors and topics. Workflows (rendering, related articles) live in ``actions.py``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class Author(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    bio = models.TextField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="author_profile"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("publishing:author", args=[self.slug])


class Topic(models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    nav_position = models.PositiveSmallIntegerField(
        null=True, blank=True,
        help_text="Place in the header navigation (1 first). Leave empty to let the busiest topics fill it.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("publishing:topic", args=[self.slug])


def live_condition(prefix: str = "") -> Q:
    """Published articles, and scheduled ones whose time has come (no job has to flip them). ``prefix`` names
    the relation from another model ("related__"), so a query can filter on the joined row directly rather
    than on a list of every live article's id."""
    # An external article (a page on another site whose discussion Masthead hosts: docs/embed.md) is never listed
    # or served here: it has no body, only a thread.
    return (Q(**{f"{prefix}status": Article.Status.PUBLISHED}) | Q(**{f"{prefix}status": Article.Status.SCHEDULED})) \
        & Q(**{f"{prefix}published_at__lte": timezone.now()}) & Q(**{f"{prefix}is_external": False})


class ArticleQuerySet(models.QuerySet["Article"]):
    def live(self) -> ArticleQuerySet:
        """Published articles, and scheduled ones whose time has come (no job has to flip them)."""
        return self.filter(live_condition())

    def canonical_here(self) -> ArticleQuerySet:
        """Live articles whose canonical address is on this site: not a syndicated story pointing search engines
        at the site that published it first (``canonical_url`` elsewhere). External articles are never live."""
        return self.live().filter(Q(canonical_url="") | Q(canonical_url__startswith=f"{settings.SITE_URL}/"))


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"

    headline = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kicker = models.CharField(
        max_length=80, blank=True, help_text="A word or two above the headline; the topics show when it is empty."
    )
    standfirst = models.TextField(blank=True, help_text="The summary shown under the headline and in lists.")
    body = models.TextField(blank=True, help_text="Markdown. May be empty while the article is a draft.")
    body_html = models.TextField(editable=False, default="")
    body_text = models.TextField(editable=False, default="", help_text="Canonical plain text of the body.")
    render_version = models.PositiveSmallIntegerField(editable=False, default=0)

    featured_image = models.ImageField(upload_to="articles/%Y/%m/", blank=True, width_field="image_width",
                                       height_field="image_height")
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Written by actions.do_save_article (see images.py): which narrower copies of the image exist.
    image_variants = models.JSONField(default=dict, blank=True, editable=False)
    image_caption = models.CharField(max_length=300, blank=True)
    image_alt = models.CharField(
        max_length=300, blank=True, help_text="Describe the image for readers who cannot see it."
    )

    authors = models.ManyToManyField(Author, related_name="articles", blank=True)
    topics = models.ManyToManyField(Topic, related_name="articles", blank=True)

    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True, help_text="Publication time; in the future to schedule.")
    # Set by the actions when the headline, standfirst, body or image change after publication: the
    # "Updated" time readers see (and JSON-LD dateModified). updated_at moves on every save, editorial or not.
    revised_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    discussion_open = models.BooleanField(default=True)
    # A page on another site whose discussion is embedded (docs/embed.md): title and canonical address only, no
    # body; its thread is keyed by that address. Created by actions.do_register_external_article.
    is_external = models.BooleanField(default=False, editable=False)
    external_url = models.URLField(max_length=500, blank=True, default="", editable=False)
    # For a piece first published elsewhere (syndication): search engines are pointed there instead of here.
    canonical_url = models.URLField(
        max_length=500, blank=True, help_text="Leave empty unless first published elsewhere."
    )
    # Bumped by every save (do_save_article): the desk sends the version it loaded, and a save made over someone
    # else's newer one is refused (editing.EditConflict) instead of silently overwriting it.
    version = models.PositiveIntegerField(default=0, editable=False)

    objects = ArticleQuerySet.as_manager()
    # Not a column: list pages and feeds set it from discussion.counts.comment_counts for their templates.
    comment_count: int | None

    class Meta:
        ordering = ["-published_at", "-id"]
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]
        indexes = [models.Index(fields=["status", "-published_at", "-id"], name="article_listing")]
        constraints = [
            models.UniqueConstraint(fields=["external_url"], condition=~Q(external_url=""),
                                    name="article_external_url_once"),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        # Read without loading: lists fetch live articles with .only(...), and live articles are never external,
        # so a deferred is_external means "not external" (and no query per row). Load it to link an external one.
        if self.__dict__.get("is_external", False):
            # The page itself is on another site; here it has the crawlable copy of its discussion (docs/embed.md),
            # which is where links in mail, feeds and the moderation queue lead. A URL name, not an import: the
            # embed app depends on publishing, never the reverse.
            return reverse("embed:thread", args=[self.pk])
        return reverse("publishing:article", args=[self.slug])

    @property
    def image_srcset(self) -> str:
        # Local: images imports these models.
        from masthead.publishing.images import srcset

        return srcset(self)

    @property
    def canonical_elsewhere(self) -> bool:
        """A syndicated story: its canonical address is on another site (the opposite of ``canonical_here``)."""
        return bool(self.canonical_url) and not self.canonical_url.startswith(f"{settings.SITE_URL}/")

    @property
    def is_live(self) -> bool:
        return (
            self.status != self.Status.DRAFT
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class RelatedArticle(models.Model):
    """A stored "More on this topic" entry, computed when an article is published or changed."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_entries")
    related = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    rank = models.PositiveSmallIntegerField()
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["article", "rank"]
        constraints = [models.UniqueConstraint(fields=["article", "related"], name="related_once")]

    def __str__(self) -> str:
        return f"#{self.rank}: article {self.related_id} (score {self.score:.3f})"


class ArticleTerm(models.Model):
    """One term of an article's stored TF-IDF document vector: an inverted index for "More on this topic".

    ``weight`` is the log-tf weight divided by the article's vector norm (no idf; see related.py), written when
    the article is saved, so ranking never re-reads article text.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=40)
    weight = models.FloatField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "term"], name="article_term_once")]
        # term first: ranking looks up a few terms across all articles; weight makes the index covering.
        indexes = [models.Index(fields=["term", "article", "weight"], name="article_term_lookup")]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.term}"


class ArticleRedirect(models.Model):
    """An article's former slug, so links shared before an editor changed the URL keep working (301)."""

    old_slug = models.SlugField(max_length=200, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.old_slug} -> {self.article_id}"


class Revision(models.Model):
    """One saved state of an article's words, kept for ever (restoring one adds a new revision).

    Written by ``actions.do_save_article`` when the words changed since the last revision; the desk's autosaves
    by one person within a few minutes fold into one revision (see editing.py).
    """

    class Kind(models.TextChoices):
        AUTOSAVE = "autosave", "Autosave"
        SAVE = "save", "Saved"
        PUBLISH = "publish", "Published"
        RESTORE = "restore", "Restored"
        CORRECTION = "correction", "Correction"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.SAVE)
    note = models.CharField(max_length=300, blank=True)
    headline = models.CharField(max_length=200)
    kicker = models.CharField(max_length=80, blank=True)
    standfirst = models.TextField(blank=True)
    body = models.TextField(blank=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["article", "-number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="revision_number_once")]

    def __str__(self) -> str:
        return f"{self.article_id} r{self.number} ({self.kind})"


class Correction(models.Model):
    """A correction note appended to a published story: shown under it and in its JSON-LD ``correction``."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["article", "created_at", "id"]

    def __str__(self) -> str:
        return f"Correction to {self.article_id} at {self.created_at:%Y-%m-%d %H:%M}"


class BodyImage(models.Model):
    """An image placed in an article's body (uploaded on the desk). Its variants are made once, at upload, and
    the rendered body's ``<img>`` gets their ``srcset`` (images.body_images_html)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="body_images")
    file = models.ImageField(upload_to="body/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    variants = models.JSONField(default=dict, blank=True, editable=False)
    alt = models.CharField(max_length=300, blank=True)
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=120, blank=True)
    # Where the subject is, in percent from the left and the top: crops keep it in frame (focal_class).
    focal_x = models.PositiveSmallIntegerField(default=50)
    focal_y = models.PositiveSmallIntegerField(default=50)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["article", "id"]

    def __str__(self) -> str:
        return str(self.file.name)

    @property
    def focal_class(self) -> str:
        """One of nine CSS classes (site.css) placing a cropped image's focal point: no inline style (CSP)."""
        column = "left" if self.focal_x < 34 else "right" if self.focal_x > 66 else "center"
        row = "top" if self.focal_y < 34 else "bottom" if self.focal_y > 66 else "middle"
        return f"focal-{column}-{row}"
