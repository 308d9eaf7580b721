"""Test helpers for the importer: a source whose records are a list written in the test, and a comment record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from masthead.importing.records import ArticleRecord, CommentRecord, Record
from masthead.importing.sources.base import Source

WHEN = datetime(2020, 5, 6, 7, 8, 9, tzinfo=UTC)


def comment(sid: str, parent: str | None = None, body: str = "", **fields: Any) -> CommentRecord:
    return CommentRecord(sid, parent, "Reader " + sid, WHEN, body_markdown=body or f"Comment {sid}.", **fields)


class ListSource(Source):
    """A source whose records are a list; ``crash_after`` articles it stops as a killed process would."""

    name = "test"

    def __init__(self, records: list[Record], *, key: str = "test:site", crash_after: int | None = None) -> None:
        super().__init__(Path("test"), {})
        self.items = records
        self._key = key
        self.crash_after = crash_after

    @property
    def key(self) -> str:
        return self._key

    def records(self) -> Iterator[Record]:
        articles = 0
        for record in self.items:
            if isinstance(record, ArticleRecord):
                if self.crash_after is not None and articles == self.crash_after:
                    raise KeyboardInterrupt
                articles += 1
            yield record
