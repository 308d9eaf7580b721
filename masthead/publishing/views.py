"""Reader pages: home, topic, author and article. Thin: queries with a fixed count, then a template.

Lists fetch one row more than a page to know whether an older page exists (no COUNT query), prefetch authors
and topics, and ask the discussion app for all comment counts of the page in one call.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from masthead.core.cacheable import shared_page
from masthead.publishing import seo
from masthead.publishing.hooks import comment_counts, conversation
from masthead.publishing.models import Article, Author, RelatedArticle, Topic, live_condition

MAX_PAGE = 500  # deeper than any reader goes; bounds the OFFSET cost


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise Http404("No such page")
    return int(raw)


def _listing(request: HttpRequest, articles: QuerySet[Article], base_url: str) -> dict[str, Any]:
    """One page of a list, newest first, with older/newer links and comment counts: three queries."""
    number = _page_number(request)
    size = settings.ARTICLES_PER_PAGE
    start = (number - 1) * size
    rows = list(articles.prefetch_related("authors", "topics")[start : start + size + 1])
    if not rows and number > 1:
        raise Http404("No such page")
    page, has_older = rows[:size], len(rows) > size
    counts = comment_counts([a.pk for a in page])
    for article in page:
        article.comment_count = counts.get(article.pk)
    canonical = base_url if number == 1 else f"{base_url}?page={number}"
    return {
        "articles": page,
        "page_number": number,
        "older_url": f"{base_url}?page={number + 1}" if has_older else None,
        "newer_url": (base_url if number == 2 else f"{base_url}?page={number - 1}") if number > 1 else None,
        "canonical_url": seo.absolute(canonical),
    }


@require_safe
@shared_page
def home(request: HttpRequest) -> HttpResponse:
    context = _listing(request, Article.objects.live(), reverse("publishing:home"))
    context["jsonld"] = seo.jsonld_script(seo.website_jsonld())
    return render(request, "publishing/home.html", context)


@require_safe
@shared_page
def topic(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    context = _listing(request, Article.objects.live().filter(topics=topic), topic.get_absolute_url())
    context["topic"] = topic
    context["jsonld"] = seo.jsonld_script({k: v for k, v in seo.topic_jsonld(topic).items() if v})
    context["feed_url"] = reverse("publishing:feed-topic", args=[topic.slug])
    context["atom_url"] = reverse("publishing:atom-topic", args=[topic.slug])
    return render(request, "publishing/topic.html", context)


@require_safe
@shared_page
def author(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    context = _listing(request, Article.objects.live().filter(authors=author), author.get_absolute_url())
    context["author"] = author
    context["jsonld"] = seo.jsonld_script(seo.author_jsonld(author))
    return render(request, "publishing/author.html", context)


def _find_article(request: HttpRequest, slug: str) -> tuple[Article, bool] | None:
    """The live article, or for staff who may edit articles a draft or scheduled one (a preview)."""
    articles = Article.objects.prefetch_related("authors", "topics")
    found = articles.live().filter(slug=slug).first()
    if found is not None:
        return found, False
    user = request.user
    if user.is_authenticated and user.is_staff and user.has_perm("publishing.change_article"):
        preview = articles.filter(slug=slug).first()
        if preview is not None:
            return preview, True
    return None


def _moved_to(slug: str) -> str | None:
    """The current URL of a live article that used to have this slug (looked up only after a miss)."""
    moved = Article.objects.live().filter(old_slugs__old_slug=slug).only("slug").first()
    return moved.get_absolute_url() if moved is not None else None


def _related(article: Article) -> list[Article]:
    """The stored "More on this topic" list, minus entries no longer live: one query. The condition is on the
    joined article (an ``IN`` over live articles made SQLite list every live article's id first)."""
    rows = (
        RelatedArticle.objects.filter(live_condition("related__"), article=article)
        .select_related("related")
        .order_by("rank")
    )
    return [row.related for row in rows]


def _etag(article: Article, related: list[Article], discussion_version: int | None, staff: bool) -> str:
    # Everything the server renders for this page that can change without the article changing: its
    # related list, its discussion (the version bumps on every visible comment, edit or vote) and whether
    # staff links show. The funding bar updates itself live in the browser. See docs/publishing.md.
    parts = [article.pk, article.updated_at.isoformat(), article.render_version, discussion_version, staff,
             *[(r.pk, r.updated_at.isoformat()) for r in related]]
    return '"' + hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest() + '"'


@require_safe
@shared_page
def article(request: HttpRequest, slug: str) -> HttpResponse:
    found = _find_article(request, slug)
    if found is None:
        moved_to = _moved_to(slug)
        if moved_to is None:
            raise Http404("No such article")
        return HttpResponsePermanentRedirect(moved_to)
    article, preview = found
    related = _related(article)
    counts = comment_counts([r.pk for r in related])
    for item in related:
        item.comment_count = counts.get(item.pk)
    staff = bool(request.user.is_authenticated and request.user.is_staff)
    thread = conversation(article)  # the discussion below renders this same version
    etag = _etag(article, related, thread.version, staff)
    last_modified = int(max([article.updated_at, *[r.updated_at for r in related]]).timestamp())  # HTTP has seconds
    if not preview:
        # 304 on If-None-Match only: a new comment changes the page but not any date we keep, so an
        # If-Modified-Since answer could be stale. Last-Modified is still sent for caches and crawlers.
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return not_modified
    response = render(request, "publishing/article.html", article_context(article, related, thread.comment_count,
                                                                           preview=preview))
    if preview:
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
    else:
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
    return response


def article_context(
    article: Article, related: list[Article], comment_count: int | None, *, preview: bool
) -> dict[str, Any]:
    """What article.html needs; also used by the desk's private preview links (desk/views.py)."""
    authors, topics = list(article.authors.all()), list(article.topics.all())
    # Only a story that was revised can have corrections (they set revised_at): no query for the others.
    corrections = list(article.corrections.all()) if article.revised_at else []
    return {
        "article": article,
        "authors": authors,
        "topics": topics,
        "related": related,
        "corrections": corrections,
        "comment_count": comment_count,
        "preview": preview,
        "canonical_url": article.canonical_url or seo.absolute(article.get_absolute_url()),
        "summary": seo.summary(article),
        "image_url": seo.image_url(article),
        "modified_at": seo.modified_at(article),
        "jsonld": seo.jsonld_script(seo.article_jsonld(article, authors, topics, corrections)),
    }
