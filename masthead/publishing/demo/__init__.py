"""The demo publication: a reader-funded local newsroom in Aldine, a fictional river city.

``seed(stdout)`` creates the newsroom's authors, beats, an editor account and 43 stories (41 live, one scheduled,
one draft) through ``masthead.publishing.actions``, exactly as the admin would, with featured images drawn
locally (``images.py``). The stories are plain data in ``articles_*.py``. Running it again adds only what is
missing. ``masthead demo`` calls this first, then the other domains' ``demo.seed``.
"""

from __future__ import annotations

import zlib
from datetime import timedelta
from typing import TextIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from masthead.publishing import actions
from masthead.publishing.demo import articles_city, articles_housing, articles_river, articles_schools, images
from masthead.publishing.demo.people import AUTHORS, TOPICS, Story
from masthead.publishing.models import Article, Author, Topic

STORIES: list[Story] = [
    *articles_city.STORIES, *articles_housing.STORIES, *articles_river.STORIES, *articles_schools.STORIES,
]

EDITOR_USERNAME = "editor"
EDITOR_PASSWORD = "masthead-demo"  # noqa: S105 - the documented demo login (README); change it on a real site
EDITORS_GROUP = "Editors"  # created by publishing's migration 0003


def _text(value: str) -> str:
    return value.replace("{publication}", settings.PUBLICATION_NAME)


def _seed_editor() -> None:
    """The demo login: staff, in the Editors group, and superuser so every admin screen can be explored."""
    user_model = get_user_model()
    if user_model.objects.filter(username=EDITOR_USERNAME).exists():
        return
    user = user_model.objects.create_user(
        EDITOR_USERNAME, email="editor@example.org", password=EDITOR_PASSWORD,
        first_name="Demo", last_name="Editor", is_staff=True, is_superuser=True,
    )
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    user.groups.add(group)


def _seed_people() -> tuple[dict[str, Author], dict[str, Topic]]:
    authors = {a.slug: a for a in Author.objects.filter(slug__in=[p.slug for p in AUTHORS])}
    for person in AUTHORS:
        if person.slug not in authors:
            authors[person.slug] = actions.do_save_author(Author(name=person.name, slug=person.slug, bio=person.bio))
    topics = {t.slug: t for t in Topic.objects.filter(slug__in=[b.slug for b in TOPICS])}
    for beat in TOPICS:
        if beat.slug not in topics:
            topics[beat.slug] = actions.do_save_topic(
                Topic(name=beat.name, slug=beat.slug, description=beat.description)
            )
    return authors, topics


def _seed_story(story: Story, authors: dict[str, Author], topics: dict[str, Topic]) -> Article:
    now = timezone.now()
    if story.draft:
        status, published_at = Article.Status.DRAFT, None
    else:
        status, published_at = Article.Status.PUBLISHED, now - timedelta(hours=story.hours_ago)
    article = Article(
        headline=story.headline,
        slug=story.slug,
        standfirst=_text(story.standfirst),
        body=_text(story.body),
        status=status,
        published_at=published_at,  # a future time makes do_save_article schedule it
        discussion_open=story.discussion_open,
        image_caption=_text(story.caption) or f"Illustrative image, drawn for {settings.PUBLICATION_NAME}.",
    )
    kind = story.drawing or next(b.drawing for b in TOPICS if b.slug == story.topics[0])
    drawing = images.draw(kind, zlib.crc32(story.slug.encode()))
    article.featured_image.save(f"{story.slug}.jpg", ContentFile(drawing.data), save=False)
    article.image_alt = drawing.alt
    return actions.do_save_article(
        article,
        authors=[authors[slug] for slug in story.authors],
        topics=[topics[slug] for slug in story.topics],
    )


def seed(stdout: TextIO) -> None:
    """Create whatever part of the demo publication is missing. Call inside a transaction."""
    _seed_editor()
    authors, topics = _seed_people()
    existing = set(Article.objects.filter(slug__in=[s.slug for s in STORIES]).values_list("slug", flat=True))
    created = [_seed_story(story, authors, topics) for story in STORIES if story.slug not in existing]
    # Rank "More on this topic" now, so the pages are complete before any worker has run (the refresh tasks
    # enqueued by the saves will find nothing left to change).
    actions.do_refresh_all_related()
    live = sum(1 for a in created if a.is_live)
    stdout.write(
        f"Publishing: {len(created)} articles ({live} live), {len(authors)} authors, {len(topics)} topics; "
        f"sign in at /admin/ as {EDITOR_USERNAME} / {EDITOR_PASSWORD}\n"
    )
