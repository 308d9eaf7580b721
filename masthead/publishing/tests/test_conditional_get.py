"""Article pages send ETag and Last-Modified and answer 304 when nothing the page shows has changed."""

import pytest
from django.test import TestCase

from masthead.publishing import actions
from masthead.testing.articles import make_article

pytestmark = pytest.mark.django_db


def test_a_revalidation_gets_304_until_the_article_changes(client):
    article = make_article("Weir repaired")
    client.get(article.get_absolute_url())  # the discussion slot may create its thread on the first view
    first = client.get(article.get_absolute_url())
    assert first.status_code == 200
    assert first["ETag"].startswith('"')
    assert first["Last-Modified"].endswith("GMT")

    again = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    # A date alone cannot prove the discussion did not change: a full answer.
    since = client.get(article.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 200

    article.body = "Weir repaired, and the path reopened."
    with TestCase.captureOnCommitCallbacks(execute=True):
        actions.do_save_article(article)

    changed = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_a_new_related_article_changes_the_etag(client):
    article = make_article("Weir repaired on the river", "The weir on the river is repaired.")
    client.get(article.get_absolute_url())
    etag = client.get(article.get_absolute_url())["ETag"]

    make_article("Weir on the river to be inspected", "The weir on the river will be inspected.")

    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_change_in_the_discussion_changes_the_etag(client):
    from django.db.models import F

    from masthead.discussion.models import Thread

    article = make_article("Weir repaired")
    client.get(article.get_absolute_url())  # creates the thread
    etag = client.get(article.get_absolute_url())["ETag"]
    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 304

    # What the discussion does on every visible comment, edit or vote.
    assert Thread.objects.filter(article=article).update(version=F("version") + 1) == 1

    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 200
