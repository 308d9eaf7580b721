"""Reads of the id mapping (``ImportedObject``) in plain SQL, for the loader.

The loader asks the mapping about every record it writes (an article's own id, its comments' and their parents',
a redirect's target), a few times per article. Each is one lookup on the (source, kind, source id) unique index;
the ORM's building and compiling of the query cost several times the lookup itself. These give what
``ImportedObject.objects.filter(...).first()`` and ``...values_list("source_id", "object_id")`` give
(importing/tests/test_mapping_reads.py compares them).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from masthead.importing.models import ImportedObject

CHUNK = 500  # source ids per query
# The mapping's own values; its dates are left deferred (read if asked for): the loader never reads them.
_READ = ("id", "source", "kind", "source_id", "object_id", "fingerprint")


def _table() -> tuple[str, dict[str, str]]:
    quote = connection.ops.quote_name
    meta = ImportedObject._meta
    columns = {field.attname: str(field.column) for field in meta.concrete_fields}
    return quote(meta.db_table), {name: quote(columns[name]) for name in _READ}


def mapped_object(source: str, kind: str, source_id: str) -> ImportedObject | None:
    """``ImportedObject.objects.filter(source=, kind=, source_id=).first()``, its dates deferred."""
    table, column = _table()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(column[name] for name in _READ)} FROM {table} "  # noqa: S608 (the model's names)
            f"WHERE {column['source']} = %s AND {column['kind']} = %s AND {column['source_id']} = %s "
            f"ORDER BY {column['id']} LIMIT 1", [str(source), str(kind), str(source_id)])
        row = cursor.fetchone()
    return None if row is None else ImportedObject.from_db(connection.alias, list(_READ), list(row))


def mapped_ids(source: str, kind: str, source_ids: Sequence[str]) -> dict[str, int]:
    """Source id -> object id of those of ``source_ids`` the mapping has (of this source and kind)."""
    table, column = _table()
    found: dict[str, int] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(source_ids), CHUNK):
            chunk = [str(source_id) for source_id in source_ids[start : start + CHUNK]]
            cursor.execute(
                f"SELECT {column['source_id']}, {column['object_id']} FROM {table} "  # noqa: S608 (the model's)
                f"WHERE {column['source']} = %s AND {column['kind']} = %s "
                f"AND {column['source_id']} IN ({', '.join(['%s'] * len(chunk))})", [str(source), str(kind), *chunk])
            found.update(cursor.fetchall())
    return found
