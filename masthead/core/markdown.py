"""Markdown to safe HTML: markdown-it-py with raw HTML disabled, then nh3 with an allowlist.

Two profiles: articles (trusted editors; headings, images, tables) and comments (readers; a small subset).
Links keep only http, https and mailto, and get ``rel="nofollow ugc noopener"`` in comments. HTML is rendered
once on write and stored with ``RENDERER_VERSION`` so a renderer change can re-render stored rows.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

RENDERER_VERSION = 1

_URL_SCHEMES = {"http", "https", "mailto"}

_COMMENT_TAGS = {"p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "del"}
_ARTICLE_TAGS = _COMMENT_TAGS | {
    "h2", "h3", "h4", "hr", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
}
_COMMENT_ATTRS = {"a": {"href", "title"}}
_ARTICLE_ATTRS = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"}, "th": {"align"},
                  "td": {"align"}}


@lru_cache(maxsize=2)
def _parser(kind: str) -> MarkdownIt:
    # "js-default" is CommonMark with raw HTML off; linkify stays off (no autolinks of bare text in comments).
    md = MarkdownIt("js-default", {"html": False, "typographer": False})
    if kind == "comment":
        md.disable(["heading", "lheading", "image", "table", "hr", "html_block", "html_inline"], ignoreInvalid=True)
    else:
        md.enable(["table", "strikethrough"])
    if kind == "comment":
        md.enable(["strikethrough"])
    return md


def render_comment(text: str) -> str:
    html = _parser("comment").render(text)
    return nh3.clean(
        html,
        tags=_COMMENT_TAGS,
        attributes=_COMMENT_ATTRS,
        url_schemes=_URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )


def render_article(text: str) -> str:
    html = _parser("article").render(text)
    return nh3.clean(
        html,
        tags=_ARTICLE_TAGS,
        attributes=_ARTICLE_ATTRS,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener",
    )
