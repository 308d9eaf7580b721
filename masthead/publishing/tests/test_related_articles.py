""""More on this topic": TF-IDF similarity boosted by shared topics, stored on publish, read by the page."""

import pytest
from django.test import TestCase

from masthead.publishing import actions
from masthead.publishing.models import Article, RelatedArticle
from masthead.publishing.related import RelatedIndex, term_counts
from masthead.publishing.tests.factories import make_article, make_topic

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


def test_the_ranking_index_scores_cosine_plus_topic_boost():
    docs = {
        1: term_counts("River flood", "", "river flood wall mill"),
        2: term_counts("River flood", "", "river flood wall mill"),
        3: term_counts("Gallery", "", "paintings gallery"),
    }
    index = RelatedIndex(docs, {1: frozenset({7}), 2: frozenset({7}), 3: frozenset({7})})

    ranked = index.rank(1, docs[1], {7})

    assert [r.article_id for r in ranked] == [2, 3]
    assert ranked[0].score == pytest.approx(1.15, abs=1e-6)  # identical text, one shared topic
    assert ranked[1].score == pytest.approx(0.15, abs=1e-6)  # only the topic
