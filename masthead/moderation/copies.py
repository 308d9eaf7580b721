"""The copy of a comment, without some of its words, that the classifier is asked about again when it would hold
the comment (``pipeline.deciding_score``): without the evaluative words aimed at things (``aimed.py``), the
insults denied (``denied.py``), the oaths that open sentences (``interject.py``). Each reading finds the spans to
leave out sentence by sentence; this module holds what they share."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

SENTENCE = re.compile(r"[^.!?;\n]+[.!?;\n]*")


def spans_by_sentence(text: str, find: Callable[[str], Iterable[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The spans ``find`` reads in each sentence of ``text``, as positions in ``text``."""
    return [(start + sentence.start(), end + sentence.start())
            for sentence in SENTENCE.finditer(text) for start, end in find(sentence.group(0))]


def without(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the spans left out and its spaces evened."""
    pieces, done = [], 0
    for start, end in sorted(set(spans)):
        pieces.append(text[done:start])
        done = end
    pieces.append(text[done:])
    return " ".join("".join(pieces).split())
