"""Feature extraction shared by training (scikit-learn, numpy) and inference (plain Python).

Both read the *normalised* text. ``prepare`` removes what tells one public data set from another rather than
abuse from civility (links, @mentions, retweet marks, HTML entities, wiki markup, digits), so a model cannot learn
a source's style instead of its toxicity. Words and word pairs carry meaning; character n-grams *of each word*
catch spellings the normaliser leaves (``fuk``, ``biatch``) and inflections the word vocabulary never saw.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, chain, compress, pairwise, repeat
from operator import add, methodcaller

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@\w+")
# Retweet marks, wiki markup and digits become spaces. Three passes, each only when it can find something: one
# pattern with all of them costs a tenth of a comment's screening.
_RETWEET = re.compile(r"rt(?=\s)(?<!\Srt)")
_MARKUP = re.compile(r"={2,}|~{3,}|\[\[|\]\]|\{\{|\}\}|''+")
_MARKS = ("==", "~~~", "[[", "]]", "{{", "}}", "''")
_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = str.maketrans("0123456789", " " * 10)
# Words with apostrophes inside kept ("don't") and at the ends dropped ("'tis", "dogs'"), and ! and ?.
_WORD = re.compile(r"[a-z0-9]+(?:'+[a-z0-9]+)*|[!?]")
_CHAR_WORD = re.compile(r"[a-z0-9']+|[!?]")
CHAR_SIZES = (3, 4, 5)
# The ``span`` block (linear.py): character n-grams of the comment's words written together (or one space apart), so
# grams cross the word boundaries ("hatewomen" from "hate women") and a comment with spaces dropped or added reads
# like the plain one. The built-in model has the centred form (``centred_span_grams``, 4-grams).
SPAN_SIZES = (3, 4, 5)


def prepare(normalised_text: str) -> str:
    text = html.unescape(normalised_text) if "&" in normalised_text else normalised_text
    if "/" in text or "www" in text:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _MENTION.sub(" ", text)
    if "rt" in text:
        text = _RETWEET.sub(" ", text)
    if any(mark in text for mark in _MARKS):
        text = _MARKUP.sub(" ", text)
    return text.translate(_ASCII_DIGITS) if text.isascii() else _DIGIT.sub(" ", text)


def words(text: str) -> list[str]:
    return list(_tokens(text))


@lru_cache(maxsize=16)
def _tokens(text: str) -> tuple[str, ...]:
    # Cached for the last few texts: the word and character blocks of one model (and a site model's base) read
    # the same text's words.
    if not text.isascii():
        return tuple(_WORD.findall(text))
    # ASCII: what ``_WORD`` finds, by one translation and a split. Every character that is no letter, digit,
    # apostrophe, "!" or "?" becomes a space and "!" and "?" stand alone, so the pieces are the runs of letters,
    # digits and apostrophes, and each "!" and "?"; a run is the word ``_WORD`` finds in it once the apostrophes
    # at its ends are dropped (none when it was apostrophes only). tests/test_scoring_exact.py compares the two.
    pieces = text.translate(_TOKEN_SPACES).split()
    if "'" in text:  # each piece without its end apostrophes, the empty ones dropped (in C: no step per word)
        return tuple(filter(None, map(_STRIP_APOSTROPHES, pieces)))
    return tuple(pieces)


_STRIP_APOSTROPHES = methodcaller("strip", "'")


_TOKEN_SPACES = str.maketrans({chr(code): " " for code in range(128) if chr(code) not in
                               "abcdefghijklmnopqrstuvwxyz0123456789'!?"} | {"!": " ! ", "?": " ? "})


@lru_cache(maxsize=16)
def distinct_words(text: str) -> frozenset[str]:
    # Cached like ``_tokens``: the word block's evidence count and the wordchar block read it for the same text.
    return frozenset(_tokens(text))


def word_features(text: str) -> list[str]:
    found = _tokens(text)
    return [*found, *map(" ".join, pairwise(found))]


def word_grams(word: str) -> list[str]:
    """Character 3-5-grams of one word, with a space marking its start and end: all 3-grams from the left, then
    the 4-grams, then the 5-grams (the order the model's sums add them in)."""
    padded = f" {word} "
    length = len(padded)
    if length <= _SLICED_UP_TO:  # the slices for words of this length, made once: one C-level map per word
        return list(map(padded.__getitem__, _gram_slices(length)))
    return [padded[i : i + size] for size in CHAR_SIZES if size <= length for i in range(length - size + 1)]


_SLICED_UP_TO = 48


@lru_cache(maxsize=_SLICED_UP_TO)
def _gram_slices(length: int) -> tuple[slice, ...]:
    return tuple(slice(i, i + size) for size in CHAR_SIZES if size <= length for i in range(length - size + 1))


def span_text(text: str, joiner: str = "") -> str:
    """The prepared text's words (not "!" and "?") joined by ``joiner`` ("": written together; " ": one space
    between them), marked at both ends by a space."""
    return " " + joiner.join(span_words(text)) + " "


def span_words(text: str) -> list[str]:
    found = _tokens(text)
    if "!" in text or "?" in text:  # the only characters "!" and "?" tokens come from
        return [word for word in found if word not in _MARK_TOKENS]
    return list(found)


_MARK_TOKENS = frozenset("!?")


def span_grams(text: str, sizes: tuple[int, ...] = SPAN_SIZES, joiner: str = "", crossing: bool = False,
               distinct: bool = True) -> list[str]:
    """The distinct character n-grams of ``span_text``, in the order of their first occurrence by size (the
    binary block: a gram counts once however often it occurs); with ``distinct=False`` every occurrence (the
    counted block). ``crossing`` (with ``joiner`` " "): only the grams with a space inside them (not at an end),
    the ones that cross a word boundary; the others are the grams of each word between two spaces."""
    joined = span_text(text, joiner)
    length = len(joined)
    if crossing:
        grams: Iterable[str] = crossing_grams(joined, sizes)
    elif length <= _SPAN_SLICED_UP_TO:
        grams = map(joined.__getitem__, _span_slices(length, sizes))
    else:
        grams = (joined[i : i + size] for size in sizes if size <= length for i in range(length - size + 1))
    return list(dict.fromkeys(grams)) if distinct else list(grams)


def crossing_grams(joined: str, sizes: tuple[int, ...]) -> list[str]:
    """The n-grams of words joined by single spaces (and a space at both ends) that have a space inside them:
    by size, then by the first space inside them, then from the left (each occurrence once)."""
    length = len(joined)
    spaces = [at for at, char in enumerate(joined) if char == " "]
    return [joined[start : start + size] for size in sizes for before, at in pairwise(spaces[:-1])
            for start in range(max(at - size + 2, before), min(at, length - size + 1))]


def joined_crossing_grams(found: list[str], sizes: tuple[int, ...]) -> list[str]:
    """The n-grams of ``found`` written together (a space at both ends) that span the end of one word and the
    start of the next (or an end space): by size, then by the first such boundary inside them, then from the
    left (each occurrence once)."""
    joined = " " + "".join(found) + " "
    length = len(joined)
    starts = [0, 1]
    for word in found:
        starts.append(starts[-1] + len(word))
    return [joined[start : start + size] for size in sizes for before, at in pairwise(starts)
            for start in range(max(at - size + 1, before), min(at, length - size + 1))]


def joined_crossing_slices(found: list[str], size: int) -> Iterator[slice]:
    """``joined_crossing_grams`` for one size, as the slices of `` word1word2... `` that cut those grams, from the
    left: a gram of the text written together crosses a boundary unless it lies inside one word, so the slices of
    all the text's grams (made once per length) are kept or dropped by a mask made of one piece per word length
    (also made once), in C: no Python-level step per gram. tests/test_span_block.py compares the two."""
    length = 2 + sum(map(len, found))
    mask = chain((True,), chain.from_iterable(map(_crossing_mask(size).__getitem__, map(len, found))))
    if length <= _SPAN_SLICED_UP_TO:
        return compress(_span_slices(length, (size,)), mask)
    return compress((slice(i, i + size) for i in range(length - size + 1)), mask)


def centred_boundary_grams(found: list[str], size: int) -> list[str]:
    """The one n-gram of ``size`` centred on each word boundary of ``found`` written together (a space at both
    ends): ``size // 2`` characters before the boundary, the rest after it, moved inside the text where it would
    start before it or end after it (the boundaries after the start space and before the end space, or a text
    shorter than that); from the left, one per boundary (a text shorter than ``size`` has none). The boundaries are
    where each word starts and where the end space starts."""
    length = 2 + sum(map(len, found))
    if length < size:
        return []
    joined = " " + "".join(found) + " "
    starts = list(accumulate(map(len, found), initial=1 - size // 2))
    last = length - size
    # The starts rise from the left, so only a first few can fall before the text and a last few past its end.
    for at in range(len(starts)):
        if starts[at] >= 0:
            break
        starts[at] = 0
    for at in range(len(starts) - 1, -1, -1):
        if starts[at] <= last:
            break
        starts[at] = last
    if starts[-1] < _SPAN_SLICED_UP_TO:  # the slices starting at each place, made once per size
        return list(map(joined.__getitem__, map(_start_slices(size).__getitem__, starts)))
    return list(map(joined.__getitem__, map(slice, starts, map(add, starts, repeat(size)))))


@lru_cache(maxsize=16)
def _start_slices(size: int) -> tuple[slice, ...]:
    return tuple(slice(i, i + size) for i in range(_SPAN_SLICED_UP_TO))


def centred_span_grams(text: str, sizes: tuple[int, ...] = (4,)) -> list[str]:
    """The counted centred span block's grams of a prepared text (training's analyzer): every occurrence of the
    n-grams inside each word (``inner_grams``), then the grams centred on the boundaries
    (``centred_boundary_grams``), size by size."""
    found = span_words(text)
    grams = [gram for word in found for gram in inner_grams(word, sizes)]
    for size in sizes:
        grams += centred_boundary_grams(found, size)
    return grams


class _CrossingMask(dict[int, tuple[bool, ...]]):
    """Word length -> for each start inside such a word, whether the gram starting there reaches past the word's
    end (the last ``size - 1`` starts, or all of them for a shorter word)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __missing__(self, length: int) -> tuple[bool, ...]:
        inside = max(length - self.size + 1, 0)
        piece = (False,) * inside + (True,) * (length - inside)
        if length <= 64:
            self[length] = piece
        return piece


@lru_cache(maxsize=16)
def _crossing_mask(size: int) -> _CrossingMask:
    return _CrossingMask(size)


def inner_grams(word: str, sizes: tuple[int, ...]) -> list[str]:
    """The n-grams inside ``word`` (no spaces), by size, then from the left."""
    length = len(word)
    return [word[i : i + size] for size in sizes if size <= length for i in range(length - size + 1)]


def padded_grams(word: str, sizes: tuple[int, ...]) -> list[str]:
    """The n-grams of `` word `` (a space at both ends), by size, then from the left."""
    padded = f" {word} "
    length = len(padded)
    return [padded[i : i + size] for size in sizes if size <= length for i in range(length - size + 1)]


_SPAN_SLICED_UP_TO = 2048


@lru_cache(maxsize=256)
def _span_slices(length: int, sizes: tuple[int, ...]) -> tuple[slice, ...]:
    return tuple(slice(i, i + size) for size in sizes if size <= length for i in range(length - size + 1))


def char_features(text: str) -> list[str]:
    """Format 1 models: the grams of every distinct word, pooled."""
    grams: list[str] = []
    for word in set(_CHAR_WORD.findall(text)):
        grams.extend(word_grams(word))
    return grams
