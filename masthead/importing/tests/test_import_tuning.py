"""What the import's writer runs under for its duration, and that it is put back after (importing/tuning.py): the
garbage collector's thresholds and freeze (both databases), and on SQLite the writer connection's page cache and
checkpoint interval (on PostgreSQL nothing is sent)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from masthead.importing import tuning
from masthead.importing.loader import Loader
from masthead.importing.records import ArticleRecord, Record
from masthead.testing.importing import WHEN, ListSource, comment

pytestmark = pytest.mark.django_db


def pragma(name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA {name}")
        return int(cursor.fetchone()[0])


class Watching(ListSource):
    """Notes what the writer runs under while the loader reads its records (between the two articles)."""

    def __init__(self, records: list[Record], *, fail: bool = False) -> None:
        super().__init__(records)
        self.seen: dict[str, Any] = {}
        self.fail = fail

    def records(self) -> Iterator[Record]:
        for n, record in enumerate(super().records()):
            if n == 1:
                self.seen["thresholds"] = gc.get_threshold()
                self.seen["frozen"] = gc.get_freeze_count()
                if connection.vendor == "sqlite":
                    self.seen["cache_size"] = pragma("cache_size")
                    self.seen["wal_autocheckpoint"] = pragma("wal_autocheckpoint")
                if self.fail:
                    raise KeyboardInterrupt
            yield record


def two_articles() -> list[Record]:
    return [ArticleRecord(str(n), f"Article {n}", WHEN, body_markdown=f"Text {n}.",
                          comments=[comment(f"{n}-1"), comment(f"{n}-2", f"{n}-1")]) for n in (1, 2)]


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """The test process as an import command starts: nothing frozen (a frozen heap is left as it is)."""
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    yield
    if frozen:
        gc.freeze()


def test_the_collector_runs_less_often_during_an_import_and_as_before_after(unfrozen: None) -> None:
    before = gc.get_threshold()
    source = Watching(two_articles())
    summary = Loader(source).run()
    assert summary.count("comment", "created") == 4
    assert source.seen["thresholds"] == tuning.GC_THRESHOLDS != before
    assert source.seen["frozen"] > 0  # what was loaded before the import is out of the collections' sight
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_the_collector_is_put_back_when_the_import_stops_half_way(unfrozen: None) -> None:
    before = gc.get_threshold()
    source = Watching(two_articles(), fail=True)
    with pytest.raises(KeyboardInterrupt):
        Loader(source).run()
    assert source.seen["thresholds"] == tuning.GC_THRESHOLDS
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_an_already_frozen_heap_stays_frozen(unfrozen: None) -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        Loader(Watching(two_articles())).run()
        # The caller's freeze (a server process's) is not undone (a frozen object freed since leaves the count).
        assert gc.get_freeze_count() > frozen * 0.9
    finally:
        gc.unfreeze()


@pytest.mark.skipif("DATABASE_URL" in __import__("os").environ, reason="SQLite's pragmas; PostgreSQL: below")
def test_on_sqlite_the_writer_has_a_larger_cache_and_fewer_checkpoints_during_the_import_only() -> None:
    site_cache, site_checkpoint = pragma("cache_size"), pragma("wal_autocheckpoint")
    assert (site_cache, site_checkpoint) == (-2000, 4000)  # settings.py's
    source = Watching(two_articles())
    Loader(source).run()
    assert source.seen["cache_size"] == -tuning.CACHE_KIB
    assert source.seen["wal_autocheckpoint"] == tuning.AUTOCHECKPOINT_PAGES
    assert (pragma("cache_size"), pragma("wal_autocheckpoint")) == (site_cache, site_checkpoint)

    failing = Watching(two_articles(), fail=True)
    with pytest.raises(KeyboardInterrupt):
        Loader(failing).run()
    assert failing.seen["cache_size"] == -tuning.CACHE_KIB
    assert (pragma("cache_size"), pragma("wal_autocheckpoint")) == (site_cache, site_checkpoint)


@pytest.mark.skipif("DATABASE_URL" in __import__("os").environ, reason="SQLite's pragmas")
@pytest.mark.django_db(transaction=True)
def test_on_sqlite_a_connection_opened_during_the_import_is_tuned_and_another_threads_is_not() -> None:
    """The preparer closes the writer's connection before forking its workers: the one the writer opens next is
    tuned too. A connection of another thread (or a worker process) keeps the site's settings."""
    seen: dict[str, int] = {}

    def other_thread() -> None:
        try:
            seen["other"] = pragma("cache_size")
        finally:
            connections.close_all()

    with tuning.sqlite_writer_tuned():
        assert pragma("cache_size") == -tuning.CACHE_KIB
        connection.close()
        assert pragma("cache_size") == -tuning.CACHE_KIB  # reopened, tuned again
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
    assert seen["other"] == -2000
    assert pragma("cache_size") == -2000


@pytest.mark.skipif("DATABASE_URL" not in __import__("os").environ, reason="PostgreSQL: SQLite's above")
def test_on_postgresql_the_import_sends_no_sqlite_setting() -> None:
    source = Watching(two_articles())
    with CaptureQueriesContext(connection) as queries:
        summary = Loader(source).run()
    assert summary.count("comment", "created") == 4
    assert queries.captured_queries  # it was watching the import's statements
    assert not [query for query in queries.captured_queries if "PRAGMA" in query["sql"].upper()]
    assert source.seen["thresholds"] == tuning.GC_THRESHOLDS
