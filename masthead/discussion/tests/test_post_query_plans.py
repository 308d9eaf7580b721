"""Posting a comment reads comments and moderation decisions only through indexes that do not grow with the site.

The duplicate rule once walked every decision of its window (SQLite chose the (source, created_at) index): at 50
posts a second, thousands of rows per post, more each minute. See masthead/testing/plans.py.
"""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from masthead.testing.discussion import make_thread
from masthead.testing.plans import whole_table_walks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]

BIG_TABLES = ("discussion_comment", "moderation_moderationdecision", "moderation_ban")


def test_no_query_of_a_post_walks_a_whole_table():
    from masthead.moderation.models import ModerationSettings

    # Relaxed moderation, but with the duplicate rule on (its query is the one this test is about).
    ModerationSettings.objects.filter(pk=1).update(duplicate_window_minutes=10, duplicate_min_length=10)
    thread = make_thread()
    client = Client(REMOTE_ADDR="198.51.100.7")
    url = f"/api/discussion/threads/{thread.pk}/comments"
    for n in range(3):  # earlier posts, so every rule has rows to look through
        body = json.dumps({"body": f"An earlier comment about the weir, number {n}.", "author_name": "Bo"})
        assert client.post(url, body, content_type="application/json",
                           HTTP_SEC_FETCH_SITE="same-origin").status_code == 201

    with CaptureQueriesContext(connection) as queries:
        body = json.dumps({"body": "The weir is repaired at last, and the path reopens.", "author_name": "Ada"})
        response = client.post(url, body, content_type="application/json", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 201
    walks = whole_table_walks(queries.captured_queries, BIG_TABLES)
    assert not walks, "\n\n".join(walks)
