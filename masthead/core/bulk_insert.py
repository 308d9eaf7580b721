"""``insert_all(objects)``: many new rows of one model in a few statements, for the import's batches.

Django's ``bulk_create`` compiles every value of every row through its SQL compiler, which costs more than the
database itself once a batch holds thousands of rows. This prepares each value exactly as ``bulk_create`` does
(the field's ``pre_save`` and ``get_db_prep_save``: auto dates, JSON, time zones) and sends the rows with the
driver's ``executemany``. It does less than ``bulk_create``: no signals (neither does ``bulk_create``), no ids
read back (give the objects their ids first when the caller needs them), no conflict handling. The caller owns
the transaction; only the owning app's actions call it for its own models (core/tests/test_write_paths.py).

Most values of an import's rows are text, whole numbers and flags, for which Django's chain of preparation
methods (``pre_save``, ``get_db_prep_save``, ``get_db_prep_value``, ``get_prep_value``, ``to_python``) gives the
value back unchanged, or, for a whole number, the backend's ``adapt_integerfield_value`` of it. ``_preparer``
shortens that chain for a field only where the field's class uses Django's own methods unchanged (so a field
class that overrides any of them gets the whole chain) and only for values of the exact type the shortcut is
for; every other value takes the whole chain. core/tests/test_bulk_insert.py checks the two agree.

``row_values`` makes a new object's row in one process (an import's worker) for ``insert_rows`` to send from
another (its writer), which sets the values only it knows (``row_slot``: an id, a place in a tree) first. On
PostgreSQL both send their rows with COPY, which the server takes far more cheaply than a statement per row.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.models import fields as django_fields
from django.db.models.base import ModelState
from django.db.models.fields import related
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.signals import post_init, pre_init

ROWS_PER_STATEMENT = 500
ModelT = TypeVar("ModelT", bound=models.Model)

_CHAIN = ("pre_save", "get_db_prep_save", "get_db_prep_value", "get_prep_value", "to_python")


def _unchanged(field: models.Field, base: type, names: Sequence[str] = _CHAIN) -> bool:
    """Whether ``field`` prepares values with ``base``'s own methods (none of ``names`` overridden by its class)."""
    return isinstance(field, base) and all(getattr(type(field), name) is getattr(base, name) for name in names)


def _preparer(field: models.Field, connection: Any) -> Callable[[models.Model], Any]:
    """A function of an object giving the value ``bulk_create`` would send for ``field``."""
    attname = field.attname

    def whole(obj: models.Model) -> Any:
        return field.get_db_prep_save(field.pre_save(obj, True), connection)

    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return whole  # the time of the save: Django's own pre_save
    repeated = whole
    if any(_unchanged(field, base) for base in (related.ForeignKey, django_fields.CharField,
                                                   django_fields.TextField, django_fields.DateTimeField)):
        # For these, what Django sends is a function of the value alone, and a batch repeats a few (its thread,
        # a status, a date): each is prepared once per call. (Plain text is handled below without it.)
        known: dict[tuple[type, Any], Any] = {}

        def once(obj: models.Model) -> Any:
            value = obj.__dict__[attname]
            kind = type(value)
            if value is None or kind is int or isinstance(value, str) or (kind is dt.datetime and value.tzinfo):
                key = (kind, value)
                if key not in known:
                    if len(known) >= 1000:
                        known.clear()
                    known[key] = whole(obj)
                return known[key]
            return whole(obj)
        repeated = once

    if _unchanged(field, django_fields.CharField) or _unchanged(field, django_fields.TextField):
        def text(obj: models.Model) -> Any:
            value = obj.__dict__[attname]
            return value if value is None or type(value) is str else repeated(obj)
        return text
    if _unchanged(field, django_fields.BooleanField):
        def flag(obj: models.Model) -> Any:
            value = obj.__dict__[attname]
            return value if value is None or type(value) is bool else whole(obj)
        return flag
    if _unchanged(field, django_fields.IntegerField):
        adapt, internal = connection.ops.adapt_integerfield_value, field.get_internal_type()

        def number(obj: models.Model) -> Any:
            value = obj.__dict__[attname]
            if type(value) is int:
                return adapt(value, internal)
            return value if value is None else whole(obj)
        return number
    return repeated


_Layout = list[tuple[str, str, Any, Any, Any]]  # per concrete field: name, attname, the field if a relation,
# its default, the field
_LAYOUTS: dict[type, _Layout] = {}
_CALLABLE = object()  # a default computed per object (``default=list``, ``timezone.now``)


def _layout(model: type[models.Model]) -> _Layout:
    layout = _LAYOUTS.get(model)
    if layout is None:
        layout = _LAYOUTS[model] = [
            (field.name, field.attname, field if field.is_relation else None,
             _CALLABLE if field.has_default() and callable(field.default) else field.get_default(), field)
            for field in model._meta.concrete_fields]
    return layout


