"""The real Remark42 backup in the shared sample data, imported as an operator would: exact counts, the comments'
pages, votes, a second run that changes nothing, and page paths answering 301."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.test import Client

from masthead.discussion.models import Comment
from masthead.importing.tests.conftest import import_data_dir, run_import, snapshot, table_counts
from masthead.publishing.models import Article

pytestmark = pytest.mark.django_db

BACKUP = "remark42_native_backup_sample.jsonl"


@pytest.fixture
def backup() -> Path:
    return import_data_dir() / "remark42" / BACKUP


def test_the_sample_backup(backup: Path) -> None:
    output = run_import("remark42", str(backup))
    counts = table_counts()
    assert counts["articles"] == 2  # https://radio-t.com and https://radio-t.com/2
    assert counts["comments"] == 2
    assert counts["redirects"] == 1  # /2; the home page keeps no redirect
    # The second comment answers "1234", which the backup does not hold.
    assert "comment x1: its parent is not in the export" in output

    first = Comment.objects.get(body__contains="some text,")
    assert first.author_name == "user name"
    assert first.created_at == datetime(2017, 12, 20, 21, 18, 22, tzinfo=UTC)
    assert 'href="http://radio-t.com"' in first.body_html
    home = Article.objects.get(thread=first.thread)
    assert home.discussion_open is False  # the meta marks https://radio-t.com read_only
    second = Comment.objects.get(body="some text2")
    assert second.parent is None
    page = Article.objects.get(thread=second.thread)
    assert page.discussion_open is True
    assert Client().get("/2")["Location"] == page.get_absolute_url()
    assert Article.objects.count() == 2


def test_votes_per_voter_and_scores_and_a_reply_tree(tmp_path: Path) -> None:
    lines = [
        {"version": 1, "users": [], "posts": []},
        {"id": "c2", "pid": "c1", "text": "<p>Reply</p>", "user": {"name": "Bo", "id": "u2"},
         "locator": {"site": "s", "url": "https://s.example/post/"}, "score": -1, "votes": {"u1": False},
         "time": "2020-01-02T10:00:00Z"},
        {"id": "c1", "pid": "", "text": "<p>Top</p>", "user": {"name": "Al", "id": "u1"},
         "locator": {"site": "s", "url": "https://s.example/post/"}, "score": 1,
         "votes": {"u2": True, "u3": True, "u4": False}, "time": "2020-01-01T10:00:00Z"},
        {"id": "c3", "pid": "", "text": "", "delete": True, "user": {"name": "", "id": "u3"},
         "locator": {"site": "s", "url": "https://s.example/post/"}, "score": 3, "time": "2020-01-03T10:00:00Z"},
    ]
    path = tmp_path / "backup.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(json.dumps(line) for line in lines) + "\n")
    run_import("remark42", str(path))
    top, reply = Comment.objects.get(body="Top"), Comment.objects.get(body="Reply")
    assert reply.parent_id == top.pk  # the reply came first in the backup
    assert (top.upvotes, top.downvotes) == (2, 1)
    assert (reply.upvotes, reply.downvotes) == (0, 1)
    deleted = Comment.objects.get(status=Comment.Status.REJECTED)
    assert "deleted in Remark42" in deleted.body
    assert (deleted.upvotes, deleted.downvotes) == (3, 0)  # no per-voter record: the score


def test_a_second_run_changes_nothing(backup: Path) -> None:
    run_import("remark42", str(backup))
    before = snapshot()
    run_import("remark42", str(backup))
    assert snapshot() == before


def test_a_line_that_is_not_json_stops_the_import_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"version": 1}\n{"id": "a", "locator": {"url": "/x"}}\n{not json\n')
    with pytest.raises(CommandError, match="line 3 is not JSON") as failure:
        run_import("remark42", str(path))
    assert "Nothing was imported" in str(failure.value)
    assert table_counts()["comments"] == 0
