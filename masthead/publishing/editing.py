"""The desk's writes to articles (part of publishing's actions layer; docs/desk.md): drafts saved with a version
check, revisions restored, correction notes, and images uploaded into a body.

Every function here ends in ``actions.do_save_article`` (or writes a row it owns), so an article saved on the
desk is rendered, ranked, re-anchored for passage comments and given its image variants exactly as one saved
anywhere else.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from masthead.publishing import actions, images
from masthead.publishing.models import Article, Author, BodyImage, Correction, Revision, Topic

UNTITLED = "Untitled draft"


class EditConflict(Exception):
    """Someone saved the article after this editor loaded it: their version is newer than the one sent."""

    def __init__(self, article: Article, by_name: str, at: datetime | None) -> None:
        self.article, self.by_name, self.at = article, by_name, at
        who = by_name or "Someone else"
        super().__init__(
            f"{who} saved this story after you opened it. Your changes are kept in this browser: copy what you "
            f"need, then reload to see their version."
        )


@dataclass(frozen=True)
class ArticleEdit:
    """What the writing screen sends: the words, and (when given) the people, topics and canonical URL."""

    headline: str
    kicker: str = ""
    standfirst: str = ""
    body: str = ""
    canonical_url: str | None = None
    author_ids: tuple[int, ...] | None = None
    topic_ids: tuple[int, ...] | None = None


def _locked(article_id: int, expected_version: int) -> Article:
    """The article, row-locked for this transaction, or EditConflict when it moved past ``expected_version``."""
    article = Article.objects.select_for_update().get(pk=article_id)
    if article.version != expected_version:
        last = Revision.objects.filter(article=article).select_related("saved_by").order_by("-number").first()
        name = ""
        if last is not None and last.saved_by is not None:
            name = last.saved_by.get_full_name() or last.saved_by.get_username()
        raise EditConflict(article, name, article.updated_at)
    return article


def do_create_draft(by: User) -> Article:
    """A new empty draft, bylined to the writer when they have an author profile."""
    article = Article(headline=UNTITLED, body="")
    authors = list(Author.objects.filter(user_id=by.pk))
    with transaction.atomic():
        return actions.do_save_article(article, authors=authors, by=by)


def _chosen(model: type[Author] | type[Topic], ids: Iterable[int] | None) -> list | None:
    if ids is None:
        return None
    wanted = set(ids)
    found = list(model.objects.filter(pk__in=wanted))
    if len(found) != len(wanted):
        raise ValidationError({model.__name__.lower() + "s": "One of the chosen entries no longer exists."})
    return found


def do_save_edit(
    article_id: int, edit: ArticleEdit, *, expected_version: int, by: User, autosave: bool = False
) -> Article:
    """Save the writing screen's fields over version ``expected_version`` (EditConflict if it is not current).

    A draft that was never published follows its headline with its slug (no reader has its URL yet).
    """
    with transaction.atomic():
        article = _locked(article_id, expected_version)
        never_live = article.status == Article.Status.DRAFT and article.published_at is None
        headline_changed = article.headline != edit.headline
        article.headline = edit.headline.strip()
        article.kicker = edit.kicker.strip()
        article.standfirst = edit.standfirst.strip()
        article.body = edit.body
        if edit.canonical_url is not None:
            article.canonical_url = edit.canonical_url.strip()
        if headline_changed and article.status == Article.Status.DRAFT and article.published_at is None:
            article.slug = ""  # do_save_article makes a fresh one from the headline
        kind = Revision.Kind.AUTOSAVE if autosave else Revision.Kind.SAVE
        return actions.do_save_article(
            article, authors=_chosen(Author, edit.author_ids), topics=_chosen(Topic, edit.topic_ids),
            by=by, revision_kind=kind, refresh_related=not never_live,
        )


def do_publish(article_id: int, *, expected_version: int, by: User, at: datetime | None = None) -> Article:
    """Publish now (``at`` None) or schedule; refused while an image in the body has no alt text."""
    with transaction.atomic():
        article = _locked(article_id, expected_version)
        return actions.do_publish_article(article, at, by=by)


def do_unpublish(article_id: int, *, expected_version: int, by: User) -> Article:
    with transaction.atomic():
        article = _locked(article_id, expected_version)
        return actions.do_unpublish_article(article, by=by)


def do_restore_revision(article_id: int, number: int, *, expected_version: int, by: User) -> Article:
    """Put an old revision's words back, as a new revision: the history only ever grows."""
    with transaction.atomic():
        article = _locked(article_id, expected_version)
        old = Revision.objects.get(article=article, number=number)
        for field in actions.REVISION_FIELDS:
            setattr(article, field, getattr(old, field))
        return actions.do_save_article(article, by=by, revision_kind=Revision.Kind.RESTORE,
                                       revision_note=f"Restored revision {number}")


def do_add_correction(article_id: int, text: str, *, by: User) -> Correction:
    """Append a correction note to a live story: shown under it, in its JSON-LD, and as a revision; its
    "Updated" time moves to now."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Write what was wrong and what is right now."})
    if len(text) > 2000:
        raise ValidationError({"text": "Keep a correction under 2,000 characters."})
    now = timezone.now()
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article_id)
        if not article.is_live:
            raise ValidationError({"text": "Corrections are for published stories: fix a draft in its text."})
        correction = Correction.objects.create(article=article, text=text, created_at=now, created_by=by)
        Article.objects.filter(pk=article.pk).update(revised_at=now, updated_at=now, version=F("version") + 1)
        article.refresh_from_db()
        actions.record_revision(article, by, Revision.Kind.CORRECTION, f"Correction: {text}")
    return correction


def do_upload_body_image(article_id: int, data: bytes, *, by: User) -> BodyImage:
    """Check an uploaded image strictly (images.check_upload), store it under a random name with the extension of
    what it really is, and make its width-limited variants once."""
    extension, _width, _height = images.check_upload(data)
    article = Article.objects.get(pk=article_id)
    image = BodyImage(article=article, uploaded_by=by)
    image.file.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(data), save=False)
    image.variants = images.make_variants(str(image.file.name))
    image.save()
    return image


@dataclass(frozen=True)
class ImageDetails:
    alt: str
    caption: str = ""
    credit: str = ""
    focal_x: int = 50
    focal_y: int = 50


def do_update_body_image(
    image_id: int, details: ImageDetails, *, by: User, featured: bool = False
) -> Article:
    """Change an image's alt text, caption, credit or focal point; the article is saved again so its body
    shows them (a new version: the writing screen takes it from the answer). ``featured`` also makes it the
    article's featured image (lists, link previews, og:image), reusing the variants made at upload."""
    if not (0 <= details.focal_x <= 100 and 0 <= details.focal_y <= 100):
        raise ValidationError({"focal": "The focal point is a percentage from 0 to 100."})
    with transaction.atomic():
        image = BodyImage.objects.select_for_update().get(pk=image_id)
        image.alt, image.caption, image.credit = details.alt.strip(), details.caption.strip(), details.credit.strip()
        image.focal_x, image.focal_y = details.focal_x, details.focal_y
        image.full_clean()
        image.save()
        article = Article.objects.select_for_update().get(pk=image.article_id)
        if featured:
            article.featured_image.name = image.file.name
            article.image_width, article.image_height = image.width, image.height
            article.image_variants = image.variants  # same file, same copies: not made a second time
            article.image_alt = image.alt
            article.image_caption = " ".join(part for part in (image.caption, image.credit) if part)[:300]
        return actions.do_save_article(article, by=by)
