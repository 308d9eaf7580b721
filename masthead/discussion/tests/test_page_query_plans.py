"""A "load more" page reads a range of the page index from its cursor, not everything before the cursor.

With the keyset condition written only as ``created_at < c OR (created_at = c AND id < i)``, SQLite used the page
index for the thread alone and walked every comment between the top of the thread and the cursor: 50 ms for a
page 90% down a 100,000-comment thread, growing with the depth. See masthead/testing/plans.py for why a small
thread shows the plan a large one gets.
"""

from __future__ import annotations

import pytest
from django.db import connection

from masthead.discussion.pages import SORTS, _top_level, cursor_for
from masthead.discussion.tests.helpers import make_thread, post_as, reader
from masthead.testing.plans import plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]

SORT_KEY = {"newest": "created_at", "oldest": "created_at", "votes": "score"}


@pytest.mark.parametrize("sort", SORTS)
def test_a_cursor_page_is_a_range_of_the_page_index(sort):
    thread = make_thread()
    comments = [post_as(thread, reader(f"r{n}"), body=f"Comment {n} on the ferry.") for n in range(4)]
    after = cursor_for(comments[1], sort)
    query = _top_level(thread.pk, sort, after)[:21]
    sql, params = query.query.sql_with_params()
    if connection.vendor == "sqlite":  # with the parameters bound, as the app runs it (inlined values plan better)
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            query_plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
    else:
        with connection.cursor() as cursor:
            query_plan = plan(cursor.mogrify(sql, params))
    key = SORT_KEY[sort]
    if connection.vendor == "sqlite":
        assert f"{key}<" in query_plan or f"{key}>" in query_plan, query_plan
    else:
        conditions = [line for line in query_plan.splitlines() if "Index Cond" in line]
        assert any(key in line for line in conditions), query_plan
    assert [c.pk for c in query] == [c.pk for c in _expected(comments, sort, after)]


def _expected(comments, sort, after):  # type: ignore[no-untyped-def]
    if sort == "votes":
        ordered = sorted(comments, key=lambda c: (-c.score, -c.pk))
        return [c for c in ordered if (c.score, c.pk) < (after.key, after.id)]
    keyed = sorted(comments, key=lambda c: (c.created_at, c.pk), reverse=(sort == "newest"))
    if sort == "newest":
        return [c for c in keyed if (cursor_for(c, sort).key, c.pk) < (after.key, after.id)]
    return [c for c in keyed if (cursor_for(c, sort).key, c.pk) > (after.key, after.id)]

