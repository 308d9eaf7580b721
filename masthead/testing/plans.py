"""Query plans for tests: does a query reach a big table through an index that does not grow with the site?

Plans here do not depend on the data's size (SQLite keeps no statistics unless ANALYZE runs; on PostgreSQL
sequential scans are switched off for the EXPLAIN), so a test's small database shows the plan a large one gets.
"""

from __future__ import annotations

from django.db import connection

# Indexes that cover a whole table's rows for one value of a low-cardinality column: a walk of them is a scan.
SITE_WIDE_INDEXES = ("comment_status", "decision_source")


def plan(sql: str) -> str:
    """The plan of one captured query (parameters inlined, as CaptureQueriesContext records them)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def walks_a_whole_table(query_plan: str, tables: tuple[str, ...]) -> bool:
    if connection.vendor == "sqlite":
        return any(f"SCAN {table}" in query_plan for table in tables) or any(
            f"INDEX {index} " in query_plan for index in SITE_WIDE_INDEXES)
    return any(f"Seq Scan on {table}" in query_plan for table in tables)


def whole_table_walks(queries: list[dict[str, str]], tables: tuple[str, ...]) -> list[str]:
    """Each SELECT among ``queries`` touching ``tables`` whose plan walks one of them, with its plan."""
    found = []
    for query in queries:
        sql = query["sql"]
        if not sql.startswith("SELECT") or not any(table in sql for table in tables):
            continue
        query_plan = plan(sql)
        if walks_a_whole_table(query_plan, tables):
            found.append(f"{sql[:300]}...\n{query_plan}")
    return found
