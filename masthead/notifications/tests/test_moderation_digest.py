"""Moderators may opt in to a batched digest of comments waiting for review."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.discussion.models import DiscussionSettings
from masthead.notifications.actions import on_comment_pending
from masthead.notifications.tests.helpers import make_thread, post, reader, text_of, wait_idle


@pytest.mark.django_db(transaction=True)
def test_an_opted_in_moderator_gets_one_digest_of_held_comments(smtp, worker):
    users = get_user_model()
    moderator = users.objects.create_superuser("mod", "mod@example.org", "a-long-password-1")
    users.objects.create_superuser("quiet", "quiet@example.org", "a-long-password-1")  # did not opt in
    client = Client()
    client.force_login(moderator)
    assert b"Send me the digest" in client.get("/notifications/moderation-digest").content
    assert b"You receive the digest" in client.post("/notifications/moderation-digest", {"enabled": "1"}).content

    DiscussionSettings.objects.create(premoderation=True)
    thread = make_thread()
    for n in range(2):
        on_comment_pending(post(thread, reader(f"r{n}"), f"Please review me {n}."))
    [mail] = smtp.wait_for(1)
    wait_idle()
    assert len(smtp.messages) == 1
    assert mail["To"] == "mod@example.org"
    assert mail["Subject"].strip() == "2 comments waiting for review"
    assert "Please review me 0." in text_of(mail)
    assert "https://news.example/moderation/" in text_of(mail)


@pytest.mark.django_db
def test_readers_cannot_ask_for_the_moderation_digest(notify_settings):
    user = get_user_model().objects.create_user("reader", "r@example.org", "a-long-password-1")
    client = Client()
    assert client.get("/notifications/moderation-digest").status_code == 302  # to the login page
    client.force_login(user)
    assert client.post("/notifications/moderation-digest", {"enabled": "1"}).status_code == 403
