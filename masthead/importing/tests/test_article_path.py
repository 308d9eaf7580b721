"""An imported article's own writes (issue 18): how many statements each costs, pinned so the count cannot creep
back; and what it writes, the same as before the cut: its revision, passage revision, authors, topics and term
vector; its "More on this topic" refresh, now enqueued once per group of articles; its old addresses, now written
in batches, in the order they came (the first of two with one address wins), each named if it cannot be written.

These commit for real (``transaction=True``): an import outside a transaction is what an operator runs, with its
transactions (on PostgreSQL its groups) and the refresh queued when they commit.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from masthead.importing import loader as loader_module
from masthead.importing.loader import Loader
from masthead.importing.models import Redirect
from masthead.importing.records import ArticleRecord, Record, RedirectRecord
from masthead.importing.sources.wordpress import WordPressSource
from masthead.importing.tests.wxr import WxrComment, WxrPost, wxr
from masthead.passages.actions import text_hash
from masthead.passages.models import ArticleRevision
from masthead.publishing import ranking, related
from masthead.publishing.models import Article, ArticleTerm, RelatedArticle, Revision
from masthead.publishing.tasks import refresh_related_many
from masthead.testing.importing import WHEN, ListSource, comment

pytestmark = pytest.mark.django_db(transaction=True)

SITE = "https://news.example"
# Statements per imported article (a post with a category, a tag, its author and three comments, and its three
# old addresses), everything counted: the article's transaction or savepoint, its save through publishing, its
# comments, its share of the batched old addresses. Before issue 18's fifth pass: 52 on SQLite (three
# transactions a post: the article, its feed's redirect, the refresh task queued after the commit) and 51 on
# PostgreSQL (plus a commit a post for that task); 28 and 27 after it; 21.7 and 18.7 since the sixth (the thread
# inserted without looking, no savepoint of the save's own, and on PostgreSQL the authors and topics read once a
# group); 20.7 and 16.7 since the seventh (the article's id mapping in its comments' insert, and on PostgreSQL the
# thread's count raised in the round trip of the comment ids). Lower it when a change saves more; never raise it.
MOST_STATEMENTS_PER_ARTICLE = {"sqlite": 21, "postgresql": 17}
REFRESH_MANY = "masthead.publishing.tasks.refresh_related_many"


def post(n: int, **fields: object) -> WxrPost:
    return WxrPost(str(n), f"Harbour ferry timetable {n}", content=f"<p>The ferry sails at {n} o'clock daily.</p>",
                   categories=[("category", "harbour", "Harbour"), ("post_tag", "ferry", "Ferry")],
                   comments=[WxrComment(f"{n}01"), WxrComment(f"{n}02", parent=f"{n}01"), WxrComment(f"{n}03")],
                   **fields)  # type: ignore[arg-type]


def import_posts(tmp_path: Path, posts: list[WxrPost]) -> int:
    """Import a WXR of these posts; the number of statements it sent."""
    path = tmp_path / f"export-{len(posts)}.xml"
    path.write_text(wxr(posts, site=SITE), encoding="utf-8")
    with CaptureQueriesContext(connection) as queries:
        summary = Loader(WordPressSource(path, {"uploads": None}), workers=0).run()
    assert not summary.errors
    return len(queries)


def test_an_imported_article_costs_at_most_the_pinned_statements(tmp_path: Path) -> None:
    small = import_posts(tmp_path, [post(n) for n in range(1, 3)])
    call_command("flush", "--noinput")
    large = import_posts(tmp_path, [post(n) for n in range(1, 13)])
    per_article = (large - small) / 10  # what the site, its author and its topics cost once is the same in both
    assert per_article <= MOST_STATEMENTS_PER_ARTICLE[connection.vendor], per_article
    # One refresh task for the twelve (fewer than a group), none per article.
    assert DBTaskResult.objects.filter(task_path=REFRESH_MANY).count() == 1
    assert not DBTaskResult.objects.exclude(task_path=REFRESH_MANY).exists()


def test_an_imported_article_is_stored_as_a_save_through_publishing_stores_it(tmp_path: Path) -> None:
    import_posts(tmp_path, [post(1), post(2)])
    article = Article.objects.get(slug="post-1")
    assert article.version == 1
    assert sorted(article.topics.values_list("slug", flat=True)) == ["ferry", "harbour"]
    assert list(article.authors.values_list("slug", flat=True)) == ["editor"]
    revision = Revision.objects.get(article=article)
    assert (revision.number, revision.kind, revision.note, revision.saved_by_id) == (1, Revision.Kind.SAVE, "", None)
    assert (revision.headline, revision.standfirst, revision.body) == (
        article.headline, article.standfirst, article.body)
    passages = ArticleRevision.objects.get(article=article)
    assert (passages.number, passages.text_hash, passages.body_text) == (1, text_hash(article.body_text),
                                                                        article.body_text)
    assert (passages.exact, passages.moved, passages.fuzzy, passages.orphaned, passages.summary) == (0, 0, 0, 0, [])
    counts = related.term_counts(article.headline, article.standfirst, article.body_text)
    assert dict(ArticleTerm.objects.filter(article=article).values_list("term", "weight")) == pytest.approx(
        related.document_weights(counts))


def test_the_refresh_is_one_task_per_group_and_finds_the_imported_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader_module, "GROUP_UNITS", 4)  # an author, two topics and the articles are units
    import_posts(tmp_path, [post(n) for n in range(1, 8)])
    rows = DBTaskResult.objects.filter(task_path=REFRESH_MANY).order_by("enqueued_at", "pk")
    queued = [article_id for row in rows for article_id in row.args_kwargs["args"][0]]
    # Every article once, in the order they were imported, in more than one task (the groups), none per article.
    assert queued == list(Article.objects.order_by("pk").values_list("pk", flat=True))
    assert rows.count() > 1
    assert not DBTaskResult.objects.exclude(task_path=REFRESH_MANY).exists()
    # What the tasks do when a worker runs them: the lists the refresh of each article in turn makes.
    for row in rows:
        refresh_related_many.call(*row.args_kwargs["args"])
    first = Article.objects.get(slug="post-1")
    listed = list(RelatedArticle.objects.filter(article=first).order_by("rank").values_list("related_id", flat=True))
    assert listed == [r.article_id for r in ranking.rank_related(first.pk)]
    assert len(listed) == related.RELATED_COUNT


def test_a_scheduled_article_is_refreshed_again_at_its_time(tmp_path: Path) -> None:
    with time_machine.travel(datetime(2031, 2, 3, 4, 5, tzinfo=UTC), tick=False):
        import_posts(tmp_path, [post(1), post(2, status="future", date="2031-05-06 07:08:09")])
    later = Article.objects.get(slug="post-2")
    assert later.status == Article.Status.SCHEDULED
    runs = sorted(((row.args_kwargs["args"][0], row.task.run_after) for row in DBTaskResult.objects.all()),
                  key=lambda run: run[1] is not None)
    articles = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    assert runs == [(articles, None), ([later.pk], datetime(2031, 5, 6, 7, 8, 9, tzinfo=UTC))]


def test_a_dry_run_queues_no_refresh_and_writes_no_address(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(wxr([post(1), post(2)], site=SITE), encoding="utf-8")
    dry = Loader(WordPressSource(path, {"uploads": None}), dry_run=True, workers=0).run()
    assert (Article.objects.count(), Redirect.objects.count(), DBTaskResult.objects.count()) == (0, 0, 0)
    real = Loader(WordPressSource(path, {"uploads": None}), workers=0).run()
    assert dry.kinds == real.kinds
    assert Redirect.objects.count() == real.count("redirect", "created") == 13  # 3 a post, 7 the author's and topics'


def article(n: int, *old_paths: str) -> ArticleRecord:
    return ArticleRecord(str(n), f"Article {n}", WHEN, body_markdown=f"Text of article {n}.",
                         comments=[comment(f"{n}-a")], old_paths=list(old_paths))


def addresses() -> dict[str, str]:
    return dict(Redirect.objects.values_list("old_path", "target"))


@pytest.mark.parametrize("batch", [1, 2, 500])
def test_old_addresses_keep_the_order_they_came_in_whatever_the_batch(
        monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    monkeypatch.setattr(loader_module, "REDIRECT_BATCH", batch)
    records: list[Record] = [
        RedirectRecord("/a/", "url", "/first/"),
        article(1, "/a/", "/b/"),  # /a/ redirects already; /b/ is the article's
        RedirectRecord("/b/", "url", "/second/"),  # /b/ redirects already
        RedirectRecord("/c/", "article-feed", "1"),
        RedirectRecord("/d/", "article", "2"),  # not imported (yet): the record may only name what came before
        article(2, "/c/", "/e/", "/e"),
        RedirectRecord("/f/", "article", "2"),
    ]
    summary = Loader(ListSource(records)).run()
    assert addresses() == {
        "/a/": "/first/", "/b/": "/articles/article-1/", "/c/": "/articles/article-1/comments/feed/",
        "/e/": "/articles/article-2/", "/e": "/articles/article-2/", "/f/": "/articles/article-2/",
    }
    assert summary.count("redirect", "created") == 6
    assert summary.kinds["redirect"].skipped == {
        "the old address already redirects": 3, "its target (article) is not imported": 1}
    assert not summary.errors


def test_an_address_that_cannot_be_written_is_named_and_the_others_are_kept() -> None:
    # A database that refuses one address (a trigger): the batch fails, then each is written on its own.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("CREATE FUNCTION refuse_bad() RETURNS trigger AS $$ BEGIN "
                           "IF NEW.old_path = '/bad/' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END "
                           "$$ LANGUAGE plpgsql")
            cursor.execute("CREATE TRIGGER refuse_bad BEFORE INSERT ON importing_redirect FOR EACH ROW "
                           "EXECUTE FUNCTION refuse_bad()")
        else:
            cursor.execute("CREATE TRIGGER refuse_bad BEFORE INSERT ON importing_redirect "
                           "WHEN NEW.old_path = '/bad/' BEGIN SELECT RAISE(ABORT, 'refused'); END")
    try:
        summary = Loader(ListSource([article(1, "/good/", "/bad/"), RedirectRecord("/also/", "url", "/x/")])).run()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER refuse_bad" + (" ON importing_redirect" if connection.vendor == "postgresql"
                                                          else ""))
            if connection.vendor == "postgresql":
                cursor.execute("DROP FUNCTION refuse_bad()")
    assert addresses() == {"/good/": "/articles/article-1/", "/also/": "/x/"}
    assert summary.count("article", "created") == 1
    assert summary.count("redirect", "created") == 2
    assert len(summary.errors) == 1
    assert summary.errors[0].startswith("redirect /bad/: ")


def test_an_interrupted_import_writes_the_finished_articles_addresses_and_queues_their_refresh() -> None:
    records: list[Record] = [article(n, f"/old/{n}/") for n in range(1, 4)]
    with pytest.raises(KeyboardInterrupt):
        Loader(ListSource(records, crash_after=2)).run()
    assert addresses() == {"/old/1/": "/articles/article-1/", "/old/2/": "/articles/article-2/"}
    assert [row.args_kwargs["args"][0] for row in DBTaskResult.objects.all()] == [
        list(Article.objects.order_by("pk").values_list("pk", flat=True))]


def test_addresses_lost_with_a_crash_come_back_with_the_next_run() -> None:
    records: list[Record] = [article(n, f"/old/{n}/") for n in range(1, 3)]
    Loader(ListSource(records)).run()
    Redirect.objects.all().delete()  # as if the process died after the articles' commit, before their addresses'
    summary = Loader(ListSource(records)).run()
    assert summary.kinds["article"].skipped == {"already imported": 2}
    assert summary.count("redirect", "created") == 2
    assert addresses() == {"/old/1/": "/articles/article-1/", "/old/2/": "/articles/article-2/"}
