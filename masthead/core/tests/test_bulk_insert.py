"""``insert_all``'s shortened preparation gives each value exactly what Django's whole chain gives
(``pre_save`` then ``get_db_prep_save``), on the database the run uses, for the rows an import writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.db.models.signals import post_init
from django.utils.translation import gettext_lazy
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.core import bulk_insert
from masthead.core.bulk_insert import (
    COPY_FROM_ROWS,
    insert_all,
    new_object,
    prepared_rows,
    row_slot,
    row_values,
    value_preparer,
)
from masthead.discussion.models import Comment, Thread
from masthead.importing.models import ImportedObject
from masthead.moderation.models import ModerationDecision
from masthead.moderation.pipeline import Decision, ScreenContext, _decision_row, ready_decision
from masthead.testing.discussion import make_thread

texts = st.one_of(st.text(max_size=40), st.none(), st.just(gettext_lazy("Comments")))
numbers = st.one_of(st.integers(min_value=0, max_value=2**31 - 1), st.none(), st.booleans())
when = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1),
                    timezones=st.just(dt.UTC))


def _same(fast: list[list[Any]], whole: list[list[Any]], objects: list[Any]) -> None:
    fields = [f for f in type(objects[0])._meta.concrete_fields
              if objects[0].pk is not None or f is not type(objects[0])._meta.auto_field]
    for fast_row, whole_row in zip(fast, whole, strict=True):
        for field, a, b in zip(fields, fast_row, whole_row, strict=True):
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                assert type(a) is type(b)  # the time of each call: only its kind can be compared
                continue
            assert (type(a), _plain(a)) == (type(b), _plain(b)), field.name


def _plain(value: Any) -> Any:
    """A JSON value's wrapper (psycopg's ``Jsonb``) compares by identity: compare what it wraps."""
    return value.obj if type(value).__name__ == "Jsonb" else value


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(texts, texts, numbers, numbers, st.booleans(), when), min_size=1, max_size=5))
def test_comment_rows_prepared_as_django_prepares_them(values: list[tuple[Any, ...]]) -> None:
    comments = [Comment(pk=n + 1, thread=Thread(pk=7), author_name=name, body=body, upvotes=up, score=score,
                        status=Comment.Status.VISIBLE if flag else "pending", created_at=created,
                        moderation_reasons=[str(body)], path=f"{n + 1:010d}", depth=n % 3, root_id=n + 1)
                for n, (name, body, up, score, flag, created) in enumerate(values)]
    _same(prepared_rows(comments), prepared_rows(comments, whole=True), comments)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(texts, numbers, st.booleans(), when), min_size=1, max_size=5))
def test_decision_and_mapping_rows_prepared_as_django_prepares_them(values: list[tuple[Any, ...]]) -> None:
    decisions = [ModerationDecision(target_type="comment", target_id=target, comment_id=target, action="publish",
                                    shadow=flag, reasons=[str(key)], scores={"toxicity": 0.1}, model_id="m",
                                    model_version="1", body_hash=str(key), tier="guest", author_key=str(key),
                                    created_at=created)
                 for key, target, flag, created in values]
    _same(prepared_rows(decisions), prepared_rows(decisions, whole=True), decisions)
    mapped = [ImportedObject(source="wordpress:x", kind="comment", source_id=str(key), object_id=target)
              for key, target, _, _ in values]
    _same(prepared_rows(mapped), prepared_rows(mapped, whole=True), mapped)


def _state(obj: Any) -> dict[str, Any]:
    fields = {k: v for k, v in obj.__dict__.items() if k != "_state"}
    cached = dict(obj._state.fields_cache)
    return {"fields": fields, "cached": cached, "adding": obj._state.adding, "db": obj._state.db}


@given(texts, numbers, st.booleans(), when)
@settings(max_examples=40, deadline=None)
def test_new_object_builds_what_the_keyword_constructor_builds(text: Any, number: Any, flag: bool,
                                                                created: dt.datetime) -> None:
    thread = Thread(pk=3)
    comment_values = {"id": 9, "thread": thread, "author_name": text, "body": text, "upvotes": number,
                      "status": Comment.Status.VISIBLE if flag else "pending", "created_at": created,
                      "moderation_reasons": [str(text)]}
    assert _state(new_object(Comment, comment_values)) == _state(Comment(**comment_values))
    comment = Comment(pk=9)
    decision_values = {"target_type": "comment", "target_id": number, "comment": comment if flag else None,
                       "action": "publish", "shadow": flag, "reasons": [], "created_at": created}
    assert _state(new_object(ModerationDecision, decision_values)) == _state(ModerationDecision(**decision_values))
    mapping_values = {"source": "s", "kind": "comment", "source_id": str(text), "object_id": number}
    assert _state(new_object(ImportedObject, mapping_values)) == _state(ImportedObject(**mapping_values))


def test_new_object_refuses_a_field_it_does_not_have() -> None:
    with pytest.raises(TypeError, match="colour"):
        new_object(ImportedObject, {"source": "s", "colour": "red"})


PLACE = ("thread_id", "parent_id", "in_reply_to_id", "root_id", "path", "depth", "reply_count")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(texts, texts, numbers, st.booleans(), when), min_size=1, max_size=5))
def test_a_ready_row_with_its_place_set_is_what_insert_all_sends(values: list[tuple[Any, ...]]) -> None:
    # An import's worker makes the row of a comment it knows no place of; its writer sets the place and the id.
    for n, (name, body, up, flag, created) in enumerate(values):
        fields = {"author_name": name, "body": body, "upvotes": up, "created_at": created,
                  "status": Comment.Status.VISIBLE if flag else "pending", "moderation_reasons": [str(body)]}
        bare = new_object(Comment, fields)
        placed = new_object(Comment, {**fields, "id": n + 5, "thread": Thread(pk=7), "parent_id": n + 4 if n else None,
                                      "root_id": 5, "path": f"{n + 5:010d}", "depth": n % 3, "reply_count": n})
        row = row_values(bare)
        for attname in PLACE:
            at, value = row_slot(Comment, attname)
            row[at] = value(getattr(placed, attname))
        _same([[Comment._meta.pk.get_db_prep_save(placed.pk, connection), *row]],
              prepared_rows([placed], whole=True), [placed])


@settings(max_examples=40, deadline=None)
@given(texts, numbers, st.booleans(), when)
def test_a_ready_decision_with_its_comment_set_is_what_record_many_sends(text: Any, target: Any, flag: bool,
                                                                         created: dt.datetime) -> None:
    decision = Decision("hold" if flag else "publish", (str(text),), {"toxicity": 0.5}, "m", "1",
                        body_hash=str(text), link_hosts=("example.org",))
    context = ScreenContext(source="import", reader_key=str(text), now=created)
    pk = target if type(target) is int else 3
    ready = ready_decision(decision, "comment", context)
    row = ready.values.copy()
    for attname in ("target_id", "comment_id"):
        at, value = row_slot(ModerationDecision, attname)
        row[at] = value(pk)
    whole = _decision_row(decision, "comment", pk, context, Comment(pk=pk))
    _same([row], prepared_rows([whole], whole=True), [whole])
    assert ready.link_hosts == (() if flag else ("example.org",))  # remembered only once published


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, COPY_FROM_ROWS - 1, COPY_FROM_ROWS, 3 * COPY_FROM_ROWS])
def test_a_few_rows_and_a_batch_are_stored_alike(count: int) -> None:
    # On PostgreSQL a batch goes by COPY and a few rows by INSERT: both store exactly what the objects hold.
    thread = make_thread()
    made = [new_object(Comment, {"thread": thread, "author_name": f"Reader \u2018{n}\u2019\t\\ end",
                                 "body": f"line\n{n}", "path": f"{n:010d}", "depth": 0,
                                 "status": Comment.Status.VISIBLE, "created_at": thread.created_at,
                                 "moderation_reasons": ["a", str(n)]})
            for n in range(count)]
    assert insert_all(made) == count
    stored = list(Comment.objects.filter(thread=thread).order_by("path")
                  .values_list("author_name", "body", "moderation_reasons"))
    assert stored == [(f"Reader \u2018{n}\u2019\t\\ end", f"line\n{n}", ["a", str(n)]) for n in range(count)]


values = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**31), max_value=2**31 - 1),
                   st.text(max_size=12), st.just(""), st.just("12"), st.just(gettext_lazy("Comments")))


@pytest.mark.parametrize("model", [Comment, ModerationDecision, ImportedObject])
@settings(max_examples=60, deadline=None)
@given(value=values)
def test_a_value_set_in_a_row_is_sent_as_the_whole_chain_sends_it(model: Any, value: Any) -> None:
    # value_preparer (row_slot's, insert_rows' ids) against get_db_prep_save, for every field a writer may set.
    for field in model._meta.concrete_fields:
        try:
            expected: Any = ("sent", field.get_db_prep_save(value, connection))
        except (TypeError, ValueError, ValidationError) as error:
            expected = ("refused", type(error))
        try:
            got: Any = ("sent", value_preparer(field, connections["default"])(value))
        except (TypeError, ValueError, ValidationError) as error:
            got = ("refused", type(error))
        if expected[0] == "sent" and got[0] == "sent":
            assert (type(got[1]), _plain(got[1])) == (type(expected[1]), _plain(expected[1])), field.name
        else:
            assert got == expected, field.name


def test_new_object_is_built_without_model_init_only_where_that_is_all_init_does() -> None:
    for model in (Comment, ModerationDecision, ImportedObject):
        assert bulk_insert._plain(model)
    seen: list[Any] = []

    def listener(sender: Any, instance: Any, **kwargs: Any) -> None:
        seen.append(instance)

    post_init.connect(listener, sender=ImportedObject)
    try:
        made = new_object(ImportedObject, {"source": "s", "kind": "comment", "source_id": "1", "object_id": 2})
    finally:
        post_init.disconnect(listener, sender=ImportedObject)
    assert seen == [made]  # a model someone listens to is built by Model.__init__, signals and all
