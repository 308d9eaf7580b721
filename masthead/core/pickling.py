"""``pickled_by_fields``: a dataclass pickled as its class and its fields' values, in order, rather than as an
object with a dictionary of state.

An import's writer unpickles every prepared comment its workers send (``importing.preparing``); with pickle's
default for an object (the class's ``__new__``, then the state dictionary set on it, name by name) three small
dataclasses per comment cost the writer about as much to unpickle as all their values did (about 0.01 ms of CPU
per comment, measured). As a call of the class with its values they cost a fraction of that, and each comment
sends no field names. The values, and so the object unpickled, are the same (core/tests/test_pickling.py).
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Class decorator for a dataclass whose fields are all ``__init__`` parameters (checked): ``pickle`` (and
    ``copy``) rebuild it as ``cls(*values)`` (a subclass is pickled the default way)."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not fields or any(not field.init or field.kw_only for field in fields):
        raise TypeError(f"{cls.__name__}: every field must be a positional __init__ parameter")
    names = [field.name for field in fields]
    values: Callable[[Any], Any] = (operator.attrgetter(*names) if len(names) > 1
                                    else lambda obj: (getattr(obj, names[0]),))

    def __reduce_ex__(self: Any, protocol: Any) -> Any:
        if type(self) is cls:
            return cls, values(self)
        return object.__reduce_ex__(self, protocol)  # a subclass, which may have fields of its own: the default

    cls.__reduce_ex__ = __reduce_ex__  # type: ignore[method-assign]
    return cls
