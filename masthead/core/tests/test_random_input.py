"""Random text into the JSON API and the plain forms (hypothesis): never a 5xx, and a refusal stores nothing.

The text includes what breaks naive code: lone surrogates (category Cs; JSON spells them ``\\ud800``, and a form
body carries their raw bytes), NUL and other control characters, bidi and zero-width marks, and strings
thousands of characters long. Each field is varied in turn while the others stay valid, so every value gets
past its neighbours' checks to whatever would store or render it. Bounded (a dozen examples per field), so the
file runs in well under a minute.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote_from_bytes

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment, Vote
from masthead.passages.models import PassageAnchor, PassageQuestion
from masthead.testing.passages import anchor_payload
from masthead.testing.passages import article as passage_article

pytestmark = pytest.mark.django_db

ODD = ["\ud800", "\udbff", "\udc00", "\udfff", "\x00", "\x1b", "\x7f", "\r", "\n", "\u202e", "\u200b", "\ufeff",
       "\U0010ffff", "\ufffd", "é"]
characters = st.one_of(st.sampled_from(ODD), st.characters(exclude_categories=()))  # every category, Cs too
# Joined from a list: ``st.text`` drops surrogates whatever its alphabet yields.
short_text = st.lists(characters, max_size=40).map("".join)
# Sometimes a long one: repeated up to well past every field's limit (the 5,000-character body included).
long_text = st.tuples(short_text, st.integers(50, 400)).map(lambda pair: pair[0] * pair[1])
text = st.one_of(short_text, long_text)
anything = st.one_of(text, st.integers(-(2**70), 2**70), st.none(), st.booleans(),
                     st.floats(allow_nan=False), st.lists(short_text, max_size=3),
                     st.dictionaries(short_text, short_text, max_size=2))
PER_FIELD = settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck))
RUNS = settings(PER_FIELD, max_examples=50)
FORM = "application/x-www-form-urlencoded"


def _json(value: Any) -> str:
    return json.dumps(value)  # ensure_ascii: a lone surrogate travels as its \\uXXXX escape


def _form_body(fields: dict[str, str]) -> str:
    # What a browser may send: the raw UTF-8 bytes of each value, surrogates encoded as they stand.
    return "&".join(f"{key}={quote_from_bytes(value.encode('utf-8', 'surrogatepass'))}"
                    for key, value in fields.items())


def _stored() -> tuple[Any, ...]:
    return (Comment.objects.count(), Vote.objects.count(), PassageAnchor.objects.count(),
            PassageQuestion.objects.count(), list(Comment.objects.order_by("pk").values_list("body", flat=True)))


def _check(send: Callable[[], Any]) -> None:
    before = _stored()
    answer = send()  # the test client raises what a view raised: a 500 fails here with its traceback
    assert answer.status_code < 500, answer.content[:300]
    if answer.status_code >= 400:
        assert _stored() == before, answer.status_code


def _each_field(valid: dict[str, Any], values: st.SearchStrategy[Any], send: Callable[[dict[str, Any]], None]) -> None:
    """Run ``send`` with each field of ``valid`` in turn (and one unknown field) drawn from ``values``."""
    for name in [*valid, "unknown"]:
        PER_FIELD(given(value=values)(_with_field(valid, name, send)))()


def _with_field(valid: dict[str, Any], name: str, send: Callable[[dict[str, Any]], None]) -> Callable[[Any], None]:
    return lambda value: send({**valid, name: value})


@pytest.fixture
def site(relaxed_moderation):
    target = passage_article()
    thread = thread_for_article(target)
    author = Client(REMOTE_ADDR="198.51.100.7")
    posted = author.post(f"/api/discussion/threads/{thread.pk}/comments",
                         _json({"body": "The first comment.", "author_name": "Ada"}), content_type="application/json")
    assert posted.status_code == 201
    return target, thread, author, posted.json()["id"]


COMMENT = {"body": "A reply.", "author_name": "Ada", "author_email": "ada@example.org",
           "author_website": "https://example.org/", "quote": "first comment", "idempotency_key": ""}


def test_the_comment_api_takes_random_text_without_a_server_error(site):
    _target, thread, _author, first = site
    client = Client(REMOTE_ADDR="203.0.113.9")

    def send(payload: Any) -> None:
        _check(lambda: client.post(f"/api/discussion/threads/{thread.pk}/comments", _json(payload),
                                   content_type="application/json"))

    _each_field({**COMMENT, "parent_id": first}, text, send)
    _each_field({**COMMENT, "parent_id": first}, anything, send)
    RUNS(given(payload=anything)(send))()  # not even an object


def test_edits_and_votes_by_api_take_random_input_without_a_server_error(site):
    _target, _thread, author, first = site
    voter = Client(REMOTE_ADDR="192.0.2.44")

    def edit(payload: dict[str, Any]) -> None:
        _check(lambda: author.put(f"/api/discussion/comments/{first}", _json(payload), content_type="application/json"))

    def vote(payload: dict[str, Any]) -> None:
        _check(lambda: voter.post(f"/api/discussion/comments/{first}/vote", _json(payload),
                                  content_type="application/json"))

    _each_field({"body": "Edited."}, text, edit)
    _each_field({"body": "Edited."}, anything, edit)
    _each_field({"value": 1}, anything, vote)


def test_the_passages_api_takes_random_text_without_a_server_error(site):
    target, _thread, _author, _first = site
    anchor = anchor_payload(target, "the vote was seven to two")
    client = Client(REMOTE_ADDR="203.0.113.77")

    def comment(payload: dict[str, Any]) -> None:
        _check(lambda: client.post(f"/api/passages/articles/{target.pk}/comments", _json(payload),
                                   content_type="application/json"))

    def on_anchor(fields: dict[str, Any]) -> None:
        comment({"body": "Which part?", "author_name": "Ada", "anchor": fields})

    def question(payload: dict[str, Any]) -> None:
        _check(lambda: client.post(f"/api/passages/articles/{target.pk}/questions", _json(payload),
                                   content_type="application/json"))

    valid = {"body": "Which part?", "author_name": "Ada", "author_website": "https://example.org/",
             "idempotency_key": "", "anchor": anchor}
    _each_field(valid, text, comment)
    _each_field(anchor, anything, on_anchor)
    _each_field({"anchor": anchor, "text": "Why?"}, text, question)


def test_the_plain_forms_take_random_text_without_a_server_error(site):
    _target, thread, author, first = site
    client = Client(REMOTE_ADDR="203.0.113.99")

    def comment(fields: dict[str, str]) -> None:
        _check(lambda: client.post(f"/discussion/threads/{thread.pk}/comments", _form_body(fields), content_type=FORM))

    def vote(fields: dict[str, str]) -> None:
        _check(lambda: client.post(f"/discussion/threads/{thread.pk}/vote", _form_body(fields), content_type=FORM))

    def edit(fields: dict[str, str]) -> None:
        _check(lambda: author.post(f"/discussion/comments/{first}/edit", _form_body(fields), content_type=FORM))

    _each_field({**COMMENT, "parent": str(first), "sort": "votes"}, text, comment)
    _each_field({"vote": f"{first}:1", "sort": "votes"}, text, vote)
    _each_field({"body": "Edited by form."}, text, edit)


def test_query_parameters_take_random_text_without_a_server_error(site):
    target, thread, _author, _first = site
    client = Client(REMOTE_ADDR="203.0.113.120")

    def read(path: str) -> Callable[[dict[str, str]], None]:
        return lambda fields: _check(lambda: client.get(f"{path}?{_form_body(fields)}"))

    _each_field({"after": "1.1", "sort": "votes", "limit": "5"}, text,
                read(f"/api/discussion/threads/{thread.pk}/comments"))
    _each_field({"after": "1.1", "sort": "votes"}, text, read(f"/discussion/threads/{thread.pk}/page"))
    _each_field({"after": "1.1", "sort": "votes", "replyto": "1", "pages": "2"}, text,
                read(target.get_absolute_url()))
    _each_field({"article": "1"}, text, read("/api/discussion/counts"))
