"""The real Isso database in the shared sample data, opened read-only and imported as an operator would: exact
counts, the reply tree and votes of sample comments, a second run that changes nothing, thread paths answering 301."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.test import Client

from masthead.discussion.models import Comment
from masthead.importing.tests.conftest import import_data_dir, run_import, snapshot, table_counts
from masthead.publishing.models import Article

pytestmark = pytest.mark.django_db

DB = "isso_sample_generated_v5.db"


@pytest.fixture
def isso_db() -> Path:
    return import_data_dir() / "isso" / DB


def comment(text: str) -> Comment:
    return Comment.objects.get(body__contains=text)


def test_every_thread_and_comment_with_the_tree(isso_db: Path) -> None:
    before = isso_db.read_bytes()
    output = run_import("isso", str(isso_db))
    assert isso_db.read_bytes() == before  # opened read-only
    counts = table_counts()
    assert counts["articles"] == 6
    assert counts["comments"] == 15
    assert counts["redirects"] == 5  # every thread's uri but the home page "/"
    assert counts["subscriptions"] == 0
    assert "orphaned" in output

    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "...", "/blog/2013/02/12/redacted/index.html", "Hello, World!", "Hello, World\u2026", "Nat & Miguel",
        "Test post"]
    zweiter = comment("Zweiter.")
    replies = Comment.objects.filter(parent=zweiter).order_by("created_at")
    assert [c.body for c in replies] == ["Drölfter!", "Yet another reply.", "..."]
    assert zweiter.reply_count == 3
    assert zweiter.created_at == datetime.fromtimestamp(1398784887.0, UTC)
    assert zweiter.author_email == "info@posativ.org"
    # Comment 2 (mode 4) was deleted in Isso but has a reply: a tombstone keeps the reply below it.
    placeholder = Comment.objects.get(status=Comment.Status.DELETED)
    assert placeholder.body == ""
    assert [c.body_html for c in Comment.objects.filter(parent=placeholder)] == ["<p>Hello, World.</p>\n"]
    assert Comment.objects.exclude(pk=placeholder.pk).filter(status=Comment.Status.VISIBLE).count() == 14
    multiline = comment("When you have a comment with multiple lines")
    assert multiline.author_name == "Multiline Author"

    post = Article.objects.get(headline="Test post")
    answer = Client().get("/posts/0001/")
    assert answer.status_code == 301
    assert answer["Location"] == post.get_absolute_url()
    assert Client().get("/?p=4")["Location"] == Article.objects.get(headline="...").get_absolute_url()


def test_votes_and_reply_notifications(isso_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "comments.db"
    shutil.copyfile(isso_db, copy)
    with closing(sqlite3.connect(copy)) as db:
        db.execute("UPDATE comments SET likes = 7, dislikes = 2, notification = 1 WHERE id = 7")
        db.commit()
    output = run_import("isso", str(copy))
    zweiter = comment("Zweiter.")
    assert (zweiter.upvotes, zweiter.downvotes, zweiter.score) == (7, 2, 5)
    assert comment("Erster!1").upvotes == 0
    # Isso never confirmed the address: the reply subscription is reported, not imported.
    assert "subscription x1: not confirmed at the source" in output
    assert table_counts()["subscriptions"] == 0


def test_a_second_run_changes_nothing(isso_db: Path) -> None:
    run_import("isso", str(isso_db))
    before = snapshot()
    run_import("isso", str(isso_db))
    assert snapshot() == before


def test_a_file_that_is_not_an_isso_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE notes (id INTEGER)")
        db.commit()
    with pytest.raises(CommandError, match="not an Isso database"):
        run_import("isso", str(other))
    text = tmp_path / "text.db"
    text.write_text("hello")
    with pytest.raises(CommandError, match="not readable as an SQLite database"):
        run_import("isso", str(text))
