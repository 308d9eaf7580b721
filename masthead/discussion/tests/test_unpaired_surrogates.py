"""A lone UTF-16 surrogate ("\\ud800" in JSON) is not text: no database can store it (SQLite's and PostgreSQL's
drivers fail to encode it), so every JSON write refuses it with a 400, logs it and stores nothing."""

import json
import logging
from typing import Any

import pytest

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment
from masthead.passages.models import PassageAnchor
from masthead.testing.discussion import make_article
from masthead.testing.passages import Guest as PassageGuest
from masthead.testing.passages import anchor_payload
from masthead.testing.passages import article as passage_article

pytestmark = pytest.mark.django_db

LONE = ["\\ud800", "\\udfff", "a\\udc00b", "\\ud83d"]  # JSON escapes: high, low, inside text, half an emoji


def _send(guest, method: str, path: str, payload: dict, field: str, escape: str):
    """``payload`` as JSON with ``field``'s value replaced by raw JSON text holding the escape."""
    marker = "__SURROGATE__"
    text = json.dumps({**payload, field: marker}).replace(json.dumps(marker), f'"x{escape}y"')
    return getattr(guest.client, method)(path, data=text, content_type="application/json",
                                         HTTP_X_CSRFTOKEN=guest.csrf)


def _refused(answer, caplog) -> None:
    assert answer.status_code == 400, answer.content
    assert "surrogate" in answer.json()["detail"]
    assert any("unpaired surrogate" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("escape", LONE)
@pytest.mark.parametrize("field", ["body", "author_name", "author_website", "author_email", "quote",
                                   "idempotency_key"])
def test_a_new_comment_with_a_lone_surrogate_is_refused(guest, field, escape, caplog):
    article = make_article()
    thread = thread_for_article(article)
    guest.open(article.get_absolute_url())
    payload = {"body": "Hello", "author_name": "Ada", "author_website": "https://example.org/"}
    with caplog.at_level(logging.WARNING):
        answer = _send(guest, "post", f"/api/discussion/threads/{thread.pk}/comments", payload, field, escape)
    _refused(answer, caplog)
    assert not Comment.objects.exists()


@pytest.mark.parametrize("escape", LONE)
def test_an_edit_with_a_lone_surrogate_is_refused(guest, escape, caplog):
    article = make_article()
    thread = thread_for_article(article)
    guest.open(article.get_absolute_url())
    comment_id = guest.post_comment(thread, "Before").json()["id"]
    with caplog.at_level(logging.WARNING):
        answer = _send(guest, "put", f"/api/discussion/comments/{comment_id}", {}, "body", escape)
    _refused(answer, caplog)
    assert Comment.objects.get(pk=comment_id).body == "Before"


def test_raw_surrogate_bytes_in_a_json_body_are_refused(guest, caplog):
    article = make_article()
    thread = thread_for_article(article)
    guest.open(article.get_absolute_url())
    raw = b'{"body": "x\xed\xa0\x80y", "author_name": "Ada"}'  # CESU-style bytes for U+D800
    with caplog.at_level(logging.WARNING):
        answer = guest.client.post(f"/api/discussion/threads/{thread.pk}/comments", data=raw,
                                   content_type="application/json", HTTP_X_CSRFTOKEN=guest.csrf)
    assert answer.status_code == 400
    assert not Comment.objects.exists()


@pytest.mark.parametrize("field", ["body", "author_name", "author_website", "exact", "key"])
def test_a_passage_comment_with_a_lone_surrogate_is_refused(field, caplog):
    target = passage_article()
    guest = PassageGuest()
    guest.open(target.get_absolute_url())
    anchor = anchor_payload(target, "the vote was seven to two")
    payload = {"anchor": anchor, "body": "Which part?", "author_name": "Ada", "author_website": ""}
    if field == "exact":
        payload["anchor"] = {**anchor, "exact": "__SURROGATE__"}
        text = json.dumps(payload).replace('"__SURROGATE__"', '"the vote\\ud800"')
    elif field == "key":  # a surrogate in a key is no better than in a value
        text = json.dumps(payload)[:-1] + ', "\\udfff": 1}'
    else:
        text = json.dumps({**payload, field: "__SURROGATE__"}).replace('"__SURROGATE__"', '"x\\ud800"')
    with caplog.at_level(logging.WARNING):
        answer = guest.client.post(f"/api/passages/articles/{target.pk}/comments", data=text,
                                   content_type="application/json", HTTP_X_CSRFTOKEN=guest.csrf)
    _refused(answer, caplog)
    assert not Comment.objects.exists()
    assert not PassageAnchor.objects.exists()


def test_paired_surrogates_are_an_ordinary_character(guest):
    article = make_article()
    thread = thread_for_article(article)
    guest.open(article.get_absolute_url())
    text = json.dumps({"body": "__B__", "author_name": "Ada"}).replace('"__B__"', '"thumbs \\ud83d\\udc4d"')
    answer = guest.client.post(f"/api/discussion/threads/{thread.pk}/comments", data=text,
                               content_type="application/json", HTTP_X_CSRFTOKEN=guest.csrf)
    assert answer.status_code == 201
    assert Comment.objects.get().body == "thumbs \U0001f44d"


@pytest.mark.parametrize("field", ["body", "author_name", "author_email", "author_website", "quote"])
def test_the_actions_refuse_a_lone_surrogate_whatever_the_caller(field):
    from masthead.discussion.actions import DiscussionError, NewComment, do_edit_comment, submit_comment
    from masthead.testing.discussion import make_thread, post_as, reader

    thread = make_thread()
    author = reader("author")
    first = post_as(thread, author, body="Before")
    data: dict[str, Any] = {"body": "Hello", "author_name": "Ada", "parent_id": first.pk, field: "x\ud800"}
    with pytest.raises(DiscussionError) as refused:
        submit_comment(thread, reader("other"), NewComment(**data))
    assert (refused.value.status, refused.value.code) == (400, "bad_text")
    with pytest.raises(DiscussionError):
        do_edit_comment(first, reader("staff", staff=True), "after\udc00")
    assert list(Comment.objects.values_list("body", flat=True)) == ["Before"]
