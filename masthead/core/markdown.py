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


# Characters that start no Markdown construct and need no HTML escaping, anywhere in a line that begins with a
# letter: a comment made only of them, in lines without leading or trailing spaces, is its paragraphs as they
# are (most comments). ``_plain_paragraphs`` writes exactly what markdown-it and nh3 would for it (core/tests/
# test_markdown_plain.py compares the two).
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:?!'()\n")


def _plain_paragraphs(text: str) -> str | None:
    """markdown-it's HTML for ``text`` when it is plain prose (see ``_PLAIN``), else None."""
    if not _PLAIN.issuperset(text) and not all(c in _PLAIN or (c > "\x7f" and c.isalpha()) for c in text):
        return None
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        if not line:
            if lines:
                paragraphs.append("\n".join(lines))
                lines = []
            continue
        if not line[0].isalpha() or line[-1] == " " or "  " in line:
            return None
        lines.append(line)
    if lines:
        paragraphs.append("\n".join(lines))
    return "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs)


def render_comment(text: str) -> str:
    html = _plain_paragraphs(text)
    if html is not None:
        # Paragraphs of letters and plain punctuation: no tag, attribute or character nh3 would remove or write
        # otherwise, so it would give them back unchanged (test_markdown_plain checks it for every text taken).
        return html
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