@functools.cache
def _attnames(model: type[models.Model]) -> tuple[str, ...]:
    return tuple(field.attname for field in model._meta.concrete_fields)


@functools.cache
def _plain(model: type[models.Model]) -> bool:
    """Whether ``Model.__init__`` with every field's value in order only stores each value in the new object's
    ``__dict__`` (beside its fresh ``_state`` and the init signals): the model keeps Django's ``__init__``,
    ``__new__`` and ``__setattr__``, and no attname is a descriptor that does more when set on a new object (a
    relation's id attribute only forgets a cached related object, which a new object has none of)."""
    if (model._meta.abstract or model.__init__ is not models.Model.__init__ or model.__new__ is not object.__new__
            or model.__setattr__ is not object.__setattr__ or type(model).__call__ is not type.__call__):
        return False
    for attname in _attnames(model):
        held = next((klass.__dict__[attname] for klass in model.__mro__ if attname in klass.__dict__), None)
        if hasattr(type(held), "__set__") and type(held) is not ForeignKeyDeferredAttribute:
            return False
    return True


def new_object(model: type[ModelT], values: dict[str, Any]) -> ModelT:
    """``model(**values)`` for a new row, built the way Django builds a row it reads (every field's value in
    order, which skips the keyword matching that costs most of ``Model.__init__`` in an import's batches): a
    relation may be given by name (an object, set as the keyword form sets it) or by its attname (an id); a field
    not given gets its default."""
    args = []
    related = []
    used = 0
    for name, attname, relation, default, field in _layout(model):
        if attname in values:
            value = values[attname]
            used += 1
        elif relation is not None and name in values:
            target = values[name]
            related.append((relation, target))
            value = None if target is None else target.pk
            used += 1
        elif name in values:
            value = values[name]
            used += 1
        elif default is _CALLABLE:
            value = field.get_default()
        else:
            value = default
        args.append(value)
    if used < len(values):  # a name that no field has, or one field given by both its names
        known = {key for name, attname, *_ in _layout(model) for key in (name, attname)}
        unknown = values.keys() - known or {"the same field twice"}
        raise TypeError(f"{model.__name__}: {', '.join(sorted(unknown))}")
    if _plain(model) and not (pre_init.has_listeners(model) or post_init.has_listeners(model)):
        # What ``Model.__init__`` does with these values (a fresh state, each value stored under its attname),
        # without its per-field ``setattr`` calls and the signals nobody listens to.
        obj = model.__new__(model)
        held = obj.__dict__
        held["_state"] = ModelState()
        held.update(zip(_attnames(model), args, strict=True))
    else:
        obj = model(*args)
    for relation, target in related:
        setattr(obj, relation.name, target)  # as the keyword form sets it: the id, the cached object, the database
    return obj


def field_preparers(fields: Sequence[models.Field]) -> list[Callable[[models.Model], Any]]:
    """For each field, a function of an object giving the value ``insert_all`` sends (for one-row plain inserts
    written elsewhere, e.g. ``discussion.store``; build them once and keep them)."""
    return [_preparer(field, connection) for field in fields]


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
    prepare = [_preparer(field, connection) for field in fields]
    with connection.cursor() as cursor:
        for start in range(0, len(objects), ROWS_PER_STATEMENT):
            chunk = objects[start : start + ROWS_PER_STATEMENT]
            _write(cursor, model, fields, [[value(obj) for value in prepare] for obj in chunk])
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias
    return len(objects)


def prepared_rows(objects: Sequence[models.Model], *, whole: bool = False) -> list[list[Any]]:
    """The values ``insert_all`` sends for ``objects`` (``whole``: each through Django's whole chain): for tests."""
    meta = type(objects[0])._meta
    with_ids = objects[0].pk is not None
    fields = [field for field in meta.concrete_fields if with_ids or field is not meta.auto_field]
    if whole:
        return [[field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields] for obj in objects]
    prepare = [_preparer(field, connection) for field in fields]
    return [[value(obj) for value in prepare] for obj in objects]


COPY_FROM_ROWS = 8  # fewer rows than this are INSERTed


