"""Each real Disqus export in the shared sample data, imported as an operator would: exact counts, the reply tree
of sample comments, the two repaired defects, a second run that changes nothing, and thread links answering 301."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from masthead.discussion.models import Comment
from masthead.importing.tests.conftest import import_data_dir, run_import, snapshot, table_counts
from masthead.publishing.models import Article

pytestmark = pytest.mark.django_db

ISSO = "isso_tests_disqus.xml"
SCHNACK = "schnack_test_disqus.xml"
RADIO_T = "remark42_migrator_testdata_disqus.xml"
RADIO_T_DELETED_POST = "remark42_migrator_testdata_disqus-deleted-post.xml"
RADIO_T_DELETED_THREAD = "remark42_migrator_testdata_disqus-deleted-thread.xml"


@pytest.fixture
def disqus_dir() -> Path:
    return import_data_dir() / "disqus"


def run_with_errors(*args: str) -> tuple[str, str]:
    """The command on an export with unreadable items: it imports the rest, prints the summary, exits 1."""
    out = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import", *args, "--no-progress", stdout=out)
    return out.getvalue(), str(failure.value)


def comment(text: str) -> Comment:
    return Comment.objects.get(body__contains=text)


def test_isso_fixture_threads_posts_orphan_thread_and_deleted_parent(disqus_dir: Path) -> None:
    output = run_import("disqus", str(disqus_dir / ISSO))
    counts = table_counts()
    assert counts["articles"] == 2  # threads 2 and 7; thread 3 has no posts
    assert counts["comments"] == 5  # posts 4, 5, 9, 11 and 8; post 6 names a thread that is not there
    assert counts["redirects"] == 1  # thread 7's link; thread 2 is the home page "/"
    assert "article x1: a thread without comments: nothing to carry over" in output
    assert "comment x1: its thread (dsq:id 1337) is not in the export" in output

    hello = Article.objects.get(headline="Hello, World!")
    assert hello.published_at == datetime(2012, 12, 12, 12, 12, 12, tzinfo=UTC)
    replies = Comment.objects.filter(thread__article=hello, body__contains="Hello, World.").order_by("created_at")
    first, second = list(replies)
    assert first.parent is not None
    assert first.parent.body == "..."
    assert first.parent.author_name == "peter"
    # The deleted post 9 has a reply: kept as a tombstone, so post 11 keeps its parent.
    assert second.parent is not None
    assert second.parent.status == Comment.Status.DELETED
    assert second.parent.body == ""
    assert first.status == second.status == Comment.Status.VISIBLE

    untitled = Article.objects.exclude(pk=hello.pk).get()
    assert untitled.headline == "http://localhost:4000/blog/2013/02/12/redacted/index.html"
    assert comment("Message from thread with empty title").author_name == "Empty"
    answer = Client().get("/blog/2013/02/12/redacted/index.html")
    assert answer.status_code == 301
    assert answer["Location"] == untitled.get_absolute_url()


def test_schnack_export_keeps_a_reply_chain_three_deep(disqus_dir: Path) -> None:
    run_import("disqus", str(disqus_dir / SCHNACK))
    counts = table_counts()
    assert counts["articles"] == 2
    assert counts["comments"] == 5
    assert counts["redirects"] == 2  # /foo/ and /bar/
    nice = comment("Nice! :)")
    chain = [nice]
    while chain[-1].parent is not None:
        chain.append(chain[-1].parent)
    assert [c.author_name for c in chain] == ["Christopher", "Moritz", "Christopher", "Moritz"][: len(chain)]
    assert len(chain) == 4
    assert [c.depth for c in chain] == [3, 2, 1, 0]
    top = chain[-1]
    assert top.created_at == datetime(2014, 11, 1, 15, 6, 24, tzinfo=UTC)
    assert 'href="http://example.example"' in top.body_html
    assert Client().get("/foo/")["Location"] == Article.objects.get(thread=top.thread).get_absolute_url()


def test_radio_t_export_is_repaired_and_its_bad_posts_are_named(disqus_dir: Path) -> None:
    output, error = run_with_errors("disqus", str(disqus_dir / RADIO_T))
    assert "repair x1: not well-formed as stored, repaired: a stray backtick before the XML declaration" in output
    assert "repair x1: not well-formed as stored, repaired: the unquoted attribute dsq:id=247937687 was quoted" \
        in output
    assert "comment (<id> 12345678890): a post without a dsq:id" in output
    assert "comment x299986073: the date '2011-x09-30T22:48:43Z' is not a date" in output
    assert "2 item(s) could not be imported" in error
    counts = table_counts()
    assert counts["articles"] == 2
    assert counts["comments"] == 4
    assert comment("some ugly spam").status == Comment.Status.REJECTED
    assert comment("The quick brown fox").author_name == "Alexander Blah"
    podcast = Article.objects.get(slug="podcast-229")
    assert podcast.discussion_open is False  # isClosed
    assert podcast.headline == "Радио-Т: Радио-Т 229"  # noqa: RUF001 (Cyrillic, as exported)
    assert Client().get("/2011/03/229_8880.html").status_code == 301


def test_a_deleted_post_is_kept_rejected_with_its_text(disqus_dir: Path) -> None:
    run_with_errors("disqus", str(disqus_dir / RADIO_T_DELETED_POST))
    assert table_counts()["comments"] == 4
    rejected = Comment.objects.filter(status=Comment.Status.REJECTED).values_list("author_name", flat=True)
    assert sorted(rejected) == ["Alexander Blah", "Spam Noname"]  # deleted at Disqus; spam
    assert "The quick brown fox" in comment("The quick brown fox").body


def test_a_deleted_thread_is_skipped_with_its_posts(disqus_dir: Path) -> None:
    output, _ = run_with_errors("disqus", str(disqus_dir / RADIO_T_DELETED_THREAD))
    assert "article x1: the thread was deleted at Disqus" in output
    assert "comment x3: its thread was deleted at Disqus" in output
    assert table_counts()["articles"] == 1
    assert table_counts()["comments"] == 1


@pytest.mark.parametrize("name", [ISSO, SCHNACK, RADIO_T])
def test_a_second_run_changes_nothing(disqus_dir: Path, name: str) -> None:
    def run() -> None:
        if name == RADIO_T:
            run_with_errors("disqus", str(disqus_dir / name))
        else:
            run_import("disqus", str(disqus_dir / name))

    run()
    before = snapshot()
    run()
    assert snapshot() == before


def test_anything_else_not_well_formed_stops_the_import_naming_the_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text('<?xml version="1.0"?>\n<disqus xmlns="http://disqus.com">\n<thread id=abc/>\n</disqus>\n')
    with pytest.raises(CommandError, match="line 3") as failure:
        run_import("disqus", str(broken))
    assert "Nothing was imported" in str(failure.value)
    assert table_counts()["articles"] == 0


def test_posts_in_any_order_across_threads_keep_their_tree(tmp_path: Path) -> None:
    """Disqus does not promise an order: a reply listed before its parent, threads' posts interleaved."""
    def post(dsq: str, thread: str, text: str, parent: str = "") -> str:
        parent_ref = f'<parent dsq:id="{parent}"/>' if parent else ""
        return (f'<post dsq:id="{dsq}"><message><![CDATA[<p>{text}</p>]]></message>'
                f"<createdAt>2020-01-0{dsq[-1]}T10:00:00Z</createdAt><isDeleted>false</isDeleted>"
                f'<isSpam>false</isSpam><author><name>N{dsq}</name></author><thread dsq:id="{thread}"/>'
                f"{parent_ref}</post>")

    threads = "".join(
        f'<thread dsq:id="{t}"><id/><forum>f</forum><link>https://old.example/{t}/</link><title>T{t}</title>'
        f"<createdAt>2020-01-01T00:00:00Z</createdAt></thread>" for t in ("10", "20"))
    posts = (post("103", "10", "grandchild", "102") + post("201", "20", "other thread")
             + post("102", "10", "child", "101") + post("101", "10", "root"))
    export = tmp_path / "disqus.xml"
    export.write_text('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
                      f'xmlns:dsq="http://disqus.com/disqus-internals">{threads}{posts}</disqus>\n')
    output = run_import("disqus", str(export))
    assert "Orphaned" not in output
    assert table_counts()["comments"] == 4
    grandchild = comment("grandchild")
    assert grandchild.parent is not None
    assert grandchild.parent.body == "child"
    assert grandchild.parent.parent is not None
    assert grandchild.parent.parent.body == "root"
    assert comment("other thread").thread != grandchild.thread
    assert Comment.objects.filter(parent=None).count() == 2
