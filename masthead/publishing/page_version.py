"""What a live article page's version depends on, read in one plain SQL query (the signed-in readers' hot path).

A reader with a personal cookie gets the page kept for its version (core/personal_parts.py), so every such
request checks the version and nothing else of the article: its row's ``updated_at`` and ``render_version`` and
its live related articles' ids and ``updated_at``, in "More on this topic" order. The ORM's query compilation cost
more than the rest of the request (1.7 ms each for the article and the related list, against 0.2 ms for a
prepared statement like this), so the SQL is written once from the models' column names, like the discussion's
thread row (discussion/actions.py). The same query reads the article's conversation (its version and comment
count) when an app above provides the columns (``hooks.conversation_columns``): one round trip for both.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.utils import timezone

from masthead.core import prepared
from masthead.publishing.hooks import Conversation, ConversationColumns, conversation_columns
from masthead.publishing.models import Article, RelatedArticle


@dataclass(frozen=True)
class PageVersion:
    article_id: int
    parts: tuple[Any, ...]  # the article's updated_at and render_version, then each related (id, updated_at)
    # Read by the same query; None without the columns, or when the article has no conversation row yet.
    conversation: Conversation | None = None


def _live(alias: str) -> str:
    quote = connection.ops.quote_name
    return (f"{alias}.{quote('status')} IN (%s, %s) AND {alias}.{quote('published_at')} <= %s "
            f"AND {alias}.{quote('is_external')} = %s")


@functools.cache  # per database vendor and columns: the same text for every request
def _sql(vendor: str, columns: ConversationColumns | None) -> str:
    quote = connection.ops.quote_name
    articles, related = quote(Article._meta.db_table), quote(RelatedArticle._meta.db_table)
    extra = f", {columns.version}, {columns.comment_count}" if columns is not None else ""
    return (
        f"SELECT a.{quote('id')}, a.{quote('updated_at')}, a.{quote('render_version')}, "  # noqa: S608 - names from the models
        f"ra.{quote('id')}, ra.{quote('updated_at')}{extra} "
        f"FROM {articles} a "
        f"LEFT JOIN {related} r ON r.{quote('article_id')} = a.{quote('id')} "
        f"LEFT JOIN {articles} ra ON ra.{quote('id')} = r.{quote('related_id')} AND {_live('ra')} "
        f"{columns.join + ' ' if columns is not None else ''}"
        f"WHERE a.{quote('slug')} = %s AND {_live('a')} "
        f"ORDER BY r.{quote('rank')}"
    )


def live_page_version(slug: str) -> PageVersion | None:
    """The version of the live article with this slug, or None (not live, moved, or never existed)."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    live = [Article.Status.PUBLISHED.value, Article.Status.SCHEDULED.value, now, False]
    columns = conversation_columns()
    with connection.cursor() as cursor:  # prepared on PostgreSQL: planning the joins cost more than running them
        prepared.execute(cursor, "masthead_page_version" if columns is not None else "masthead_page_version_alone",
                         _sql(connection.vendor, columns), [*live, slug, *live])
        rows = cursor.fetchall()
    if not rows:
        return None
    article_id, updated_at, render_version = rows[0][:3]
    related = tuple((str(row[3]), str(row[4])) for row in rows if row[3] is not None)
    found = None
    if columns is not None and rows[0][5] is not None:  # the same on every row: one conversation per article
        found = Conversation(int(rows[0][5]), int(rows[0][6]))
    return PageVersion(int(article_id), (str(updated_at), render_version, *related), found)
