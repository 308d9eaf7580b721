"""``do_import_comments`` with every row made ready (an import's writer: ``_import_ready``, no Comment object per
comment) writes the same comment rows, screening decisions and counts, and hands back the same Comment objects, as
the long way (a Comment object each, placed by ``_place``, inserted by ``insert_all``): for any tree of replies
(in the batch, under saved comments, past the depth cap, with no nesting at all) and any mix of statuses
(hypothesis), on the database the run uses."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any
from unittest import mock

import pytest
from django.db import connection, transaction
from django.forms.models import model_to_dict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.discussion import actions
from masthead.discussion.actions import (
    ImportedComment,
    PreparedImport,
    _place,
    _place_of,
    do_import_comments,
    prepare_imported_comment,
    thread_for_article,
)
from masthead.discussion.config import forget_settings
from masthead.discussion.models import Comment, DiscussionSettings, Thread
from masthead.moderation.models import ModerationDecision
from masthead.testing.discussion import make_article

pytestmark = pytest.mark.django_db

STATUSES = [Comment.Status.VISIBLE, Comment.Status.PENDING, Comment.Status.REJECTED]
WHEN = dt.datetime(2020, 5, 17, 9, 30, tzinfo=dt.UTC)


def _prepared(n: int, status: str) -> PreparedImport:
    return prepare_imported_comment(ImportedComment(
        body=f"Comment number {n} has a few words.", author_name=f"Reader {n % 3}", created_at=WHEN,
        status=status, author_email=f"r{n % 3}@example.org", upvotes=n % 4, downvotes=n % 2))


def _rows(ids: list[int], thread: Thread, saved: list[Comment]) -> dict[str, Any]:
    """What the database holds for the batch: its comments, their decisions (less their own ids), the thread's
    counters and the saved comments' reply counts."""
    comments = {c.pk: model_to_dict(c, fields=[f.name for f in Comment._meta.concrete_fields])
                for c in Comment.objects.filter(pk__in=ids)}
    decisions = sorted((d.comment_id, d.target_id, d.action, d.reasons, d.scores, d.body_hash, d.author_key,
                        d.created_at) for d in ModerationDecision.objects.filter(comment_id__in=ids))
    fresh = Thread.objects.get(pk=thread.pk)
    return {"comments": comments, "decisions": decisions, "thread": (fresh.comment_count, fresh.version),
            "saved": {c.pk: Comment.objects.get(pk=c.pk).reply_count for c in saved}}


def _objects(comments: Any) -> list[dict[str, Any]]:
    return [{**{key: value for key, value in c.__dict__.items() if key != "_state"},
             "_adding": c._state.adding, "_db": c._state.db, "_cached": dict(c._state.fields_cache)}
            for c in comments]


def _import(thread: Thread, items: list[tuple[PreparedImport, Comment | int | None]], ids: list[int]
            ) -> tuple[dict[str, Any], list[dict[str, Any]], list[int], list[int]]:
    """Import ``items`` with ``ids`` in a savepoint rolled back after: what was written and handed back."""
    with transaction.atomic():
        with mock.patch.object(actions, "_allocate_comment_ids", lambda count, **_: (ids[:count], False)):
            result = do_import_comments(thread, items)
        written = _rows(ids, thread, [parent for _, parent in items if isinstance(parent, Comment)])
        objects = _objects(result)
        transaction.set_rollback(True)
    return written, objects, list(result.ids), list(result.depths)


