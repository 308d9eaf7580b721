"""``insert_all(objects)``: many new rows of one model in a few statements, for the import's batches.

Django's ``bulk_create`` compiles every value of every row through its SQL compiler, which costs more than the
database itself once a batch holds thousands of rows. This prepares each value exactly as ``bulk_create`` does
(the field's ``pre_save`` and ``get_db_prep_save``: auto dates, JSON, time zones) and sends the rows with the
driver's ``executemany``. It does less than ``bulk_create``: no signals (neither does ``bulk_create``), no ids
read back (give the objects their ids first when the caller needs them), no conflict handling. The caller owns
the transaction; only the owning app's actions call it for its own models (core/tests/test_write_paths.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models

ROWS_PER_STATEMENT = 500


def insert_all(objects: Sequence[models.Model]) -> int:
    """Insert ``objects`` (all of one model, all new). Objects without an id get one from the database, unread."""
    if not objects:
        return 0
    model = type(objects[0])
    meta = model._meta
    with_ids = objects[0].pk is not None
    if any(type(obj) is not model or (obj.pk is not None) != with_ids for obj in objects):
        raise ValueError("insert_all takes objects of one model, either all with ids or all without")
    fields = [field for field in meta.concrete_fields if with_ids or field is not meta.auto_field]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(field.column)) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608 (model metadata)
    with connection.cursor() as cursor:
        for start in range(0, len(objects), ROWS_PER_STATEMENT):
            chunk = objects[start : start + ROWS_PER_STATEMENT]
            rows = [[field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
                    for obj in chunk]
            cursor.executemany(sql, rows)
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias
    return len(objects)
