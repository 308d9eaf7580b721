"""A new comment stored in one statement: its row with its place in the tree, and on PostgreSQL the thread's
counters with it (``insert_comment``, called by ``actions.do_post_comment``).

The ORM stored a post in three statements: the INSERT, an UPDATE of the tree placement (the root and the path end
with the comment's own id, known only after the insert), and the thread's counters; on PostgreSQL each is a round
trip that the posting path waits for, and the ORM compiled each again per post. Here the id is taken in the
statement itself (PostgreSQL's sequence; on SQLite the next AUTOINCREMENT value, safe because the writer holds
the database's write lock from ``BEGIN IMMEDIATE``), the root and path are computed from it in SQL, and on
PostgreSQL the counters' UPDATE rides along as a data-modifying CTE (SQLite has none: a second plain statement).
The SQL is written once per database from the model's columns; values are prepared as ``bulk_insert`` prepares
them (Django's own field preparation).
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import connection

from masthead.core.bulk_insert import field_preparers
from masthead.discussion.models import PATH_SEGMENT, Comment, Thread

_PLACED = ("id", "root_id", "path")  # written by the SQL from the new id, not from the object


@functools.cache  # per (database vendor, whether the thread's counters go with it)
def _insert_sql(vendor: str, count_visible: bool) -> tuple[str, str | None]:
    """(the INSERT, the counters' UPDATE when it cannot be part of it)."""
    quote = connection.ops.quote_name
    table, thread_table = quote(Comment._meta.db_table), quote(Thread._meta.db_table)
    fields = [field for field in Comment._meta.concrete_fields if field.attname not in _PLACED]
    columns = ", ".join(quote(str(field.column)) for field in fields)
    values = ", ".join(["%s"] * len(fields))
    new_id = "(SELECT id FROM new_comment)"
    if vendor == "postgresql":
        next_id = f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) AS id"
        padded = f"lpad({new_id}::text, {PATH_SEGMENT}, '0')"
    else:  # SQLite: AUTOINCREMENT's next value (the highest id ever given, or in the table, plus one)
        sequence = f"(SELECT seq FROM sqlite_sequence WHERE name = '{Comment._meta.db_table}')"  # noqa: S608
        next_id = f"SELECT max(coalesce({sequence}, 0), coalesce((SELECT max(id) FROM {table}), 0)) + 1 AS id"  # noqa: S608
        padded = f"substr('{'0' * PATH_SEGMENT}' || {new_id}, -{PATH_SEGMENT})"
    counters = (f"UPDATE {thread_table} SET {quote('comment_count')} = {quote('comment_count')} + 1, "  # noqa: S608
                f"{quote('version')} = {quote('version')} + 1 WHERE {quote('id')} = %s")
    ctes = [f"new_comment AS ({next_id})"]
    separate = None
    if count_visible and vendor == "postgresql":
        ctes.append(f"counted AS ({counters})")
    elif count_visible:
        separate = counters
    insert = (f"WITH {', '.join(ctes)} INSERT INTO {table} ({quote('id')}, {columns}, {quote('root_id')}, "  # noqa: S608
              f"{quote('path')}) VALUES ({new_id}, {values}, coalesce(%s, {new_id}), %s || {padded}) "
              f"RETURNING {quote('id')}")
    return insert, separate


@functools.cache
def _preparers(vendor: str) -> list[Any]:
    fields = [field for field in Comment._meta.concrete_fields if field.attname not in _PLACED]
    return field_preparers(fields)


def insert_comment(comment: Comment, root_id: int | None, path_prefix: str, *, count_visible: bool) -> int:
    """Insert the new ``comment`` (no id yet) and return its id; its root is ``root_id`` (None: itself) and its
    path ``path_prefix`` followed by its own id. ``count_visible``: the thread's comment count and version go up
    by one in the same statement batch. The caller sets the object's placement from the id it gets back."""
    vendor = connection.vendor
    insert, separate = _insert_sql(vendor, count_visible)
    values = [prepare(comment) for prepare in _preparers(vendor)]
    ctes_params = [comment.thread_id] if count_visible and separate is None else []
    with connection.cursor() as cursor:
        cursor.execute(insert, [*ctes_params, *values, root_id, path_prefix])
        new_id = int(cursor.fetchone()[0])
        if separate is not None:
            cursor.execute(separate, [comment.thread_id])
    comment.pk = new_id
    comment._state.adding = False
    comment._state.db = connection.alias
    return new_id
