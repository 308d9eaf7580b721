"""Every change to articles, authors and topics goes through here: the admin, the demo, importers and tests.

``check_*`` validates and raises ``ValidationError``; ``do_*`` writes. Saving an article renders its Markdown
once (sanitized HTML, canonical plain text, renderer version) and stores its term vector; the "More on this
topic" lists are recomputed by a task enqueued when the transaction commits, so page views only read rows.
See docs/publishing.md.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from masthead.core.markdown import RENDERER_VERSION, render_article
from masthead.core.tasks import enqueue_on_commit
from masthead.publishing import hooks, images, navigation, ranking, related
from masthead.publishing.models import Article, ArticleRedirect, Author, BodyImage, RelatedArticle, Revision, Topic
from masthead.publishing.text import html_to_text

logger = logging.getLogger(__name__)

# When an article changes, this many of its best matches are re-ranked too (it may now belong in their
# lists), plus every article that lists it today, up to REFRESH_LIMIT in all.
NEIGHBOURS_TO_REFRESH = 8
REFRESH_LIMIT = 40
_EDITORIAL_FIELDS = ("headline", "kicker", "standfirst", "body", "featured_image", "image_caption", "image_alt")
# The words a Revision keeps (docs/desk.md, "Revisions").
REVISION_FIELDS = ("headline", "kicker", "standfirst", "body")
# A person's autosaves within this many seconds of their last one fold into the same revision.
AUTOSAVE_FOLD_SECONDS = 600


# --- Authors and topics ---------------------------------------------------------------------------------

def _unique_slug(model: type[Article | Author | Topic], text: str, exclude_pk: int | None, max_length: int) -> str:
    base = slugify(text)[: max_length - 8].strip("-") or "item"
    others = model._default_manager.all() if exclude_pk is None else model._default_manager.exclude(pk=exclude_pk)
    return _first_free(others, base)


def _first_free(others: Any, base: str) -> str:
    slug, n = base, 1
    while others.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def free_article_slug(base: str) -> str:
    """``base``, else ``base-2``, ``base-3``...: the first slug no article has (an importer's rule for a new
    article's slug). Saving the article with it in the same transaction, ``do_save_article(..., slug_free=True)``,
    does not look it up again."""
    return _first_free(Article.objects.all(), base)


def do_save_author(author: Author) -> Author:
    if not author.slug:
        author.slug = _unique_slug(Author, author.name, author.pk, 120)
    author.full_clean()
    author.save()
    return author


def do_save_topic(topic: Topic) -> Topic:
    if not topic.slug:
        topic.slug = _unique_slug(Topic, topic.name, topic.pk, 80)
    topic.full_clean()
    topic.save()
    transaction.on_commit(navigation.forget)
    return topic


def do_delete_topic(topic: Topic) -> None:
    topics_articles = list(topic.articles.values_list("pk", flat=True)[:REFRESH_LIMIT])
    topic.delete()
    transaction.on_commit(navigation.forget)
    for article_id in topics_articles:
        enqueue_related_refresh(article_id)


# --- Articles -------------------------------------------------------------------------------------------

def check_article(article: Article) -> None:
    """Editorial rules on top of the field validation: a schedule needs a time, a headline is required."""
    errors: dict[str, str] = {}
    if not article.headline.strip():
        errors["headline"] = "An article needs a headline."
    if article.status != Article.Status.DRAFT and not article.body.strip():
        errors["body"] = "Write the story before it is published (only a draft may be empty)."
    if article.status == Article.Status.SCHEDULED and article.published_at is None:
        errors["published_at"] = "Give the time at which this article should be published."
    if article.featured_image and not article.image_alt.strip():
        errors["image_alt"] = "Describe the featured image for readers who cannot see it."
    if errors:
        raise ValidationError(errors)


def render_body(article: Article) -> None:
    """Markdown → sanitized HTML, and the canonical plain text derived from that HTML (see text.py).

    Images uploaded for the body get their srcset, size, caption and credit (images.decorate_body).
    """
    uploaded = list(BodyImage.objects.filter(article_id=article.pk)) if article.pk else []
    article.body_html = images.decorate_body(render_article(article.body), uploaded)
    article.body_text = html_to_text(article.body_html)
    article.render_version = RENDERER_VERSION


def _normalize_schedule(article: Article, now: datetime) -> None:
    if article.status == Article.Status.PUBLISHED and article.published_at is None:
        article.published_at = now
    elif (article.status == Article.Status.PUBLISHED and article.published_at is not None
          and article.published_at > now):
        # "Published" with a future time is a schedule: say so, so lists and the admin agree.
        article.status = Article.Status.SCHEDULED


def _editorial_change(article: Article, now: datetime) -> bool:
    """True when a live article's reader-visible content changed (the "Updated" time readers see)."""
    if article.pk is None:
        return False
    before = Article.objects.filter(pk=article.pk).values(*_EDITORIAL_FIELDS, "status", "published_at").first()
    if before is None:
        return False
    was_live = before["status"] != Article.Status.DRAFT and before["published_at"] and before["published_at"] <= now
    changed = any(str(before[f] or "") != str(getattr(article, f) or "") for f in _EDITORIAL_FIELDS)
    return bool(was_live and changed)


def _keep_old_slug(article: Article) -> None:
    """When a saved article's slug changes, remember the old one so its links redirect to the new URL."""
    ArticleRedirect.objects.filter(old_slug=article.slug).delete()  # the new slug is an article again
    if article.pk is None:
        return
    old = Article.objects.filter(pk=article.pk).values_list("slug", flat=True).first()
    if old and old != article.slug:
        ArticleRedirect.objects.update_or_create(old_slug=old, defaults={"article": article})


def _passages_follow(article: Article, new: bool = False) -> None:
    """Let passage comments re-find their quotes in the new ``body_text`` (same transaction; no-op if unchanged):
    [passages] listens (``hooks.article_changed``), as publishing does not depend on it. ``new``: the article's
    row was inserted in this transaction (nothing can point at it yet)."""
    hooks.article_changed.send(article, new)


def _image_variants_follow(article: Article) -> None:
    """Make the image's narrower copies once, when the image is new (its stored name changed; see images.py).

    Synchronous: 0.15-0.6 s once per new image in an editor's save (measured; docs/publishing.md), and the
    saved article then never shows an image without its srcset. Runs after ``save()``, when an upload has its
    final stored name.
    """
    name = (article.featured_image.name or "") if article.featured_image else ""
    if (article.image_variants or {}).get("source", "") == name:
        return
    article.image_variants = _variants_or_nothing(name)
    Article.objects.filter(pk=article.pk).update(image_variants=article.image_variants)


def _variants_or_nothing(name: str) -> dict[str, Any]:
    """The variants of a stored image; none (pages show the plain src) when it is missing or unreadable."""
    if not name:
        return {}
    try:
        return images.make_variants(name)
    except OSError:  # gone from storage, or not an image Pillow can read (UnidentifiedImageError is an OSError)
        logger.warning("No image variants for %s: the file is missing or unreadable.", name)
        return {}


MEDIA_UNAVAILABLE = ("The image could not be stored: the media storage is not answering. Nothing was saved; "
                     "try again in a moment.")


def do_store_featured_image(article: Article) -> None:
    """Upload a newly attached featured image, before the article's row is written.

    If the media storage fails (a bucket that does not answer), this raises a ``ValidationError`` on the image
    field and nothing is saved, so no article ever points at an object that was never stored. The admin form
    calls it while validating, so the editor sees the message on the form; ``do_save_article`` calls it for
    every other path. An image stored for a save that then fails is left behind, unused (harmless).
    """
    image = article.featured_image
    # FieldFile._committed (Django's own flag): False while the file is only attached, not yet stored.
    if not image or image._committed:  # type: ignore[attr-defined]
        return
    try:
        image.save(str(image.name), image.file, save=False)
    except OSError as error:
        logger.warning("Could not store the featured image %s: %s", image.name, error)
        raise ValidationError({"featured_image": MEDIA_UNAVAILABLE}) from error


def do_make_missing_image_variants(batch: int = 100) -> int:
    """Make the variants of images stored before variants existed (or whose record is stale). Returns a count."""
    done = 0
    with_images = Article.objects.exclude(featured_image="").only("pk", "featured_image", "image_variants")
    for article in with_images.iterator(chunk_size=batch):
        if (article.image_variants or {}).get("source") == article.featured_image.name:
            continue
        record = _variants_or_nothing(article.featured_image.name or "")
        if record:
            Article.objects.filter(pk=article.pk).update(image_variants=record)
            done += 1
    return done


def record_revision(article: Article, by: User | None, kind: str, note: str, *, new: bool = False) -> None:
    """Keep the article's words as a new revision when they changed since the last one (or when a publish,
    restore or correction is worth a line in the history). A person's autosaves fold into their last autosave
    for a few minutes, so the history lists sittings, not keystrokes. ``new``: the article's row was inserted in
    this transaction, so it has no revision yet (not looked up)."""
    words = {f: getattr(article, f) for f in REVISION_FIELDS}
    last = None if new else Revision.objects.filter(article=article).order_by("-number").first()
    same_words = last is not None and all(getattr(last, f) == v for f, v in words.items())
    if same_words and kind in (Revision.Kind.AUTOSAVE, Revision.Kind.SAVE):
        return
    now = timezone.now()
    by_id = by.pk if by is not None else None
    if (
        last is not None and kind == Revision.Kind.AUTOSAVE and last.kind == Revision.Kind.AUTOSAVE
        and last.saved_by_id == by_id and (now - last.updated_at).total_seconds() < AUTOSAVE_FOLD_SECONDS
    ):
        Revision.objects.filter(pk=last.pk).update(**words, updated_at=now)
        return
    Revision.objects.create(article=article, number=(last.number + 1 if last else 1), kind=kind, note=note[:300],
                            saved_by_id=by_id, created_at=now, updated_at=now, **words)


def do_save_article(
    article: Article,
    *,
    authors: Iterable[Author] | None = None,
    topics: Iterable[Topic] | None = None,
    by: User | None = None,
    revision_kind: str = Revision.Kind.SAVE,
    revision_note: str = "",
    refresh_related: bool = True,
    slug_free: bool = False,
    savepoint: bool = True,
) -> Article:
    """Validate, render, store; the related lists are refreshed once the transaction commits.

    ``authors``/``topics`` replace the article's lists when given (the admin saves them itself, in the same
    transaction, before the refresh runs). Every save bumps ``version`` and keeps a revision of the words when
    they changed (``by`` is the person saving, ``revision_kind``/``revision_note`` label the revision).
    ``refresh_related=False`` skips the "More on this topic" refresh: for a draft that never was live, which no
    list can name (the desk's autosaves, every few seconds, would otherwise queue a task each), and for an
    importer, which asks for its articles' refresh together (``enqueue_related_refresh_many``).
    ``slug_free``: the caller took the slug from ``free_article_slug`` in this transaction, so its uniqueness is
    not looked up again (the unique index still guards it). ``savepoint=False``: the caller's own transaction or
    savepoint is rolled back whole when this fails (an importer's unit), so the writes take no savepoint of their
    own inside it (two statements fewer); they are the same writes.

    A new article (no ``pk``) has nothing to look up or replace yet: no revision, no authors or topics, no terms,
    no passage revision or anchor (its id is new, and no other transaction can point at its row before this one
    commits), so those lookups and deletes are not sent; the rows written are the same.
    """
    now = timezone.now()
    new = article.pk is None
    if not article.slug:
        article.slug = _unique_slug(Article, article.headline, article.pk, 200)
        slug_free = True
    _normalize_schedule(article, now)
    check_article(article)
    article.full_clean(exclude=_not_validated(article), validate_unique=not slug_free)
    if _editorial_change(article, now):
        article.revised_at = now
    render_body(article)
    do_store_featured_image(article)
    with transaction.atomic(savepoint=savepoint):
        _keep_old_slug(article)
        article.version = (article.version or 0) + 1
        article.save()
        record_revision(article, by, revision_kind, revision_note, new=new)
        if authors is not None:
            if new:
                article.authors.add(*authors)  # what set() does when there is nothing to replace
            else:
                article.authors.set(authors)
        if topics is not None:
            if new:
                article.topics.add(*topics)
            else:
                article.topics.set(topics)
        ranking.store_terms(article, new=new)
        _passages_follow(article, new)
        _image_variants_follow(article)
    if refresh_related:
        enqueue_related_refresh(article.pk, scheduled_for=article.published_at)
    transaction.on_commit(navigation.forget)
    return article


def _not_validated(article: Article) -> list[str]:
    """What ``full_clean`` leaves out: the relations (saved apart), and an empty ``external_url``, which field
    validation passes over anyway (blank) and which no constraint can reject: the one unique constraint on it
    applies only to a non-empty address (``article_external_url_once``), yet Django would send a query to check it.
    """
    return ["authors", "topics"] if article.external_url else ["authors", "topics", "external_url"]


def check_ready_to_publish(article: Article) -> None:
    """What must be true before readers see an article: every image placed in the body has alt text."""
    missing = [image for image in BodyImage.objects.filter(article_id=article.pk)
               if image.file.url in article.body and not image.alt.strip()]
    if missing:
        names = ", ".join(str(image.file.name).rsplit("/", 1)[-1] for image in missing)
        raise ValidationError({"alt": f"Describe every image for readers who cannot see it before publishing "
                                      f"(no alt text yet: {names})."})


def do_publish_article(article: Article, at: datetime | None = None, *, by: User | None = None) -> Article:
    """Publish now, or schedule for ``at`` (a republished article keeps its first publication time)."""
    check_ready_to_publish(article)
    now = timezone.now()
    if at is not None:
        article.published_at = at
    elif article.published_at is None or article.published_at > now:
        article.published_at = now
    article.status = Article.Status.PUBLISHED  # becomes SCHEDULED when the time is in the future
    note = "Scheduled" if article.published_at > now else "Published"
    return do_save_article(article, by=by, revision_kind=Revision.Kind.PUBLISH, revision_note=note)


def do_unpublish_article(article: Article, *, by: User | None = None) -> Article:
    """Back to draft: readers get 404, and lists that named it are refreshed."""
    article.status = Article.Status.DRAFT
    return do_save_article(article, by=by, revision_kind=Revision.Kind.PUBLISH, revision_note="Unpublished")


def do_delete_article(article: Article) -> None:
    """Delete an article; the lists that named it are re-ranked after commit (the cascade left them short)."""
    listing_it = list(
        RelatedArticle.objects.filter(related=article).values_list("article_id", flat=True)[:REFRESH_LIMIT]
    )
    article.delete()
    for article_id in listing_it:
        enqueue_related_refresh(article_id)
    transaction.on_commit(navigation.forget)


EXTERNAL_TITLE_MAX = 200


def do_register_external_article(url: str, title: str) -> Article:
    """The external article for a page on another site (its discussion is embedded there: docs/embed.md).

    ``url`` must already be normalised (the embed app's canonical form); the first call creates the record, published
    now, with the page's title and no body; later calls return it unchanged (the title is the first one seen, so a
    page cannot rename another's thread). Race-safe: the unique constraint on ``external_url`` decides.
    """
    existing = Article.objects.filter(external_url=url).first()
    if existing is not None:
        return existing
    headline = " ".join(title.split())[:EXTERNAL_TITLE_MAX] or url[:EXTERNAL_TITLE_MAX]
    digest = hashlib.sha256(url.encode()).hexdigest()[:20]
    article = Article(
        headline=headline, slug=f"external-{digest}", body="", is_external=True, external_url=url,
        status=Article.Status.PUBLISHED, published_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:  # another request registered the same page first
        return Article.objects.get(external_url=url)
    return article


def do_set_discussion_open(article: Article, is_open: bool) -> Article:
    """Open or close the article's discussion (nothing else changes, so nothing is re-rendered)."""
    now = timezone.now()
    Article.objects.filter(pk=article.pk).update(discussion_open=is_open, updated_at=now)
    article.discussion_open, article.updated_at = is_open, now
    return article


def do_rerender_stale(batch: int = 200) -> int:
    """Re-render articles stored by an older renderer (after ``RENDERER_VERSION`` changes). Returns a count."""
    done = 0
    stale = Article.objects.filter(render_version__lt=RENDERER_VERSION).only("pk", "body", "headline", "standfirst")
    for article in stale.iterator(chunk_size=batch):
        render_body(article)
        with transaction.atomic():
            Article.objects.filter(pk=article.pk).update(
                body_html=article.body_html, body_text=article.body_text, render_version=article.render_version
            )
            ranking.store_terms(article)
            _passages_follow(article)
        done += 1
    return done


# --- Related articles -----------------------------------------------------------------------------------

def enqueue_related_refresh(article_id: int, scheduled_for: datetime | None = None) -> None:
    """Refresh "More on this topic" after commit; again when a scheduled article goes live, where supported."""
    # Local: tasks imports this module.
    from masthead.publishing.tasks import refresh_related

    enqueue_on_commit(refresh_related, article_id)
    if scheduled_for is not None and scheduled_for > timezone.now() and refresh_related.get_backend().supports_defer:
        enqueue_on_commit(refresh_related, article_id, run_after=scheduled_for)


def enqueue_related_refresh_many(articles: Iterable[tuple[int, datetime | None]]) -> None:
    """``enqueue_related_refresh`` for many saved articles (id, publication time) in one task: the same refreshes,
    in the same order, run one after the other by one task (``tasks.refresh_related_many``), and again at each
    scheduled article's publication time. For an importer, which saves thousands: one queue row (and, outside a
    transaction, one commit) for all of them rather than one per article."""
    from masthead.publishing.tasks import refresh_related_many

    items = list(articles)
    if not items:
        return
    enqueue_on_commit(refresh_related_many, [article_id for article_id, _ in items])
    now = timezone.now()
    later: dict[datetime, list[int]] = {}
    for article_id, scheduled_for in items:
        if scheduled_for is not None and scheduled_for > now:
            later.setdefault(scheduled_for, []).append(article_id)
    if later and refresh_related_many.get_backend().supports_defer:
        for scheduled_for, article_ids in later.items():
            enqueue_on_commit(refresh_related_many, article_ids, run_after=scheduled_for)


def do_refresh_related(article_id: int) -> list[int]:
    """Recompute the article's list, then its neighbours' (it may have joined or left them).

    Neighbours are the articles listing it today plus its best NEIGHBOURS_TO_REFRESH matches, at most
    REFRESH_LIMIT in all. Returns the ids whose lists were re-ranked.
    """
    article = Article.objects.filter(pk=article_id).only("pk", "status", "published_at").first()
    targets = list(
        RelatedArticle.objects.filter(related_id=article_id).values_list("article_id", flat=True)[:REFRESH_LIMIT]
    )
    done: list[int] = []
    if article is not None and article.status == Article.Status.DRAFT:
        RelatedArticle.objects.filter(article_id=article_id).delete()
    elif article is not None:
        # A scheduled article is ranked too, so its list is ready the moment it goes live.
        candidates = ranking.rank_related(article_id, limit=max(related.RELATED_COUNT, NEIGHBOURS_TO_REFRESH))
        ranking.store_related(article_id, candidates[: related.RELATED_COUNT])
        done.append(article_id)
        targets += [c.article_id for c in candidates if c.article_id not in targets]
    live = set(Article.objects.live().filter(pk__in=targets[:REFRESH_LIMIT]).values_list("pk", flat=True))
    for other_id in targets[:REFRESH_LIMIT]:
        if other_id in live:  # a list that is not shown is rebuilt when its article is published
            ranking.store_related(other_id, ranking.rank_related(other_id))
            done.append(other_id)
    return done


def do_refresh_all_related() -> int:
    """Re-rank every live article (after an import or a ranking change). Returns how many were ranked."""
    count = 0
    for article_id in Article.objects.live().values_list("pk", flat=True).iterator():
        ranking.store_related(article_id, ranking.rank_related(article_id))
        count += 1
    return count
