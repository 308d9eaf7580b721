"""``ready_row(model, values)``: the row ``row_values(new_object(model, values))`` gives (``core.bulk_insert``), made
without the model object.

An import's worker makes a row for each comment and its screening decision, which it never uses as objects (the
decision's object was built only for its row): building a Django object (``Model.__init__``, a descriptor per
relation) cost about as much as preparing its values. The values
here are read by the same preparers ``row_values`` uses, from a bare object holding each field's value under its
attname, as the model object would, with the connection itself rather than Django's per-thread proxy of it
(each whole preparation asked the proxy for it, through asgiref's context lookup), and two shortcuts
``row_values`` does not take: a JSON list or dict goes straight to the backend's ``adapt_json_value`` and an aware
datetime to its ``adapt_datetimefield_value``, which is all Django's chain does with them (for fields whose class
keeps Django's own methods). Only for models whose fields' ``pre_save`` reads the value or sets the time (no file
fields): core/tests/test_ready_rows.py compares the two for the models it is used for (hypothesis).
``object_row(obj)`` does the same for an object ``new_object`` built (the comment screening needed), reading its
values where they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import fields as django_fields
from django.db.models.fields.json import JSONField

from masthead.core.bulk_insert import _preparer, _unchanged

_CALLABLE = object()  # a default computed per row (``default=list``, ``timezone.now``)
# Per model, per field of the row (the concrete fields but the automatic id, in order): name, attname, the field
# when it is a relation (given by name: its target's key is used), its default, the field, its preparer.
_Plan = list[tuple[str, str, Any, Any, models.Field, Callable[[Any], Any]]]
# Per model and connection, per field of the row: its attname, how its common values are sent (``_TEXT``: a str or
# None as it is; ``_FLAG``: a bool or None as it is; ``_NUMBER``: an int through the backend's
# ``adapt_integerfield_value``, None as it is; ``_OTHER``: always the preparer), the integer adapter and type.
_Kinds = list[tuple[str, int, Any, str, Callable[[Any], Any]]]
_OTHER, _TEXT, _FLAG, _NUMBER = range(4)
_PLANS: dict[tuple[type, Any], tuple[_Plan, _Kinds]] = {}  # by model and connection (a thread's own)


class _Values:
    """What the preparers read: a field's value in ``__dict__`` under its attname, as on a model object."""


def _preparer_for(field: models.Field, connection: Any) -> Callable[[Any], Any]:
    """``bulk_insert``'s preparer for ``field``, with the JSON and datetime shortcuts (see above)."""
    whole = _preparer(field, connection)
    attname = field.attname
    if _unchanged(field, JSONField):
        adapt_json, encoder = connection.ops.adapt_json_value, getattr(field, "encoder", None)

        def json_value(obj: Any) -> Any:
            value = obj.__dict__[attname]
            kind = type(value)
            return adapt_json(value, encoder) if kind is list or kind is dict else whole(obj)
        return json_value
    if (_unchanged(field, django_fields.DateTimeField) and not getattr(field, "auto_now", False)
            and not getattr(field, "auto_now_add", False)):
        adapt_datetime = connection.ops.adapt_datetimefield_value

        def datetime_value(obj: Any) -> Any:
            value = obj.__dict__[attname]
            if type(value) is dt.datetime and value.utcoffset() is not None:
                return adapt_datetime(value)
            return whole(obj)
        return datetime_value
    return whole


def _plan(model: type[models.Model]) -> tuple[_Plan, _Kinds]:
    connection = connections[DEFAULT_DB_ALIAS]
    planned = _PLANS.get((model, connection))
    if planned is None:
        if len(_PLANS) >= 64:  # threads come and go (tests): their connections' plans are not kept
            _PLANS.clear()
        meta = model._meta
        fields = [field for field in meta.concrete_fields if field is not meta.auto_field]
        plan = [
            (field.name, field.attname, field if field.is_relation else None,
             _CALLABLE if field.has_default() and callable(field.default) else field.get_default(), field,
             _preparer_for(field, connection))
            for field in fields]
        kinds = [(field.attname, *_kind(field, connection), prepare)
                 for field, (*_, prepare) in zip(fields, plan, strict=True)]
        planned = _PLANS[(model, connection)] = (plan, kinds)
    return planned


def _kind(field: models.Field, connection: Any) -> tuple[int, Any, str]:
    """How ``bulk_insert._preparer`` sends ``field``'s common values without its chain (see ``_Kinds``): the same
    conditions, so the same values."""
    if _unchanged(field, django_fields.CharField) or _unchanged(field, django_fields.TextField):
        return _TEXT, None, ""
    if _unchanged(field, django_fields.BooleanField):
        return _FLAG, None, ""
    if _unchanged(field, django_fields.IntegerField):
        return _NUMBER, connection.ops.adapt_integerfield_value, field.get_internal_type()
    return _OTHER, None, ""


def ready_row(model: type[models.Model], values: dict[str, Any]) -> list[Any]:
    """``row_values(new_object(model, values))``: ``values`` by field name or attname (a relation by name is an
    object or None), a field not given takes its default; a name no field has is a TypeError."""
    plan, kinds = _plan(model)
    holder = _Values()
    held = holder.__dict__
    used = 0
    for name, attname, relation, default, field, _ in plan:
        if attname in values:
            value = values[attname]
            used += 1
        elif relation is not None and name in values:
            target = values[name]
            value = None if target is None else getattr(target, relation.target_field.attname)
            used += 1
        elif name in values:
            value = values[name]
            used += 1
        elif default is _CALLABLE:
            value = field.get_default()
        else:
            value = default
        held[attname] = value
    if used < len(values):
        known = {key for name, attname, *_ in plan for key in (name, attname)}
        unknown = values.keys() - known or {"the same field twice"}
        raise TypeError(f"{model.__name__}: {', '.join(sorted(unknown))}")
    return _row(kinds, holder)


def object_row(obj: models.Model) -> list[Any]:
    """``row_values(obj)`` for a new object built by ``core.bulk_insert.new_object`` (every field's value in its
    ``__dict__``), without ``ready_row``'s matching of the values to the fields again."""
    return _row(_plan(type(obj))[1], obj)


def _row(kinds: _Kinds, holder: Any) -> list[Any]:
    """The row of ``holder``'s values; the preparers' own shortcuts taken here, without a call each (most of a
    row's values are text or numbers)."""
    held = holder.__dict__
    row = []
    for attname, kind, adapt, internal, prepare in kinds:
        value = held[attname]
        if kind == _OTHER:
            row.append(prepare(holder))
        elif value is None or (kind == _TEXT and type(value) is str) or (kind == _FLAG and type(value) is bool):
            row.append(value)
        elif kind == _NUMBER and type(value) is int:
            row.append(adapt(value, internal))
        else:
            row.append(prepare(holder))
    return row
