"""The database side of "More on this topic": stored term vectors, ranking queries, stored lists.

``related.py`` holds the scoring maths; this module runs the queries it needs; ``actions`` decides when.
See docs/publishing.md for the measured cost.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from masthead.publishing import related
from masthead.publishing.models import Article, ArticleTerm, RelatedArticle


def store_terms(article: Article, *, new: bool = False) -> None:
    """Replace the article's stored document vector (ArticleTerm rows). ``new``: the article's row was inserted in
    this transaction, so it has no rows to replace."""
    counts = related.term_counts(article.headline, article.standfirst, article.body_text)
    if not new:
        ArticleTerm.objects.filter(article=article).delete()
    ArticleTerm.objects.bulk_create(
        ArticleTerm(article=article, term=term, weight=weight)
        for term, weight in related.document_weights(counts).items()
    )


DF_CACHE_SECONDS = 3600


def document_frequencies(terms: list[str]) -> tuple[int, dict[str, int]]:
    """How many articles there are, and how many contain each term. Cached for an hour per term.

    Counting a common term's postings is the one costly step of ranking (a third of a million index entries
    for 80 terms over 10,000 articles); idf moves slowly, so a stale count for an hour changes nothing a
    reader would notice, and the refresh after a save ranks several articles sharing most terms.
    """
    keys = {f"publishing:df:v1:{term}": term for term in terms}
    cached = cache.get_many([*keys, "publishing:df:v1:"])
    documents = cached.get("publishing:df:v1:")
    if documents is None:
        documents = Article.objects.count()
        cache.set("publishing:df:v1:", documents, DF_CACHE_SECONDS)
    frequencies = {keys[k]: v for k, v in cached.items() if k in keys}
    missing = [t for t in terms if t not in frequencies]
    if missing:
        counted = dict(
            ArticleTerm.objects.filter(term__in=missing).values("term").annotate(n=Count("id"))
            .values_list("term", "n")
        )
        counted.update({t: 0 for t in missing if t not in counted})
        cache.set_many({f"publishing:df:v1:{t}": n for t, n in counted.items()}, DF_CACHE_SECONDS)
        frequencies.update(counted)
    return documents, frequencies


def rank_related(article_id: int, limit: int = related.RELATED_COUNT) -> list[related.Ranked]:
    """The best live articles for this one: cosine over the term index plus the shared-topic boost.

    At most seven indexed queries whatever the archive size: the article's terms, their document frequencies
    and the article count (both cached, see _document_frequencies), the postings of its query terms, its
    topics, the live articles sharing them, and which text candidates are live. The postings are summed here:
    cheaper than a 25-branch CASE in SQL.
    """
    own = dict(ArticleTerm.objects.filter(article_id=article_id).values_list("term", "weight"))
    text_scores: dict[int, float] = {}
    if own:
        documents, frequencies = document_frequencies(list(own))
        query = related.query_weights(own, frequencies, documents)
        for other_id, term, weight in ArticleTerm.objects.filter(term__in=list(query)).values_list(
            "article_id", "term", "weight"
        ):
            text_scores[other_id] = text_scores.get(other_id, 0.0) + weight * query[term]
        text_scores.pop(article_id, None)
        best = sorted(text_scores, key=text_scores.__getitem__, reverse=True)[: related.CANDIDATES]
        live_ids = set(Article.objects.live().filter(pk__in=best).values_list("pk", flat=True))
        text_scores = {i: text_scores[i] for i in best if i in live_ids}
    own_topics = topic_ids(article_id)
    shared: dict[int, int] = {}
    if own_topics:
        shared = dict(
            Article.topics.through.objects.filter(topic_id__in=own_topics, article__in=Article.objects.live())
            .exclude(article_id=article_id)
            .values("article_id")
            .annotate(shared=Count("topic_id"))
            .order_by("-shared", "-article_id")  # type: ignore[misc]  # django-stubs cannot see values() annotations
            .values_list("article_id", "shared")[: related.CANDIDATES]
        )
    return related.combine(text_scores, shared, exclude=article_id, limit=limit)


def store_related(article_id: int, ranked: list[related.Ranked]) -> bool:
    """Replace one article's stored list; skip the write when nothing changed. True when rows changed."""
    current = list(RelatedArticle.objects.filter(article_id=article_id).values_list("related_id", "rank"))
    wanted = [(r.article_id, i + 1) for i, r in enumerate(ranked)]
    if current == wanted:
        return False
    now = timezone.now()
    with transaction.atomic():
        RelatedArticle.objects.filter(article_id=article_id).delete()
        RelatedArticle.objects.bulk_create(
            RelatedArticle(article_id=article_id, related_id=r.article_id, score=r.score, rank=i + 1, computed_at=now)
            for i, r in enumerate(ranked)
        )
    return True


def topic_ids(article_id: int) -> list[int]:
    return list(Article.topics.through.objects.filter(article_id=article_id).values_list("topic_id", flat=True))
