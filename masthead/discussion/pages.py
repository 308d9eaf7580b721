"""Reading a thread: keyset pages of top-level comments for each sort, with their replies in display order.

A page costs two indexed queries whatever the thread size: the next ``limit`` top-level comments after the
cursor, then every shown reply of those roots ordered by ``(root_id, path)`` (plain SQL written from the model's
column names). Sort names map to orderings from a fixed table; a client string never reaches the SQL.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import connection
from django.db.models import Field, signals
from django.db.models.base import ModelState

from masthead.discussion.models import Comment

SORTS = {"newest": "Newest", "oldest": "Oldest", "votes": "Most Voted"}
DEFAULT_SORT = "newest"
# Whole-string matches only (fullmatch): with re.match, "$" also matches before a trailing newline.
_CURSOR = re.compile(r"(-?[0-9]{1,19})\.([0-9]{1,19})")
_SMALL_ID = re.compile(r"[1-9][0-9]{0,17}")

# Only what a page shows: never emails, network hashes or token hashes.
DISPLAY_FIELDS = (
    "id", "thread_id", "parent_id", "in_reply_to_id", "root_id", "path", "depth", "user_id", "author_name",
    "author_website", "body_html", "quote", "status", "created_at", "edited_at", "score", "upvotes", "downvotes",
    "reply_count",
)


def small_id(raw: str | None) -> int | None:
    """A positive id from a query or form field (ASCII digits only: ``"²".isdigit()`` is true), else None."""
    if raw and _SMALL_ID.fullmatch(raw):
        return int(raw)
    return None


class CursorError(ValueError):
    pass


def normalize_sort(value: str | None) -> str:
    return value if value in SORTS else DEFAULT_SORT


@dataclass(frozen=True)
class Cursor:
    key: int  # microseconds since the epoch (time sorts) or the score (votes)
    id: int

    def encode(self) -> str:
        return f"{self.key}.{self.id}"

    @classmethod
    def decode(cls, raw: str) -> Cursor:
        match = _CURSOR.fullmatch(raw or "")
        if not match:
            raise CursorError("malformed cursor")
        key, ident = int(match.group(1)), int(match.group(2))
        if abs(key) > 2**62 or ident > 2**62:
            raise CursorError("cursor out of range")
        return cls(key, ident)


def _micros(moment: datetime) -> int:
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def _from_micros(value: int) -> datetime:
    from datetime import timedelta

    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=value)


def cursor_for(comment: Comment, sort: str) -> Cursor:
    if sort == "votes":
        return Cursor(comment.score, comment.id)
    return Cursor(_micros(comment.created_at), comment.id)


# A page's two queries are written out once from the model's column names and run as plain SQL: the ORM compiled
# each of them again for every page (about 0.5 ms each, more than the database took to answer, and most of the
# cost of a first page of the 100,000-comment thread), and built the replied-to comments through select_related.
# The rows become Comment instances with exactly the fields an ORM query with ``only(*DISPLAY_FIELDS)`` loads,
# converted by the same converters, so templates and the shown-comment cache (render.py) see the same objects.
_REPLIED_FIELDS = ("id", "author_name", "status")  # what a reply shows of the comment it answers
# Each sort: its key column and whether it descends (the id breaks ties in the same direction).
_ORDER = {"newest": ("created_at", True), "oldest": ("created_at", False), "votes": ("score", True)}


@dataclass(frozen=True)
class _Columns:
    fields: tuple[Field[Any, Any], ...]  # in the model's field order, as Model.from_db expects them
    names: tuple[str, ...]  # their attnames
    # The columns with converters (the backend's, then the field's, as the ORM applies them): index, expression.
    convert: tuple[tuple[int, Any, tuple[Callable[..., Any], ...]], ...]


def _columns(names: tuple[str, ...]) -> _Columns:
    fields = tuple(f for f in Comment._meta.concrete_fields if f.attname in names)
    convert = []
    for index, field in enumerate(fields):
        column = field.get_col(Comment._meta.db_table)
        converters = tuple(connection.ops.get_db_converters(column) + field.get_db_converters(connection))
        if converters:
            convert.append((index, column, converters))
    return _Columns(fields, tuple(f.attname for f in fields), tuple(convert))


@functools.cache
def _page_columns(vendor: str) -> tuple[_Columns, _Columns]:
    # Once per database vendor: the converters read nothing of the connection but the backend's settings.
    return _columns(DISPLAY_FIELDS), _columns(_REPLIED_FIELDS)


def _select(alias: str, columns: _Columns) -> str:
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(f.column or f.attname)}" for f in columns.fields)


def _shown_sql(alias: str) -> str:
    """Visible comments, and non-visible ones kept as tombstones because visible replies hang from them."""
    quote = connection.ops.quote_name
    return f"({alias}.{quote('status')} = %s OR {alias}.{quote('reply_count')} > %s)"


_SHOWN_PARAMS = [Comment.Status.VISIBLE.value, 0]


def top_level_sql(thread_id: int, sort: str, after: Cursor | None, limit: int) -> tuple[str, list[Any]]:
    """The next ``limit`` top-level comments after ``after`` in ``sort`` order, from the page index.

    Each cursor condition starts with a plain bound on the sort key (``created_at <= moment``) before the
    tie-break: with the OR alone, SQLite used the page index for the thread only and walked every comment newer
    than the cursor (50 ms for a page 90% down a 100,000-comment thread); the bound makes it a range.
    """
    quote = connection.ops.quote_name
    key, descending = _ORDER[normalize_sort(sort)]
    columns, _ = _page_columns(connection.vendor)
    table = quote(Comment._meta.db_table)
    sql = (f"SELECT {_select('c', columns)} FROM {table} c "  # noqa: S608 - names from the model
           f"WHERE c.{quote('thread_id')} = %s AND c.{quote('depth')} = %s AND {_shown_sql('c')}")
    params: list[Any] = [thread_id, 0, *_SHOWN_PARAMS]
    if after is not None:
        bound: Any = after.key if key == "score" else connection.ops.adapt_datetimefield_value(_from_micros(after.key))
        wide, strict, tie = ("<=", "<", "<") if descending else (">=", ">", ">")
        sql += (f" AND c.{quote(key)} {wide} %s"
                f" AND (c.{quote(key)} {strict} %s OR c.{quote('id')} {tie} %s)")
        params += [bound, bound, after.id]
    direction = "DESC" if descending else "ASC"
    sql += f" ORDER BY c.{quote(key)} {direction}, c.{quote('id')} {direction} LIMIT %s"
    return sql, [*params, limit]


def replies_sql(thread_id: int, root_ids: list[int]) -> tuple[str, list[Any]]:
    """Every shown reply of these roots in display order, with what each shows of the comment it answers.

    No "depth > 0" here: with it SQLite walks every reply of the thread by the (thread, depth, ...) page indexes
    instead of the page's roots by comment_tree. Leaving the roots out by id keeps that plan and spares reading
    them a second time.
    """
    quote = connection.ops.quote_name
    columns, replied = _page_columns(connection.vendor)
    table = quote(Comment._meta.db_table)
    marks = ", ".join(["%s"] * len(root_ids))
    sql = (f"SELECT {_select('c', columns)}, {_select('r', replied)} FROM {table} c "  # noqa: S608 - names from the model
           f"LEFT OUTER JOIN {table} r ON r.{quote('id')} = c.{quote('in_reply_to_id')} "
           f"WHERE c.{quote('thread_id')} = %s AND c.{quote('root_id')} IN ({marks}) "
           f"AND NOT (c.{quote('id')} IN ({marks})) AND {_shown_sql('c')} "
           f"ORDER BY c.{quote('root_id')} ASC, c.{quote('path')} ASC")
    return sql, [thread_id, *root_ids, *root_ids, *_SHOWN_PARAMS]


def _instance(columns: _Columns, values: Sequence[Any], *, plain: bool) -> Comment:
    """One row as the Comment instance the ORM would build (``Model.from_db``: the loaded fields in its
    ``__dict__``, the others deferred). ``plain``: nothing listens to Comment's init signals, so the instance is
    made as unpickling makes one, without ``Model.__init__``'s pass over every field (11 of the 16 microseconds
    a row cost, most of what a bigger page adds)."""
    converted = list(values)
    for index, column, converters in columns.convert:
        value = converted[index]
        for convert in converters:
            value = convert(value, column, connection)
        converted[index] = value
    if not plain:
        return Comment.from_db(connection.alias, columns.names, converted)
    comment = Comment.__new__(Comment)
    state = ModelState()
    state.adding, state.db = False, connection.alias
    comment.__dict__["_state"] = state
    comment.__dict__.update(zip(columns.names, converted, strict=True))
    return comment


def _plain_instances() -> bool:
    return not (signals.pre_init.has_listeners(Comment) or signals.post_init.has_listeners(Comment))


@dataclass
class RootThread:
    root: Comment
    replies: list[Comment]


@dataclass
class Page:
    sort: str
    threads: list[RootThread]
    next_cursor: str | None

    @property
    def comment_ids(self) -> list[int]:
        ids = []
        for item in self.threads:
            ids.append(item.root.id)
            ids.extend(reply.id for reply in item.replies)
        return ids


def load_page(thread_id: int, sort: str, after: Cursor | None, limit: int) -> Page:
    sort = normalize_sort(sort)
    columns, replied = _page_columns(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(*top_level_sql(thread_id, sort, after, limit + 1))
        plain = _plain_instances()
        roots = [_instance(columns, row, plain=plain) for row in cursor.fetchall()]
    next_cursor = None
    if len(roots) > limit:
        roots = roots[:limit]
        next_cursor = cursor_for(roots[-1], sort).encode()
    threads = [RootThread(root, []) for root in roots]
    if roots:
        by_root = {item.root.id: item for item in threads}
        width = len(columns.fields)
        in_reply_to = Comment._meta.get_field("in_reply_to")
        with connection.cursor() as cursor:
            cursor.execute(*replies_sql(thread_id, list(by_root)))
            rows = cursor.fetchall()
        visible_ids = set(by_root)
        for row in rows:
            reply = _instance(columns, row[:width], plain=plain)
            # As select_related leaves it: the comment answered (or None), so the template reads no more rows.
            answered = _instance(replied, row[width:], plain=plain) if row[width] is not None else None
            in_reply_to.set_cached_value(reply, answered)
            # A reply whose parent is not shown (it left the page's tree) is skipped rather than misplaced.
            if reply.parent_id in visible_ids:
                by_root[reply.root_id].replies.append(reply)
                visible_ids.add(reply.id)
    return Page(sort, threads, next_cursor)