# Each comment's parent: None (top level), ("batch", k) an earlier comment of the batch, ("saved", k) a saved one.
parents = st.one_of(st.none(), st.tuples(st.just("batch"), st.integers(0, 30)),
                    st.tuples(st.just("saved"), st.integers(0, 3)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=st.lists(st.tuples(parents, st.sampled_from(STATUSES)), min_size=1, max_size=14),
       max_depth=st.integers(0, 3))
def test_ready_rows_give_what_the_long_way_gives(tree: list[tuple[Any, str]], max_depth: int) -> None:
    with transaction.atomic():
        DiscussionSettings.objects.update_or_create(pk=1, defaults={"max_depth": 3})
        forget_settings()
        thread = thread_for_article(make_article())
        # Saved comments at depths 0 to 3 (a chain), under which the batch may reply.
        chain: list[Comment] = []
        for n in range(4):
            parent: Comment | None = chain[-1] if chain else None
            chain.extend(do_import_comments(thread, [(_prepared(100 + n, Comment.Status.VISIBLE), parent)]))
        DiscussionSettings.objects.filter(pk=1).update(max_depth=max_depth)
        forget_settings()
        items: list[tuple[PreparedImport, Comment | int | None]] = []
        for n, (choice, status) in enumerate(tree):
            parent_ref: Comment | int | None = None
            if choice is not None and choice[0] == "batch" and n:
                parent_ref = choice[1] % n
            elif choice is not None and choice[0] == "saved":
                parent_ref = chain[choice[1]]
            items.append((_prepared(n, status), parent_ref))
        start = max(Comment.objects.order_by("-pk").values_list("pk", flat=True)[0], 10**6) + 17
        ids = list(range(start, start + len(items)))
        ready = _import(thread, items, ids)
        long_way = _import(thread, [(replace(prepared, row=None), parent) for prepared, parent in items], ids)
        transaction.set_rollback(True)
    forget_settings()
    assert ready[0] == long_way[0]  # the rows
    assert ready[1] == long_way[1]  # the objects handed back
    assert ready[2:] == long_way[2:] == (ids, [obj["depth"] for obj in long_way[1]])


@given(pk=st.integers(1, 10**13), parent=st.one_of(st.none(), st.tuples(
    st.integers(1, 10**13), st.integers(0, 4), st.integers(1, 5), st.integers(1, 10**13))),
    max_depth=st.integers(0, 4))
@settings(max_examples=200, deadline=None)
def test_place_of_is_what_place_sets(pk: int, parent: tuple[int, int, int, int] | None, max_depth: int) -> None:
    above = None
    if parent is not None:
        parent_pk, depth, _, root = parent
        path = "".join(str(n).rjust(12, "0") for n in range(root, root + depth)) + str(parent_pk).rjust(12, "0")
        above = Comment(id=parent_pk, depth=depth, path=path, root_id=root)
    comment = Comment(id=pk)
    _place(comment, above, max_depth)
    expected = (comment.parent_id, comment.in_reply_to_id, comment.root_id, comment.path, comment.depth)
    given_parent = None if above is None else (above.pk, above.depth, above.path, above.root_id)
    assert _place_of(pk, given_parent, max_depth) == expected


def test_the_objects_are_built_when_asked_for_and_once() -> None:
    thread = thread_for_article(make_article())
    items: list[tuple[PreparedImport, Comment | int | None]] = [
        (_prepared(n, Comment.Status.VISIBLE), None if n == 0 else 0) for n in range(5)]
    with transaction.atomic(), mock.patch.object(actions, "new_object", wraps=actions.new_object) as built:
        comments = do_import_comments(thread, items)
        assert built.call_count == 0
        assert comments.depths == [0, 1, 1, 1, 1]
        first = comments[0]
        assert comments[0] is first
        assert comments[-5] is first
        assert built.call_count == 1
        assert first.reply_count == 4
        assert first._state.adding is False
        assert first._state.db == connection.alias
        assert [c.pk for c in comments] == comments.ids
        assert [c.pk for c in comments[1:3]] == comments.ids[1:3]
        with pytest.raises(IndexError):
            comments[5]
    assert Comment.objects.get(pk=first.pk).reply_count == 4


def test_the_objects_are_built_after_the_caller_reuses_its_list() -> None:
    """The importer clears its list of items after each batch and asks for an object later (a tombstone's
    parent, a passage comment): the objects come from the batch as it was written."""
    thread = thread_for_article(make_article())
    items: list[tuple[PreparedImport, Comment | int | None]] = [
        (_prepared(n, Comment.Status.VISIBLE), None if n == 0 else 0) for n in range(3)]
    with transaction.atomic():
        comments = do_import_comments(thread, items)
        items.clear()
        items.append((_prepared(9, Comment.Status.PENDING), None))
        assert [c.pk for c in comments] == comments.ids
        assert [c.depth for c in comments] == [0, 1, 1]
        assert comments[0].reply_count == 2
        assert comments[2].body == Comment.objects.get(pk=comments.ids[2]).body


def test_a_decision_given_with_its_comments_id_is_the_one_given_with_the_comment() -> None:
    """``record_screenings`` with an id rather than the object: a ready decision needs only the id; any other
    payload reads its comment back."""
    from masthead.moderation.comments import record_comment_decisions
    from masthead.moderation.pipeline import Decision, ScreenContext

    thread = thread_for_article(make_article())
    with transaction.atomic():
        comment = do_import_comments(thread, [(_prepared(1, Comment.Status.VISIBLE), None)])[0]
        decision = Decision(action="publish", reasons=("r",), scores={"s": 0.5}, body_hash="h")
        context = ScreenContext(reader_key="k", now=WHEN)
        before = ModerationDecision.objects.count()
        record_comment_decisions([((decision, context), comment.pk), ((decision, context), comment)])
        assert ModerationDecision.objects.count() == before + 2
        by_id, by_object = (model_to_dict(d, exclude=["id"]) for d in ModerationDecision.objects.order_by("-pk")[:2])
        assert by_id == by_object
        assert (by_id["comment"], by_id["body_hash"], by_id["action"]) == (comment.pk, "h", "publish")


@pytest.mark.parametrize("ready", [True, False])
def test_the_threads_count_is_raised_by_the_visible_comments_in_the_round_trip_of_their_ids(ready: bool) -> None:
    # On PostgreSQL the thread's count and version are raised in the statement that takes the ids (no UPDATE of
    # their own); elsewhere after the insert, as before: the same counts either way, hidden comments not counted.
    from django.test.utils import CaptureQueriesContext

    thread = thread_for_article(make_article())
    before = Thread.objects.get(pk=thread.pk)
    statuses = [Comment.Status.VISIBLE, Comment.Status.PENDING, Comment.Status.VISIBLE, Comment.Status.REJECTED]
    items: list[tuple[PreparedImport, Comment | int | None]] = []
    for n, status in enumerate(statuses):
        prepared = _prepared(n, status)
        items.append((prepared if ready else replace(prepared, row=None), 0 if n else None))
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        result = do_import_comments(thread, items)
    after = Thread.objects.get(pk=thread.pk)
    assert (after.comment_count, after.version) == (before.comment_count + 2, before.version + 1)
    assert Comment.objects.get(pk=result.ids[0]).reply_count == 1  # the second comment; the fourth is hidden
    updates = [q["sql"] for q in queries if q["sql"].startswith(f'UPDATE "{Thread._meta.db_table}"')]
    assert len(updates) == 1
    assert ("nextval" in updates[0]) == (connection.vendor == "postgresql")
    assert len(result) == 4
