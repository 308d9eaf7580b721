"""The bulk seeder (benchmarks/seed.py), run through its command-line entry point on the test database: the
data has the shape the scenarios load, the paths it prints answer, and the database is ready to be measured.

Transactional tests: the seeder commits its own transactions and ends with ``VACUUM ANALYZE`` on PostgreSQL,
which cannot run inside a transaction.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from benchmarks import seed, signin
from benchmarks.scenarios import CSRF, signed_in_headers
from masthead.accounts.tiers import has_paid_donation
from masthead.discussion.models import Comment, Thread, path_segment
from masthead.funding.models import Campaign
from masthead.publishing.models import Article

# Two edges of the seeder's arithmetic: the deep thread's last comment (number 102) is one the thread's shape
# gives a reply to (every fourth comment replies to the one before), and the 287 other comments do not split
# evenly between articles 3 and 4.
ARTICLES, COMMENTS, DEEP = 5, 600, 103


@pytest.fixture
def seeded(transactional_db: None, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """A fresh test database seeded as the harness seeds one: what the seeder printed last (``SEED_JSON``)."""
    assert seed.main(["--articles", str(ARTICLES), "--comments", str(COMMENTS), "--deep-thread", str(DEEP)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("SEED_JSON ")
    return json.loads(last.removeprefix("SEED_JSON "))


def thread_sizes() -> dict[int, int]:
    """Comments per thread, by the seeded article number (its slug: bench-<n>)."""
    sizes = {}
    for thread in Thread.objects.select_related("article"):
        assert thread.article is not None
        number = int(thread.article.slug.removeprefix(seed.SLUG_PREFIX))
        sizes[number] = Comment.objects.filter(thread=thread).count()
    return sizes


def test_seeds_the_threads_the_scenarios_load(seeded: dict[str, Any]) -> None:
    assert seeded["articles"] == ARTICLES
    assert seeded["comments"] == COMMENTS == Comment.objects.count()
    assert seeded["deep_size"] == DEEP
    # Article 0 carries the 200-comment thread, article 1 the 10-comment one, article 2 the deep thread; the other
    # articles share the rest evenly.
    assert thread_sizes() == {0: 200, 1: 10, 2: DEEP, 3: 144, 4: 143}
    by_key = {key: Thread.objects.get(pk=seeded[key]) for key in ("thread_200", "thread_10", "thread_deep")}
    assert [t.article.slug if t.article else None for t in by_key.values()] == ["bench-0", "bench-1", "bench-2"]
    assert all(t.comment_count == Comment.objects.filter(thread=t, status="visible").count() for t in by_key.values())
    article_0 = Comment.objects.filter(thread=by_key["thread_200"])
    assert (article_0.filter(depth=0).count(), article_0.filter(depth=1).count()) == (150, 50)
    assert list(Article.objects.filter(status=Article.Status.PUBLISHED).order_by("-published_at")
                .values_list("slug", flat=True)[:1]) == ["bench-0"]  # the newest: it heads the home page


def test_every_comment_is_placed_in_its_tree_by_path_root_and_depth(seeded: dict[str, Any]) -> None:
    comments = {c.pk: c for c in Comment.objects.all()}
    replies: dict[int, int] = {}
    for comment in comments.values():
        if comment.parent_id is None:
            assert (comment.root_id, comment.depth, comment.path) == (comment.pk, 0, path_segment(comment.pk))
            continue
        parent = comments[comment.parent_id]
        replies[parent.pk] = replies.get(parent.pk, 0) + 1
        assert comment.thread_id == parent.thread_id
        assert comment.created_at > parent.created_at
        assert (comment.root_id, comment.depth, comment.path) == (
            parent.root_id, parent.depth + 1, parent.path + path_segment(comment.pk))
    assert all(c.reply_count == replies.get(c.pk, 0) for c in comments.values())


def test_printed_paths_answer_like_the_scenarios_expect(seeded: dict[str, Any]) -> None:
    reader = Client()
    page = reader.get(seeded["article_path"])
    assert page.status_code == 200
    assert Article.objects.get(slug="bench-0").headline in page.content.decode()

    first = reader.get(seeded["thread_200_json"]).json()
    roots = [c for c in first["comments"] if c["depth"] == 0]
    assert len(roots) == 20
    assert first["next"] is not None
    assert {c["root_id"] for c in first["comments"]} == {c["id"] for c in roots}
    small = reader.get(seeded["thread_10_json"]).json()
    assert (len(small["comments"]), small["next"]) == (10, None)

    # "Load more" 90% down the deep thread: the page after the cursor holds what is older than its comment.
    cursor_id = int(seeded["deep_cursor"].split(".")[1])
    deep = Comment.objects.filter(thread_id=seeded["thread_deep"]).order_by("created_at", "id")
    older = [c.pk for c in deep if c.created_at < Comment.objects.get(pk=cursor_id).created_at]
    assert len(older) == DEEP // 10
    more = reader.get(seeded["thread_deep_json"], {"after": seeded["deep_cursor"]})
    assert more.status_code == 200
    assert sorted(c["id"] for c in more.json()["comments"]) == older


def test_a_benchmark_post_is_published_after_the_seeded_comments(seeded: dict[str, Any]) -> None:
    # As the posting scenario sends it: a new guest on 127.0.0.1, CSRF cookie and header. The seeder turned off
    # the review of a guest's first comment, and (explicit ids) moved PostgreSQL's id sequence past its rows.
    guest = Client(enforce_csrf_checks=True, REMOTE_ADDR="127.0.0.1")
    guest.cookies["csrftoken"] = CSRF
    body = {"body": "Benchmark comment number 1: the ferry timetable changes again next week.",
            "author_name": "Bench reader 1"}
    answer = guest.post(seeded["post_path"], json.dumps(body), content_type="application/json",
                        HTTP_X_CSRFTOKEN=CSRF)
    assert answer.status_code == 201, answer.content
    assert answer.json()["status"] == "visible"
    assert answer.json()["id"] > max(Comment.objects.exclude(pk=answer.json()["id"]).values_list("pk", flat=True))


def test_the_active_campaign_and_its_urls(seeded: dict[str, Any]) -> None:
    assert list(Campaign.objects.filter(is_active=True).values_list("pk", flat=True)) == [seeded["campaign"]]
    totals = Client().get(seeded["funding_json"])
    assert totals.status_code == 200
    assert totals.json()["raised"] == 0
    assert seeded["webhook_path"].startswith("/")


def test_leaves_postgresql_with_planner_statistics(seeded: dict[str, Any]) -> None:
    # VACUUM ANALYZE, as autovacuum would have done after such a load; SQLite has nothing to do.
    if connection.vendor != "postgresql":
        seed.finish_bulk_load()  # runs again without error, doing nothing
        return
    table = Comment._meta.db_table
    with connection.cursor() as cursor:
        # Exact at once after VACUUM; -1 (never counted) after COPY alone, and after the previous test's TRUNCATE,
        # which keeps the old pg_stats rows: the row count is what proves this run's statistics.
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        assert cursor.fetchone()[0] == COMMENTS
        cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        assert cursor.fetchone()[0] > 0


def test_refuses_a_database_that_already_holds_benchmark_data(
        seeded: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert seed.main(["--articles", "3", "--comments", "20", "--deep-thread", "5"]) == 2
    assert "use a fresh database" in capsys.readouterr().err
    assert Article.objects.count() == ARTICLES


def test_the_signed_in_reader_gets_their_own_page(seeded: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/signin.py: the session it prints signs a supporter in, with their votes on the page."""
    assert signin.main([seeded["article_path"]]) == 0
    session = json.loads(capsys.readouterr().out.strip().splitlines()[-1].removeprefix("SESSION_JSON "))
    assert session["votes"] == 3
    assert session["supporter"] is True
    assert has_paid_donation(signin.EMAIL)
    client = Client(HTTP_HOST="127.0.0.1")
    cookie = dict(signed_in_headers(session))["Cookie"]
    for part in cookie.split("; "):
        name, value = part.split("=", 1)
        client.cookies[name] = value
    response = client.get(seeded["article_path"])
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=0"
    page = response.content.decode()
    assert 'autocomplete="nickname"' not in page  # the form of a signed-in reader: no name field
    assert all(f"&quot;{cid}&quot;:1" in page for cid in session["voted_ids"])
    anonymous = Client(HTTP_HOST="127.0.0.1").get(seeded["article_path"]).content.decode()
    assert "&quot;" not in anonymous.split('data-votes="', 1)[1].split('"', 1)[0]
    # Run again (a kept data folder): the same account, a new session.
    assert signin.main([seeded["article_path"]]) == 0
    again = json.loads(capsys.readouterr().out.strip().splitlines()[-1].removeprefix("SESSION_JSON "))
    assert again["user_id"] == session["user_id"]
    assert again["sessionid"] != session["sessionid"]
