"""``ready_row(model, values)``: the row ``row_values(new_object(model, values))`` gives (``core.bulk_insert``), made
without the model object.

An import's worker makes a row for each screening decision it will never use as an object: building the Django
object (``Model.__init__``, a descriptor per relation) cost about as much as preparing its values. The values
here are read by the same preparers ``row_values`` uses, from a bare object holding each field's value under its
attname, as the model object would. Only for models whose fields' ``pre_save`` reads the value or sets the time
(no file fields): core/tests/test_ready_rows.py compares the two for the models it is used for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models

from masthead.core.bulk_insert import field_preparers

_CALLABLE = object()  # a default computed per row (``default=list``, ``timezone.now``)
# Per model, per field of the row (the concrete fields but the automatic id, in order): name, attname, the field
# when it is a relation (given by name: its target's key is used), its default, the field, its preparer.
_Plan = list[tuple[str, str, Any, Any, models.Field, Callable[[Any], Any]]]
_PLANS: dict[type, _Plan] = {}


class _Values:
    """What the preparers read: a field's value in ``__dict__`` under its attname, as on a model object."""


def _plan(model: type[models.Model]) -> _Plan:
    plan = _PLANS.get(model)
    if plan is None:
        meta = model._meta
        fields = [field for field in meta.concrete_fields if field is not meta.auto_field]
        plan = _PLANS[model] = [
            (field.name, field.attname, field if field.is_relation else None,
             _CALLABLE if field.has_default() and callable(field.default) else field.get_default(), field, prepare)
            for field, prepare in zip(fields, field_preparers(fields), strict=True)]
    return plan


def ready_row(model: type[models.Model], values: dict[str, Any]) -> list[Any]:
    """``row_values(new_object(model, values))``: ``values`` by field name or attname (a relation by name is an
    object or None), a field not given takes its default; a name no field has is a TypeError."""
    plan = _plan(model)
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
    return [prepare(holder) for *_, prepare in plan]
