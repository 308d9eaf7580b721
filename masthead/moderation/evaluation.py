"""The measurements behind docs/moderation.md's quality table (``masthead moderation_quality``).

Every figure says which set and which split it comes from. Sets are read in place from ``../shared/data/
moderation`` (``datasets.py``); sources left out of training are measured on all their rows.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from masthead.moderation import datasets, public_corpus, quality, rules
from masthead.moderation.build_builtin import build
from masthead.moderation.linear import LinearModel
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import deciding_score
from masthead.moderation.site_training import Labelled, fit_site_model

Item = TypeVar("Item")


@dataclass(frozen=True)
class Row:
    name: str
    examples: int
    positives: int
    roc_auc: float
    recall: float  # share of positives held
    benign_held: float  # share of negatives held


def content_checks(text: str) -> bool:
    """The pipeline's built-in content checks (threats, group violence, dehumanisation, insults, profanity)."""
    return bool(rules.threat(text)[0] or rules.profanity(text) or rules.insult(text))


def classifier_holds(model: LinearModel, normalised_text: str, score: float, threshold: float) -> bool:
    """Whether the pipeline's classifier step holds the text: its score at the threshold, and still there once the
    pipeline's second readings (``pipeline.deciding_score``: words aimed at things, denied insults, oaths) have
    been scored."""
    return score >= threshold and deciding_score(model.probability, normalised_text, score) >= threshold


def measure(name: str, model: LinearModel, texts: Sequence[str], labels: Sequence[int], threshold: float, *,
            with_checks: bool) -> Row:
    normalised = [normalise(text).text for text in texts]
    scores = [model.probability(text) for text in normalised]
    held = [classifier_holds(model, text, score, threshold) or (with_checks and content_checks(text))
            for score, text in zip(scores, normalised, strict=True)]
    positives = [h for h, label in zip(held, labels, strict=True) if label]
    negatives = [h for h, label in zip(held, labels, strict=True) if not label]
    return Row(name, len(labels), len(positives), quality.roc_auc(labels, scores),
               sum(positives) / len(positives) if positives else float("nan"),
               sum(negatives) / len(negatives) if negatives else float("nan"))


def leave_one_source_out(share: float, progress: Callable[[str], None] = print) -> dict[str, tuple[Row, LinearModel]]:
    """For each source: a base model trained on the other sources (same recipe as the shipped one), measured on
    the left-out source at the threshold its own calibration gives for ``share``."""

    rows = public_corpus.all_examples()
    results = {}
    for source in public_corpus.SOURCES:
        started = time.process_time()
        model = LinearModel.from_dict(build(rows, leave_out=source, version=f"without-{source}"))
        evaluation = public_corpus.evaluation_rows(rows, source)
        threshold = model.threshold_for_share(share)
        assert threshold is not None, "build() calibrates every model"
        results[source] = (measure(f"{source} (left out)", model, [r.text for r in evaluation],
                                   [r.label for r in evaluation], threshold, with_checks=False), model)
        progress(f"  {source}: {time.process_time() - started:.0f} CPU s")
    return results


def hatecheck_by_functionality(model: LinearModel, threshold: float) -> list[tuple[str, str, int, float, float]]:
    """(functionality, gold label, cases, held by the classifier, held by classifier + content checks)."""
    groups: dict[tuple[str, int], list[str]] = defaultdict(list)
    for case in datasets.hatecheck():
        groups[(case.group, case.label)].append(case.text)
    table = []
    for (functionality, label), texts in sorted(groups.items()):
        normalised = [normalise(text).text for text in texts]
        alone = [classifier_holds(model, text, model.probability(text), threshold) for text in normalised]
        both = [a or content_checks(text) for a, text in zip(alone, normalised, strict=True)]
        table.append((functionality, "hateful" if label else "non-hateful", len(texts),
                      sum(alone) / len(texts), sum(both) / len(texts)))
    return table


def site_learning(base: LinearModel, source_rows: list[datasets.Sourced], share: float, *,
                  decisions: int = 500) -> tuple[Row, Row, int]:
    """A simulated site: ``base`` never saw this source; 500 of its rows (chosen by hash) are the moderators'
    decisions a site model learns from, the rest test both. Returns (base, site model, test size)."""

    ordered = sorted(source_rows, key=lambda row: hashlib.sha256(f"site:{row.key}:{row.text}".encode()).digest())
    keys = []
    for row in ordered:  # sentences of one post stay on one side
        if row.key not in keys:
            keys.append(row.key)
    learn_keys: set[str] = set()
    learn: list[datasets.Sourced] = []
    for key in keys:
        if len(learn) >= decisions:
            break
        learn_keys.add(key)
        learn += [row for row in source_rows if row.key == key]
    test = [row for row in source_rows if row.key not in learn_keys]
    site = LinearModel.from_dict(
        fit_site_model([Labelled(row.key, row.text, row.label) for row in learn], name="simulated",
                       base_model=base), resolve_base=lambda _name: base)
    texts, labels = [row.text for row in test], [row.label for row in test]
    base_threshold = base.threshold_for_share(share)
    assert base_threshold is not None, "build() calibrates every model"
    return (measure("base model (source not trained on)", base, texts, labels, base_threshold, with_checks=False),
            measure(f"site model ({len(learn)} decisions learned)", site, texts, labels,
                    site.threshold_for_share(share) or 0.5, with_checks=False), len(test))


def throughput(texts: Sequence[Item], screen_one: Callable[[Item], object], minimum_seconds: float = 3.0) -> float:
    """Items (comments, or chunks of them) screened per CPU-second on one core."""
    done = 0
    started = time.process_time()
    while True:
        for text in texts:
            screen_one(text)
        done += len(texts)
        elapsed = time.process_time() - started
        if elapsed >= minimum_seconds:
            return done / elapsed
