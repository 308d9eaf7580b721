"""A spool on disk that gathers an export's comments by thread, for sources that list them in any order.

Disqus lists every thread, then every post of every thread; Remark42 writes comments in whatever order its store
returns them. The loader writes one article with its whole discussion at a time (so a reply always finds its
parent), which needs all of one thread's comments together. Holding them all in memory would grow with the
export; this spool keeps them in a temporary SQLite file instead, and hands them back thread by thread, in the
order the export listed them. The file is deleted on ``close()``.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

Data = dict[str, object]


class Spool:
    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="masthead-import-")
        self._db = sqlite3.connect(Path(self._folder.name) / "spool.sqlite3")
        self._db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE threads (seq INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, data TEXT NOT NULL);"
            "CREATE TABLE comments (seq INTEGER PRIMARY KEY, thread TEXT NOT NULL, data TEXT NOT NULL);"
            "CREATE INDEX comments_by_thread ON comments (thread, seq);"
        )

    def add_thread(self, key: str, data: Data) -> bool:
        """False when a thread with this key was added before (the first one is kept)."""
        cursor = self._db.execute("INSERT OR IGNORE INTO threads (key, data) VALUES (?, ?)", (key, json.dumps(data)))
        return cursor.rowcount == 1

    def add_comment(self, thread_key: str, data: Data) -> None:
        self._db.execute("INSERT INTO comments (thread, data) VALUES (?, ?)", (thread_key, json.dumps(data)))

    def thread_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM threads").fetchone()[0])

    def threads(self) -> Iterator[tuple[str, Data]]:
        # A cursor of its own, read as it goes: the comments of each thread are read with another one meanwhile.
        for key, data in self._db.cursor().execute("SELECT key, data FROM threads ORDER BY seq"):
            yield key, json.loads(data)

    def comments(self, thread_key: str) -> list[Data]:
        """One thread's comments: the unit the loader writes at once."""
        rows = self._db.execute("SELECT data FROM comments WHERE thread = ? ORDER BY seq", (thread_key,))
        return [json.loads(data) for (data,) in rows]

    def homeless(self) -> Iterator[tuple[str, Data]]:
        """Comments naming a thread the export does not have."""
        rows = self._db.cursor().execute(
            "SELECT thread, data FROM comments WHERE thread NOT IN (SELECT key FROM threads) ORDER BY seq")
        for thread, data in rows:
            yield thread, json.loads(data)

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
