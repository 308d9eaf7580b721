"""Linear models in our own JSON format, scored in plain Python (no numpy, no scikit-learn, no pickle).

File layout (gzip-compressed JSON)::

    {"format": "masthead-linear-2", "model_id": ..., "version": ..., "intercept": float,
     "blocks": [{"analyzer": "word" | "wordchar" | "span" | "group" | "structure" | "char", "features": [...],
                 "idf": [...], "weights": [...], "sizes": [...], "joiner": "", "crossing": false,
                 "counted": false, "centred": false (span only)}],
     "base": {"model": "builtin", "weight": 1.0} | absent, "evidence": {"prior": k, "baseline": b} | absent,
     "calibration": [benign score quantiles] | absent, "info": {...training facts...}}

Blocks:

- ``word``: TF-IDF of words and word pairs (counts times idf, L2-normalised over the block's known features);
  with ``"groups": form`` (``hate.WORD_FORMS``), the group contexts counted in the same vector after them: each
  identity-group mention read as one token ``GRP``, with the word pairs it forms (``"words+pairs"``, 2.6-news);
- ``wordchar``: each distinct word's character n-grams as a TF-IDF vector normalised per word; the block is the
  mean of the word vectors (so long comments are not scored lower for being long). A word's contribution
  (its vector times the weights) is computed once and cached: news-length comments score in microseconds;
- ``span``: the character n-grams (of ``sizes``) of the comment's words joined by ``joiner`` ("": written
  together, so "hatewomen" reads as "hate women"; " ": one space apart), which cross word boundaries; binary (a
  gram counts once, ``crossing``: only the grams with a space inside), times idf, L2-normalised over the block's
  known grams; or ``counted``: every occurrence times idf, over the square root of the known occurrences' idf
  squared, which splits into each word's own grams (summed once per word and cached) and the grams across each
  boundary; ``centred`` (counted, written together): instead of all the grams across a boundary, the one gram of
  each size centred on it (``features.centred_boundary_grams``). The built-in model (2.4-news) has a centred block
  of 4-grams (docs/moderation.md, "Character n-grams across word boundaries");
- ``group``: the group contexts as a block of their own (``"form"``: a name of ``hate.GROUP_FORMS``), TF-IDF and
  L2 like ``word`` (measured, not shipped: docs/moderation.md, "Group contexts");
- ``structure``: named signals found by ``hate.signals`` on the normalised text (threats, group violence,
  identity-directed derogation, negated and countered forms), each adding its weight when present (idf unused);
- ``char`` (format 1 only): pooled character n-grams of all words, L2-normalised.

``base`` (site models): the base model's logit times ``weight`` is added, so a site model only learns what the
base model gets wrong on this site. ``evidence``: the word block's score is shrunk toward ``b`` (its
median on benign news-comment text) by n / (n + k), n the text's distinct words, so a comment of one or two words
moves from that baseline only as far as so little evidence supports; the other blocks count in full. Without it
(older files, site models) nothing is shrunk. ``calibration``: the scores of benign comments, sorted (the base
model's: ``public_corpus.calibration_comments``), so a publisher's "share of benign comments held" becomes a
threshold (``threshold_for_share``).
"""

from __future__ import annotations

import bisect
import gzip
import json
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any, cast

from masthead.moderation.features import (
    SPAN_SIZES,
    centred_boundary_grams,
    char_features,
    crossing_grams,
    distinct_words,
    inner_grams,
    joined_crossing_slices,
    padded_grams,
    prepare,
    span_grams,
    span_words,
    word_features,
    word_grams,
)
from masthead.moderation.hate import GROUP_FORMS, WORD_FORMS, signals

FORMATS = ("masthead-linear-1", "masthead-linear-2")
FORMAT = FORMATS[-1]
# The wordchar block keeps each word's score (a word's own grams, looked up once): emptied whenever the words it
# holds pass this many characters (about 11,000 words of a comment's usual length, near 1.5 MB with their keys
# and values) whatever a process is sent; at 200,000 words it could hold some 25 MB. A miss costs one word's
# n-gram lookups, microseconds, and a cleared cache refills with the common words within a few comments.
CACHE_CHARS = 80_000

# Each feature's (idf, weight) pair is held as one complex number, ``complex(idf, weight)``: 32 bytes per feature
# where a tuple of two floats takes 104, and the built-in model has a hundred thousand features (docs/moderation.md,
# "Memory"). ``.real`` is the idf, ``.imag`` the weight; both are the file's floats exactly.
Table = dict[str, complex]


def _table(features: list[str], idf: list[float], weights: list[float]) -> Table:
    return {feature: complex(i, w) for feature, i, w in zip(features, idf, weights, strict=True)}


