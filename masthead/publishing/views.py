"""Reader pages: home, topic, author and article. Thin: queries with a fixed count, then a template.

Lists fetch one row more than a page to know whether an older page exists (no COUNT query), prefetch authors
and topics, and ask the discussion app for all comment counts of the page in one call.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any, NamedTuple

from django.conf import settings
from django.db.models import QuerySet, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from masthead.core import personal_parts
from masthead.core.cacheable import is_shared, last_shared_second, shared_page
from masthead.publishing import seo
from masthead.publishing.hooks import comment_counts, conversation
from masthead.publishing.models import Article, Author, RelatedArticle, Topic
from masthead.publishing.page_version import live_page_version

MAX_PAGE = 500  # deeper than any reader goes; bounds the OFFSET cost
class KeptPage(NamedTuple):
    skeleton: personal_parts.Skeleton
    last_modified: str  # the Last-Modified header of this version


# Article pages of readers with a personal cookie (signed in, or a guest who has commented), kept per version as
# skeletons that each request fills with its reader's own parts (core/personal_parts.py): ~55 kB each.
SKELETONS: personal_parts.SkeletonCache[KeptPage] = personal_parts.SkeletonCache(max_entries=64)


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
    # Authors and topics are fetched only when the page is rendered (``_for_render``): not for a 304 or a kept
    # skeleton.
    articles = Article.objects.all()
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
    """The stored "More on this topic" list, minus entries no longer live: one query, which reads the article's
    own entries by their index and each joined article by its primary key; whether an entry is still live is
    checked here, on those few rows. A condition on the joined article in SQL made SQLite start from every live
    article (by the listing index, probing each for an entry: 22 ms per page at 10,000 articles, most of an
    article page's render); an ``IN`` over live articles before that listed them all too."""
    rows = RelatedArticle.objects.filter(article=article).select_related("related").order_by("rank")
    return [row.related for row in rows if row.related.is_live and not row.related.is_external]


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
    if _kept_per_version(request):
        kept = _personal_page(request, slug)
        if kept is not None:
            return kept
    found = _find_article(request, slug)
    if found is None:
        moved_to = _moved_to(slug)
        if moved_to is None:
            raise Http404("No such article")
        return HttpResponsePermanentRedirect(moved_to)
    article, preview = found
    related = _related(article)
    staff = bool(request.user.is_authenticated and request.user.is_staff)
    thread = conversation(article)  # the discussion below renders this same version
    page_etag = _etag(article, related, thread.version, staff)
    etag = page_etag if is_shared(request) else personal_parts.reader_etag(request, page_etag)
    last_modified = _last_modified(article, related)
    if not preview and etag is not None:
        # 304 on If-None-Match only: a new comment changes the page but not any date we keep, so an
        # If-Modified-Since answer could be stale. Last-Modified is still sent for caches and crawlers.
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return not_modified
    _for_render(article, related)
    response = render(request, "publishing/article.html",
                      article_context(article, related, thread.comment_count, preview=preview))
    if preview:
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
        return response
    if not is_shared(request):  # again: the render may have made the reader's CSRF secret
        etag = personal_parts.reader_etag(request, page_etag)
    if etag is not None:  # none while flash messages wait: see personal_parts.reader_etag
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
    return response


def _last_modified(article: Article, related: list[Article]) -> int:
    return int(max([article.updated_at, *[r.updated_at for r in related]]).timestamp())  # HTTP has seconds


def _for_render(article: Article, related: list[Article]) -> None:
    """What only a render needs: the authors and topics, and the related articles' comment counts."""
    prefetch_related_objects([article], "authors", "topics")
    counts = comment_counts([r.pk for r in related])
    for item in related:
        item.comment_count = counts.get(item.pk)


def _kept_per_version(request: HttpRequest) -> bool:
    """A reader with a personal cookie who is not staff (staff pages have staff links and previews)."""
    if is_shared(request) or not settings.PERSONAL_PAGE_SKELETONS:
        return False
    return not (request.user.is_authenticated and request.user.is_staff)


def _personal_page(request: HttpRequest, slug: str) -> HttpResponse | None:
    """The page of a reader with a personal cookie: the skeleton of this version, filled for this reader; None
    when the article is not live (the full view then answers: a redirect, a 404).

    The skeleton is shared by the readers of one kind (signed in, or a guest) in this process. Its key holds the
    page's version (``page_version``: the article, its related list, and the discussion's version, which every
    new comment, edit, vote and moderation decision bumps), checked on every request, so each change shows at
    once. What no version covers (the funding bar's first figures, the topic navigation, site settings) is as
    fresh as on an anonymous reader's shared page: a skeleton is fresh until the end of the second its render
    began in; while the next render of the same version runs, the other requests use the older copy.
    """
    version = live_page_version(slug)
    if version is None:
        return None
    # Read by the version's query when the discussion provides its columns; else (or before the first look
    # created the conversation's row) asked of it.
    thread = version.conversation or conversation(Article(pk=version.article_id))
    parts = ("personal", version.article_id, version.parts, thread.version)
    page_etag = '"' + hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest() + '"'
    etag = personal_parts.reader_etag(request, page_etag)  # this reader's parts too; None: messages wait
    if etag is not None:
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return not_modified
    kind = "account" if request.user.is_authenticated else "guest"
    key = (page_etag, kind, request.path, request.META.get("QUERY_STRING", ""))
    started = time.monotonic()
    kept, render = SKELETONS.claim(key, started)
    if render or kept is None:
        try:
            fresh = _render_skeleton(request, slug)
        except BaseException:
            if render:
                SKELETONS.release(key)  # an error is never kept; the next request renders again
            raise
        if fresh is None:
            if render:
                SKELETONS.release(key)
            return None  # no longer live since the version was read: the full view answers
        if render:
            # Fresh until the end of the second its render began in, as a shared page; used past that by the
            # requests that arrive while the next one renders.
            SKELETONS.put(key, fresh[0], started + fresh[1])
        kept = fresh[0]
    response = HttpResponse(kept.skeleton.fill(request))
    etag = personal_parts.reader_etag(request, page_etag)  # again: the fill may have made the CSRF secret
    if etag is not None:
        response["ETag"] = etag
        response["Last-Modified"] = kept.last_modified
    return response


def _render_skeleton(request: HttpRequest, slug: str) -> tuple[KeptPage, float] | None:
    """The page as a skeleton for the readers of this request's kind, and for how many seconds it is fresh."""
    rendered_at = time.time()  # before anything is read for the render
    found = _find_article(request, slug)
    if found is None or found[1]:
        return None
    article = found[0]
    related = _related(article)
    _for_render(article, related)
    # Read after the version, so never older than it; a change meanwhile only makes it newer.
    context = article_context(article, related, conversation(article).comment_count, preview=False)
    skeleton = personal_parts.build(request, lambda: render_to_string("publishing/article.html", context,
                                                                     request=request))
    fresh_for = last_shared_second(rendered_at) + 1 - rendered_at
    return KeptPage(skeleton, http_date(_last_modified(article, related))), fresh_for


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
