"""Isso: its SQLite database file (``comments.db``), opened read-only.

    masthead import isso comments.db [--dry-run]

What becomes what (docs/import.md has the why):

- ``threads`` row → an article whose discussion is the thread's comments: headline from ``title`` (from ``uri``
  when empty), published at its first comment, and its ``uri`` (the page's path) redirects (301) to the new
  article. Isso holds no article text, so the body says so in one line. A thread without comments is skipped.
- ``comments`` row → a comment: ``parent`` for the tree (Isso keeps one level of replies), ``author``, ``email``,
  ``website``, ``created``, ``likes``/``dislikes`` as the vote totals. ``mode`` 1 → approved, 2 → pending,
  4 (deleted, kept by Isso because it has replies) → a tombstone (a "deleted" placeholder without text, as a
  comment deleted here with replies stays), so its replies keep their place; one whose replies are not in the
  database is rejected (kept for the record, never shown).
  ``text`` is what the reader typed (Markdown) unless it is HTML (comments Isso itself imported from WordPress or
  Disqus), which is converted.
- ``notification`` = 1 (the reader asked for mail about replies) → a reply subscription, which the loader does
  not import because Isso never confirmed the address (double opt-in); it is counted as skipped with that reason.
- Not carried over: ``remote_addr`` (anonymised addresses), ``voters`` (a Bloom filter of voters' addresses, not a
  list), ``modified``.

The file is opened with SQLite's read-only URI (``mode=ro``): the import never writes to it, and it fails
clearly on a file that is not an Isso database. Threads and their comments are read one thread at a time.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, unquote_plus

from masthead.importing.records import (
    ArticleRecord,
    CommentRecord,
    CommentStatus,
    Record,
    Skipped,
    SubscriptionRecord,
)
from masthead.importing.sources.base import (
    ImportInputError,
    ItemError,
    Source,
    answered_deleted_as_tombstones,
    check_field,
)

MODES = {1: CommentStatus.APPROVED, 2: CommentStatus.PENDING, 4: CommentStatus.REJECTED}
DELETED_TEXT = "<p><em>This comment was deleted in Isso.</em></p>"
REQUIRED = {"tid", "id", "parent", "created", "mode", "text", "author", "email", "website", "likes", "dislikes"}
_HTML = re.compile(r"</?(p|a|br|em|strong|b|i|blockquote|code|pre|ul|ol|li|div|span)\b", re.IGNORECASE)


def open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)


def title_of(title: str, uri: str) -> str:
    # Isso's own WordPress importer stored some titles form-encoded ("Nat+%26+Miguel"): decoded when that is all
    # the title can be (no spaces at all).
    if title and " " not in title and ("+" in title or "%" in title):
        title = unquote_plus(title)
    return title.strip() or uri


class IssoSource(Source):
    name = "isso"
    help = "An Isso comment database (its SQLite file), opened read-only."

    def __init__(self, path: Path, options: dict[str, object]) -> None:
        super().__init__(path, options)
        self.threads = 0
        self.columns: set[str] = set()
        self.identity = ""
        self.checked = False

    @property
    def key(self) -> str:
        if not self.checked:
            self.check()
        return f"isso:{self.identity}"

    def check(self) -> None:
        if self.checked:
            return
        try:
            with closing(open_read_only(self.path)) as db:
                tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if not {"threads", "comments"} <= tables:
                    raise ImportInputError(f"{self.path.name}: an SQLite file, but not an Isso database "
                                           "(no threads and comments tables).")
                self.columns = {row[1] for row in db.execute("PRAGMA table_info(comments)")}
                missing = REQUIRED - self.columns
                if missing:
                    raise ImportInputError(f"{self.path.name}: the comments table lacks {', '.join(sorted(missing))}"
                                           " (an Isso database older than schema version 3?).")
                self.threads = int(db.execute("SELECT COUNT(*) FROM threads").fetchone()[0])
                secret = db.execute("SELECT value FROM preferences WHERE key = 'session-key'").fetchone() \
                    if "preferences" in tables else None
        except sqlite3.DatabaseError as error:
            raise ImportInputError(f"{self.path.name}: not readable as an SQLite database ({error}).") from None
        # The database's own random session key names this Isso installation across copies and renames; only a
        # digest of it is kept (it signs Isso's cookies).
        seed = str(secret[0]) if secret else self.path.name
        self.identity = hashlib.sha256(seed.encode()).hexdigest()[:16]
        self.checked = True

    def total_hint(self) -> int | None:
        return self.threads

    def records(self) -> Iterator[Record]:
        self.check()
        wanted = sorted(REQUIRED | ({"notification"} & self.columns))
        with closing(open_read_only(self.path)) as db:
            threads = db.cursor().execute("SELECT id, uri, title FROM threads ORDER BY id")
            for thread_id, uri, title in threads:
                rows = db.execute(f"SELECT {', '.join(wanted)} FROM comments WHERE tid = ? ORDER BY id",  # noqa: S608
                                  (thread_id,))
                comments = [dict(zip(wanted, row, strict=True)) for row in rows]
                yield from self._thread(str(thread_id), str(uri or ""), str(title or ""), comments)

    def _thread(self, source_id: str, uri: str, title: str, rows: list[dict[str, object]]) -> Iterator[Record]:
        if not rows:
            yield Skipped("article", source_id, "a thread without comments: nothing to carry over")
            return
        comments: list[CommentRecord] = []
        for row in rows:
            try:
                comments.append(self._comment(row))
            except ItemError as error:
                yield Skipped(error.kind, error.source_id, error.message, error=True)
        if not comments:
            return
        comments = answered_deleted_as_tombstones(comments, {str(row["id"]) for row in rows if str(row["mode"]) == "4"})
        yield ArticleRecord(
            source_id=source_id,
            headline=title_of(title, uri),
            published_at=min(c.created_at for c in comments),
            comments=comments,
            # A thread on the home page ("/") keeps no redirect: the home page answers there.
            old_paths=[uri] if uri.strip("/") else [],
        )
        for row in rows:
            if row.get("notification") and row.get("email"):
                yield SubscriptionRecord(
                    source_id=f"replies:{row['id']}", article_source_id=source_id, email=str(row["email"]),
                    kind="replies", confirmed=False, name=str(row["author"] or ""))

    @staticmethod
    def _comment(row: dict[str, object]) -> CommentRecord:
        source_id = str(row["id"])
        text = check_field("comment", source_id, "text", str(row["text"] or ""))
        mode = int(str(row["mode"] or 1))
        if mode not in MODES:
            raise ItemError("comment", source_id, f"mode {mode} is not one Isso writes (1, 2 or 4)")
        try:
            created = datetime.fromtimestamp(float(str(row["created"])), UTC)
        except (TypeError, ValueError, OverflowError, OSError):
            raise ItemError("comment", source_id, f"created {row['created']!r} is not a time") from None
        html: str = ""
        markdown: str | None = None
        if mode == 4 and not text.strip():
            html = DELETED_TEXT
        elif _HTML.search(text):
            html = text
        else:
            markdown = text
        return CommentRecord(
            source_id=source_id,
            parent_source_id=str(row["parent"]) if row["parent"] else None,
            author_name=str(row["author"] or "")[:200] or "Anonymous",
            author_email=str(row["email"] or "")[:254],
            author_url=str(row["website"] or "")[:300],
            created_at=created,
            body_html=html,
            body_markdown=markdown,
            status=MODES[mode],
            upvotes=max(0, int(str(row["likes"] or 0))),
            downvotes=max(0, int(str(row["dislikes"] or 0))),
        )
