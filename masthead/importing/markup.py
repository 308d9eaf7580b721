"""Source HTML → Markdown, the form Masthead stores articles and comments in (rendered and sanitised again by
``core.markdown`` when the domain actions save them, so nothing here needs to be trusted).

Kept: paragraphs (WordPress's blank-line paragraphs and single-line breaks too), headings, emphasis, links,
images (articles only), lists, quotes, code, rules, and table cells as text. Dropped: scripts, styles, HTML
comments (block-editor markers), and every attribute but a link's href and an image's src and alt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "section", "article", "header", "footer", "aside", "figure", "figcaption", "table", "tr",
           "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr", "dl", "dt", "dd",
           "address", "main", "nav", "details", "summary", "center"}
_DROP = {"script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "math", "form", "head",
         "title", "video", "audio"}
_HEADING = {"h1": "##", "h2": "##", "h3": "###", "h4": "####", "h5": "####", "h6": "####"}
_EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*", "del": "~~", "s": "~~", "strike": "~~"}
_ESCAPE = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)
# WordPress shortcodes whose tags are dropped (their enclosed text stays).
SHORTCODES = re.compile(r"\[/?(?:caption|wp_caption|wpdiscuz-feedback|embed|audio|video|playlist|gallery)\b[^\]]*\]")


def escape(text: str) -> str:
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _ESCAPE.sub(r"\\\1", text))


class _Converter(HTMLParser):
    def __init__(self, image_url: Callable[[str], str | None] | None) -> None:
        super().__init__(convert_charrefs=True)
        self.image_url = image_url  # None: images are dropped (comments)
        self.blocks: list[str] = []
        self.inline: list[str] = []
        self.quote = 0
        self.lists: list[list[object]] = []  # [tag, next number]
        self.item_marker = ""
        self.links: list[str | None] = []
        self.drop = 0
        self.pre = 0
        self.heading = ""

    # --- blocks
    def flush(self) -> None:
        text = "".join(self.inline)
        self.inline = []
        if self.pre:
            body = text.strip("\n")
            if body:
                self._emit("```\n" + body.replace("```", "` ` `") + "\n```")
            return
        text = re.sub(r"[ \t\r\f\v]+", " ", text)
        text = "\n".join(line.strip() for line in text.split("\n"))
        paragraphs = [p.strip() for p in re.split(r"\n{2,}", text) if p.strip()]
        for paragraph in paragraphs:
            paragraph = paragraph.replace("\n", "\\\n")  # a single line break stays a line break
            if self.heading:
                paragraph = f"{self.heading} {paragraph.replace(chr(92) + chr(10), ' ')}"
            elif self.item_marker:
                indent = "   " * (len(self.lists) - 1)
                paragraph = indent + self.item_marker + paragraph.replace("\n", "\n" + indent + "   ")
                self.item_marker = ""
            self._emit(paragraph)

    def _emit(self, block: str) -> None:
        if self.quote:
            block = "\n".join(("> " * self.quote + line).rstrip() for line in block.split("\n"))
        self.blocks.append(block)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.drop += 1
            return
        if self.drop:
            return
        values = {name: value or "" for name, value in attrs}
        if tag in _BLOCKS or tag == "br":
            if tag == "br":
                self.inline.append("\n")
                return
            self.flush()
            if tag in _HEADING:
                self.heading = _HEADING[tag]
            elif tag == "blockquote":
                self.quote += 1
            elif tag in ("ul", "ol"):
                self.lists.append([tag, 1])
            elif tag == "li" and self.lists:
                kind, number = self.lists[-1]
                self.item_marker = "- " if kind == "ul" else f"{number}. "
                self.lists[-1][1] = int(number) + 1  # type: ignore[call-overload]
            elif tag == "pre":
                self.pre += 1
            elif tag == "hr":
                self._emit("---")
            elif tag in ("td", "th"):
                self.inline.append(" ")
            return
        if tag in ("td", "th") and self.inline:
            self.inline.append(" | ")
        elif tag in _EMPHASIS and not self.pre:
            self.inline.append(_EMPHASIS[tag])
        elif tag == "code" and not self.pre:
            self.inline.append("`")
        elif tag == "a":
            href = values.get("href", "").strip()
            if href.lower().startswith(("http://", "https://", "mailto:", "/")) and not self.pre:
                self.links.append(href)
                self.inline.append("[")
            else:
                self.links.append(None)
        elif tag == "img" and self.image_url is not None:
            src = self.image_url(values.get("src", "").strip())
            if src:
                alt = escape(" ".join(values.get("alt", "").split()))
                self.inline.append(f"![{alt}]({_link_target(src)})")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.drop = max(0, self.drop - 1)
            return
        if self.drop:
            return
        if tag in _BLOCKS:
            self.flush()
            if tag in _HEADING:
                self.heading = ""
            elif tag == "blockquote":
                self.quote = max(0, self.quote - 1)
            elif tag in ("ul", "ol") and self.lists:
                self.lists.pop()
            elif tag == "pre":
                self.pre = max(0, self.pre - 1)
            return
        if tag in _EMPHASIS and not self.pre:
            self.inline.append(_EMPHASIS[tag])
        elif tag == "code" and not self.pre:
            self.inline.append("`")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href is not None:
                self.inline.append(f"]({_link_target(href)})")

    def handle_data(self, data: str) -> None:
        if self.drop:
            return
        self.inline.append(data if self.pre else escape(data))

    def result(self) -> str:
        self.close()
        while self.links:
            if self.links.pop() is not None:
                self.inline.append("]()")
        self.flush()
        return "\n\n".join(self.blocks).strip() + "\n" if self.blocks else ""


def _link_target(url: str) -> str:
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"


def html_to_markdown(html: str, *, image_url: Callable[[str], str | None] | None = None) -> str:
    """Markdown for ``html``. ``image_url`` maps an image's src to the URL to use (None drops it); without it,
    images are dropped (comments)."""
    plain = _plain_markdown(html)
    if plain is not None:
        return plain
    converter = _Converter(image_url)
    converter.feed(_parseable(SHORTCODES.sub("", html)))
    return converter.result()


# Letters (any script), digits, spaces, line ends and the punctuation below: no tag, character reference or
# shortcode for the parser, nothing ``escape`` changes inside a line, and, in lines that start with a letter,
# nothing it escapes at their start. Most comments are only these.
_PROSE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:?!'()\n")


def _plain_markdown(html: str) -> str | None:
    """What the converter gives for plain prose (see ``_PROSE``), without the HTML parser, else None: its lines'
    spaces collapsed, blank lines between paragraphs, a single line end kept as a line break
    (importing/tests/test_markup_plain.py compares the two, hypothesis)."""
    if not _PROSE.issuperset(html) and not all(c in _PROSE or (c > "\x7f" and c.isalpha()) for c in html):
        return None
    lines = [" ".join(line.split()) for line in html.split("\n")]
    if any(line and not line[0].isalpha() for line in lines):
        return None
    paragraphs = [p.strip() for p in re.split(r"\n{2,}", "\n".join(lines)) if p.strip()]
    return "\n\n".join(p.replace("\n", "\\\n") for p in paragraphs) + "\n" if paragraphs else ""


def _parseable(html: str) -> str:
    """Python 3.11's HTMLParser raises AssertionError on a "<![" it cannot name ("<![\\w", "<![foo"): such
    text is kept as text. (A real marked section, CDATA included, has no place in a post or comment.)"""
    return html.replace("<![", "&lt;![")


def html_to_plain(html: str) -> str:
    """The text of an HTML fragment on one line (passage quotes, names, headlines)."""
    if "<" not in html and "&" not in html and "[" not in html:
        return " ".join(html.split())  # no tag, reference or shortcode: the parser would give the text back whole
    return _parsed_plain(html)


def _parsed_plain(html: str) -> str:
    parts: list[str] = []

    class _Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            parts.append(" ")

    reader = _Text(convert_charrefs=True)
    reader.feed(_parseable(SHORTCODES.sub(" ", html)))
    reader.close()
    return " ".join("".join(parts).split())
