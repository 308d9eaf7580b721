"""Comments prepared (converted, rendered, sanitised, screened) in worker processes ahead of the writer: the same
rows as when the writer prepares them itself, the same units, and a second run that changes nothing.

The workers are forked and read the database on their own connections, so these tests commit for real
(``transaction=True``): a worker cannot see what an open test transaction wrote.
"""

from __future__ import annotations

import os

import pytest

from masthead.discussion.models import Comment, Thread
from masthead.importing.loader import Loader
from masthead.importing.models import ImportedObject
from masthead.importing.preparing import AheadPreparer, InlinePreparer, preparer
from masthead.importing.records import ArticleRecord, CommentBatch, CommentStatus, Record
from masthead.importing.tests.conftest import snapshot
from masthead.moderation.models import ModerationDecision
from masthead.publishing.models import Article
from masthead.testing.importing import WHEN, ListSource, comment

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # The workers are forked. A pytest process runs other threads (earlier tests' servers, SQLite upkeep), and a
    # fork copies a lock one of them holds at that moment: on SQLite a worker once waited forever in connect().
    # The import command forks from a process with no other thread; starting workers fresh (spawn) instead is
    # left to do (a first try corrupted the SQLite test database).
    pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="forked workers run in the PostgreSQL run"),
]
INSULT = "You are a worthless idiot and a moron."


def discussion() -> list[Record]:
    return [
        ArticleRecord("1", "A tree", WHEN, body_markdown="Body one.", comments=[
            comment("b", "a"), comment("a", body="<b>Bold</b> and **strong**, <script>x()</script>"),
            comment("c", "b"), comment("d", "gone"), comment("e", body=" "),
            comment("f", "a", body=INSULT), comment("g", body="Waiting.", status=CommentStatus.PENDING),
        ]),
        ArticleRecord("2", "A broken unit", WHEN, body_markdown="Body two.", comments=[
            comment("h"), comment("i", "h", author_email="x@example.org", author_url="javascript:alert(1)"),
            comment("j", author_email="x\ud800@example.org"),  # refused by the discussion app: the whole unit goes
        ]),
        ArticleRecord("3", "Many", WHEN, body_markdown="Body three.",
                      comments=[comment(f"m{n}", f"m{n - 1}" if n % 3 else None) for n in range(600)]),
        CommentBatch("1", [comment("k", "c"), comment("l", "k")]),  # replies to comments written earlier
    ]


def test_workers_write_what_the_writer_alone_writes_and_a_second_run_changes_nothing():
    summary = Loader(ListSource(discussion()), workers=2).run()

    assert summary.count("comment", "created") == 6 + 600 + 2
    assert summary.kinds["comment"].skipped == {"no text": 1}
    assert sum(summary.kinds["comment"].orphaned.values()) == 1
    assert len(summary.errors) == 1
    assert "comment j" in summary.errors[0]
    assert not Article.objects.filter(headline="A broken unit").exists()  # no half-written unit
    a = Comment.objects.get(body__startswith="<b>Bold")
    assert "<script" not in a.body_html  # sanitised
    assert "<strong>strong</strong>" in a.body_html
    c = Comment.objects.get(body="Comment c.")
    assert c.depth == 2
    assert c.parent is not None
    assert c.parent.parent_id == a.pk
    assert Comment.objects.get(body="Comment l.").path.startswith(c.path)
    a.refresh_from_db()
    assert a.reply_count == 5  # b, c, f, and the later batch's k and l
    rude = Comment.objects.get(body=INSULT)
    assert rude.status == Comment.Status.VISIBLE
    assert ModerationDecision.objects.get(comment=rude).action == "hold"
    assert ModerationDecision.objects.count() == Comment.objects.count()
    assert Thread.objects.get(article__headline="A tree").comment_count == 7  # all but the pending one
    assert ImportedObject.objects.filter(kind="comment").count() == Comment.objects.count()

    before = snapshot()
    again = Loader(ListSource(discussion()), workers=2).run()
    assert again.count("comment", "created") == 0
    assert snapshot() == before


def test_the_same_rows_with_and_without_workers():
    Loader(ListSource(discussion()), workers=2).run()
    with_workers = snapshot()
    Loader(ListSource(discussion(), key="test:again"), workers=0).run()  # a second copy, written alone
    rows = list(Comment.objects.order_by("pk").values_list("depth", "status", "body_html", "reply_count"))
    assert len(rows) == 2 * len(with_workers["comments"])  # type: ignore[arg-type]
    half = len(rows) // 2
    assert rows[half:] == rows[:half]
    decisions = list(ModerationDecision.objects.order_by("comment_id").values_list("action", "reasons"))
    assert decisions[half:] == decisions[:half]


def test_inside_a_transaction_the_writer_prepares_alone():
    from django.db import transaction

    with transaction.atomic():
        assert isinstance(preparer(2), InlinePreparer)
    made = preparer(1)
    try:
        assert isinstance(made, AheadPreparer)
    finally:
        made.close()