@dataclass
class _Block:
    analyzer: Callable[[str], list[str]]
    table: Table  # feature -> complex(idf, weight)

    def score(self, text: str) -> float:
        # Counted first, looked up once each: the table has some 50,000 features and a lookup in it is a cache
        # miss, where counting in a small dict is not. The known features come in the order of their first
        # occurrence, as when the unknown ones were filtered out before counting: the sums add the same terms
        # in the same order (tests/test_scoring_exact.py).
        get = self.table.get
        known = False
        dot = squares = 0.0
        for feature, count in Counter(self.analyzer(text)).items():
            pair = get(feature)
            if pair is not None:
                known = True
                value = count * pair.real
                dot += value * pair.imag
                squares += value * value
        return dot / math.sqrt(squares) if known else 0.0


class _WordCache:
    """What a block keeps per word, bounded by the characters of the words held (``cache_limit``): when the next
    word would pass it, the whole cache is dropped (cheaper per lookup than an LRU); a word longer than the limit
    is never kept."""

    cache: dict[str, Any]
    cache_limit: int
    cached_chars: int

    def _keep(self, word: str, value: object) -> None:
        if self.cached_chars + len(word) > self.cache_limit:
            self.cache.clear()
            self.cached_chars = 0
        if len(word) <= self.cache_limit:
            self.cache[word] = value
            self.cached_chars += len(word)


@dataclass
class _WordCharBlock(_WordCache):
    table: Table
    cache: dict[str, float] = field(default_factory=dict)
    cache_limit: int = CACHE_CHARS  # characters of the words held (see CACHE_CHARS)
    cached_chars: int = 0

    def word_score(self, word: str) -> float:
        cached = self.cache.get(word)
        if cached is not None:
            return cached
        get = self.table.get
        dot = squares = 0.0
        for gram, count in Counter(word_grams(word)).items():  # as in ``_Block.score``: one lookup per gram
            pair = get(gram)
            if pair is not None:
                value = count * pair.real
                dot += value * pair.imag
                squares += value * value
        result = dot / math.sqrt(squares) if squares else 0.0
        self._keep(word, result)
        return result

    def score(self, text: str) -> float:
        distinct = distinct_words(text)
        if not distinct:
            return 0.0
        cached = list(map(self.cache.get, distinct))  # most words of a comment were seen before
        if None in cached:  # the others are scored (and kept) one by one, in the set's order
            scores = [self.word_score(word) if score is None else score
                      for word, score in zip(distinct, cached, strict=True)]
        else:
            scores = cast(list[float], cached)
        return sum(scores) / len(distinct)


@dataclass
class _SpanBlock(_WordCache):
    """The ``span`` block (``features.span_grams``). Each gram is held as ``complex(idf * weight, idf * idf)``:
    binary, or counted with the norm of the format's description, the block's dot product and squared norm are the
    sums of those parts over the text's known grams (or occurrences), which one ``sum`` adds in C (a gram not in
    the table adds 0)."""

    table: Table  # gram -> complex(idf * weight, idf * idf)
    sizes: tuple[int, ...] = SPAN_SIZES
    joiner: str = ""
    crossing: bool = False
    counted: bool = False
    centred: bool = False
    cache: dict[str, complex] = field(default_factory=dict)
    cache_limit: int = CACHE_CHARS
    cached_chars: int = 0

    def score(self, text: str) -> float:
        if self.counted:
            return self._counted(text)
        total = sum(map(self.table.get, span_grams(text, self.sizes, self.joiner, self.crossing), repeat(0j)), 0j)
        return total.real / math.sqrt(total.imag) if total.imag else 0.0

    def _counted(self, text: str) -> float:
        # Every occurrence counts, so the sums split into the grams that cross a boundary (sliced from the text)
        # and each word's own grams, whose sum is computed once per word and cached like the wordchar block's.
        found = span_words(text)
        get = self.table.get
        if self.centred:  # one gram per boundary (``features.centred_boundary_grams``), size by size
            total = 0j
            for size in self.sizes:
                total = sum(map(get, centred_boundary_grams(found, size), repeat(0j)), total)
        elif self.joiner:
            total = sum(map(get, crossing_grams(" " + " ".join(found) + " ", self.sizes), repeat(0j)), 0j)
        else:
            # Written together: the grams of ``joined_crossing_grams``, size by size, from the left (the same
            # terms in the same order), sliced only where they cross a boundary (``joined_crossing_slices``).
            joined = " " + "".join(found) + " "
            total = 0j
            for size in self.sizes:
                total = sum(map(get, map(joined.__getitem__, joined_crossing_slices(found, size)), repeat(0j)), total)
        crossing = total
        cache = self.cache
        try:  # most words of a comment were seen before
            total = sum(map(cache.__getitem__, found), crossing)
        except KeyError:  # the others are computed (and kept) one by one, summed from the first word again
            total = sum([cache[word] if word in cache else self.word_part(word) for word in found], crossing)
        return total.real / math.sqrt(total.imag) if total.imag else 0.0

    def word_part(self, word: str) -> complex:
        grams = padded_grams(word, self.sizes) if self.joiner else inner_grams(word, self.sizes)
        part = sum(map(self.table.get, grams, repeat(0j)), 0j)
        self._keep(word, part)
        return part


