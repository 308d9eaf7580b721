"""The reconcile command repairs drifted counters; the demo seeds lively, consistent discussions quickly."""

import io
import time

import pytest
from django.core.management import call_command

from masthead.discussion import demo
from masthead.discussion.actions import do_vote
from masthead.discussion.counts import comment_counts
from masthead.discussion.models import Comment, Thread
from masthead.discussion.reconcile import reconcile_all
from masthead.discussion.tests.helpers import make_article, make_thread, post_as, reader

pytestmark = pytest.mark.django_db


def test_reconcile_repairs_scores_reply_counts_and_thread_counts():
    thread = make_thread()
    root = post_as(thread, reader("a"))
    reply = post_as(thread, reader("b"), parent_id=root.pk)
    do_vote(reply, reader("c"), 1)
    Comment.objects.filter(pk=root.pk).update(reply_count=7, score=3)
    Comment.objects.filter(pk=reply.pk).update(score=-4, upvotes=0)
    Thread.objects.filter(pk=thread.pk).update(comment_count=40)
    out = io.StringIO()
    call_command("reconcile_discussion", stdout=out)
    assert "fixed 2 comments and 1 thread counts" in out.getvalue()
    root.refresh_from_db()
    reply.refresh_from_db()
    assert (root.reply_count, root.score) == (1, 0)
    assert (reply.score, reply.upvotes) == (1, 1)
    assert Thread.objects.get(pk=thread.pk).comment_count == 2
    assert reconcile_all().comments_fixed == 0  # idempotent


def test_comment_counts_take_one_query_for_a_list(django_assert_num_queries):
    articles = [make_article() for _ in range(3)]
    thread = make_thread()
    post_as(thread)
    post_as(thread)
    ids = [a.pk for a in articles] + [thread.article_id]
    with django_assert_num_queries(1):
        counts = comment_counts(ids)
    assert counts.get(thread.article_id) == 2
    assert all(counts.get(a.pk, 0) == 0 for a in articles)
    thread.refresh_from_db()
    assert thread.version >= 3


def test_demo_seeds_consistent_discussions_by_guests_quickly():
    for n in range(3):
        make_article(headline=f"Demo article {n}")
    started = time.monotonic()
    out = io.StringIO()
    demo.seed(out)
    elapsed = time.monotonic() - started
    assert "comments under 3 articles" in out.getvalue()
    total = Comment.objects.count()
    assert total == sum(demo.SIZES[:3])
    assert elapsed < 30
    assert not Comment.objects.exclude(user=None).exists()
    assert Comment.objects.filter(depth__gt=0).count() > total // 4
    assert Comment.objects.filter(score__gt=0).exists()
    assert Comment.objects.exclude(quote="").exists()
    names = set(Comment.objects.values_list("author_name", flat=True))
    assert any(not name.isascii() for name in names)
    # Every counter agrees with the rows, and new comments get fresh ids after the chosen ones.
    assert reconcile_all().comments_fixed == 0
    newest = post_as(Thread.objects.first(), reader("late"))
    assert newest.pk > Comment.objects.exclude(pk=newest.pk).order_by("-pk").first().pk
