"""How a source adapter plugs in.

An adapter is a class with a ``name`` (the word after ``masthead import``), an ``add_arguments`` classmethod for
its own options, and a constructor taking the parsed options. The loader asks it for three things:

- ``key``: a stable string naming *this* export's origin (e.g. "wordpress:https://example.org"). The mapping
  table remembers every imported object under (key, kind, source id), so running the same export again, or a later
  export of the same site, finds what was already imported; two different sites never collide.
- ``check()``: read the whole input once, without keeping it, and raise ``ImportInputError`` if it is not
  readable (broken or hostile XML, wrong encoding, truncated file). Called before anything is written, so a bad
  file writes nothing. Adapters may also collect small indexes here (attachment id → file), never the content.
- ``records()``: a generator of ``records.Record`` values, in an order where each record only names records
  yielded before it. It must stream: parse incrementally (``xml_safety.iterparse`` for XML, clearing elements
  as it goes), so memory does not grow with the size of the export; the unit the loader holds at once is one
  article with its comments (or one ``CommentBatch``).

An item that cannot be read (a field over ``MAX_FIELD``, a date that is not a date) is reported by yielding a
``Skipped`` record with ``error=True`` in place of the item (catch ``ItemError`` around each item: an exception
raised out of a generator ends it). The loader lists it in the summary, names it, and goes on with the next item;
``masthead import`` then exits with status 1.

To add a source: write ``sources/<name>.py`` with the class, and add it to ``SOURCES`` in ``sources/registry.py``.
The command ``masthead import <name> PATH`` then exists, with ``--dry-run`` and the progress display for free.
"""

from __future__ import annotations

import argparse
from collections.abc import Collection, Iterator
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from masthead.importing.records import CommentRecord, CommentStatus, Record

# The largest single text field accepted from any source (an article body, a comment): beyond it the item is
# refused by name. Real articles are far below; this stops a hostile export from filling memory or the database.
MAX_FIELD = 2_000_000


class ImportInputError(Exception):
    """The export as a whole cannot be read: nothing is written. The message names the file and place."""


class ItemError(Exception):
    """One item of the export cannot be imported (named in the message); the loader skips it and goes on."""

    def __init__(self, kind: str, source_id: str, message: str) -> None:
        super().__init__(f"{kind} {source_id}: {message}")
        self.kind = kind
        self.source_id = source_id
        self.message = message


class Source:
    """Base class for adapters; see the module docstring."""

    name: ClassVar[str] = ""
    help: ClassVar[str] = ""
    path_is_file: ClassVar[bool] = True  # False: PATH names something else (a database), not checked as a file

    def __init__(self, path: Path, options: dict[str, object]) -> None:
        self.path = path
        self.options = options

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        """Add this source's own options (the PATH argument and --dry-run are added for every source)."""

    @property
    def key(self) -> str:
        raise NotImplementedError

    def check(self) -> None:
        """Read the input once and raise ``ImportInputError`` if it cannot be imported."""

    def records(self) -> Iterator[Record]:
        raise NotImplementedError

    def total_hint(self) -> int | None:
        """How many articles ``records()`` will yield, when known after ``check()`` (for the progress bar)."""
        return None


def check_field(kind: str, source_id: str, what: str, value: str, limit: int = MAX_FIELD) -> str:
    if len(value) > limit:
        raise ItemError(kind, source_id, f"the {what} is {len(value):,} characters long, over the limit of {limit:,}")
    return value


def answered_deleted_as_tombstones(comments: list[CommentRecord], deleted: Collection[str]) -> list[CommentRecord]:
    """``comments`` with each one deleted at the source (its id in ``deleted``) that has replies among them made a
    tombstone: ``DELETED`` with no text, which the loader keeps as a "deleted" placeholder (name, date and vote
    totals, no text), so its replies stay under it, as a comment deleted here with replies stays, and as a
    WordPress export's trash with no text is imported. One deleted without replies is left as the reader made it
    (rejected: kept for the record, never shown)."""
    answered = {c.parent_source_id for c in comments if c.parent_source_id}
    return [replace(c, status=CommentStatus.DELETED, body_html="", body_markdown=None)
            if c.source_id in deleted and c.source_id in answered else c
            for c in comments]
