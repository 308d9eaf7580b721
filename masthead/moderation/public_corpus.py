"""The public training data for the base model, weighted so that no source's style can stand in for toxicity.

Sources (``datasets.py``; read in place from ``../shared/data/moderation``, never copied): Davidson tweets,
Civil Comments news-comment sentences and whole toxic comments, Wikipedia talk comments, benign Wikipedia
sentences that mention identity groups, and the comments written for this project (``written/``, in the repository:
threats, calls for violence, hate and insults as news readers phrase them, each beside benign comments sharing
their words). Positives and negatives come from different sources in different
proportions, so a model trained on the pooled rows learns "tweet = offensive, Wikipedia = fine". Against that:

- every source gets the same total weight, split evenly between its toxic and benign rows (a source that has only
  benign rows, the identity sentences, gets half a share) — within each source the model must tell toxic from
  benign in the *same* style;
- ``features.prepare`` removes source marks (links, mentions, "RT", wiki markup, digits);
- the identity sentences teach that naming a group is not abuse.

A fixed fifth of each source (hash of the post id; the Davidson split is the old one) is never trained on: benign
comments of three kinds in it calibrate the hold threshold (``calibration_comments``), the rest measure.
Evaluation leaves whole sources out (``leave_one_source_out``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from masthead.moderation import datasets
from masthead.moderation.datasets import Sourced

# The comments written for this project (datasets.written) weigh a full source, as the public ones do. Until 2.12-news
# they weighed half: few rows by a few hands, whose style might stand in for toxicity. Since the fifth round they are
# some 22,000 rows by 53 writers, each slice abuse and its benign kin side by side (docs/moderation.md,
# 2.13-news, for what the full share costs and buys).
WRITTEN_SHARE = 1.0
SOURCES = ("davidson", "civil", "wikipedia_talk", "identity", "written")
_SHARE = {"identity": 0.5, "written": WRITTEN_SHARE}


def all_examples() -> list[Sourced]:
    rows: list[Sourced] = []
    rows += datasets.sourced_davidson()
    rows += datasets.civil_sentences()
    rows += datasets.civil_comments()
    rows += datasets.wikipedia_talk()
    rows += datasets.identity("toxicity_debiasing")
    rows += datasets.written()
    return rows


def training_rows(rows: Iterable[Sourced], *, leave_out: str = "") -> list[Sourced]:
    return [row for row in rows if not row.held_out and row.source != leave_out]


def balanced_weights(rows: list[Sourced], *, hate_share: float = 0.0) -> list[float]:
    """Each source's rows share equal weight per label (see the module doc); the mean weight is 1.
    ``hate_share``: the part of Davidson's toxic weight given to its hate-speech class (else shared evenly per row
    between hate and offensive, so the 6% of hate tweets weigh little beside the profanity)."""
    cells = Counter((row.source, row.label) for row in rows)
    labels_per_source = Counter(source for source, _ in cells)
    hate = sum(1 for row in rows if row.source == "davidson" and row.group == "hate")
    offensive = sum(1 for row in rows if row.source == "davidson" and row.group == "offensive")

    def within_cell(row: Sourced) -> float:
        if hate_share and hate and offensive and row.source == "davidson" and row.label:
            return hate_share / hate if row.group == "hate" else (1 - hate_share) / offensive
        return 1.0 / cells[(row.source, row.label)]

    raw = [_SHARE.get(row.source, 1.0) / labels_per_source[row.source] * within_cell(row) for row in rows]
    scale = len(rows) / sum(raw)
    return [weight * scale for weight in raw]


def benign_news_sentences(rows: Iterable[Sourced]) -> list[Sourced]:
    """Held-out Civil Comments sentences no rater marked: news-comment prose, but every one from a post its raters
    found toxic as a whole, so harsher than ordinary comments (many are insults no span rater ticked)."""
    return [row for row in rows if row.source == "civil" and row.group == "sentence" and row.label == 0
            and row.held_out]


# The kinds of benign comment the hold threshold is calibrated on, in equal numbers (``calibration_comments``), with
# the names the model file's description gives them.
CALIBRATION_SOURCES = {"civil": "Civil Comments sentences", "wikipedia_talk": "Wikipedia talk comments",
                       "written": "comments written for Masthead"}


def calibration_comments(rows: list[Sourced], *, leave_out: str = "") -> list[Sourced]:
    """The calibration set: held-out benign comments of three kinds, as many of each as there are Civil Comments
    sentences (chosen by a hash of the text): news-comment sentences from posts rated toxic (the harshest,
    ``benign_news_sentences``), Wikipedia talk comments rated benign (ordinary discussion), and the benign comments
    written for Masthead beside abuse that shares their words (hard cases). A publisher's share is then the share
    held of all three together, not of the harshest kind alone. A source left out of training is left out here
    too, so that no left-out row both sets the threshold and is measured by it."""
    civil = benign_news_sentences(rows)
    chosen: list[Sourced] = []
    for source in CALIBRATION_SOURCES:
        if source == leave_out:
            continue
        pool = civil if source == "civil" else [row for row in rows if row.source == source and row.label == 0
                                                 and row.held_out]
        pool = sorted(pool, key=lambda row: hashlib.sha256(f"calibration:{row.key}:{row.text}".encode()).digest())
        chosen += pool[: len(civil)]
    return chosen


@dataclass(frozen=True)
class SourceResult:
    source: str
    examples: int
    positives: int
    roc_auc: float
    held_benign: float  # share of the source's benign rows at or above the calibrated threshold
    recall: float


def evaluation_rows(rows: list[Sourced], source: str) -> list[Sourced]:
    """What a left-out source is measured on: all its rows with both labels (Civil: the sentences; identity: the
    non-fuzzed identity test set)."""
    if source == "civil":
        return [row for row in rows if row.source == "civil" and row.group == "sentence"]
    if source == "identity":
        return list(datasets.identity("toxicity_nonfuzzed"))
    return [row for row in rows if row.source == source]
