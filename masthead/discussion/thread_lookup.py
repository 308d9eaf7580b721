"""A thread by id with the part of its article a write checks (``thread_with_article``), in one plain query.

Every post looked its thread up with ``Thread.objects.select_related("article")``: the ORM compiled the join again
for each post (about 0.5 ms, more than the database took) and read the whole article, its body and rendered HTML
included, to check only that it is live and open for discussion. The SQL is written once per database from the
models' columns; the rows become instances as ``Model.from_db`` makes them, the article's other fields deferred
(read on first use, as ``only()`` would), with the same converters the ORM applies.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import connection, models

from masthead.discussion.models import Thread
from masthead.publishing.models import Article

# What the discussion reads of a thread's article while writing: liveness, whether it is open, where it lives.
ARTICLE_FIELDS = ("id", "headline", "slug", "status", "published_at", "discussion_open", "is_external",
                  "external_url", "canonical_url", "version")

_Converters = list[tuple[int, Any, list[Any]]]


def _converters(model: type[models.Model], fields: list[models.Field], start: int) -> _Converters:
    found = []
    for index, field in enumerate(fields, start):
        column = field.get_col(model._meta.db_table)
        converters = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
        if converters:
            found.append((index, column, converters))
    return found


@functools.cache  # per database vendor
def _lookup(vendor: str) -> tuple[str, list[str], list[str], _Converters]:
    quote = connection.ops.quote_name
    thread_fields = list(Thread._meta.concrete_fields)
    article_fields = [field for field in Article._meta.concrete_fields if field.attname in ARTICLE_FIELDS]
    columns = [f"t.{quote(str(f.column))}" for f in thread_fields] + [f"a.{quote(str(f.column))}"
                                                                         for f in article_fields]
    sql = (f"SELECT {', '.join(columns)} FROM {quote(Thread._meta.db_table)} t "  # noqa: S608 - names from the models
           f"LEFT JOIN {quote(Article._meta.db_table)} a ON a.{quote('id')} = t.{quote('article_id')} "
           f"WHERE t.{quote('id')} = %s")
    convert = _converters(Thread, thread_fields, 0) + _converters(Article, article_fields, len(thread_fields))
    return sql, [f.attname for f in thread_fields], [f.attname for f in article_fields], convert


def thread_with_article(thread_id: int) -> Thread | None:
    """The thread with its article (None when there is no such thread); ``thread.article`` is None for a thread
    without one, else an Article with ``ARTICLE_FIELDS`` loaded."""
    sql, thread_names, article_names, convert = _lookup(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [thread_id])
        row = cursor.fetchone()
    if row is None:
        return None
    values = list(row)
    for index, column, converters in convert:
        value = values[index]
        for converter in converters:
            value = converter(value, column, connection)
        values[index] = value
    thread = Thread.from_db(connection.alias, thread_names, values[: len(thread_names)])
    article_values = values[len(thread_names) :]
    article = Article.from_db(connection.alias, article_names, article_values) if article_values[0] is not None \
        else None
    Thread._meta.get_field("article").set_cached_value(thread, article)
    return thread
