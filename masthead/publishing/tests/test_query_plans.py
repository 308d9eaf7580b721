"""The article page's queries reach comments through indexes that do not grow with the site.

With a million comments, one query that started from every visible comment (SQLite's choice for a join filtered on
the comment's status) cost 100 ms per article page. See masthead/testing/plans.py for why a small site shows the
plan a large one gets.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from masthead.discussion.actions import NewComment, submit_comment, thread_for_article
from masthead.testing.articles import make_article
from masthead.testing.discussion import reader
from masthead.testing.plans import plan, walks_a_whole_table, whole_table_walks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]


def test_no_query_of_the_article_page_walks_every_comment():
    other = thread_for_article(make_article("Elsewhere"))
    for n in range(3):
        submit_comment(other, reader(f"other-{n}"), NewComment(body=f"Elsewhere {n}", author_name="Bo"))
    article = make_article("Ferry timetable")
    thread = thread_for_article(article)
    submit_comment(thread, reader("here"), NewComment(body="The early ferry is back.", author_name="Ada"))

    with CaptureQueriesContext(connection) as queries:
        response = Client().get(article.get_absolute_url())
    assert response.status_code == 200
    assert any("discussion_comment" in q["sql"] for q in queries.captured_queries), "the page reads comments"
    walks = whole_table_walks(queries.captured_queries, ("discussion_comment",))
    assert not walks, "\n\n".join(walks)


def test_no_query_of_the_article_page_lists_every_live_article():
    # "More on this topic" used to keep the live entries with `related IN (every live article)`: a list of the
    # whole site built for each page (5 ms at 10,000 articles). It filters on the joined article now.
    article = make_article("Ferry timetable")
    for n in range(3):
        make_article(f"Other ferry news {n}")
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(article.get_absolute_url()).status_code == 200
    subqueries = [q["sql"] for q in queries.captured_queries
                  if "publishing_article" in q["sql"] and q["sql"].count("SELECT") > 1
                  and "FROM \"publishing_article\" U0" in q["sql"]]
    assert not subqueries, "\n\n".join(subqueries)


def test_the_related_list_starts_from_the_articles_own_entries():
    # "More on this topic" with the live condition in SQL made SQLite walk every live article by the listing
    # index and probe each for an entry of this article (22 ms per page at 10,000 articles, whatever the list).
    article = make_article("Ferry timetable")
    for n in range(3):
        make_article(f"Other ferry news {n}")
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(article.get_absolute_url()).status_code == 200
    related = [q["sql"] for q in queries.captured_queries if "publishing_relatedarticle" in q["sql"]]
    assert related, "the page reads its related list"
    for sql in related:
        query_plan = plan(sql)
        assert "article_listing" not in query_plan, f"{sql[:300]}...\n{query_plan}"
        assert not walks_a_whole_table(query_plan, ("publishing_article",)), f"{sql[:300]}...\n{query_plan}"
