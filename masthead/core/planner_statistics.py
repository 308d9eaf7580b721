"""Fresh planner statistics for tables a bulk write is filling (PostgreSQL).

PostgreSQL chooses a query's plan from the statistics ANALYZE last gathered. A table created empty and filled
by an import has none until autovacuum analyzes it (it wakes once a minute at best, and may be switched off): the
planner then takes the table for a few rows and may read a growing part of it for each lookup. Measured on the
import: the id mapping's lookup of an article's 100 comment ids used the unique index's first two columns only
and filtered the rest, 34.6 ms at 100,000 mapped comments and growing with them (a million comments would have
spent most of an hour there); after ANALYZE, 0.27 ms through the whole index.

``BulkStatistics`` is called by a bulk writer after each commit with the number of records written; at
doubling points it asks the statistics system which tables changed by more than a fifth since they were last
analyzed and analyzes those alone: a few times in a whole import. Those ANALYZEs only need the tables' sizes and
the spread of their keys right, so they read a small sample (``QUICK_TARGET``: 3,000 rows a table, rather than
the default 30,000; the writer waits for each, and a full one of the comment table, its texts sorted for their
histograms, took about a second at 100,000 comments, a tenth as long with the small sample). When the write ends,
``finish`` analyzes the tables it changed once more with the full sample, so the site's own queries plan from
statistics as full as a plain ANALYZE gives. SQLite's planner does not need this (it has no statistics unless
asked, and prefers an index).
"""

from __future__ import annotations

from django.db import connection, transaction

FIRST_CHECK = 2_000  # records written before the first look
# A table is analyzed when this many rows (and at least the share of its live rows) changed since its last ANALYZE.
MIN_CHANGED = 1_000
CHANGED_SHARE = 0.2
# The statistics target of the ANALYZEs during a bulk write (PostgreSQL samples 300 rows per unit of it; the
# server's default is 100): the lookups the write makes need only sizes and key spreads.
QUICK_TARGET = 10


def stale_tables() -> list[str]:
    """The tables of the current schema changed enough since their last ANALYZE (PostgreSQL). Outside a
    transaction: a backend reports its counts when it goes idle, at most once a second unless asked to (15+), so
    it is asked first and the counts read include every commit of this connection."""
    with connection.cursor() as cursor:
        if connection.pg_version >= 150000:  # type: ignore[attr-defined]
            cursor.execute("SELECT pg_stat_force_next_flush()")
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() "
            "AND n_mod_since_analyze >= GREATEST(%s, %s * n_live_tup) ORDER BY relname",
            [MIN_CHANGED, CHANGED_SHARE])
        return [name for (name,) in cursor.fetchall()]


def analyze(tables: list[str], *, target: int | None = None) -> None:
    """ANALYZE ``tables``; with ``target``, at that statistics target instead of the server's (for this ANALYZE
    alone: in a transaction of its own, or the caller's)."""
    if not tables:
        return
    quote = connection.ops.quote_name
    statement = f"ANALYZE {', '.join(quote(name) for name in tables)}"
    if target is None:
        with connection.cursor() as cursor:
            cursor.execute(statement)
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL default_statistics_target = {int(target)}")
        cursor.execute(statement)


class BulkStatistics:
    """Keeps the planner's statistics in step with a bulk write (a no-op on other databases)."""

    def __init__(self) -> None:
        self.enabled = connection.vendor == "postgresql"
        self.written = 0
        self.next_check = FIRST_CHECK
        self.analyzed: list[str] = []  # every table analyzed during the write, in order (tests, the curious)
        self.finished: list[str] = []  # the tables analyzed with the full sample at the end

    def wrote(self, records: int) -> None:
        """``records`` more were written and committed; analyze the stale tables (a small sample) when the total
        has doubled."""
        self.written += records
        if not self.enabled or self.written < self.next_check:
            return
        self.next_check = self.written * 2
        tables = stale_tables()
        analyze(tables, target=QUICK_TARGET)
        self.analyzed.extend(tables)

    def finish(self) -> None:
        """The write ended (committed): if it analyzed tables with the small sample, those and any changed enough
        since are analyzed with the server's full sample (a write too small to be looked at analyzes nothing)."""
        if not self.enabled or not self.analyzed:
            return
        tables = sorted(set(self.analyzed) | set(stale_tables()))
        analyze(tables)
        self.finished = tables
