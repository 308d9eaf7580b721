"""Readers comment on a passage through the API: the comment and its anchor in one transaction; forged anchors
are refused with 400; what readers wrote is escaped wherever it is shown."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.discussion.models import Comment, Thread
from masthead.passages import reading
from masthead.passages.actions import on_article_changed
from masthead.passages.models import PassageAnchor
from masthead.publishing import actions as publishing
from masthead.testing.passages import BODY, Guest, anchor_payload, article, edit_body

pytestmark = pytest.mark.django_db

QUOTE = "The path will reopen in May."


@pytest.fixture
def target():
    return article()


@pytest.fixture
def guest(target):
    reader = Guest()
    reader.open(target.get_absolute_url())
    return reader


def test_a_guest_comments_on_a_passage_and_it_is_counted(target, guest):
    response = guest.comment_on(target, anchor_payload(target, QUOTE), body="Will it *really*?")

    assert response.status_code == 201, response.content
    out = response.json()
    comment = Comment.objects.get(pk=out["comment"]["id"])
    anchor = PassageAnchor.objects.get(comment=comment)
    assert comment.status == Comment.Status.VISIBLE
    assert comment.parent_id is None
    assert out["passage"] == {"id": anchor.pk, "start": anchor.start, "end": anchor.end, "quote": QUOTE,
                              "original_quote": QUOTE, "status": "exact", "revision": 1}
    assert "author_email" not in out["comment"]
    assert anchor.selectors()[0] == {"type": "TextQuoteSelector", "exact": QUOTE,
                                     "prefix": target.body_text[anchor.start - 32 : anchor.start],
                                     "suffix": "\n\nResidents can read the full re"}
    assert Thread.objects.get(article=target).comment_count == 1

    other = Guest(remote_addr="203.0.113.9")
    other.open(target.get_absolute_url())
    assert other.comment_on(target, anchor_payload(target, QUOTE)).status_code == 201
    marks = guest.call("get", f"/articles/{target.pk}/passages").json()
    assert [(p["quote"], p["count"]) for p in marks["passages"]] == [(QUOTE, 2)]
    assert marks["text_length"] == len(target.body_text)

    span = guest.call("get", f"/anchors/{anchor.pk}/comments").json()
    assert span["quote"] == QUOTE
    assert len(span["comments"]) == 2
    assert "<em>really</em>" in span["comments"][0]["html"]


def _forgeries(target):
    good = anchor_payload(target, QUOTE)
    start, end = good["start"], good["end"]
    return {
        "quote": {**good, "exact": "The path will reopen in June."},
        "offsets": {**good, "start": start + 1, "end": end + 1},
        "swapped offsets": {**good, "start": end, "end": start},
        "negative": {**good, "start": -4},
        "beyond the text": {**good, "start": len(target.body_text) + 5, "end": len(target.body_text) + 33},
        "prefix": {**good, "prefix": "Something else entirely: "},
        "suffix": {**anchor_payload(target, "the vote was seven"), "suffix": " to three."},
        "html": {**good, "exact": "<img src=x onerror=alert(1)>"},
        "html in context": {**good, "prefix": good["prefix"][:-6] + "<b>x</b>"},
        "revision": {**good, "revision": 7},
        "spaces at the edges": {**anchor_payload(target, QUOTE), "exact": " " + QUOTE,
                                "start": start - 1},
        "extra field": {**good, "status": "exact"},
        "not a number": {**good, "start": "12; DROP TABLE"},
        "huge quote": {**good, "exact": "x" * 5000},
    }


@pytest.mark.parametrize("kind", [
    "quote", "offsets", "swapped offsets", "negative", "beyond the text", "prefix", "suffix", "html",
    "html in context", "revision", "spaces at the edges", "extra field", "not a number", "huge quote",
])
def test_forged_anchors_are_refused_and_nothing_is_stored(target, guest, kind):
    response = guest.comment_on(target, _forgeries(target)[kind])

    assert response.status_code == 400, (kind, response.content)
    assert Comment.objects.count() == 0
    assert PassageAnchor.objects.count() == 0


def test_clients_cannot_set_status_or_reply_through_a_passage_comment(target, guest):
    anchor = anchor_payload(target, QUOTE)
    assert guest.comment_on(target, anchor, status="visible").status_code == 400
    assert guest.comment_on(target, anchor, parent_id=1).status_code == 400
    assert Comment.objects.count() == 0


def test_writes_need_the_csrf_header(target, guest):
    response = guest.client.post(
        f"/api/passages/articles/{target.pk}/comments", content_type="application/json",
        data={"anchor": anchor_payload(target, QUOTE), "body": "x", "author_name": "A"},
    )
    assert response.status_code in (401, 403)
    assert Comment.objects.count() == 0


def test_a_retry_with_the_same_key_returns_the_first_comment(target, guest):
    key = uuid.uuid4().hex
    first = guest.comment_on(target, anchor_payload(target, QUOTE), idempotency_key=key)
    again = guest.comment_on(target, anchor_payload(target, QUOTE), idempotency_key=key)

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["passage"]["id"] == first.json()["passage"]["id"]
    assert PassageAnchor.objects.count() == Comment.objects.count() == 1


def test_an_anchor_from_a_page_loaded_before_an_edit_is_carried_over_or_refused(target, guest):
    old_anchor = anchor_payload(target, QUOTE)
    changed = anchor_payload(target, "the town clerk")
    edit_body(target, "Breaking: an update.\n\n" + BODY.replace("town clerk", "city clerk"))
    on_article_changed(target)

    carried = guest.comment_on(target, old_anchor)
    refused = guest.comment_on(target, changed)

    assert carried.status_code == 201
    passage = carried.json()["passage"]
    assert passage["revision"] == 2
    assert target.body_text[passage["start"] : passage["end"]] == QUOTE
    assert refused.status_code == 409
    assert PassageAnchor.objects.count() == 1


def test_closed_discussions_and_unpublished_articles_take_no_passage_comments(target, guest):
    publishing.do_set_discussion_open(target, False)
    assert guest.comment_on(target, anchor_payload(target, QUOTE)).status_code == 403
    publishing.do_set_discussion_open(target, True)
    publishing.do_unpublish_article(target)
    assert guest.comment_on(target, anchor_payload(target, QUOTE)).status_code == 404
    assert guest.call("get", f"/articles/{target.pk}/passages").status_code == 404
    assert Comment.objects.count() == 0


def test_what_readers_wrote_is_escaped_in_every_passage_view(guest):
    tricky = article(body="Engineers said <script>alert(1)</script> & \"quotes\" were fine.\n\nMore text here.",
                     headline="Escaping")
    guest.open(tricky.get_absolute_url())
    quote = "<script>alert(1)</script> & \"quotes\""
    response = guest.comment_on(tricky, anchor_payload(tricky, quote), body="<img src=x onerror=alert(2)> hi",
                                author_name="<b>Mallory</b>")
    assert response.status_code == 201
    anchor = PassageAnchor.objects.get()

    span = guest.call("get", f"/anchors/{anchor.pk}/comments").json()
    feedback = guest.call("get", f"/articles/{tricky.pk}/feedback").json()
    page = guest.open(tricky.get_absolute_url()).content.decode()

    for html in (span["comments"][0]["html"], feedback["html"]):
        assert "<img" not in html
        assert "<b>Mallory</b>" not in html
        assert "&lt;b&gt;Mallory&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in feedback["html"]
    assert "<script>alert(1)" not in feedback["html"]
    assert span["quote"] == quote  # JSON: the client inserts it as text
    assert "<script>alert(1)" not in page.split('id="article-body"')[0]


def test_the_inline_feedback_filter_appears_in_the_discussion_with_its_count(target, guest):
    page = guest.open(target.get_absolute_url()).content.decode()
    assert "passage-filter" not in page
    guest.comment_on(target, anchor_payload(target, QUOTE))

    page = guest.open(target.get_absolute_url()).content.decode()
    assert 'class="passage-filter"' in page
    assert '<span class="passage-filter-count">1</span>' in page
    feedback = guest.call("get", f"/articles/{target.pk}/feedback").json()
    assert feedback["count"] == 1
    assert QUOTE in feedback["html"]
    assert 'id="comment-' not in feedback["html"]  # no duplicate ids with the main list


def test_marks_cost_one_query_when_warm(target, guest):
    guest.comment_on(target, anchor_payload(target, QUOTE))
    reading.marks(target)
    page_article = type(target).objects.get(pk=target.pk)  # as the next page render finds it
    with CaptureQueriesContext(connection) as queries:
        data = reading.marks(page_article)
    assert len(queries) == 1  # the thread's version, which the rest of the page reuses
    assert data["passages"][0]["count"] == 1
    with CaptureQueriesContext(connection) as queries:
        reading.marks(page_article)
    assert len(queries) == 0


def test_a_held_passage_comment_is_neither_marked_nor_listed_until_approved(target, guest):
    from masthead.discussion.actions import do_change_status
    from masthead.discussion.models import DiscussionSettings

    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    response = guest.comment_on(target, anchor_payload(target, QUOTE))

    assert response.status_code == 201
    assert response.json()["comment"]["status"] == "pending"
    assert guest.call("get", f"/articles/{target.pk}/passages").json()["passages"] == []
    assert guest.call("get", f"/articles/{target.pk}/feedback").json()["count"] == 0

    do_change_status(Comment.objects.get(), Comment.Status.VISIBLE)
    marks = guest.call("get", f"/articles/{target.pk}/passages").json()
    assert [(p["quote"], p["count"]) for p in marks["passages"]] == [(QUOTE, 1)]


def test_the_feedback_count_and_list_look_up_the_anchors_once_per_version(target, guest):
    # The article page renders both after every new comment (a new thread version); the list reuses the count's
    # lookup of visible anchored comments (two queries) and adds only its own (one).
    guest.comment_on(target, anchor_payload(target, QUOTE))
    thread = Thread.objects.get(article=target)
    with CaptureQueriesContext(connection) as queries:
        assert reading.feedback_count(thread) == 1
        items = reading.feedback_items(thread)
    assert len(queries) == 3
    assert [item["quote"] for item in items] == [QUOTE]
