"""Passage anchors over an article's canonical plain text, and finding them again after an edit.

Pure Python, no Django. An anchor is the pair of W3C Web Annotation selectors:

- ``TextQuoteSelector``: the quoted text (``exact``) with up to ``CONTEXT`` characters before (``prefix``) and
  after (``suffix``) it;
- ``TextPositionSelector``: ``start``/``end`` offsets in code points (Python string indices) of the text.

``verify_anchor`` is the server's check of an anchor a client sent; ``reanchor`` re-finds an anchor in a new
version of the text: exact at the old position, else exact elsewhere chosen by context, else the best fuzzy
match scored by quote, prefix, suffix and distance, else orphaned. See docs/passages.md.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT = 32  # characters of prefix and suffix kept with a quote
MAX_QUOTE = 2000  # longest passage a reader may quote
MAX_OCCURRENCES = 200  # exact occurrences weighed by context before giving up on the rest
# A fuzzy match needs a quote at least this similar to the original, and a combined score this high.
MIN_QUOTE_SIMILARITY = 0.6
FUZZY_THRESHOLD = 0.62
_WEIGHTS = {"quote": 0.55, "prefix": 0.15, "suffix": 0.15, "distance": 0.15}
_SEEDS = 12  # quote fragments searched for to propose fuzzy candidates
_CANDIDATES = 8  # candidate positions aligned in full


class AnchorError(ValueError):
    """A client-sent anchor that does not match the text (or is malformed)."""


class Status(enum.StrEnum):
    EXACT = "exact"
    MOVED = "moved"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class Anchor:
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def selectors(self) -> list[dict[str, object]]:
        """The W3C Web Annotation form of this anchor."""
        return [
            {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix},
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
        ]


@dataclass(frozen=True)
class Result:
    status: Status
    start: int
    end: int
    score: float


def create_anchor(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    if not 0 <= start < end <= len(text):
        raise AnchorError("The passage is outside the text.")
    return Anchor(text[start:end], text[max(0, start - context) : start], text[end : end + context], start, end)


def verify_anchor(text: str, anchor: Anchor) -> Anchor:
    """The anchor as the server would make it, if the client's one matches the text; else ``AnchorError``.

    The quote must be exactly ``text[start:end]``, must not start or end with whitespace, and the prefix and
    suffix (which a client may shorten, never alter) must be the text right before and after it.
    """
    if not isinstance(anchor.start, int) or not isinstance(anchor.end, int):
        raise AnchorError("Offsets must be integers.")
    if not 0 <= anchor.start < anchor.end <= len(text):
        raise AnchorError("The passage is outside the text.")
    if anchor.end - anchor.start > MAX_QUOTE:
        raise AnchorError(f"A passage is at most {MAX_QUOTE} characters.")
    if text[anchor.start : anchor.end] != anchor.exact:
        raise AnchorError("The quote does not match the article at those offsets.")
    if anchor.exact != anchor.exact.strip():
        raise AnchorError("A passage cannot start or end with a space.")
    made = create_anchor(text, anchor.start, anchor.end)
    if len(anchor.prefix) > CONTEXT or not made.prefix.endswith(anchor.prefix):
        raise AnchorError("The text before the quote does not match the article.")
    if len(anchor.suffix) > CONTEXT or not made.suffix.startswith(anchor.suffix):
        raise AnchorError("The text after the quote does not match the article.")
    return made


def similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> tuple[float, float]:
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return similarity(anchor.prefix, before), similarity(anchor.suffix, after)


def _distance_score(anchor: Anchor, text: str, start: int) -> float:
    return 1.0 - min(1.0, abs(start - anchor.start) / max(len(text), 1))


def _score(anchor: Anchor, text: str, start: int, end: int) -> tuple[float, float]:
    """(combined score, quote similarity) of the span ``text[start:end]`` as the new place of ``anchor``."""
    quote = similarity(anchor.exact, text[start:end])
    prefix, suffix = _context_score(anchor, text, start, end)
    combined = (
        _WEIGHTS["quote"] * quote
        + _WEIGHTS["prefix"] * prefix
        + _WEIGHTS["suffix"] * suffix
        + _WEIGHTS["distance"] * _distance_score(anchor, text, start)
    )
    return combined, quote


def _occurrences(text: str, needle: str, limit: int) -> list[int]:
    found: list[int] = []
    at = text.find(needle)
    while at != -1 and len(found) < limit:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _best_exact(anchor: Anchor, text: str) -> Result | None:
    """Exact occurrences of the quote elsewhere, the one whose context (then distance) fits best."""
    best: tuple[float, int] | None = None
    for at in _occurrences(text, anchor.exact, MAX_OCCURRENCES):
        prefix, suffix = _context_score(anchor, text, at, at + len(anchor.exact))
        # Context decides; distance only breaks ties between equally good contexts.
        value = prefix + suffix + 0.01 * _distance_score(anchor, text, at)
        if best is None or value > best[0]:
            best = (value, at)
    if best is None:
        return None
    score, _ = _score(anchor, text, best[1], best[1] + len(anchor.exact))
    return Result(Status.MOVED, best[1], best[1] + len(anchor.exact), round(score, 4))


def _candidate_starts(anchor: Anchor, text: str) -> list[int]:
    """Where the passage may now start: votes from quote fragments and the edges of its context."""
    length = len(anchor.exact)
    votes: dict[int, int] = {}

    def vote(start: int, weight: int = 1) -> None:
        start = min(max(start, 0), max(len(text) - 1, 0))
        votes[start] = votes.get(start, 0) + weight

    size = max(3, min(16, length // 4))
    steps = max(1, (length - size) // max(_SEEDS - 1, 1)) if length > size else 1
    for offset in range(0, max(length - size, 0) + 1, steps):
        fragment = anchor.exact[offset : offset + size]
        if fragment.strip():
            for at in _occurrences(text, fragment, 20):
                vote(at - offset)
    if len(anchor.prefix) >= 8:
        for at in _occurrences(text, anchor.prefix[-16:], 20):
            vote(at + len(anchor.prefix[-16:]), 2)
    if len(anchor.suffix) >= 8:
        for at in _occurrences(text, anchor.suffix[:16], 20):
            vote(at - length, 2)
    vote(anchor.start)
    # Merge nearby votes: a passage with an insertion in it votes for several close starts.
    merged: dict[int, int] = {}
    radius = max(8, length // 4)
    for start in sorted(votes, key=lambda s: (-votes[s], abs(s - anchor.start))):
        home = next((m for m in merged if abs(m - start) <= radius), None)
        if home is None:
            merged[start] = votes[start]
        else:
            merged[home] += votes[start]
    return sorted(merged, key=lambda s: (-merged[s], abs(s - anchor.start)))[:_CANDIDATES]


def _align(anchor: Anchor, text: str, start: int) -> tuple[int, int] | None:
    """The span near ``start`` that best aligns with the quote (matching blocks, stray edge matches dropped)."""
    length = len(anchor.exact)
    slack = max(16, length // 2)
    lo = max(0, start - slack)
    window = text[lo : start + length + slack]
    blocks = [b for b in SequenceMatcher(None, anchor.exact, window, autojunk=False).get_matching_blocks() if b.size]
    # Drop edge blocks that are tiny or separated by a much larger gap in the text than in the quote.
    while len(blocks) > 1:
        first, second = blocks[0], blocks[1]
        gap = (second.b - first.b - first.size) - (second.a - first.a - first.size)
        if first.size < 3 or gap > 8 + first.size:
            blocks.pop(0)
            continue
        last, before = blocks[-1], blocks[-2]
        gap = (last.b - before.b - before.size) - (last.a - before.a - before.size)
        if last.size < 3 or gap > 8 + last.size:
            blocks.pop()
            continue
        break
    if not blocks:
        return None
    core = (lo + blocks[0].b, lo + blocks[-1].b + blocks[-1].size)
    # The first or last words may have been rewritten: also try the span widened by the unaligned quote ends.
    wide = (max(lo, core[0] - blocks[0].a), min(lo + len(window), core[1] + length - blocks[-1].a - blocks[-1].size))
    begin, finish = max((wide, core), key=lambda s: similarity(anchor.exact, text[s[0] : s[1]]))
    while begin < finish and text[begin].isspace():
        begin += 1
    while finish > begin and text[finish - 1].isspace():
        finish -= 1
    return (begin, finish) if begin < finish else None


def _best_fuzzy(anchor: Anchor, text: str) -> Result | None:
    best: tuple[float, int, int] | None = None
    for candidate in _candidate_starts(anchor, text):
        span = _align(anchor, text, candidate)
        if span is None:
            continue
        combined, quote = _score(anchor, text, *span)
        if quote < MIN_QUOTE_SIMILARITY:
            continue
        if best is None or combined > best[0] or (combined == best[0] and span[0] < best[1]):
            best = (combined, *span)
    if best is None or best[0] < FUZZY_THRESHOLD:
        return None
    return Result(Status.FUZZY, best[1], best[2], round(best[0], 4))


def reanchor(anchor: Anchor, text: str) -> Result:
    """Find ``anchor`` in ``text``. Deterministic: the same anchor and text always give the same result.

    An orphaned result keeps the anchor's last known offsets (clamped to the text) for reference.
    """
    if anchor.exact and text[anchor.start : anchor.end] == anchor.exact:
        return Result(Status.EXACT, anchor.start, anchor.end, 1.0)
    if anchor.exact:
        moved = _best_exact(anchor, text)
        if moved is not None:
            return moved
        fuzzy = _best_fuzzy(anchor, text)
        if fuzzy is not None:
            return fuzzy
    start = min(anchor.start, len(text))
    return Result(Status.ORPHANED, start, min(max(anchor.end, start), len(text)), 0.0)


def follow(anchor: Anchor, text: str, result: Result) -> Anchor:
    """The anchor to keep after ``result``: re-made on the new text, or unchanged when orphaned."""
    if result.status == Status.ORPHANED:
        return anchor
    return create_anchor(text, result.start, result.end)


def text_check(text: str) -> int:
    """A 32-bit FNV-1a hash over the code points: the script compares it with the text it rebuilt from the DOM."""
    value = 0x811C9DC5
    for char in text:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value
