"""Pages of top-level comments come from the page index: a "load more" page reads a range of it from its cursor,
not everything before the cursor, and a thread that grew since the last statistics is still paged by it.

With the keyset condition written only as ``created_at < c OR (created_at = c AND id < i)``, SQLite used the page
index for the thread alone and walked every comment between the top of the thread and the cursor: 50 ms for a
page 90% down a 100,000-comment thread, growing with the depth. See masthead/testing/plans.py for why a small
thread shows the plan a large one gets.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from masthead.discussion.models import Comment
from masthead.discussion.pages import SORTS, cursor_for, load_page, replies_sql, top_level_sql
from masthead.testing.discussion import make_thread, post_as, reader
from masthead.testing.plans import plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]

SORT_KEY = {"newest": "created_at", "oldest": "created_at", "votes": "score"}


@pytest.mark.parametrize("sort", SORTS)
def test_a_cursor_page_is_a_range_of_the_page_index(sort):
    thread = make_thread()
    comments = [post_as(thread, reader(f"r{n}"), body=f"Comment {n} on the ferry.") for n in range(4)]
    after = cursor_for(comments[1], sort)
    sql, params = top_level_sql(thread.pk, sort, after, 21)
    if connection.vendor == "sqlite":  # with the parameters bound, as the app runs it (inlined values plan better)
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            query_plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
    else:
        # Four rows: which index PostgreSQL picks is then a coin toss weighted by the statistics earlier tests left
        # in this database. This test asks whether the page index can serve the page as a range, so sorting is
        # taken off the table for the question; the grown-thread test checks the planner's own choice.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_sort = off")
            query_plan = plan(cursor.mogrify(sql, params))
            cursor.execute("RESET enable_sort")
    key = SORT_KEY[sort]
    if connection.vendor == "sqlite":
        assert f"{key}<" in query_plan or f"{key}>" in query_plan, query_plan
    else:
        conditions = [line for line in query_plan.splitlines() if "Index Cond" in line]
        assert any(key in line for line in conditions), query_plan
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        assert [row[0] for row in cursor.fetchall()] == [c.pk for c in _expected(comments, sort, after)]
    assert [item.root.pk for item in load_page(thread.pk, sort, after, 20).threads] == [
        c.pk for c in _expected(comments, sort, after)]


def _expected(comments, sort, after):
    if sort == "votes":
        ordered = sorted(comments, key=lambda c: (-c.score, -c.pk))
        return [c for c in ordered if (c.score, c.pk) < (after.key, after.id)]
    keyed = sorted(comments, key=lambda c: (c.created_at, c.pk), reverse=(sort == "newest"))
    if sort == "newest":
        return [c for c in keyed if (cursor_for(c, sort).key, c.pk) < (after.key, after.id)]
    return [c for c in keyed if (cursor_for(c, sort).key, c.pk) > (after.key, after.id)]



def _explain(sql: str, params: tuple | list) -> str:
    """The plan the database really picks, from its statistics (nothing switched off)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN {cursor.mogrify(sql, params)}")
        return "\n".join(row[0] for row in cursor.fetchall())


def _add_roots(thread, count: int) -> None:
    start = timezone.now() - timedelta(days=1)
    Comment.objects.bulk_create(
        (Comment(thread=thread, depth=0, path=f"{n:012d}", author_name="Reader", body="On the ferry.",
                 body_html="<p>On the ferry.</p>", created_at=start + timedelta(seconds=n)) for n in range(count)),
        batch_size=1000,
    )


def _private_comment_table() -> None:
    """On PostgreSQL, a temporary copy of the comment table with the same indexes, which this transaction's
    queries use instead of the real one and which is dropped when it ends. ANALYZE writes a table's row count
    in place, outside any transaction: on the real table the count of this test's rows would stay after the
    rollback, and later tests would be planned for a table that no longer exists."""
    table = Comment._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE TEMPORARY TABLE "{table}" (LIKE public."{table}" INCLUDING ALL) ON COMMIT DROP')
        for name, definition in _indexes(cursor, "public", table).items():
            copy = next(n for n, d in _indexes(cursor, "pg_temp", table).items() if _columns(d) == _columns(definition))
            if copy != name:  # the plans then name the same indexes
                cursor.execute(f'ALTER INDEX pg_temp."{copy}" RENAME TO "{name}"')


_INDEXES_OF = ("SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
               " JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
               " WHERE t.relname = %s AND (n.nspname = %s OR (%s = 'pg_temp' AND n.oid = pg_my_temp_schema()))")


def _indexes(cursor, schema: str, table: str) -> dict[str, str]:
    cursor.execute(_INDEXES_OF, [table, schema, schema])
    return dict(cursor.fetchall())


def _columns(definition: str) -> str:
    return definition.split(" USING ", 1)[1]  # "btree (thread_id, depth, created_at, id)", with any WHERE


def test_a_thread_that_grew_since_the_last_statistics_is_still_paged_by_its_index():
    # Statistics taken while every thread was small; then one thread becomes the hot one. PostgreSQL then
    # estimated that thread at a few dozen comments and, with an index on the thread alone, read and sorted all
    # of them for every first page (5.7 ms at 3,300 comments, growing with the thread).
    quiet = [make_thread() for _ in range(30)]
    if connection.vendor == "postgresql":
        _private_comment_table()
    for thread in quiet:
        _add_roots(thread, 5)
    hot = quiet[0]
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Comment._meta.db_table}")
    _add_roots(hot, 3000)
    query_plan = _explain(*top_level_sql(hot.pk, "newest", None, 21))
    assert "comment_page_time" in query_plan, query_plan
    if connection.vendor == "sqlite":
        assert "TEMP B-TREE" not in query_plan, query_plan
    else:
        assert "Sort" not in query_plan, query_plan
    roots = [item.root for item in load_page(hot.pk, "newest", None, 20).threads]
    assert [c.created_at for c in roots] == sorted((c.created_at for c in roots), reverse=True)
    assert roots[0].created_at == Comment.objects.filter(thread=hot).order_by("-created_at")[0].created_at

    assert "comment_tree" in _explain(*replies_sql(hot.pk, [c.pk for c in roots]))
