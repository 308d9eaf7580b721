"""``ready_row`` (and ``object_row`` of the new object) gives the row ``row_values(new_object(...))`` gives, value
for value, on the database the run uses, for the rows an import makes ready with it (a screening decision) and a
comment's (hypothesis)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.core.bulk_insert import new_object, row_values
from masthead.core.ready_rows import object_row, ready_row
from masthead.discussion.models import Comment, Thread
from masthead.moderation.models import ModerationDecision

texts = st.text(max_size=30)
json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), texts,
                                     st.floats(allow_nan=False, allow_infinity=False)),
                           lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                   st.dictionaries(texts, inner, max_size=3)), max_leaves=8)
when = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC))


def _plain(value: Any) -> Any:
    """A JSON value's wrapper (psycopg's ``Jsonb``) compares by identity: compare what it wraps."""
    return value.obj if type(value).__name__ == "Jsonb" else value


def _same(model: type, values: dict[str, Any]) -> None:
    ready = ready_row(model, values)
    made = row_values(new_object(model, values))
    assert [(type(v), _plain(v)) for v in ready] == [(type(v), _plain(v)) for v in made]
    of_object = object_row(new_object(model, values))
    assert [(type(v), _plain(v)) for v in of_object] == [(type(v), _plain(v)) for v in made]


decision_values = st.fixed_dictionaries(
    {"target_type": texts, "action": st.sampled_from(["publish", "hold", "reject"]), "shadow": st.booleans(),
     "reasons": st.lists(texts, max_size=3), "scores": st.dictionaries(texts, json_values, max_size=3),
     "model_id": texts, "model_version": texts, "body_hash": texts, "tier": texts, "author_key": texts,
     "created_at": when},
    optional={"target_id": st.one_of(st.none(), st.integers(0, 2**40)), "comment": st.none(),
              "comment_id": st.one_of(st.none(), st.integers(1, 2**40)), "source": st.just("pipeline"),
              "text": texts})


@settings(max_examples=200, deadline=None)
@given(decision_values)
def test_a_decision_row_is_the_objects_row(values: dict[str, Any]) -> None:
    if "comment" in values and "comment_id" in values:
        values.pop("comment_id")  # one field by one name
    _same(ModerationDecision, values)


@settings(max_examples=100, deadline=None)
@given(texts, texts, st.integers(0, 2**31 - 1), st.lists(texts, max_size=3), when, st.booleans())
def test_a_comment_row_is_the_objects_row(name: str, body: str, votes: int, reasons: list[str], created: dt.datetime,
                                          with_thread: bool) -> None:
    values: dict[str, Any] = {"author_name": name, "body": body, "body_html": body, "upvotes": votes,
                              "score": votes, "moderation_reasons": reasons, "created_at": created}
    if with_thread:
        values["thread"] = Thread(pk=7)
    _same(Comment, values)


def test_a_default_computed_per_row_is_computed() -> None:
    """``created_at`` defaults to the time of the call: only its kind can be compared, and that it is set."""
    at = [f.attname for f in ModerationDecision._meta.concrete_fields if not f.primary_key].index("created_at")
    ready = ready_row(ModerationDecision, {"action": "publish"})
    made = row_values(new_object(ModerationDecision, {"action": "publish"}))
    assert ready[at] is not None
    assert type(ready[at]) is type(made[at])
    rest = [(type(v), _plain(v)) for n, v in enumerate(ready) if n != at]
    assert rest == [(type(v), _plain(v)) for n, v in enumerate(made) if n != at]


def test_an_unknown_name_is_refused_as_the_object_refuses_it() -> None:
    with pytest.raises(TypeError, match="colour"):
        ready_row(ModerationDecision, {"action": "publish", "colour": "red"})
    with pytest.raises(TypeError, match="the same field twice"):
        ready_row(ModerationDecision, {"comment": None, "comment_id": None})
