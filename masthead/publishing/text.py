"""The canonical plain text of an article body, derived from its rendered HTML.

``body_text`` is what passage anchors (discussion) and the related-articles ranking read, so its shape is a
contract (see docs/publishing.md, "Canonical body text"):

- one block per paragraph-like element (``p``, ``h2``-``h4``, ``li``, ``pre``, ``figcaption``, table cells,
  ``blockquote`` text not inside a paragraph), in document order;
- inside a block, every run of whitespace (spaces, tabs, newlines, ``<br>``) becomes one space, and the block
  is stripped; HTML entities are decoded; empty blocks are dropped;
- blocks are joined by exactly one blank line (``"\\n\\n"``); no leading or trailing whitespace.

Text never contains a newline except as a block separator, so a passage quoted from one paragraph is found
with a plain substring search.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

# Elements that start and end a block of text. Inline elements (a, em, strong, code...) do not.
_BLOCKS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "figcaption", "td", "th", "tr", "ul", "ol",
    "table", "figure", "hr", "div",
})
_SPACE = re.compile(r"\s+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self._current)).strip()
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()
        elif tag == "br":
            self._current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)


def html_to_text(html: str) -> str:
    """The canonical plain text of sanitized article HTML (see the module docstring)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    collector._flush()
    return "\n\n".join(unicodedata.normalize("NFC", block) for block in collector.blocks)
