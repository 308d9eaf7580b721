"""Ranking for "More on this topic": TF-IDF cosine similarity boosted by shared topics.

The weighting is the classic "lnc.ltc" TF-IDF scheme (Salton & Buckley; Manning et al., *Introduction to
Information Retrieval*, 6.4.3): stored document vectors use log-tf with cosine normalization and no idf, so they
never go stale as the archive grows; the ranked article's own vector (the query) uses log-tf times idf, computed
at ranking time from the term table, and keeps only its QUERY_TERMS most distinctive terms. The dot product of
the two normalized vectors is the cosine similarity.

The document vectors live in the database (``ArticleTerm``, an inverted index: one row per article and term),
so ranking one article is a handful of indexed queries and a small sum in SQL, with no archive held in memory.

Score of a candidate = cosine + TOPIC_BOOST x shared topics (counting at most MAX_TOPIC_BOOSTS), so an article on
the same subject and under the same topic ranks above one that only shares words or only a topic.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

TOPIC_BOOST = 0.15
MAX_TOPIC_BOOSTS = 2
MIN_SCORE = 0.02
RELATED_COUNT = 4
HEADLINE_WEIGHT = 3  # a word in the headline counts as three in the body
STANDFIRST_WEIGHT = 2
DOC_TERMS = 80  # the heaviest terms kept per article; the long tail adds rows and little signal
QUERY_TERMS = 25  # the ranked article's most distinctive terms (by tf x idf) make the query
CANDIDATES = 200  # text and topic candidates fetched before the boosted scores are merged
MAX_TERM_LENGTH = 40

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOP_WORDS = """
about above after again against all also among and any are around because been before being below between
both but can could did does doing down during each few for from further had has have having her here hers
herself him himself his how into its itself just last like made make many more most much must new not now
off once one only other our ours out over own said same says she should since some still such than that the
their them then there these they this those though three through too two under until upon very was way
were what when where which while who whom why will with within without would year years yet you your
according another even first get got know may might next per several show shows told well
"""
_STOP = frozenset(_STOP_WORDS.split())


def _stem(word: str) -> str:
    # A light plural fold (cities/city, councils/council) keeps related words together without a stemmer.
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    words = (_stem(w)[:MAX_TERM_LENGTH] for w in _WORD.findall(text.casefold()))
    return [w for w in words if w not in _STOP]


def term_counts(headline: str, standfirst: str, body_text: str) -> dict[str, int]:
    """Weighted term counts of one article, trimmed to its DOC_TERMS heaviest terms."""
    counts: Counter[str] = Counter()
    for word in tokenize(headline):
        counts[word] += HEADLINE_WEIGHT
    for word in tokenize(standfirst):
        counts[word] += STANDFIRST_WEIGHT
    counts.update(tokenize(body_text))
    return dict(counts.most_common(DOC_TERMS))


def _normalized(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def document_weights(counts: dict[str, int]) -> dict[str, float]:
    """The stored side (lnc): sublinear tf, cosine-normalized, no idf."""
    return _normalized({t: 1 + math.log(n) for t, n in counts.items() if n > 0})


def idf(document_frequency: int, documents: int) -> float:
    # Smoothed, so a term found in every article still weighs a little.
    return math.log((1 + documents) / (1 + document_frequency)) + 1


def query_weights(doc_weights: dict[str, float], frequencies: dict[str, int], documents: int) -> dict[str, float]:
    """The ranked side (ltc): the stored log-tf weights times idf, top QUERY_TERMS terms, normalized.

    Stored weights are log-tf divided by a constant (the document norm), so scaling them by idf gives the
    same direction as log-tf x idf.
    """
    weighted = {t: w * idf(frequencies.get(t, 0), documents) for t, w in doc_weights.items()}
    top = sorted(weighted.items(), key=lambda item: (-item[1], item[0]))[:QUERY_TERMS]
    return _normalized(dict(top))


@dataclass(frozen=True)
class Ranked:
    article_id: int
    score: float


def combine(text_scores: dict[int, float], shared_topics: dict[int, int], *, exclude: int,
            limit: int = RELATED_COUNT) -> list[Ranked]:
    """Merge cosine scores and shared-topic counts into the best ``limit`` candidates, best first."""
    scores = dict(text_scores)
    for article_id, shared in shared_topics.items():
        scores[article_id] = scores.get(article_id, 0.0) + TOPIC_BOOST * min(shared, MAX_TOPIC_BOOSTS)
    scores.pop(exclude, None)
    # Ties go to the newer article (higher id), so equal scores give a stable, fresh-first order.
    best = sorted(((s, i) for i, s in scores.items() if s >= MIN_SCORE), reverse=True)[:limit]
    return [Ranked(article_id, round(score, 6)) for score, article_id in best]
