import copy
import pickle
from dataclasses import dataclass, field

import pytest

from masthead.core.pickling import pickled_by_fields


def round_trip(value, protocol=pickle.HIGHEST_PROTOCOL):
    return pickle.loads(pickle.dumps(value, protocol))  # noqa: S301 - our own objects


@pickled_by_fields
@dataclass
class Pair:
    first: str
    second: list[int] = field(default_factory=list)
    third: object = None


@pickled_by_fields
@dataclass(frozen=True)
class One:
    only: str


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_round_trip_keeps_every_field(protocol):
    value = Pair("a", [1, 2], One("x"))
    back = round_trip(value, protocol)
    assert back == value
    assert type(back) is Pair
    assert type(back.third) is One
    assert copy.deepcopy(value) == value
    assert copy.deepcopy(value).second is not value.second


def test_sent_as_the_values_without_field_names():
    sent = pickle.dumps(Pair("a", [1], None), pickle.HIGHEST_PROTOCOL)
    assert b"second" not in sent
    assert b"__dict__" not in sent
    assert round_trip(One("z")) == One("z")


@dataclass
class Longer(Pair):
    fourth: int = 4


def test_a_subclass_keeps_its_own_fields():
    back = round_trip(Longer("a", [], None, 9))
    assert type(back) is Longer
    assert back.fourth == 9


def test_refuses_fields_that_are_not_positional_parameters():
    with pytest.raises(TypeError):
        @pickled_by_fields
        @dataclass
        class Hidden:
            shown: str
            hidden: int = field(default=0, init=False)

    with pytest.raises(TypeError):
        @pickled_by_fields
        @dataclass(kw_only=True)
        class Named:
            name: str
