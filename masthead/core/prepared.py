"""Hot read queries as PostgreSQL prepared statements: planned once per database connection, not per request.

Django's psycopg cursors bind parameters on the client, so PostgreSQL parses and plans every query it is sent.
For the signed-in reader's page version (four tables joined: publishing/page_version.py) the planning was most of
the query's cost on the server: 0.5-0.6 ms of PostgreSQL's CPU per request against 0.07-0.09 ms for the same
query prepared (docs/benchmarks.md). ``execute`` sends ``PREPARE`` the first time a connection runs a statement and
``EXECUTE`` from then on, through Django's cursor (so query logging and execute wrappers see it as usual).

A prepared statement lives as long as its server session (a ``ROLLBACK`` does not remove it), so which ones a
connection holds is kept per psycopg connection. Should the server have forgotten one (``DISCARD ALL`` by a
pooler), or refuse its plan after a migration changed a column's type, it is prepared again at once, or inside
a transaction (which the error aborted) by the next request. On other databases the query runs as it is.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.utils import DatabaseError

_PREPARED: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()
_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_FORGOTTEN = "26000"  # invalid_sql_statement_name: the server holds no statement of that name
_STALE = "0A000"  # feature_not_supported: "cached plan must not change result type" (a column's type changed)


def execute(cursor: Any, name: str, sql: str, params: Sequence[Any]) -> None:
    """``cursor.execute(sql, params)`` (``%s`` placeholders), as the prepared statement ``name`` on PostgreSQL.
    One ``name`` per SQL text: a statement of another text needs a name of its own."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a statement name: {name!r}")
    if connection.vendor != "postgresql":
        cursor.execute(sql, params)
        return
    held = _PREPARED.setdefault(connection.connection, set())
    if name not in held:
        _prepare(cursor, name, sql)
        held.add(name)
    run = f"EXECUTE {name}({', '.join(['%s'] * len(params))})" if params else f"EXECUTE {name}"
    try:
        cursor.execute(run, params)
    except DatabaseError as error:
        state = getattr(error.__cause__, "sqlstate", None)
        if state not in (_FORGOTTEN, _STALE):
            raise
        held.discard(name)
        if connection.in_atomic_block:
            raise
        if state == _STALE:
            cursor.execute(f"DEALLOCATE {name}")
        _prepare(cursor, name, sql)
        held.add(name)
        cursor.execute(run, params)


def _prepare(cursor: Any, name: str, sql: str) -> None:
    numbers = itertools.count(1)
    cursor.execute(f"PREPARE {name} AS " + re.sub("%s", lambda _match: f"${next(numbers)}", sql))
