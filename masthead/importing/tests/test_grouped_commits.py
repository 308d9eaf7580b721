"""On PostgreSQL the loader commits several units at once (``loader.Group``), each unit in its own savepoint: a
unit is still all or nothing, a failed one is rolled back alone, an interrupted import keeps every unit finished
before it, and the counts are those of what was committed.

The grouping applies only outside a transaction, so these tests commit for real (``transaction=True``) and look
at what another connection sees.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import psycopg
import pytest
from django.db import DatabaseError, connection, connections
from django.test.utils import CaptureQueriesContext

from masthead.discussion.models import Comment
from masthead.importing import loader as loader_module
from masthead.importing.loader import Loader
from masthead.importing.models import ImportedObject
from masthead.importing.records import ArticleRecord, AuthorRecord, Record
from masthead.publishing.models import Article, Author
from masthead.testing.importing import WHEN, ListSource, comment

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="units are grouped on PostgreSQL only"),
]


def article(n: int, **extra: object) -> ArticleRecord:
    return ArticleRecord(str(n), f"Article {n}", WHEN, body_markdown=f"Text of article {n}.",
                         comments=[comment(f"{n}-a"), comment(f"{n}-b", f"{n}-a")], **extra)  # type: ignore[arg-type]


def committed_articles() -> int:
    """What another session sees: only what was committed."""
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    with psycopg.connect(**params) as other:
        row = other.execute("SELECT count(*) FROM publishing_article").fetchone()
    assert row is not None
    return int(row[0])


class WatchedSource(ListSource):
    """Notes, before each record, how many articles another session sees committed."""

    def __init__(self, records: list[Record], **kwargs: object) -> None:
        super().__init__(records, **kwargs)  # type: ignore[arg-type]
        self.seen: list[int] = []

    def records(self) -> Iterator[Record]:
        for record in super().records():
            self.seen.append(committed_articles())
            yield record


def test_units_are_committed_in_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader_module, "GROUP_UNITS", 2)
    source = WatchedSource([article(n) for n in range(1, 6)])
    summary = Loader(source).run()
    assert source.seen == [0, 0, 2, 2, 4]  # committed two units at a time
    assert committed_articles() == 5  # the last, unfilled group too
    assert summary.count("article", "created") == 5
    assert summary.count("comment", "created") == 10


def test_the_record_bound_commits_a_group_early(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader_module, "GROUP_RECORDS", 5)  # an article with its two comments counts 3
    source = WatchedSource([article(n) for n in range(1, 5)])
    Loader(source).run()
    assert source.seen == [0, 0, 2, 2]


def test_a_failed_unit_is_rolled_back_alone_within_its_group() -> None:
    broken = article(2)
    broken.comments.append(comment("2-c", author_email="x\ud800@example.org"))  # refused: the unit fails
    records: list[Record] = [article(1), broken, article(3)]
    summary = Loader(ListSource(records)).run()
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["Article 1", "Article 3"]
    assert Comment.objects.count() == 4
    assert len(summary.errors) == 1
    assert "article 2" in summary.errors[0]
    assert summary.count("article", "created") == 2
    assert summary.count("comment", "created") == 4
    assert ImportedObject.objects.filter(kind="comment").count() == 4


def test_an_interrupted_import_keeps_the_finished_units_of_its_open_group() -> None:
    records: list[Record] = [article(n) for n in range(1, 4)]
    with pytest.raises(KeyboardInterrupt):
        Loader(ListSource(records, crash_after=2)).run()  # the group (50 units) was far from full
    assert committed_articles() == 2
    summary = Loader(ListSource(records)).run()
    assert summary.count("article", "created") == 1
    assert summary.kinds["article"].skipped == {"already imported": 2}
    assert Comment.objects.count() == 6


def test_a_transaction_lost_with_a_unit_loses_its_group_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # The savepoint of article 2 cannot be rolled back (as when the connection drops): article 1, finished in
    # the same transaction, is lost with it and reported; article 3 starts a new group.
    backend = type(connections["default"])
    real_rollback = backend.savepoint_rollback

    def failing_rollback(self: object, sid: str) -> None:
        raise DatabaseError("the savepoint is gone")

    def write_article(self: Loader, record: ArticleRecord) -> None:
        if record.source_id == "2":
            monkeypatch.setattr(backend, "savepoint_rollback", failing_rollback)
            raise DatabaseError("article 2 cannot be written")
        monkeypatch.setattr(backend, "savepoint_rollback", real_rollback)
        real_write(self, record)

    real_write = Loader._write_article
    monkeypatch.setattr(Loader, "_write_article", write_article)
    summary = Loader(ListSource([article(1), article(2), article(3)])).run()
    assert list(Article.objects.values_list("headline", flat=True)) == ["Article 3"]
    assert summary.count("article", "created") == 1
    assert summary.count("comment", "created") == 2
    assert len(summary.errors) == 2
    assert "1 unit(s) written before article 2" in summary.errors[1]

    monkeypatch.undo()
    again = Loader(ListSource([article(1), article(2), article(3)])).run()
    assert again.count("article", "created") == 2
    assert Article.objects.count() == 3


def test_the_authors_are_read_once_per_group(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader_module, "GROUP_UNITS", 3)  # the author's unit and articles 1, 2; then 3 and 4
    records: list[Record] = [AuthorRecord("ed", "Ed", slug="ed"),
                             *[article(n, author_ids=["ed"]) for n in range(1, 5)]]
    with CaptureQueriesContext(connection) as queries:
        Loader(ListSource(records), workers=0).run()
    reads = [q for q in queries if q["sql"].startswith('SELECT "publishing_author"."id"')
             and '"publishing_author"."id" IN' in q["sql"]]
    assert len(reads) == 2  # one per group, not one per article
    assert all(list(a.authors.values_list("slug", flat=True)) == ["ed"] for a in Article.objects.all())


def test_an_author_deleted_between_two_groups_is_left_out_of_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    # The group that read it has committed; the next reads the authors again and finds it gone, as each article
    # found it gone when each read them: the articles are imported without it, and nothing fails.
    monkeypatch.setattr(loader_module, "GROUP_UNITS", 2)  # the author's unit and article 1; then 2 and 3; then 4

    class DeletingSource(ListSource):
        def records(self) -> Iterator[Record]:
            for record in super().records():
                if isinstance(record, ArticleRecord) and record.source_id == "2":
                    assert not connection.in_atomic_block  # between groups
                    Author.objects.filter(slug="ed").delete()
                yield record

    records: list[Record] = [AuthorRecord("ed", "Ed", slug="ed"),
                             *[article(n, author_ids=["ed"]) for n in range(1, 5)]]
    summary = Loader(DeletingSource(records), workers=0).run()
    assert summary.errors == []
    assert summary.count("article", "created") == 4
    assert not Author.objects.exists()
    assert Article.objects.count() == 4


def test_an_author_deleted_by_another_session_during_a_group_fails_only_the_article_naming_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Articles 1 to 4 are one group. Staff delete "bo" (committed, in their own session) after article 2 read its
    # authors and before it links to "bo": article 2 fails alone, in its savepoint; the others are committed, and
    # article 3, which names "bo" too, reads the authors again and is imported without it.
    real_save = loader_module.do_save_article

    def save(article: Article, **kwargs: object) -> Article:
        if article.headline == "Article 2":
            params = connection.get_connection_params()
            params.pop("cursor_factory", None)
            with psycopg.connect(**params, autocommit=True) as staff:
                staff.execute("DELETE FROM publishing_author WHERE slug = 'bo'")
        return real_save(article, **kwargs)  # type: ignore[arg-type]

    authors: list[Record] = [AuthorRecord("ed", "Ed", slug="ed"), AuthorRecord("bo", "Bo", slug="bo")]
    Loader(ListSource(authors), workers=0).run()  # committed: another session sees them
    monkeypatch.setattr(loader_module, "do_save_article", save)
    records: list[Record] = [*authors, article(1, author_ids=["ed"]), article(2, author_ids=["ed", "bo"]),
                             article(3, author_ids=["bo", "ed"]), article(4, author_ids=["ed"])]
    source = WatchedSource(records)
    summary = Loader(source, workers=0).run()
    assert source.seen == [0, 0, 0, 0, 0, 0]  # one group: nothing committed before the end
    assert len(summary.errors) == 1
    assert summary.errors[0].startswith("article 2 ")
    assert committed_articles() == 3
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["Article 1", "Article 3", "Article 4"]
    assert all(list(a.authors.values_list("slug", flat=True)) == ["ed"] for a in Article.objects.all())
    assert summary.count("article", "created") == 3
    assert summary.count("comment", "created") == 6
    assert Comment.objects.count() == 6
