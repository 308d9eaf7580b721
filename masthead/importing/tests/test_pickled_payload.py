"""What travels between an import's writer and its workers (``importing.preparing``): a chunk of comment records
one way, their prepared comments the other, pickled as each class called with its fields' values
(``core.pickling``). Every field comes back, including the nested ones."""

from __future__ import annotations

import pickle
from dataclasses import fields
from typing import Any

import pytest

from masthead.discussion.actions import PreparedImport
from masthead.importing.preparing import PreparedComment, _prepare_chunk
from masthead.importing.records import CommentRecord, CommentStatus, PassageQuote
from masthead.moderation.pipeline import ReadyDecision
from masthead.testing.importing import WHEN

pytestmark = pytest.mark.django_db


def round_trip(value, protocol=pickle.HIGHEST_PROTOCOL):
    return pickle.loads(pickle.dumps(value, protocol))  # noqa: S301 - our own objects


def plain(row: list[Any] | None) -> list[Any]:
    """A row's values and their types; a JSON value's wrapper (psycopg's ``Jsonb``) compares by identity: what it
    wraps."""
    return [(type(v), v.obj if type(v).__name__ == "Jsonb" else v) for v in row or []]


def record(n: int) -> CommentRecord:
    return CommentRecord(f"c{n}", "c0" if n else None, f"Reader {n}", WHEN, body_html=f"<p>Said <b>{n}</b></p>",
                         body_markdown=None, author_email=f"r{n}@example.org", author_url="https://example.org/",
                         status=CommentStatus.PENDING, upvotes=n, downvotes=1,
                         passage=PassageQuote(f"passage {n}", "why?"))


def test_a_chunk_and_its_prepared_comments_come_back_whole():
    chunk = [record(n) for n in range(3)]
    sent = round_trip(chunk, pickle.HIGHEST_PROTOCOL)
    assert sent == chunk
    assert all(getattr(a, f.name) == getattr(b, f.name) for a, b in zip(sent, chunk, strict=True)
               for f in fields(CommentRecord))
    prepared = _prepare_chunk(sent)
    back = round_trip(prepared, pickle.HIGHEST_PROTOCOL)
    assert [(one.body, one.error) for one in back] == [(one.body, one.error) for one in prepared]
    for mine, theirs in zip(back, prepared, strict=True):
        assert type(mine) is PreparedComment
        assert type(mine.prepared) is PreparedImport
        assert theirs.prepared is not None
        assert isinstance(mine.prepared.verdict_payload, ReadyDecision)
        assert plain(mine.prepared.row) == plain(theirs.prepared.row)
        assert mine.prepared.fields == theirs.prepared.fields
        assert isinstance(theirs.prepared.verdict_payload, ReadyDecision)
        assert plain(mine.prepared.verdict_payload.values) == plain(theirs.prepared.verdict_payload.values)
        assert mine.prepared.verdict_payload.link_hosts == theirs.prepared.verdict_payload.link_hosts
    assert back[0].prepared is not None
    assert back[0].prepared.fields["status"] == "pending"
    assert "<b>" not in back[1].body
    assert "**1**" in back[1].body


def test_a_refused_comment_keeps_its_reason():
    refused = PreparedComment("text", None, "The comment has no text.")
    assert round_trip(refused) == refused
    assert b"error" not in pickle.dumps(refused, pickle.HIGHEST_PROTOCOL)
