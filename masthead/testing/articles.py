"""Small factories for tests of every app: ``make_author``, ``make_topic``, ``make_article``, ``make_png``.

Everything goes through ``masthead.publishing.actions``, like the admin: articles are rendered and stored the
way production stores them. ``make_article`` publishes by default (one second in the past, so it is live) and
runs the on-commit work (the related-articles task) at once, even inside a test transaction; with the
ImmediateBackend (publishing's tests set it) that fills "More on this topic".
"""

from __future__ import annotations

import io
import itertools
from datetime import datetime, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.test import TestCase
from django.utils import timezone
from PIL import Image

from masthead.publishing import actions
from masthead.publishing.models import Article, Author, Topic

_seq = itertools.count(1)

DEFAULT_BODY = (
    "The council met on Tuesday, 4 March, to discuss the river path.\n\n"
    "According to the minutes published by the town clerk, the vote was seven to two.\n\n"
    "Residents can read the full report at the library."
)


def make_png(width: int = 1200, height: int = 675, color: tuple[int, int, int] = (40, 90, 140)) -> ContentFile:
    """A small solid PNG made with Pillow (no downloads)."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue())


def make_author(name: str | None = None, **fields: Any) -> Author:
    n = next(_seq)
    author = Author(name=name or f"Author {n}", **fields)
    return actions.do_save_author(author)


def make_topic(name: str | None = None, **fields: Any) -> Topic:
    n = next(_seq)
    topic = Topic(name=name or f"Topic {n}", **fields)
    return actions.do_save_topic(topic)


def make_article(
    headline: str | None = None,
    body: str = DEFAULT_BODY,
    *,
    authors: list[Author] | None = None,
    topics: list[Topic] | None = None,
    status: str = Article.Status.PUBLISHED,
    published_at: datetime | None = None,
    image: bool = False,
    related: bool = True,
    **fields: Any,
) -> Article:
    """An article saved through the actions. ``status="draft"`` or a future ``published_at`` hide it.

    ``image=True`` attaches a generated PNG (stored under MEDIA_ROOT) with a caption and alt text.
    Without ``authors``, one new author is made. ``related=False`` skips the on-commit work (the related
    refresh) inside a test transaction, for tests that make many articles and rank them once at the end
    with ``actions.do_refresh_all_related()``.
    """
    n = next(_seq)
    if published_at is None and status != Article.Status.DRAFT:
        published_at = timezone.now() - timedelta(seconds=1)
    headline = headline or f"Headline number {n}"
    fields.setdefault("standfirst", f"{headline}.")  # no words shared by every test article (see related.py)
    article = Article(headline=headline, body=body, status=status,
                      published_at=published_at, **fields)
    if image:
        article.featured_image.save(f"test-{n}.png", make_png(), save=False)
        article.image_caption = article.image_caption or "Illustrative image: a river at dusk."
        article.image_alt = article.image_alt or "A calm river under an evening sky."
    # Run the on-commit work (related-articles refresh) now, also inside a test's transaction.
    with TestCase.captureOnCommitCallbacks(execute=related):
        return actions.do_save_article(
            article,
            authors=authors if authors is not None else [make_author()],
            topics=topics or [],
        )
