"""The topics in the header navigation, cached because every page (of every app) shows them."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count, F, Q
from django.utils import timezone

from masthead.publishing.models import Article, Topic

_KEY = "publishing:nav-topics:v1"
_TTL = 300  # also forgotten whenever a topic or an article is saved


def nav_topics() -> list[dict[str, str]]:
    """Every topic with a nav position or a live article, placed ones first, then the busiest.

    [{"name", "slug", "url"}], one query when cold. No limit: the header's list scrolls sideways when narrow.
    """
    topics = cache.get(_KEY)
    if topics is None:
        live = Q(articles__published_at__lte=timezone.now()) & ~Q(articles__status=Article.Status.DRAFT)
        rows = (
            Topic.objects.annotate(live_count=Count("articles", filter=live))
            .filter(Q(nav_position__isnull=False) | Q(live_count__gt=0))
            .order_by(F("nav_position").asc(nulls_last=True), "-live_count", "name")
        )
        topics = [{"name": t.name, "slug": t.slug, "url": t.get_absolute_url()} for t in rows]
        cache.set(_KEY, topics, _TTL)
    return topics


def forget() -> None:
    cache.delete(_KEY)
