"""The import keeps PostgreSQL's planner statistics in step with the tables it fills.

Without them the planner takes a table an import is filling for an empty one: the id mapping's lookup of an
article's comment ids then filtered a growing part of the table for every article (34.6 ms at 100,000 mapped
comments, 0.27 ms once analyzed: docs/import.md). The loader analyzes the tables that changed enough since their
last ANALYZE when the records it has committed double (core/planner_statistics.py). The units are committed only
outside a transaction, so these tests commit for real (``transaction=True``).
"""

from __future__ import annotations

import os

import pytest
from django.db import connection

from masthead.core import planner_statistics
from masthead.core.planner_statistics import BulkStatistics
from masthead.importing.loader import Loader
from masthead.importing.records import ArticleRecord, Record
from masthead.testing.importing import WHEN, ListSource, comment

pytestmark = pytest.mark.django_db(transaction=True)
on_postgresql = pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="PostgreSQL's planner statistics")


def articles(count: int, per_article: int) -> list[Record]:
    return [
        ArticleRecord(str(n), f"Article {n}", WHEN, body_markdown=f"Text of article {n}.",
                      comments=[comment(f"{n}-{i}", f"{n}-{i - 1}" if i else None) for i in range(per_article)])
        for n in range(count)
    ]


def planned_rows(table: str) -> float:
    """The rows the planner believes the table has (-1: never analyzed, PostgreSQL 14+)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return float(cursor.fetchone()[0])


def analyze_counts(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT analyze_count + autoanalyze_count FROM pg_stat_user_tables WHERE relname = %s",
                       [table])
        return int(cursor.fetchone()[0])


@on_postgresql
def test_the_tables_an_import_fills_are_analyzed_so_the_planner_knows_their_size(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner_statistics, "FIRST_CHECK", 50)
    monkeypatch.setattr(planner_statistics, "MIN_CHANGED", 40)
    loader = Loader(ListSource(articles(6, 15)))
    summary = loader.run()
    assert summary.errors == []
    assert summary.count("comment", "created") == 90
    analyzed = set(loader._statistics.analyzed)
    assert {"importing_importedobject", "discussion_comment", "moderation_moderationdecision"} <= analyzed
    # The planner now counts the rows written (96 mappings: 6 articles and 90 comments), not an empty table.
    assert planned_rows("importing_importedobject") == 96
    assert planned_rows("discussion_comment") == 90
    assert analyze_counts("importing_importedobject") >= 1


@on_postgresql
def test_statistics_are_looked_at_when_the_records_written_double_and_only_stale_tables_analyzed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner_statistics, "FIRST_CHECK", 50)
    monkeypatch.setattr(planner_statistics, "MIN_CHANGED", 40)
    Loader(ListSource(articles(3, 15))).run()  # 48 records: under the first look of that run's own counter

    statistics = BulkStatistics()
    statistics.wrote(30)
    assert statistics.analyzed == []  # 30 < 50: not looked at, however stale the tables are
    statistics.wrote(30)
    assert "discussion_comment" in statistics.analyzed  # 60 written: the stale tables analyzed
    assert statistics.next_check == 120
    assert planned_rows("discussion_comment") == 45
    first = list(statistics.analyzed)
    statistics.wrote(70)  # 130: looked at again, but nothing changed since: nothing analyzed
    assert statistics.analyzed == first
    assert statistics.next_check == 260


def test_on_sqlite_nothing_is_analyzed() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite side")
    statistics = BulkStatistics()
    statistics.wrote(10**6)
    assert statistics.analyzed == []
    summary = Loader(ListSource(articles(2, 5))).run()
    assert summary.count("comment", "created") == 10


def histogram_size(table: str, column: str) -> int:
    """How many bounds the planner's histogram of a column has (at most the statistics target plus one)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT cardinality(histogram_bounds::text::text[]) FROM pg_stats "
                       "WHERE tablename = %s AND attname = %s", [table, column])
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def statistics_target() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW default_statistics_target")
        return str(cursor.fetchone()[0])


@on_postgresql
def test_during_the_write_a_small_sample_and_at_its_end_the_full_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner_statistics, "FIRST_CHECK", 50)
    monkeypatch.setattr(planner_statistics, "MIN_CHANGED", 40)
    default = statistics_target()
    Loader(ListSource(articles(3, 15))).run()  # 48 records: too few to be looked at, so nothing analyzed
    statistics = BulkStatistics()
    statistics.wrote(60)
    assert "discussion_comment" in statistics.analyzed
    # 45 comments, 45 distinct ids: the small sample's histogram has at most QUICK_TARGET + 1 bounds.
    assert 2 <= histogram_size("discussion_comment", "id") <= planner_statistics.QUICK_TARGET + 1
    assert statistics_target() == default  # the small target was this ANALYZE's alone
    statistics.finish()
    assert "discussion_comment" in statistics.finished
    assert histogram_size("discussion_comment", "id") == 45  # the full target (100) keeps every distinct id
    assert planned_rows("discussion_comment") == 45


@on_postgresql
def test_an_import_ends_with_full_statistics_of_the_tables_it_analyzed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner_statistics, "FIRST_CHECK", 50)
    monkeypatch.setattr(planner_statistics, "MIN_CHANGED", 40)
    loader = Loader(ListSource(articles(6, 15)))
    loader.run()
    assert set(loader._statistics.analyzed) <= set(loader._statistics.finished)
    assert histogram_size("discussion_comment", "id") == 90
    # A dry run commits nothing and analyzes nothing, at the end either.
    dry = Loader(ListSource(articles(6, 15), key="test:other"), dry_run=True)
    dry.run()
    assert dry._statistics.analyzed == dry._statistics.finished == []
