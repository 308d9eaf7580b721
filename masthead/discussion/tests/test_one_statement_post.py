"""A post is stored in one statement (``discussion/store.py``): the row with its place in the tree, and on PostgreSQL
the thread's counters with it; the screening decision is still recorded, counts stay exact under concurrent
posts, and the new comment's HTML is rendered once for its live event and the poster's answer."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.discussion import render
from masthead.discussion.models import Comment, Thread, path_segment
from masthead.discussion.thread_lookup import ARTICLE_FIELDS, thread_with_article
from masthead.moderation.models import ModerationDecision
from masthead.testing.discussion import make_thread, post_as, reader

WRITES = ("INSERT", "UPDATE", "DELETE", "WITH")


def _stored(comment: Comment) -> tuple:
    row = Comment.objects.get(pk=comment.pk)
    return row.parent_id, row.in_reply_to_id, row.depth, row.root_id, row.path


@pytest.mark.django_db
def test_the_stored_placement_is_the_one_the_instance_has(settings):
    thread = make_thread()
    root = post_as(thread, reader("a"))
    assert (root.root_id, root.path, root.depth) == (root.pk, path_segment(root.pk), 0)
    reply = post_as(thread, reader("b"), body="A reply.", parent_id=root.pk)
    deeper = post_as(thread, reader("c"), body="Deeper.", parent_id=reply.pk)
    for comment in (root, reply, deeper):
        assert _stored(comment) == (comment.parent_id, comment.in_reply_to_id, comment.depth, comment.root_id,
                                    comment.path)
    assert deeper.path == root.path + path_segment(reply.pk) + path_segment(deeper.pk)
    assert deeper.root_id == root.pk


@pytest.mark.django_db
def test_a_reply_beyond_the_cap_is_stored_at_the_cap_naming_whom_it_answers():
    from masthead.discussion.models import DiscussionSettings

    DiscussionSettings.objects.update_or_create(pk=1, defaults={"max_depth": 1})
    thread = make_thread()
    root = post_as(thread, reader("a"))
    reply = post_as(thread, reader("b"), body="A reply.", parent_id=root.pk)
    beyond = post_as(thread, reader("c"), body="Beyond.", parent_id=reply.pk)
    assert _stored(beyond) == (root.pk, reply.pk, 1, root.pk, root.path + path_segment(beyond.pk))
    assert Comment.objects.get(pk=root.pk).reply_count == 2


@pytest.mark.django_db
def test_a_visible_post_writes_the_comment_and_counters_together_and_records_its_decision():
    thread = make_thread()
    with CaptureQueriesContext(connection) as queries:
        comment = post_as(thread, reader("a"))
    statements = [q["sql"].split(" times: ", 1)[-1] for q in queries]  # executemany is logged "N times: ..."
    writes = [sql for sql in statements if sql.lstrip().upper().startswith(WRITES)]
    # The comment's row is written once (no UPDATE of its placement); on PostgreSQL the counters go with it.
    assert not [sql for sql in writes if sql.startswith('UPDATE "discussion_comment"')]
    expected = 2 if connection.vendor == "postgresql" else 3  # comment (+ counters), decision
    assert len(writes) == expected, writes
    fresh = Thread.objects.get(pk=thread.pk)
    assert (fresh.comment_count, fresh.version) == (1, thread.version + 1)
    decision = ModerationDecision.objects.get(comment_id=comment.pk)
    assert (decision.target_id, decision.action) == (comment.pk, "publish")


@pytest.mark.django_db
def test_a_held_post_is_stored_uncounted_with_its_decision(settings):
    from masthead.discussion.models import DiscussionSettings

    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    thread = make_thread()
    comment = post_as(thread, reader("a"))
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.PENDING
    fresh = Thread.objects.get(pk=thread.pk)
    assert (fresh.comment_count, fresh.version) == (0, thread.version)
    assert ModerationDecision.objects.filter(comment_id=comment.pk).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_get_their_own_ids_and_exact_counts_and_decisions():
    thread = make_thread()
    count = 6
    errors: list[BaseException] = []
    barrier = threading.Barrier(count)

    def run(n: int) -> None:
        try:
            barrier.wait()
            post_as(Thread.objects.get(pk=thread.pk), reader(f"r{n}", network=f"net-{n}"), body=f"Post {n}.")
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert errors == []
    comments = list(Comment.objects.filter(thread=thread))
    assert len({c.pk for c in comments}) == count
    assert all(c.root_id == c.pk and c.path == path_segment(c.pk) for c in comments)
    fresh = Thread.objects.get(pk=thread.pk)
    assert (fresh.comment_count, fresh.version) == (count, thread.version + count)
    assert sorted(ModerationDecision.objects.filter(comment__thread=thread).values_list("comment_id", flat=True)) \
        == sorted(c.pk for c in comments)


@pytest.mark.django_db
def test_the_new_comments_html_is_rendered_once_for_its_event_and_the_answer(client, monkeypatch,
                                                                             django_capture_on_commit_callbacks):
    from masthead.core import live

    thread = make_thread()
    rendered: list[str] = []
    real = render.root_html

    def counted(comment):
        rendered.append("root")
        return real(comment)

    monkeypatch.setattr(render, "root_html", counted)
    published: list[tuple] = []
    monkeypatch.setattr(live.broker, "publish", lambda channel, name, data: published.append((name, data)))
    client.cookies["csrftoken"] = "x" * 32
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(f"/api/discussion/threads/{thread.pk}/comments", {"body": "Once.", "author_name": "Ada"},
                             content_type="application/json", HTTP_X_CSRFTOKEN="x" * 32)
    assert answer.status_code == 201, answer.content
    events = [data for name, data in published if name == "comment"]
    assert len(events) == 1
    assert events[0]["html"] == answer.json()["html"]
    assert "Once." in events[0]["html"]
    assert rendered == ["root"]


@pytest.mark.django_db
def test_the_thread_lookup_reads_what_a_write_checks_and_defers_the_article_text(django_assert_num_queries):
    thread = make_thread()
    with django_assert_num_queries(1):
        found = thread_with_article(thread.pk)
        assert found is not None
        assert found.article is not None
        assert (found.pk, found.key, found.comment_count, found.version) == (thread.pk, thread.key,
                                                                             thread.comment_count, thread.version)
        assert found.article.is_live
        assert found.article.discussion_open
    assert found.created_at == Thread.objects.get(pk=thread.pk).created_at
    assert found.article.get_deferred_fields() >= {"body", "body_html", "body_text"}
    assert set(ARTICLE_FIELDS).isdisjoint(found.article.get_deferred_fields())
    assert thread_with_article(thread.pk + 1000) is None


@pytest.mark.django_db
def test_a_thread_without_an_article_has_none():
    bare = Thread.objects.create(key="page:about")
    found = thread_with_article(bare.pk)
    assert found is not None
    assert found.article is None
    assert found.article_id is None
