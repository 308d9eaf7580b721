"""What search engines and link previews read: canonical URLs, NewsArticle JSON-LD, Open Graph, Twitter cards."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from masthead.publishing.models import Article, Author, Correction, Topic

# The same escapes as Django's json_script: "</script>", "<!--" and "&" cannot end or confuse the script element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute(path: str) -> str:
    """An absolute URL on the public site (settings.SITE_URL), whatever host the request came in on."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


def image_url(article: Article) -> str:
    return absolute(article.featured_image.url) if article.featured_image else ""


def summary(article: Article, limit: int = 300) -> str:
    """The description for search results and link previews: the standfirst, else the first paragraph."""
    text = article.standfirst.strip() or article.body_text.split("\n\n", 1)[0]
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def modified_at(article: Article) -> datetime | None:
    """The time readers see as "Updated" (JSON-LD dateModified): the last editorial revision, else publication."""
    return article.revised_at or article.published_at


def jsonld_script(data: dict[str, Any]) -> SafeString:
    """A ``<script type="application/ld+json">`` element whose content cannot break out of the element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    # Safe: the payload is JSON with <, > and & escaped, so nothing in it can end or open an element.
    return mark_safe(
        '<script type="application/ld+json">' + payload.translate(_SCRIPT_ESCAPES) + "</script>"
    )


def publisher() -> dict[str, Any]:
    return {"@type": "NewsMediaOrganization", "name": settings.PUBLICATION_NAME, "url": absolute("/")}


def article_jsonld(
    article: Article, authors: list[Author], topics: list[Topic], corrections: list[Correction] | None = None
) -> dict[str, Any]:
    """schema.org NewsArticle for one article (authors, topics and correction notes already loaded)."""
    url = article.canonical_url or absolute(article.get_absolute_url())
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.headline[:110],
        "description": summary(article),
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": modified.isoformat() if (modified := modified_at(article)) else None,
        "author": [{"@type": "Person", "name": a.name, "url": absolute(a.get_absolute_url())} for a in authors],
        "publisher": publisher(),
        "inLanguage": settings.PUBLICATION_LANGUAGE,
        "isAccessibleForFree": True,
    }
    if corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c.text, "datePublished": c.created_at.isoformat()}
            for c in corrections
        ]
    if topics:
        data["articleSection"] = topics[0].name
        data["keywords"] = [t.name for t in topics]
    if article.featured_image:
        data["image"] = {
            "@type": "ImageObject",
            "url": image_url(article),
            "width": article.image_width,
            "height": article.image_height,
            "caption": article.image_caption,
        }
    return {k: v for k, v in data.items() if v not in (None, "")}


def website_jsonld() -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "WebSite", "name": settings.PUBLICATION_NAME,
            "url": absolute("/"), "inLanguage": settings.PUBLICATION_LANGUAGE, "publisher": publisher()}


def topic_jsonld(topic: Topic) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "CollectionPage", "name": topic.name,
            "description": topic.description or None, "url": absolute(topic.get_absolute_url()),
            "isPartOf": {"@type": "WebSite", "name": settings.PUBLICATION_NAME, "url": absolute("/")}}


def author_jsonld(author: Author) -> dict[str, Any]:
    person = {"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())}
    if author.bio:
        person["description"] = author.bio
    return {"@context": "https://schema.org", "@type": "ProfilePage", "mainEntity": person,
            "url": absolute(author.get_absolute_url())}
