""""More on this topic": TF-IDF similarity boosted by shared topics, stored on publish, read by the page."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from masthead.publishing import actions, ranking
from masthead.publishing.models import Article, RelatedArticle
from masthead.publishing.related import combine, document_weights, query_weights, term_counts
from masthead.testing.articles import make_article, make_topic

pytestmark = pytest.mark.django_db

FLOOD = "The river flood wall by the old mill was raised after the floods; the flood wall protects the mill."


def _related_headlines(article: Article) -> list[str]:
    rows = RelatedArticle.objects.filter(article=article).select_related("related").order_by("rank")
    return [row.related.headline for row in rows]


@pytest.fixture
def newsroom():
    rivers, arts = make_topic("Rivers"), make_topic("Arts")
    articles = {
        "same text, same topic": make_article("Flood wall at the mill raised", FLOOD, topics=[rivers]),
        "same text, other topic": make_article("Mill flood wall raised again", FLOOD, topics=[arts]),
        "same topic only": make_article("Ferry timetable changes", "The ferry runs later in summer.",
                                        topics=[rivers]),
        "nothing shared": make_article("Gallery opens", "A gallery of paintings opened downtown.", topics=[arts]),
    }
    target = make_article("River flood wall finished at the mill",
                          "Work on the river flood wall at the old mill is finished, a year after the floods.",
                          topics=[rivers])
    return target, articles


def test_similar_text_and_a_shared_topic_rank_first(newsroom):
    target, articles = newsroom

    ranked = _related_headlines(target)

    assert ranked[0] == articles["same text, same topic"].headline
    assert ranked[1] == articles["same text, other topic"].headline
    assert articles["same topic only"].headline in ranked
    assert articles["nothing shared"].headline not in ranked
    scores = list(RelatedArticle.objects.filter(article=target).order_by("rank").values_list("score", flat=True))
    assert scores == sorted(scores, reverse=True)


def test_the_page_shows_the_stored_rows(client, newsroom):
    target, articles = newsroom
    chosen = articles["nothing shared"]
    RelatedArticle.objects.filter(article=target).delete()
    RelatedArticle.objects.create(article=target, related=chosen, score=0.5, rank=1)

    html = client.get(target.get_absolute_url()).content.decode()

    section = html[html.index('id="related"'):]
    assert chosen.headline in section
    assert articles["same text, same topic"].headline not in section


def test_the_page_leaves_out_stored_entries_that_are_no_longer_live(client, newsroom):
    # The stored rows may name an article that is no longer live (until the refresh after the change runs): a
    # draft, one scheduled for later, an external one. The page shows the live entries in their stored order.
    target, articles = newsroom
    live_first, live_last = articles["same topic only"], articles["nothing shared"]
    hidden = {
        "draft": articles["same text, same topic"],
        "later": articles["same text, other topic"],
        "external": make_article("A story hosted elsewhere", "Its discussion lives here."),
    }
    Article.objects.filter(pk=hidden["draft"].pk).update(status=Article.Status.DRAFT)
    Article.objects.filter(pk=hidden["later"].pk).update(status=Article.Status.SCHEDULED,
                                                         published_at=timezone.now() + timedelta(days=1))
    Article.objects.filter(pk=hidden["external"].pk).update(is_external=True)
    RelatedArticle.objects.filter(article=target).delete()
    order = [hidden["draft"], live_first, hidden["later"], hidden["external"], live_last]
    for rank, related in enumerate(order, start=1):
        RelatedArticle.objects.create(article=target, related=related, score=1.0 / rank, rank=rank)

    html = client.get(target.get_absolute_url()).content.decode()

    section = html[html.index('id="related"'):]
    assert section.index(live_first.headline) < section.index(live_last.headline)
    for article in hidden.values():
        assert article.headline not in section


def test_a_new_article_joins_the_lists_of_older_similar_ones(newsroom):
    target, articles = newsroom
    older = articles["same text, same topic"]
    assert target.headline in _related_headlines(older)

    fresh = make_article("Flood wall at the mill: raised and finished", FLOOD, topics=list(target.topics.all()))

    assert fresh.headline in _related_headlines(older)


def test_unpublishing_removes_the_article_from_every_list(client, newsroom):
    target, articles = newsroom
    older = articles["same text, same topic"]
    assert target.headline in _related_headlines(older)

    with TestCase.captureOnCommitCallbacks(execute=True):
        actions.do_unpublish_article(target)

    assert target.headline not in _related_headlines(older)
    assert not RelatedArticle.objects.filter(article=target).exists()


def test_deleting_an_article_refills_the_lists_that_named_it(newsroom):
    target, articles = newsroom
    older = articles["same text, same topic"]
    rivers = list(older.topics.all())
    for n in range(2):
        make_article(f"Mill notes {n}", "Notes on the mill and its wall.", topics=rivers)
    ranked = _related_headlines(older)
    assert len(ranked) == 4
    assert target.headline in ranked

    with TestCase.captureOnCommitCallbacks(execute=True):
        actions.do_delete_article(target)

    ranked = _related_headlines(older)
    assert target.headline not in ranked
    assert len(ranked) == 4  # the fifth best moved up; without the refresh only three would be left


def test_scores_are_cosine_plus_a_boost_per_shared_topic():
    same = document_weights(term_counts("River flood", "", "river flood wall mill"))
    query = query_weights(same, dict.fromkeys(same, 2), documents=3)
    cosine = sum(query[t] * same[t] for t in query)

    ranked = combine({2: cosine, 3: 0.0}, {2: 1, 3: 3}, exclude=1)

    assert cosine == pytest.approx(1.0)  # identical text: idf is the same for every term here
    assert [r.article_id for r in ranked] == [2, 3]
    assert [r.score for r in ranked] == pytest.approx([1.15, 0.30])


def test_ranking_one_article_costs_the_same_queries_with_3_and_30_articles(django_assert_num_queries):
    topic = make_topic("Rivers")
    small = [make_article(f"Flood story {i}", FLOOD, topics=[topic]) for i in range(3)]
    cache.clear()  # document frequencies are cached: measure the cold path
    with django_assert_num_queries(7):
        assert len(ranking.rank_related(small[0].pk)) == 2
    big = [make_article(f"Flood story {i}", FLOOD, topics=[topic], related=False) for i in range(3, 30)]
    cache.clear()
    with django_assert_num_queries(7):
        assert len(ranking.rank_related(big[0].pk)) == 4
