"""Posting follows the actions' contract (docs/architecture.md, "The actions layer"): ``check_post_comment`` writes
nothing (so it runs before the transaction, off SQLite's write lock), ``do_post_comment`` writes only inside its
caller's transaction, and a caller that rolls back leaves no comment, no counted comment and nothing announced."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from masthead.discussion.actions import NewComment, check_post_comment, do_post_comment, submit_comment
from masthead.discussion.models import Comment
from masthead.testing.discussion import make_thread, reader

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class Undo(Exception):
    pass


def post_then_undo(thread, who) -> None:
    plan = check_post_comment(thread, who, NewComment(body="Never mind.", author_name="Ada"))
    with transaction.atomic():
        assert do_post_comment(plan, who).created
        raise Undo


@pytest.mark.django_db
def test_checking_a_post_writes_nothing():
    thread = make_thread()
    with CaptureQueriesContext(connection) as queries:
        plan = check_post_comment(thread, reader(), NewComment(body="Checked *only*.", author_name="Ada"))
    assert plan.comment.pk is None
    assert "<em>only</em>" in plan.comment.body_html
    assert not [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert not Comment.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_storing_outside_a_transaction_is_refused_and_stores_nothing():
    thread = make_thread()
    who = reader()
    plan = check_post_comment(thread, who, NewComment(body="Half a post?", author_name="Ada"))
    with pytest.raises(transaction.TransactionManagementError):
        do_post_comment(plan, who)
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_a_rolled_back_caller_leaves_no_comment_and_announces_nothing(django_capture_on_commit_callbacks):
    thread = make_thread()
    before = (thread.comment_count, thread.version)
    with django_capture_on_commit_callbacks() as announced, pytest.raises(Undo):
        post_then_undo(thread, reader())
    assert announced == []  # no live event, no notification task, no cache purge for a post that never was
    assert not Comment.objects.exists()
    thread.refresh_from_db()
    assert (thread.comment_count, thread.version) == before


@pytest.mark.django_db
def test_a_committed_post_is_counted_and_announced(django_capture_on_commit_callbacks):
    thread = make_thread()
    with django_capture_on_commit_callbacks() as announced:
        result = submit_comment(thread, reader(), NewComment(body="Here to stay.", author_name="Ada"))
    assert result.created
    assert Comment.objects.get().pk == result.comment.pk
    assert announced  # the live "posted" event at least
    thread.refresh_from_db()
    assert thread.comment_count == 1


@pytest.mark.django_db(transaction=True)  # each post's own transaction is then a real one, not a savepoint
def test_only_a_post_with_a_key_sets_a_savepoint_and_a_duplicate_key_replays_in_a_usable_transaction():
    # The savepoint is there for one race: a concurrent post with the same idempotency key stored between the
    # check and the insert. A post without a key cannot meet it (the constraint is on non-empty keys).
    thread = make_thread()
    who = reader()
    with CaptureQueriesContext(connection) as queries:
        assert submit_comment(thread, who, NewComment(body="No key.", author_name="Ada")).created
    assert not [q["sql"] for q in queries if "SAVEPOINT" in q["sql"].upper()]

    plan = check_post_comment(thread, who, NewComment(body="Keyed.", author_name="Ada", idempotency_key="key-12345678"))
    first = submit_comment(thread, who, NewComment(body="Keyed.", author_name="Ada", idempotency_key="key-12345678"))
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        replayed = do_post_comment(plan, who)  # checked before the first was stored: meets it at the insert
        assert Comment.objects.filter(thread=thread).count() == 2  # the transaction is still usable
    assert any("SAVEPOINT" in q["sql"].upper() for q in queries)
    assert not replayed.created
    assert replayed.comment.pk == first.comment.pk
