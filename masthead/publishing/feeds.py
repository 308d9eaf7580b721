"""RSS 2.0 and Atom feeds of the latest articles, site-wide and per topic, with comment counts.

RSS items carry ``slash:comments`` (the RSS Slash module) and ``content:encoded``; Atom entries carry a
``replies`` link with ``thr:count`` (RFC 4685) and the full HTML content. An article's featured image is the
item's enclosure (URL, byte length, MIME type). URLs are absolute on SITE_URL.

A feed lists the publication's own stories: those whose canonical address is here
(``Article.objects.canonical_here()``, as the sitemaps). A syndicated story (its ``canonical_url`` on the site that
published it first) is read on its page here and listed on the home, topic and author pages, but a feed reader or
aggregator would take a feed item for an original of ours, so it is left out, as an external article is.
"""

from __future__ import annotations

import mimetypes
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, SyndicationFeed

from masthead.publishing.hooks import comment_counts
from masthead.publishing.models import Article, Topic
from masthead.publishing.seo import absolute, modified_at

FEED_SIZE = 30
SLASH_NS = "http://purl.org/rss/1.0/modules/slash/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
THREAD_NS = "http://purl.org/syndication/thread/1.0"


class NewsRssFeed(Rss201rev2Feed):
    def rss_attributes(self) -> dict[str, str]:
        attrs = super().rss_attributes()
        attrs["xmlns:slash"] = SLASH_NS
        attrs["xmlns:content"] = CONTENT_NS
        return attrs

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        if item.get("comment_count") is not None:
            handler.addQuickElement("slash:comments", str(item["comment_count"]))


class NewsAtomFeed(Atom1Feed):
    def root_attributes(self) -> dict[str, str]:
        attrs = super().root_attributes()
        attrs["xmlns:thr"] = THREAD_NS
        return attrs

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        if item.get("comment_count") is not None:
            handler.addQuickElement("link", "", {
                "rel": "replies", "type": "text/html", "href": item["link"] + "#discussion-slot",
                "thr:count": str(item["comment_count"]),
            })


class LatestArticlesFeed(Feed):
    feed_type: type[SyndicationFeed] = NewsRssFeed
    kind = "rss"

    @property
    def language(self) -> str:  # type: ignore[override]  # read when each feed is built, not at import
        return settings.PUBLICATION_LANGUAGE

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Topic | None:
        return None

    def title(self, obj: Topic | None) -> str:
        return f"{obj.name} — {settings.PUBLICATION_NAME}" if obj else settings.PUBLICATION_NAME

    def description(self, obj: Topic | None) -> str:
        return obj.description if obj and obj.description else settings.PUBLICATION_TAGLINE

    subtitle = description

    def link(self, obj: Topic | None) -> str:
        return absolute(obj.get_absolute_url() if obj else reverse("publishing:home"))

    def feed_url(self, obj: Topic | None) -> str:
        name = "publishing:feed" if self.kind == "rss" else "publishing:atom"
        if obj:
            return absolute(reverse(f"{name}-topic", args=[obj.slug]))
        return absolute(reverse(name))

    def feed_guid(self, obj: Topic | None) -> str:
        return self.feed_url(obj)

    def items(self, obj: Topic | None) -> list[Article]:
        articles = Article.objects.canonical_here()  # not syndicated stories: see the module's docstring
        if obj is not None:
            articles = articles.filter(topics=obj)
        items = list(articles.prefetch_related("authors", "topics")[:FEED_SIZE])
        counts = comment_counts([a.pk for a in items])  # one call for the whole feed
        for article in items:
            article.comment_count = counts.get(article.pk)
        return items

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        return item.standfirst

    def item_link(self, item: Article) -> str:
        return absolute(item.get_absolute_url())

    def item_comments(self, item: Article) -> str:
        return absolute(item.get_absolute_url()) + "#discussion-slot"

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Article) -> datetime | None:
        return modified_at(item)

    def item_author_name(self, item: Article) -> str | None:
        names = [a.name for a in item.authors.all()]
        return ", ".join(names) or None

    def item_categories(self, item: Article) -> list[str]:
        return [t.name for t in item.topics.all()]

    def item_enclosures(self, item: Article) -> list[Enclosure]:
        """The featured image: RSS ``<enclosure>`` / Atom ``<link rel="enclosure">``, with its byte length and type."""
        if not item.featured_image:
            return []
        try:
            length = item.featured_image.size
        except OSError:  # the file is gone from storage: no enclosure rather than a broken one
            return []
        mime_type = mimetypes.guess_type(item.featured_image.name or "")[0] or "application/octet-stream"
        return [Enclosure(absolute(item.featured_image.url), str(length), mime_type)]

    def item_extra_kwargs(self, item: Article) -> dict[str, Any]:
        return {"comment_count": item.comment_count, "content_html": item.body_html}


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = NewsAtomFeed
    kind = "atom"


class TopicFeed(LatestArticlesFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Topic:
        return get_object_or_404(Topic, slug=kwargs["slug"])


class TopicAtomFeed(TopicFeed):
    feed_type = NewsAtomFeed
    kind = "atom"
