"""The article page's queries reach comments through indexes that do not grow with the site.

With a million comments, one query that started from every visible comment (SQLite's choice for a join filtered on
the comment's status) cost 100 ms per article page. Query plans do not depend on the data's size here (no
statistics on SQLite; sequential scans switched off on PostgreSQL), so a small site shows the plan a large one gets.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from masthead.discussion.actions import NewComment, do_post_comment, thread_for_article
from masthead.discussion.tests.helpers import reader
from masthead.publishing.tests.factories import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]


def _plan(sql: str, params: object) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def _walks_every_comment(plan: str) -> bool:
    if connection.vendor == "sqlite":
        # A full scan, or a walk of the status index: both visit every (visible) comment of the site.
        return "SCAN discussion_comment" in plan or "INDEX comment_status" in plan
    return "Seq Scan on discussion_comment" in plan


def test_no_query_of_the_article_page_walks_every_comment():
    other = thread_for_article(make_article("Elsewhere"))
    for n in range(3):
        do_post_comment(other, reader(f"other-{n}"), NewComment(body=f"Elsewhere {n}", author_name="Bo"))
    article = make_article("Ferry timetable")
    thread = thread_for_article(article)
    do_post_comment(thread, reader("here"), NewComment(body="The early ferry is back.", author_name="Ada"))

    with CaptureQueriesContext(connection) as queries:
        response = Client().get(article.get_absolute_url())
    assert response.status_code == 200
    comment_queries = [q["sql"] for q in queries.captured_queries
                       if q["sql"].startswith("SELECT") and "discussion_comment" in q["sql"]]
    assert comment_queries, "the page reads comments"
    bad = []
    for sql in comment_queries:
        plan = _plan(sql, None)  # the captured SQL has its parameters inlined
        if _walks_every_comment(plan):
            bad.append(f"{sql[:200]}...\n{plan}")
    assert not bad, "\n\n".join(bad)
