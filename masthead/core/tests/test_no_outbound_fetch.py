"""SECURITY.md, SSRF: Masthead fetches no URL a client supplies.

A socket listens on loopback for the whole test. Its address is then typed into every field a reader controls that
may hold a URL (links, images and autolinks in a comment body, the website field, a passage comment, a reply that
sends notification mail, a subscription, the sign-in ``next``), under several spellings of loopback, and every
follow-up a server might do runs: the on-commit tasks (an immediate task backend, so related work and mail run in the
test), the article page, the comment feeds, the moderation queue. No connection may reach the socket.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import DiscussionSettings
from masthead.testing.discussion import post_as
from masthead.testing.passages import Guest, anchor_payload, article

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("relaxed_moderation")]


class Listener:
    """A TCP socket on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections: list[tuple[str, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, peer = self.sock.accept()
            except TimeoutError:
                continue
            self.connections.append(peer)
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _spellings(port: int) -> list[str]:
    return [f"http://127.0.0.1:{port}/internal", f"http://localhost:{port}/admin", f"http://2130706433:{port}/",
            f"http://0x7f.0.0.1:{port}/", f"https://127.0.0.1:{port}/secure", f"http://127.1:{port}/"]


def test_the_control_listener_sees_a_fetch(listener):
    import urllib.request

    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{listener.port}/", timeout=2)
    deadline = time.monotonic() + 2
    while not listener.connections and time.monotonic() < deadline:
        time.sleep(0.02)
    assert listener.connections


def test_no_url_a_reader_types_is_ever_fetched(listener, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    target = article()
    thread = thread_for_article(target)
    guest, other = Guest(), Guest(remote_addr="203.0.113.5")
    for person in (guest, other):
        person.open(target.get_absolute_url())
    assert other.client.post("/notifications/subscribe", {
        "csrfmiddlewaretoken": other.csrf, "thread": thread.pk, "kind": "thread", "email": "watcher@example.org",
        "name": f"http://127.0.0.1:{listener.port}/name"}).status_code in (200, 302)

    urls = _spellings(listener.port)
    shown = post_as(thread)
    for n, url in enumerate(urls):
        body = f"See [the report]({url}) and ![chart]({url}/c.png), or <{url}/auto>, or just {url}/bare"
        website = url if ("127.0.0.1" in url or "localhost" in url) else ""  # others fail the URL check
        first = guest.post_comment(thread, body, author_website=website)
        assert first.status_code == 201, first.content
        # Link signals may hold the guest's comment, so the reply answers one that is surely shown.
        reply = other.post_comment(thread, f"Reply {n}: {url}", parent_id=shown.pk,
                                   author_email="replier@example.org")
        assert reply.status_code == 201, reply.content
        edit = guest.api("put", f"/comments/{first.json()['id']}", {"body": f"Edited, now linking {url}/edited"})
        assert edit.status_code == 200, edit.content
        passage = guest.comment_on(target, anchor_payload(target, "the vote was seven to two"), body=f"Source: {url}")
        assert passage.status_code == 201, passage.content

    # The plain form and sign-in with a next address on loopback.
    assert guest.form_post(f"/discussion/threads/{thread.pk}/comments", {
        "body": f"Form post {urls[0]}", "author_name": "Form Guest", "author_website": urls[0]}).status_code == 302
    browser = Client()
    browser.post("/account/sign-in", {"email": "someone@example.org", "next": urls[1]})

    # Everything that reads those comments afterwards: pages, feeds, the moderation queue.
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    guest.post_comment(thread, f"Held for review {urls[0]}")
    moderator = Client()
    moderator.force_login(get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-boss-1234"))
    page = target.get_absolute_url()
    for client, path in [(Client(), page), (Client(), f"{page}comments/feed/"),
                         (Client(), f"{page}comments/feed/atom/"),
                         (Client(), f"/discussion/threads/{thread.pk}/page"), (moderator, "/moderation/"),
                         (moderator, "/admin/discussion/comment/")]:
        assert client.get(path).status_code == 200, path

    time.sleep(0.5)  # time for any late fetch to arrive
    assert listener.connections == []
