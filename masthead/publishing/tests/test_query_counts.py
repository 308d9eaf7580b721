"""Home, topic, author and article pages run a fixed number of queries, whatever the number of articles."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.publishing import actions
from masthead.testing.articles import make_article, make_author, make_topic

pytestmark = pytest.mark.django_db

# Nav topics (cached after the first request), articles, their authors, their topics, and the comment counts
# (one comment_counts() call per page); topic and author pages add their own row.
HOME_QUERIES = 5
TOPIC_QUERIES = 6


def _newsroom(count: int):
    topics = [make_topic(f"Topic {i}") for i in range(3)]
    authors = [make_author(f"Writer {i}") for i in range(3)]
    articles = [
        make_article(f"Story {i} about the river and the mill", topics=topics[: 1 + i % 3],
                     authors=authors[: 1 + i % 2], image=i < 2, related=False)
        for i in range(count)
    ]
    actions.do_refresh_all_related()  # once, rather than after each article
    return topics[0], authors[0], articles[-1]


def _warm(client, url: str) -> None:
    """One visit first (other apps' slots may create their rows lazily), then a cold header cache."""
    assert client.get(url).status_code == 200
    cache.clear()


def _count(client, url: str) -> int:
    _warm(client, url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("count", [3, 30])
def test_home_page(client, django_assert_num_queries, count):
    _newsroom(count)
    with django_assert_num_queries(HOME_QUERIES):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_topic_page(client, django_assert_num_queries, count):
    topic, _, _ = _newsroom(count)
    with django_assert_num_queries(TOPIC_QUERIES):
        assert client.get(topic.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_author_page(client, django_assert_num_queries, count):
    _, author, _ = _newsroom(count)
    with django_assert_num_queries(TOPIC_QUERIES):
        assert client.get(author.get_absolute_url()).status_code == 200


def test_article_page_same_count_with_3_and_30_articles(client, django_assert_num_queries):
    # The page includes other apps' slots (funding bar, discussion), so the baseline is measured, not fixed;
    # publishing's own part is the article, its authors, its topics, the related rows and the header topics.
    _, _, small = _newsroom(3)
    baseline = _count(client, small.get_absolute_url())
    _, _, big = _newsroom(27)  # 30 in all
    _warm(client, big.get_absolute_url())
    with django_assert_num_queries(baseline):
        assert client.get(big.get_absolute_url()).status_code == 200
    assert "More on this topic" in client.get(big.get_absolute_url()).content.decode()


def test_older_pages_cost_the_same(client, django_assert_num_queries, settings):
    settings.ARTICLES_PER_PAGE = 5
    _newsroom(12)
    with django_assert_num_queries(HOME_QUERIES):
        assert client.get("/?page=3").status_code == 200


def test_an_article_page_reads_its_thread_once(client):
    # Its ETag, its comment count, its discussion and its passage marks all need the thread's row; each used to
    # read it on its own (three more queries per render, and a post landing in between gave the page an ETag of
    # one version and the comments of the next). The related articles' counts are one query more.
    _, _, article = _newsroom(4)
    _warm(client, article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "More on this topic" in page.content.decode()
    thread_reads = [q["sql"] for q in queries if 'FROM "discussion_thread"' in q["sql"]]
    assert len(thread_reads) == 2, thread_reads
    assert sum(f'"article_id" = {article.pk}' in sql for sql in thread_reads) == 1, thread_reads