def _write(cursor: Any, model: type[models.Model], fields: Sequence[models.Field], rows: Sequence[Sequence[Any]]
           ) -> None:
    """Send ``rows``: a batch on PostgreSQL with COPY (the server parses one stream rather than a statement per
    row: the same rows, checked by the same constraints, in the caller's transaction), else ``executemany``. A
    few rows (a post's one decision) go as a plain INSERT: COPY's start and end cost more than they save there."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(field.column)) for field in fields)
    table = quote(model._meta.db_table)
    if connection.vendor == "postgresql" and len(rows) >= COPY_FROM_ROWS:
        # Django's cursor leaves COPY's errors as the driver's own (only its statements' are made Django's): made
        # Django's here, so a batch the server refuses fails its import unit, named, as a refused statement does.
        with connection.wrap_database_errors, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    placeholders = ", ".join(["%s"] * len(fields))
    cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608 (metadata)


# Rows made ready in one process and inserted by another (an import's workers and its writer): a new object's
# values, without its id, exactly as ``insert_all`` would send them, in the model's column order.
_ROW_PREPARERS: dict[type, list[Callable[[models.Model], Any]]] = {}


def _row_fields(model: type[models.Model]) -> list[models.Field]:
    meta = model._meta
    return [field for field in meta.concrete_fields if field is not meta.auto_field]


def row_values(obj: models.Model) -> list[Any]:
    """The values ``insert_all`` would send for ``obj`` (new, without an id), for ``insert_rows``."""
    model = type(obj)
    prepare = _ROW_PREPARERS.get(model)
    if prepare is None:
        prepare = _ROW_PREPARERS[model] = [_preparer(field, connection) for field in _row_fields(model)]
    return [value(obj) for value in prepare]


_VALUE_CHAIN = ("get_db_prep_save", "get_db_prep_value", "get_prep_value")


def value_preparer(field: models.Field, db: Any) -> Callable[[Any], Any]:
    """A function of a value giving what ``field.get_db_prep_save`` gives for it on the connection ``db`` (not
    Django's per-thread proxy: a writer sets several values in each row it inserts, and each whole chain asked the
    proxy for the connection). The same shortcuts as ``_preparer``, for a value rather than an object's: text and
    flags go as they are, a whole number through the backend's ``adapt_integerfield_value`` (an automatic id
    through its ``validate_autopk_value``), a relation's id as its target field sends it; every other value, and
    every field whose class overrides a method of the chain, takes the whole chain."""

    def whole(value: Any) -> Any:
        return field.get_db_prep_save(value, db)

    if _unchanged(field, related.ForeignKey, _VALUE_CHAIN):
        assert isinstance(field, related.ForeignKey)
        target = value_preparer(field.target_field, db)

        def relation(value: Any) -> Any:
            if value is None:
                return None
            return target(value) if type(value) is int else whole(value)
        return relation
    if any(_unchanged(field, base, _VALUE_CHAIN) for base in (django_fields.CharField, django_fields.TextField)):
        def text(value: Any) -> Any:
            return value if value is None or type(value) is str else whole(value)
        return text
    if _unchanged(field, django_fields.BooleanField, _VALUE_CHAIN):
        def flag(value: Any) -> Any:
            return value if value is None or type(value) is bool else whole(value)
        return flag
    auto = django_fields.AutoFieldMixin
    if (isinstance(field, auto) and type(field).get_db_prep_save is models.Field.get_db_prep_save
            and type(field).get_db_prep_value is auto.get_db_prep_value
            and type(field).get_prep_value is django_fields.IntegerField.get_prep_value):
        validate = db.ops.validate_autopk_value

        def automatic(value: Any) -> Any:
            return validate(value) if type(value) is int else whole(value)
        return automatic
    if _unchanged(field, django_fields.IntegerField, _VALUE_CHAIN):
        adapt, internal = db.ops.adapt_integerfield_value, field.get_internal_type()

        def number(value: Any) -> Any:
            if type(value) is int:
                return adapt(value, internal)
            return value if value is None else whole(value)
        return number
    return whole


_SLOTS: dict[tuple[type, str, Any], tuple[int, Callable[[Any], Any]]] = {}  # by model, attname and connection


def row_slot(model: type[models.Model], attname: str) -> tuple[int, Callable[[Any], Any]]:
    """Where ``attname``'s value is in a row of ``row_values``, and what the field sends for a value
    (``value_preparer``: on PostgreSQL a whole number goes as a typed one, for instance): for a value set in a
    ready row. Ask once per batch: the function is the current thread's connection's."""
    db = connections[DEFAULT_DB_ALIAS]
    slot = _SLOTS.get((model, attname, db))
    if slot is None:
        if len(_SLOTS) >= 256:  # threads come and go (tests): their connections' slots are not kept
            _SLOTS.clear()
        fields = _row_fields(model)
        at = [field.attname for field in fields].index(attname)
        slot = _SLOTS[(model, attname, db)] = (at, value_preparer(fields[at], db))
    return slot


def insert_rows(model: type[models.Model], rows: Sequence[Sequence[Any]], *, ids: Sequence[int] | None = None
                ) -> int:
    """Insert rows of ``row_values`` (each maybe with values set since, prepared as ``insert_all`` prepares
    them), with ``ids`` when given (one per row), else the database gives them, unread."""
    if not rows:
        return 0
    fields = _row_fields(model)
    if ids is not None:
        if len(ids) != len(rows):
            raise ValueError("one id per row")
        pk = model._meta.pk
        fields = [pk, *fields]
        pk_value = value_preparer(pk, connections[DEFAULT_DB_ALIAS])
        rows = [[pk_value(id_), *row] for id_, row in zip(ids, rows, strict=True)]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), ROWS_PER_STATEMENT):
            _write(cursor, model, fields, rows[start : start + ROWS_PER_STATEMENT])
    return len(rows)
