"""Plain prose skips markdown-it and nh3 (``core.markdown._plain_paragraphs``): the HTML must be exactly
markdown-it's, sanitised by nh3, for every text the shortcut takes; every other text goes through both as before."""

from __future__ import annotations

import nh3
from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead.core.markdown import _COMMENT_ATTRS, _COMMENT_TAGS, _parser, _plain_paragraphs, render_comment

# Mostly the shortcut's own characters, with the lines, spaces, digits and punctuation that could make Markdown
# of them, and a few that always do.
alphabet = st.sampled_from([*"abcXYZ019 ,.;:?!'()", "\n", "\n\n", "  ", "    ", "é", "ß", "Ж", "中", "²", "\u00a0",
                            *"-*_#>`[]<&\"=~|+\\", "1. ", "2) "])
# Letters of every script, marks and other characters beside them (nh3 must give back whatever letters it is given).
letters = st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Cf", "Co", "Zs"])
texts = st.one_of(st.lists(alphabet, max_size=60).map("".join),
                  st.lists(st.one_of(alphabet, letters), max_size=40).map(lambda parts: "A" + "".join(parts)))


def full(text: str) -> str:
    html = _parser("comment").render(text)
    return nh3.clean(html, tags=_COMMENT_TAGS, attributes=_COMMENT_ATTRS, url_schemes={"http", "https", "mailto"},
                     link_rel="nofollow ugc noopener")


@settings(max_examples=1500, deadline=None)
@given(texts)
@example("Council budget school river.")
@example("A line\nand the next\n\nA new paragraph (with a question?)")
@example("Straße in Köln; 3 bridges, 2020!")
@example("2020. A year")
@example("a  \nb")
@example("x\n\n\n\ny\n")
def test_plain_prose_renders_as_markdown_it_renders_it(text: str) -> None:
    shortcut = _plain_paragraphs(text)
    if shortcut is not None:
        assert shortcut == _parser("comment").render(text)
    assert render_comment(text) == full(text)


def test_the_shortcut_takes_ordinary_comments() -> None:
    assert _plain_paragraphs("Council budget, school river.\nFerry museum!\n\nTram (park)?") is not None
    assert _plain_paragraphs("Not *plain*") is None