# The word block's analyzers: its plain features, or with the group contexts (hate.py, ``WORD_FORMS``).
WORD_ANALYZERS = (word_features, *WORD_FORMS.values())


def _span_table(features: list[str], idf: list[float], weights: list[float]) -> Table:
    return {feature: complex(i * w, i * i) for feature, i, w in zip(features, idf, weights, strict=True)}


@dataclass
class _StructureBlock:
    """Structure signals (``hate.py``: threats, identity-directed derogation, counter-speech), one weight each.
    Read from the normalised text before ``prepare`` (quotes and punctuation matter to them)."""

    table: Table

    def score(self, normalised_text: str) -> float:
        table = self.table
        return sum(table[name].imag for name in signals(normalised_text) if name in table)


@dataclass
class LinearModel:
    model_id: str
    version: str
    intercept: float
    blocks: list[Any]
    info: dict[str, Any] = field(default_factory=dict)
    calibration: list[float] = field(default_factory=list)
    base: LinearModel | None = None
    base_weight: float = 0.0
    evidence_prior: float = 0.0
    evidence_baseline: float = 0.0

    def logit(self, normalised_text: str) -> float:
        text = prepare(normalised_text)
        z = self.intercept
        for block in self.blocks:
            if isinstance(block, _StructureBlock):
                z += block.score(normalised_text)
            elif self.evidence_prior and isinstance(block, _Block) and block.analyzer in WORD_ANALYZERS:
                # Shrinkage by evidence: the word block is L2-normalised, so a one-word comment ("a", "wow") gets
                # that word's whole weight, undiluted; with n distinct words its distance from the benign
                # baseline counts n / (n + k) (docs/moderation.md, "Short texts").
                seen = len(distinct_words(text))
                baseline = self.evidence_baseline
                z += baseline + (block.score(text) - baseline) * seen / (seen + self.evidence_prior)
            else:
                z += block.score(text)
        if self.base is not None:
            z += self.base_weight * self.base.logit(normalised_text)
        return z

    def word_block_score(self, normalised_text: str) -> float:
        """The word block's score as is, not shrunk (``build_builtin`` takes the evidence baseline from it)."""
        text = prepare(normalised_text)
        return sum(block.score(text) for block in self.blocks
                   if isinstance(block, _Block) and block.analyzer in WORD_ANALYZERS)

    def probability(self, normalised_text: str) -> float:
        z = self.logit(normalised_text)
        if z < -35:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def benign_share_above(self, score: float) -> float | None:
        """The share of the calibration set's benign comments scoring at or above ``score`` (None: not calibrated)."""
        if not self.calibration:
            return None
        return 1.0 - bisect.bisect_left(self.calibration, score) / len(self.calibration)

    def threshold_for_share(self, share: float) -> float | None:
        """The lowest score that holds at most ``share`` of the calibration set's benign comments (None: not
        calibrated)."""
        scores = self.calibration
        if not scores:
            return None
        allowed = math.floor(share * len(scores))
        if allowed <= 0:
            return min(1.0, scores[-1] + 1e-6)
        return scores[len(scores) - allowed]

    @classmethod
    def load(cls, path: Path, resolve_base: Callable[[str], LinearModel] | None = None) -> LinearModel:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
        return cls.from_dict(data, resolve_base)

    @classmethod
    def from_dict(cls, data: dict[str, Any],
                  resolve_base: Callable[[str], LinearModel] | None = None) -> LinearModel:
        if data.get("format") not in FORMATS:
            raise ValueError(f"not a {FORMAT} model file")
        blocks: list[Any] = []
        for block in data["blocks"]:
            if block["analyzer"] == "span":
                blocks.append(_SpanBlock(_span_table(block["features"], block["idf"], block["weights"]),
                                         tuple(block["sizes"]), block.get("joiner", ""),
                                         bool(block.get("crossing", False)), bool(block.get("counted", False)),
                                         bool(block.get("centred", False))))
                continue
            table = _table(block["features"], block["idf"], block["weights"])
            if block["analyzer"] == "wordchar":
                blocks.append(_WordCharBlock(table))
            elif block["analyzer"] == "structure":
                blocks.append(_StructureBlock(table))
            elif block["analyzer"] == "group":
                blocks.append(_Block(GROUP_FORMS[block.get("form", "window")], table))
            else:
                analyzer = WORD_FORMS[block["groups"]] if block.get("groups") else {
                    "word": word_features, "char": char_features}[block["analyzer"]]
                blocks.append(_Block(analyzer, table))
        model = cls(data["model_id"], data["version"], float(data["intercept"]), blocks, data.get("info", {}),
                    sorted(data.get("calibration", [])))
        evidence = data.get("evidence")
        if evidence:
            model.evidence_prior, model.evidence_baseline = float(evidence["prior"]), float(evidence["baseline"])
        if data.get("base"):
            if resolve_base is None:
                raise ValueError("this model builds on a base model; none given")
            model.base = resolve_base(data["base"]["model"])
            model.base_weight = float(data["base"]["weight"])
        return model


def save(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        json.dump(data, handle, separators=(",", ":"))
