"""sitemap.xml (an index of pages and article sitemaps), the Google News sitemap and robots.txt.

Hand-written rather than django.contrib.sitemaps so every URL is absolute on SITE_URL (not the request's
host) and the article sitemaps page by id with one query each, whatever the archive's size. They list only the
pages whose canonical address is here: no external (embedded) article, no syndicated story whose canonical URL is
on the site that published it first (``Article.objects.canonical_here``).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from masthead.publishing.models import Article, Author, Topic
from masthead.publishing.seo import absolute

ARTICLES_PER_SITEMAP = 10_000  # the protocol allows 50,000; smaller files are quicker to build and fetch
NEWS_WINDOW = timedelta(days=2)  # Google News reads articles of the last two days
NEWS_LIMIT = 1000  # and at most 1,000 of them


def _xml(template: str, context: dict[str, object]) -> HttpResponse:
    response = HttpResponse(render_to_string(template, context), content_type="application/xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    stats = Article.objects.canonical_here().aggregate(last=Max("updated_at"), top=Max("pk"))
    pages = (stats["top"] or 0) // ARTICLES_PER_SITEMAP + 1
    sitemaps = [{"loc": absolute(reverse("publishing:sitemap-pages")), "lastmod": stats["last"]}]
    sitemaps += [
        {"loc": absolute(reverse("publishing:sitemap-articles", args=[n])), "lastmod": stats["last"]}
        for n in range(1, pages + 1)
    ]
    sitemaps.append({"loc": absolute(reverse("publishing:sitemap-news")), "lastmod": stats["last"]})
    return _xml("publishing/sitemaps/index.xml", {"sitemaps": sitemaps})


@require_safe
def sitemap_pages(request: HttpRequest) -> HttpResponse:
    urls = [{"loc": absolute(reverse("publishing:home")), "changefreq": "hourly"}]
    urls += [{"loc": absolute(t.get_absolute_url()), "changefreq": "daily"} for t in Topic.objects.only("slug")]
    urls += [{"loc": absolute(a.get_absolute_url()), "changefreq": "weekly"} for a in Author.objects.only("slug")]
    return _xml("publishing/sitemaps/urlset.xml", {"urls": urls})


@require_safe
def sitemap_articles(request: HttpRequest, page: int) -> HttpResponse:
    if page < 1:
        raise Http404("No such sitemap")
    # Pages are id ranges, so an article keeps its sitemap file and each file is one indexed range query.
    low, high = (page - 1) * ARTICLES_PER_SITEMAP, page * ARTICLES_PER_SITEMAP
    rows = (
        Article.objects.canonical_here()
        .filter(pk__gt=low, pk__lte=high)
        .order_by("pk")
        .values("slug", "updated_at", "featured_image", "image_caption", "headline")
    )
    urls = []
    for row in rows:
        url = {"loc": absolute(reverse("publishing:article", args=[row["slug"]])), "lastmod": row["updated_at"]}
        if row["featured_image"]:
            url["image"] = absolute(settings.MEDIA_URL + row["featured_image"])
        urls.append(url)
    if not urls and page > 1:
        raise Http404("No such sitemap")
    return _xml("publishing/sitemaps/urlset.xml", {"urls": urls, "images": True})


@require_safe
def sitemap_news(request: HttpRequest) -> HttpResponse:
    since = timezone.now() - NEWS_WINDOW
    recent = Article.objects.canonical_here().filter(published_at__gte=since)
    articles = recent.only("slug", "headline", "published_at")[:NEWS_LIMIT]
    entries = [
        {
            "loc": absolute(a.get_absolute_url()),
            "title": a.headline,
            "published": a.published_at,
        }
        for a in articles
    ]
    return _xml("publishing/sitemaps/news.xml", {
        "entries": entries,
        "publication_name": settings.PUBLICATION_NAME,
        "language": settings.PUBLICATION_LANGUAGE,
    })


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /moderation/",
        "Disallow: /account/",
        "Disallow: /api/",
        "",
        f"Sitemap: {absolute(reverse('publishing:sitemap'))}",
        f"Sitemap: {absolute(reverse('publishing:sitemap-news'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
