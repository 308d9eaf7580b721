"""Live updates over server-sent events, through the real ASGI server: visible comments only, to every reader."""

import json
import time
import urllib.request

import pytest
from django.db import transaction

from masthead.core.live import broker
from masthead.discussion.actions import do_change_status, do_edit_comment, thread_channel, thread_for_article
from masthead.discussion.models import Comment, DiscussionSettings
from masthead.testing.discussion import make_article, post_as, reader
from masthead.testing.streams import EventStream as Stream
from masthead.testing.streams import close_all, open_streams


@pytest.mark.django_db(transaction=True)
def test_new_visible_comments_stream_to_readers_and_held_ones_never_do(live_site):
    article = make_article()
    thread = thread_for_article(article)
    stream = Stream(f"{live_site.url}/discussion/threads/{thread.pk}/events")
    try:
        time.sleep(0.2)  # the stream subscribes when its first bytes are sent
        DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
        post_as(thread, reader("a"), body="held back")
        DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": False})
        shown = post_as(thread, reader("b"), body="out in the open")
        events = stream.wait_for(1)
        time.sleep(0.2)
        assert [(name, data["id"]) for name, data in stream.events] == [("comment", shown.pk)]
        assert "out in the open" in events[0][1]["html"]
        assert "held back" not in json.dumps(stream.events)
    finally:
        stream.close()


@pytest.mark.django_db(transaction=True)
def test_the_stream_of_an_unknown_thread_is_404(live_site):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{live_site.url}/discussion/threads/999999/events", timeout=5)
    assert error.value.code == 404


@pytest.mark.django_db(transaction=True)
def test_edits_and_removals_stream_without_the_removed_text(live_site):
    thread = thread_for_article(make_article())
    comment = post_as(thread, reader("a"), body="first words")
    stream = Stream(f"{live_site.url}/discussion/threads/{thread.pk}/events")
    try:
        time.sleep(0.2)
        staff = reader("mod", user_id=1, staff=True)
        with transaction.atomic():
            do_edit_comment(comment, staff, "second words")
        with transaction.atomic():
            do_change_status(Comment.objects.get(pk=comment.pk), Comment.Status.REJECTED, ["abusive"])
        events = stream.wait_for(2)
        assert [(name, data["id"]) for name, data in events] == [("edited", comment.pk), ("removed", comment.pk)]
        assert "second words" in events[0][1]["html"]
        assert events[1][1] == {"id": comment.pk, "deleted": False}
    finally:
        stream.close()


def _wait_subscribed(channel: str, count: int, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while broker.subscriber_count(channel) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    assert broker.subscriber_count(channel) == count


@pytest.mark.django_db(transaction=True)
def test_every_anonymous_reader_of_a_thread_gets_the_new_comment(live_site):
    """Three anonymous readers (no cookie, no Accept header: as curl) stream one thread at once; each is answered
    at once and each receives the new comment. The page cache once held every stream but the first."""
    thread = thread_for_article(make_article())
    streams = open_streams(f"{live_site.url}/discussion/threads/{thread.pk}/events", 3, timeout=5)
    try:
        _wait_subscribed(thread_channel(thread.pk), 3)
        shown = post_as(thread, reader("a"), body="For all three of you")
        for stream in streams:
            assert [(name, data["id"]) for name, data in stream.wait_for(1, seconds=5)] == [("comment", shown.pk)]
    finally:
        close_all(streams)
