"""What the import's writer runs under for its duration (``Loader.run``), put back as it was after.

Measured with the million-comment benchmark's export (docs/import.md, "Speed": the seventh pass): the writer's CPU
per comment grew with the database, almost all of it in SQLite's commits and inserts, and about a tenth of it
went to Python's full garbage collections.

- **The garbage collector** (both databases). The prepared comments wait in a window of up to 20,000 ahead of the
  writer, so they outlive two young collections and are promoted; every 11th middle collection then walked the
  whole heap (Django, the apps and the window). The import makes almost no cyclic garbage (a few hundred objects
  in 20,000 comments), so what was loaded before it is frozen out of the collector's sight (``gc.freeze``, as the
  server does after warming up, ``core/warmup.py``) and the collections run ten times less often. The workers,
  forked inside, inherit both.
- **SQLite's page cache and checkpoints** (the writer's connection only; nothing on PostgreSQL). An imported
  comment inserts into indexes whose order is not the import's: the screening decision's body hash lands on a
  page of its own anywhere in its index, a reader's comments and decisions on that reader's last page. At a
  million comments those indexes are hundreds of megabytes; with the site's 2 MB cache per connection nearly
  every such page was read again from the OS (16 reads a comment) and the unit's ~430 dirty pages did not fit.
  The writer's cache is raised to ``CACHE_KIB`` for the import (its resident memory grows by about as much), and
  the write-ahead log is checkpointed every ``AUTOCHECKPOINT_PAGES`` rather than 4,000, so a page the units keep
  changing (an index's last page, a reader's) is copied back to the database file once per checkpoint of 80 MB
  of log rather than of 16. A server process running beside the import still checkpoints every second
  (``core/sqlite_upkeep.py``).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created

# Python's defaults are (700, 10, 10): a young collection every 700 net allocations, a full one every 11th middle
# one (when the heap grew by a quarter since the last).
GC_THRESHOLDS = (10_000, 10, 100)
CACHE_KIB = 25_000  # the writer's SQLite page cache during an import, KiB (settings.py: 2,000 for every connection)
AUTOCHECKPOINT_PAGES = 20_000  # 80 MB of write-ahead log (settings.py: 4,000)


@contextmanager
def import_tuning() -> Iterator[None]:
    with collector_tuned(), sqlite_writer_tuned():
        yield


@contextmanager
def collector_tuned() -> Iterator[None]:
    """Fewer garbage collections, and none that walks what was loaded before: restored after."""
    thresholds = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0  # already frozen (a server process): its caller's, left as it is
    if freeze:
        gc.collect()  # garbage frozen would be kept until the import ends
        gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if freeze:
            gc.unfreeze()


@contextmanager
def sqlite_writer_tuned() -> Iterator[None]:
    """On SQLite, the page cache and checkpoint interval of this process's connection for the import, then the
    ones it had again. Set on the connection open now and on any this thread opens meanwhile (the preparer closes
    the writer's before forking its workers, which open their own with the site's settings)."""
    if connection.vendor != "sqlite":
        yield
        return
    writer = connections[DEFAULT_DB_ALIAS]  # this thread's
    pid = os.getpid()
    before: dict[str, int] = {}

    def tune(sender: object, connection: BaseDatabaseWrapper, **kwargs: object) -> None:
        if connection is writer and os.getpid() == pid:
            with connection.cursor() as cursor:
                for name, value in (("cache_size", -CACHE_KIB), ("wal_autocheckpoint", AUTOCHECKPOINT_PAGES)):
                    cursor.execute(f"PRAGMA {name}")
                    before.setdefault(name, int(cursor.fetchone()[0]))
                    cursor.execute(f"PRAGMA {name} = {int(value)}")

    connection_created.connect(tune, weak=False)
    try:
        if writer.connection is not None:
            tune(None, writer)
        yield
    finally:
        connection_created.disconnect(tune)
        if writer.connection is not None and before:
            with writer.cursor() as cursor:
                for name, value in before.items():
                    cursor.execute(f"PRAGMA {name} = {int(value)}")
