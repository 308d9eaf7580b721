"""Cursors, ids, idempotency keys and cookie entries are matched whole: "$" in ``re.match`` also matches before a
trailing newline, so "<cursor>\\n" used to pass as a cursor (docs/discussion.md says cursors are strict)."""

import pytest

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment
from masthead.discussion.pages import Cursor, CursorError, cursor_for, small_id
from masthead.discussion.readers import _parse_edit_cookie
from masthead.testing.discussion import make_article, post_as, reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def article_and_thread():
    article = make_article()
    return article, thread_for_article(article)


@pytest.mark.parametrize("tail", ["\n", "\r\n", " ", "\x00"])
def test_a_cursor_with_anything_after_it_is_refused(guest, article_and_thread, tail):
    _article, thread = article_and_thread
    comment = post_as(thread)
    good = cursor_for(comment, "newest").encode()
    assert Cursor.decode(good).id == comment.pk
    with pytest.raises(CursorError):
        Cursor.decode(good + tail)
    assert guest.client.get(f"/api/discussion/threads/{thread.pk}/comments", {"after": good}).status_code == 200
    assert guest.client.get(f"/api/discussion/threads/{thread.pk}/comments", {"after": good + tail}).status_code == 400
    assert guest.client.get(f"/discussion/threads/{thread.pk}/page", {"after": good + tail}).status_code == 400


def test_ids_with_a_trailing_newline_are_not_ids(guest, article_and_thread):
    article, thread = article_and_thread
    comment = post_as(thread, reader("author", network="net-author"))
    assert small_id(f"{comment.pk}") == comment.pk
    assert small_id(f"{comment.pk}\n") is None
    guest.open(article.get_absolute_url())
    assert guest.form_post(f"/discussion/threads/{thread.pk}/vote", {"vote": f"{comment.pk}\n:1"}).status_code == 400
    assert Comment.objects.get(pk=comment.pk).score == 0


def test_an_idempotency_key_with_a_trailing_newline_is_refused(guest, article_and_thread):
    article, thread = article_and_thread
    guest.open(article.get_absolute_url())
    answer = guest.post_comment(thread, "keyed", idempotency_key="abcdefgh12\n")
    assert (answer.status_code, answer.json()["code"]) == (400, "bad_key")
    assert not Comment.objects.filter(thread=thread).exists()
    assert guest.post_comment(thread, "keyed", idempotency_key="abcdefgh12").status_code == 201


def test_edit_cookie_entries_are_matched_whole():
    token = "t" * 43
    assert _parse_edit_cookie(f"12.{token}") == {12: token}
    assert _parse_edit_cookie(f"12.{token}\n") == {}
    assert _parse_edit_cookie(f"١٢.{token}") == {}  # digits of another script are not an id
