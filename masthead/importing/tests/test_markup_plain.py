"""Plain prose skips the HTML parser (``importing.markup._plain_markdown``): the Markdown must be exactly what the
converter gives, for every text the shortcut takes; every other text is converted as before (hypothesis)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead.importing.markup import SHORTCODES, _Converter, _parseable, _plain_markdown, html_to_markdown

# Mostly the shortcut's own characters, with the line ends, spaces, digits and punctuation that could make Markdown
# or HTML of them, and a few that always do.
alphabet = st.sampled_from([*"abcXYZ019 ,.;:?!'()", "\n", "\n\n", "  ", "    ", "\t", "\r", "é", "ß", "Ж", "中",
                            "²", "\u00a0", "\u2028", "\u3000", *"-*_#>`[]<&\"=~|+\\/", "1. ", "2) ", "&amp;",
                            "<p>", "</p>", "<br>", "[caption]", "<![x"])
texts = st.one_of(st.lists(alphabet, max_size=60).map("".join), st.text(max_size=40))


def long_way(html: str) -> str:
    converter = _Converter(None)
    converter.feed(_parseable(SHORTCODES.sub("", html)))
    return converter.result()


@settings(max_examples=2000, deadline=None)
@given(texts)
@example("Council budget school river.")
@example("A line\nand the next\n\nA new paragraph (with a question?)")
@example("  Straße in  Köln; 3 bridges, 2020!  \n")
@example("2020. A year")
@example("A year\n2020. Then")
@example("a\n \nb")
@example("")
@example("\n\n\n")
def test_plain_prose_converts_as_the_parser_converts_it(html: str) -> None:
    shortcut = _plain_markdown(html)
    if shortcut is not None:
        assert shortcut == long_way(html)
    assert html_to_markdown(html) == long_way(html)


def test_the_shortcut_takes_ordinary_comments() -> None:
    assert _plain_markdown("Council budget, school river.\nFerry museum!\n\nTram (park)?") == (
        "Council budget, school river.\\\nFerry museum!\n\nTram (park)?\n")
    assert _plain_markdown("Not <em>plain</em>") is None
    assert _plain_markdown("1. a list") is None
