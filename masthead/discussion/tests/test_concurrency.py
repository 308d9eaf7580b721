"""Concurrent writers: counters stay exact and one reader still has one vote (real threads, real transactions)."""

import threading

import pytest
from django.db import connection, transaction

from masthead.discussion.actions import do_vote
from masthead.discussion.models import Comment, Thread, Vote
from masthead.testing.discussion import make_thread, post_as, reader

pytestmark = pytest.mark.django_db(transaction=True)


def _in_threads(work, count: int) -> list[BaseException]:
    errors: list[BaseException] = []
    barrier = threading.Barrier(count)

    def run(n: int) -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                work(n)
        except BaseException as error:  # reported to the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


def test_the_same_reader_voting_from_two_tabs_at_once_counts_once():
    comment = post_as(make_thread(), reader("author"))
    voter = reader("voter")
    assert _in_threads(lambda n: do_vote(comment, voter, 1), 4) == []
    assert Vote.objects.filter(comment=comment).count() == 1
    assert Comment.objects.get(pk=comment.pk).score == 1


def test_many_readers_voting_and_replying_at_once_keep_exact_counts():
    thread = make_thread()
    root = post_as(thread, reader("author"))

    def work(n: int) -> None:
        do_vote(root, reader(f"voter{n}", network=f"net-{n}"), 1 if n % 3 else -1)
        post_as(Thread.objects.get(pk=thread.pk), reader(f"replier{n}"), body=f"reply {n}", parent_id=root.pk)

    assert _in_threads(work, 6) == []
    fresh = Comment.objects.get(pk=root.pk)
    assert (fresh.score, fresh.upvotes, fresh.downvotes, fresh.reply_count) == (2, 4, 2, 6)
    assert Thread.objects.get(pk=thread.pk).comment_count == 7


def test_guests_of_one_network_voting_at_once_count_only_the_allowance():
    comment = post_as(make_thread(), reader("author", network="net-author"))
    errors = _in_threads(lambda n: do_vote(comment, reader(f"stuffer{n}", network="net-x"), -1), 6)
    assert [getattr(error, "code", repr(error)) for error in errors] == ["network_voted"] * 5
    assert Vote.objects.filter(comment=comment).count() == 1
    assert Comment.objects.get(pk=comment.pk).score == -1
