"""Live updates over server-sent events, through the real ASGI server: visible comments only."""

import json
import socket
import threading
import time
import urllib.request

import pytest
from django.db import transaction

from masthead.discussion.actions import do_change_status, do_edit_comment, thread_for_article
from masthead.discussion.models import Comment, DiscussionSettings
from masthead.discussion.tests.helpers import make_article, post_as, reader


class Stream:
    """Reads an event stream on a thread and keeps the events it sees."""

    def __init__(self, url: str) -> None:
        self.events: list[tuple[str, dict]] = []
        self.response = urllib.request.urlopen(url, timeout=10)
        assert self.response.headers["Content-Type"].startswith("text/event-stream")
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        name = None
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: ") and name:
                    self.events.append((name, json.loads(line[6:])))
        except (OSError, ValueError):
            return

    def wait_for(self, count: int, seconds: float = 5.0) -> list:
        deadline = time.monotonic() + seconds
        while len(self.events) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.events

    def close(self) -> None:
        # Shut the socket itself: the reader thread is blocked on it, and the server notices the disconnect.
        sock = self.response.fp.raw._sock  # type: ignore[attr-defined]
        sock.shutdown(socket.SHUT_RDWR)
        self.thread.join(5)
        self.response.close()


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
