"""Disqus, Isso and Remark42: a comment deleted at the source that has replies becomes a tombstone (a "deleted"
placeholder without its text, name and date kept), so its replies stay under it, as a comment deleted here with
replies stays and as a WordPress export's deleted comment comes in; one deleted without replies stays rejected (kept
for the record, never shown). Small hand-written exports, one per format."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from django.test import Client

from masthead.discussion.models import Comment
from masthead.importing.tests.conftest import run_import, snapshot
from masthead.publishing.models import Article

pytestmark = pytest.mark.django_db


def _check_tree(deleted_name: str) -> None:
    """The parent is a tombstone with the reply under it, shown on the page as deleted; the lone deleted comment
    is rejected with its text."""
    tombstone = Comment.objects.get(status=Comment.Status.DELETED)
    assert (tombstone.body, tombstone.body_html) == ("", "")
    assert tombstone.author_name == deleted_name
    reply = Comment.objects.get(body__contains="I answer the deleted one")
    assert reply.parent_id == tombstone.pk
    assert reply.status == Comment.Status.VISIBLE
    lone = Comment.objects.get(body__contains="Deleted and never answered")
    assert lone.status == Comment.Status.REJECTED
    assert not Comment.objects.filter(body__contains="Words the author took back").exists()
    page = Client().get(Article.objects.get().get_absolute_url()).content.decode()
    assert "This comment was deleted." in page
    assert "I answer the deleted one" in page
    assert "Words the author took back" not in page
    assert "Deleted and never answered" not in page


DISQUS = """<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <thread dsq:id="t1">
    <link>https://old.example/2020/harbour/</link><title>Harbour works</title>
    <createdAt>2020-03-01T09:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted>
  </thread>
  <post dsq:id="p2">
    <message><![CDATA[<p>I answer the deleted one.</p>]]></message><createdAt>2020-03-01T11:00:00Z</createdAt>
    <isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Bo</name><email>bo@example.org</email></author>
    <thread dsq:id="t1"/><parent dsq:id="p1"/>
  </post>
  <post dsq:id="p1">
    <message><![CDATA[<p>Words the author took back.</p>]]></message><createdAt>2020-03-01T10:00:00Z</createdAt>
    <isDeleted>true</isDeleted><isSpam>false</isSpam><author><name>Al</name><email>al@example.org</email></author>
    <thread dsq:id="t1"/>
  </post>
  <post dsq:id="p3">
    <message><![CDATA[<p>Deleted and never answered.</p>]]></message><createdAt>2020-03-01T12:00:00Z</createdAt>
    <isDeleted>true</isDeleted><isSpam>false</isSpam><author><name>Cy</name><email>cy@example.org</email></author>
    <thread dsq:id="t1"/>
  </post>
</disqus>
"""


def test_disqus(tmp_path: Path) -> None:
    path = tmp_path / "disqus.xml"
    path.write_text(DISQUS, encoding="utf-8")
    run_import("disqus", str(path))
    _check_tree("Al")
    before = snapshot()
    run_import("disqus", str(path))
    assert snapshot() == before


def test_isso(tmp_path: Path) -> None:
    """Isso itself keeps a deleted comment only when it has replies (mode 4, text and author emptied)."""
    path = tmp_path / "comments.db"
    with closing(sqlite3.connect(path)) as db:
        db.executescript("""
            CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
            CREATE TABLE comments (tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
                created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR, text VARCHAR,
                author VARCHAR, email VARCHAR, website VARCHAR, likes INTEGER DEFAULT 0,
                dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL, notification INTEGER DEFAULT 0);
            CREATE TABLE preferences (key VARCHAR PRIMARY KEY, value VARCHAR);
            INSERT INTO preferences VALUES ('session-key', 'hand-written-test-db');
            INSERT INTO threads VALUES (1, '/2020/harbour/', 'Harbour works');
            INSERT INTO comments (tid, id, parent, created, mode, text, author, email, website, likes, voters)
                VALUES (1, 1, NULL, 1583053200.0, 4, '', NULL, NULL, NULL, 2, x''),
                       (1, 2, 1, 1583056800.0, 1, 'I answer the deleted one.', 'Bo', NULL, NULL, 0, x''),
                       (1, 3, NULL, 1583060400.0, 4, 'Deleted and never answered.', 'Cy', NULL, NULL, 0, x'');
        """)
        db.commit()
    run_import("isso", str(path))
    _check_tree("Anonymous")
    assert Comment.objects.get(status=Comment.Status.DELETED).upvotes == 2


def test_remark42(tmp_path: Path) -> None:
    url = "https://old.example/2020/harbour/"
    lines = [
        {"version": 1, "users": [], "posts": []},
        {"id": "c2", "pid": "c1", "text": "<p>I answer the deleted one.</p>", "user": {"name": "Bo", "id": "u2"},
         "locator": {"site": "s", "url": url}, "time": "2020-03-01T11:00:00Z"},
        {"id": "c1", "pid": "", "text": "<p>Words the author took back.</p>", "delete": True,
         "user": {"name": "Al", "id": "u1"}, "locator": {"site": "s", "url": url}, "score": 1,
         "time": "2020-03-01T10:00:00Z"},
        {"id": "c3", "pid": "", "text": "<p>Deleted and never answered.</p>", "delete": True,
         "user": {"name": "Cy", "id": "u3"}, "locator": {"site": "s", "url": url}, "time": "2020-03-01T12:00:00Z"},
    ]
    path = tmp_path / "backup.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    run_import("remark42", str(path))
    _check_tree("Al")
    assert Comment.objects.get(status=Comment.Status.DELETED).upvotes == 1
