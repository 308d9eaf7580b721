"""Measuring the classifier: precision, recall, F1 and ROC-AUC on labelled sets, and throughput per core.

Used by ``masthead moderation_quality`` (which writes the table into docs/moderation.md) and by the training
command (which compares a candidate with the active model on held-out moderator decisions).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from masthead.moderation import rules
from masthead.moderation.backends import Classifier
from masthead.moderation.normalise import normalise

# Disguised spellings and their innocent neighbours, written by us for this benchmark (label 1 = abusive).
DISGUISED = [
    ("you are a f u c k i n g idiot", 1), ("shut up b1tch", 1), ("what a m0r0n", 1), ("you 1d10t", 1),
    ("f*ck off and die", 1), ("go f**k yourself", 1), ("\U0001d41f\U0001d42e\U0001d41c\U0001d424 you", 1),
    ("\uff26\uff35\uff23\uff2b you", 1), ("you \u0456di\u043et", 1), ("stupid \u0432itch", 1),
    ("you piece of sh!t", 1), ("what an a$$hole", 1), ("fuuuuuuck you", 1), ("shiiiiit article, m o r o n", 1),
    ("f\u200bu\u200bc\u200bk you", 1), ("r3tard3d take", 1), ("k1ll yourself", 1), ("c#nt", 1),
    ("w.h.o.r.e", 1), ("you dumb f-u-c-k", 1),
    ("I live in Scunthorpe, near the docks.", 0), ("We need to assess the damage first.", 0),
    ("Shiitake mushrooms were on sale.", 0), ("A classic cockpit design.", 0), ("My therapist agrees.", 0),
    ("The Essex and Sussex councils met.", 0), ("Great analysis of the budget.", 0),
    ("The 3rd report came out in 2024.", 0), ("I paid $100 for the mp3 player.", 0),
    ("Please e-mail the editor.", 0), ("Dickens wrote about this.", 0), ("The cocktail bar closed.", 0),
    ("He signed it: John Hancock.", 0), ("She played bassist in the band.", 0),
    ("The passion play returns to Penistone.", 0), ("Skill matters more than luck.", 0),
    ("Sooooo glad this was reported!", 0), ("Thanks @editor for the fix.", 0),
    ("Arsenal won again.", 0), ("The basement flooded twice.", 0),
]


@dataclass(frozen=True)
class Metrics:
    name: str
    examples: int
    positives: int
    precision: float
    recall: float
    f1: float
    roc_auc: float
    flagged: float  # share of all examples at or above the threshold


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Probability that a random positive outranks a random negative (ties count half), by ranks."""
    order = sorted(range(len(scores)), key=scores.__getitem__)
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return float("nan")
    rank_sum = sum(rank for rank, label in zip(ranks, labels, strict=True) if label)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def measure(name: str, labels: Sequence[int], scores: Sequence[float], threshold: float) -> Metrics:
    predicted = [score >= threshold for score in scores]
    tp = sum(1 for p, y in zip(predicted, labels, strict=True) if p and y)
    fp = sum(1 for p, y in zip(predicted, labels, strict=True) if p and not y)
    fn = sum(1 for p, y in zip(predicted, labels, strict=True) if not p and y)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    flagged = sum(predicted) / len(predicted) if predicted else 0.0
    return Metrics(name, len(labels), sum(labels), precision, recall, f1, roc_auc(labels, scores), flagged)


def with_lexicons(probability: float, normalised_text: str) -> float:
    """The pipeline's content checks as one score: the built-in lists hold whatever they match."""
    if rules.profanity(normalised_text) or rules.insult(normalised_text) or rules.threat(normalised_text)[0]:
        return max(probability, 0.99)
    return probability


def scorer(classifier: Classifier, *, normalised: bool = True, lexicons: bool = False) -> Callable[[str], float]:
    def score(text: str) -> float:
        screened = normalise(text).text if normalised else text.casefold()
        probability = classifier.score_one(screened).probability
        return with_lexicons(probability, screened) if lexicons else probability

    return score


def throughput(classifier: Classifier, texts: Sequence[str], *, minimum_seconds: float = 2.0) -> float:
    """Comments per CPU-second on one core: normalisation plus scoring, as the pipeline does it."""
    done = 0
    started = time.process_time()
    while True:
        for text in texts:
            classifier.score_one(normalise(text).text)
        done += len(texts)
        elapsed = time.process_time() - started
        if elapsed >= minimum_seconds:
            return done / elapsed
