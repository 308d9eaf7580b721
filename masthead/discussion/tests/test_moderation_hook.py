"""The moderation hook: pre-moderation holds comments; held comments stay invisible everywhere until approved."""

import asyncio
import json

import pytest

from masthead.core.live import broker
from masthead.discussion.actions import do_change_status, thread_channel, thread_for_article
from masthead.discussion.counts import comment_counts
from masthead.discussion.models import Comment, DiscussionSettings, Thread
from masthead.discussion.moderation_hook import decide
from masthead.testing.discussion import make_article, post_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def premoderation():
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})


def test_the_hook_follows_the_publishers_switch():
    comment = Comment(body="x")
    assert decide(comment, is_edit=False).status == Comment.Status.VISIBLE
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    verdict = decide(comment, is_edit=False)
    assert verdict.status == Comment.Status.PENDING
    assert verdict.reasons
    assert decide(comment, is_edit=False, is_staff=True).status == Comment.Status.VISIBLE


def test_a_held_comment_is_invisible_on_every_path(guest, premoderation):
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    response = guest.post_comment(thread, "Held back words")
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    comment_id = response.json()["id"]
    other = guest.__class__(remote_addr="192.0.2.44")
    assert "Held back words" not in other.open(article.get_absolute_url()).content.decode()
    assert "Held back words" not in other.client.get(f"/api/discussion/threads/{thread.pk}/comments").content.decode()
    assert "Held back words" not in other.client.get(f"/discussion/threads/{thread.pk}/page").content.decode()
    assert comment_counts([article.pk]) == {article.pk: 0}
    assert other.client.get(f"/api/discussion/counts?article={article.pk}").json() == {"counts": {str(article.pk): 0}}
    # Approval makes it visible and counted.
    do_change_status(Comment.objects.get(pk=comment_id), Comment.Status.VISIBLE, ["approved"])
    assert "Held back words" in other.open(article.get_absolute_url()).content.decode()
    assert comment_counts([article.pk]) == {article.pk: 1}


class Listener:
    """A real subscription to the in-process broker, on an event loop this test steps by hand."""

    def __init__(self, channel: str) -> None:
        self.loop = asyncio.new_event_loop()

        async def enter():
            subscription = broker.subscribe(channel)
            return subscription, subscription.__enter__()

        self.subscription, self.queue = self.loop.run_until_complete(enter())

    def received(self) -> list:
        self.loop.run_until_complete(asyncio.sleep(0.01))  # deliver what publish() scheduled
        events = []
        while not self.queue.empty():
            events.append(self.queue.get_nowait())
        return events

    def close(self) -> None:
        self.subscription.__exit__()
        self.loop.close()


def test_no_live_event_for_a_held_comment(premoderation, django_capture_on_commit_callbacks):
    thread = thread_for_article(make_article())
    listener = Listener(thread_channel(thread.pk))
    try:
        with django_capture_on_commit_callbacks(execute=True):
            held = post_as(thread, body="quiet")
        assert listener.received() == []
        with django_capture_on_commit_callbacks(execute=True):
            do_change_status(held, Comment.Status.VISIBLE)
        events = listener.received()
        assert [(event.name, event.data["id"]) for event in events] == [("comment", held.pk)]
        assert "quiet" in events[0].data["html"]
    finally:
        listener.close()


def test_an_edit_passes_through_the_hook_again(guest):
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    comment_id = guest.post_comment(thread, "fine at first").json()["id"]
    assert Thread.objects.get(pk=thread.pk).comment_count == 1
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    response = guest.api("put", f"/comments/{comment_id}", {"body": "changed later"})
    assert response.json()["status"] == "pending"
    assert Thread.objects.get(pk=thread.pk).comment_count == 0
    assert "changed later" not in guest.__class__(remote_addr="192.0.2.45").open(
        article.get_absolute_url()).content.decode()


def test_rejecting_a_reply_updates_reply_counts_and_a_rejected_parent_becomes_a_tombstone(guest):
    article = make_article()
    thread = thread_for_article(article)
    parent = post_as(thread, body="parent words")
    reply = post_as(thread, body="reply words", parent_id=parent.pk)
    for status in (Comment.Status.PENDING, Comment.Status.REJECTED):
        do_change_status(parent, status, ["abusive"])
        page = guest.open(article.get_absolute_url()).content.decode()
        assert "parent words" not in page
        assert "This comment is not shown." in page
        assert "reply words" in page
        listed = guest.client.get(f"/api/discussion/threads/{thread.pk}/comments").json()["comments"]
        assert (listed[0]["id"], listed[0]["body_html"], listed[0]["author_name"]) == (parent.pk, "", "")
        assert "parent words" not in json.dumps(listed)
    do_change_status(reply, Comment.Status.REJECTED, ["abusive"])
    assert Comment.objects.get(pk=parent.pk).reply_count == 0
    assert Thread.objects.get(pk=thread.pk).comment_count == 0
    page = guest.open(article.get_absolute_url()).content.decode()
    assert f'id="comment-{parent.pk}"' not in page
