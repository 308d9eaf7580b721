"""Ranking for "More on this topic": TF-IDF cosine similarity boosted by shared topics.

At save time each article gets a sparse term vector (``term_counts``: weighted counts of the headline,
standfirst and body words, kept in ``ArticleVector``), so ranking never re-tokenizes the archive. Ranking builds
a ``RelatedIndex`` once from every live article's stored counts (document frequencies, IDF weights, vector
norms and an inverted index) and then ranks one or many articles against it. Pure Python over sparse dicts:
see docs/publishing.md for the measured cost with 10,000 articles.

Score of a candidate = cosine(tf-idf) + TOPIC_BOOST x shared topics (at most MAX_TOPIC_BOOSTS of them), so an
article on the same subject and under the same topic ranks above one that only shares words or only a topic.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

TOPIC_BOOST = 0.15
MAX_TOPIC_BOOSTS = 2
MIN_SCORE = 0.02
RELATED_COUNT = 4
HEADLINE_WEIGHT = 3  # a word in the headline counts as three in the body
STANDFIRST_WEIGHT = 2
MAX_TERMS = 150  # the heaviest terms kept per article; the long tail adds cost and little signal

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
    words = (_stem(w) for w in _WORD.findall(text.casefold()))
    return [w for w in words if w not in _STOP]


def term_counts(headline: str, standfirst: str, body_text: str) -> dict[str, int]:
    """Weighted term counts of one article, trimmed to its MAX_TERMS heaviest terms."""
    counts: Counter[str] = Counter()
    for word in tokenize(headline):
        counts[word] += HEADLINE_WEIGHT
    for word in tokenize(standfirst):
        counts[word] += STANDFIRST_WEIGHT
    counts.update(tokenize(body_text))
    return dict(counts.most_common(MAX_TERMS))


@dataclass(frozen=True)
class Ranked:
    article_id: int
    score: float


class RelatedIndex:
    """Every live article's tf-idf vector, norms and an inverted index, built once per recompute."""

    def __init__(self, docs: dict[int, dict[str, int]], topics: dict[int, frozenset[int]]) -> None:
        self.docs = docs
        self.topics = topics
        count = len(docs)
        df: Counter[str] = Counter()
        for terms in docs.values():
            df.update(terms.keys())
        # Smoothed idf: a term in every article still weighs a little; an unseen term weighs the most.
        self._max_idf = math.log((1 + count) / 1) + 1
        self.idf = {term: math.log((1 + count) / (1 + n)) + 1 for term, n in df.items()}
        self.postings: dict[str, list[tuple[int, float]]] = {}
        self.norms: dict[int, float] = {}
        for doc_id, terms in docs.items():
            weights = self._weights(terms)
            self.norms[doc_id] = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            for term, weight in weights.items():
                self.postings.setdefault(term, []).append((doc_id, weight))

    def _weights(self, terms: dict[str, int]) -> dict[str, float]:
        # Sublinear tf: the tenth mention of a word adds far less than the first.
        return {t: (1 + math.log(n)) * self.idf.get(t, self._max_idf) for t, n in terms.items() if n > 0}

    def rank(self, article_id: int, terms: dict[str, int], topic_ids: Iterable[int], *,
             limit: int = RELATED_COUNT) -> list[Ranked]:
        """The best ``limit`` other live articles for an article with these terms and topics."""
        weights = self._weights(terms)
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        dots: dict[int, float] = {}
        for term, weight in weights.items():
            for doc_id, doc_weight in self.postings.get(term, ()):
                dots[doc_id] = dots.get(doc_id, 0.0) + weight * doc_weight
        own_topics = frozenset(topic_ids)
        scores: dict[int, float] = {doc_id: dot / (norm * self.norms[doc_id]) for doc_id, dot in dots.items()}
        if own_topics:
            for doc_id, doc_topics in self.topics.items():
                shared = len(own_topics & doc_topics)
                if shared:
                    scores[doc_id] = scores.get(doc_id, 0.0) + TOPIC_BOOST * min(shared, MAX_TOPIC_BOOSTS)
        scores.pop(article_id, None)
        # Ties go to the newer article (higher id), so equal scores give a stable, fresh-first order.
        best = sorted(((s, doc_id) for doc_id, s in scores.items() if s >= MIN_SCORE), reverse=True)[:limit]
        return [Ranked(doc_id, round(score, 6)) for score, doc_id in best]
