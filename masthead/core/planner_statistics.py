"""Fresh planner statistics for tables a bulk write is filling (PostgreSQL).

PostgreSQL chooses a query's plan from the statistics ANALYZE last gathered. A table created empty and filled
by an import has none until autovacuum analyzes it (it wakes once a minute at best, and may be switched off): the
planner then takes the table for a few rows and may read a growing part of it for each lookup. Measured on the
import: the id mapping's lookup of an article's 100 comment ids used the unique index's first two columns only
and filtered the rest, 34.6 ms at 100,000 mapped comments and growing with them (a million comments would have
spent most of an hour there); after ANALYZE, 0.27 ms through the whole index.

``BulkStatistics`` is called by a bulk writer after each commit with the number of records written; at
doubling points it asks the statistics system which tables changed by more than a fifth since they were last
analyzed and analyzes those alone: a few times in a whole import, each a sample of at most 30,000 rows per
table. SQLite's planner does not need this (it has no statistics unless asked, and prefers an index).
"""

from __future__ import annotations

from django.db import connection

FIRST_CHECK = 2_000  # records written before the first look
# A table is analyzed when this many rows (and at least the share of its live rows) changed since its last ANALYZE.
MIN_CHANGED = 1_000
CHANGED_SHARE = 0.2


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


def analyze(tables: list[str]) -> None:
    if not tables:
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(quote(name) for name in tables)}")


class BulkStatistics:
    """Keeps the planner's statistics in step with a bulk write (a no-op on other databases)."""

    def __init__(self) -> None:
        self.enabled = connection.vendor == "postgresql"
        self.written = 0
        self.next_check = FIRST_CHECK
        self.analyzed: list[str] = []  # every table analyzed, in order (for the tests and the curious)

    def wrote(self, records: int) -> None:
        """``records`` more were written and committed; analyze the stale tables when the total has doubled."""
        self.written += records
        if not self.enabled or self.written < self.next_check:
            return
        self.next_check = self.written * 2
        tables = stale_tables()
        analyze(tables)
        self.analyzed.extend(tables)
