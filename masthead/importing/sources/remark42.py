"""Remark42: its native backup (``remark42 backup``, or the admin's export), JSON Lines, optionally gzipped.

    masthead import remark42 backup-site.jsonl[.gz] [--dry-run]

The first line is the meta record (``version``, ``users``, ``posts``); each further line one comment. What
becomes what (docs/import.md has the why):

- The comments of one page (``locator.url``) → an article with that discussion: headline from the page's path,
  published at its first comment, closed when the meta's ``posts`` mark the page ``read_only``; the page's path
  redirects (301) to the new article. Remark42 holds no article text, so the body says so in one line.
- A comment → a comment: ``pid`` for the tree, ``user.name``, ``time``, ``text`` (HTML, as Remark42 stores it
  rendered). Votes: ``votes`` holds one entry per voter (true up, false down) and gives the totals; without it
  ``score`` does (positive as likes, negative as dislikes). ``delete`` with replies → a tombstone (a "deleted"
  placeholder without text, as a comment deleted here with replies stays), so its replies keep their place;
  ``delete`` without replies → rejected (kept for the record, never shown).
- Not carried over: users' ids, hashed IP addresses, avatars, blocks and verification, ``pin``, ``title``,
  ``edit`` history (the edited text is what is imported). Remark42 keeps no email addresses.

Comments are gathered by page in a spool on disk (``spool.py``): the backup lists them in any order.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO
from urllib.parse import unquote, urlsplit

from masthead.importing.records import ArticleRecord, CommentRecord, CommentStatus, Record, Skipped
from masthead.importing.sources.base import (
    ImportInputError,
    ItemError,
    Source,
    answered_deleted_as_tombstones,
    check_field,
)
from masthead.importing.sources.spool import Data, Spool

DELETED_TEXT = "<p><em>This comment was deleted in Remark42.</em></p>"


def headline_of(url: str) -> str:
    path = unquote(urlsplit(url).path).strip("/")
    return path.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ").strip() or url or "Home page"


class Remark42Source(Source):
    name = "remark42"
    help = "A Remark42 backup (JSON Lines, optionally .gz)."

    def __init__(self, path: Path, options: dict[str, object]) -> None:
        super().__init__(path, options)
        self.site = ""
        self.read_only: set[str] = set()
        self.comments = 0
        self.checked = False

    def _open(self) -> IO[str]:
        if self.path.suffix == ".gz":
            return gzip.open(self.path, "rt", encoding="utf-8")
        return self.path.open(encoding="utf-8")

    def _lines(self) -> Iterator[tuple[int, dict[str, object]]]:
        try:
            with self._open() as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    try:
                        value = json.loads(line)
                    except json.JSONDecodeError as error:
                        raise ImportInputError(f"{self.path.name}: line {number} is not JSON ({error.msg}, column "
                                               f"{error.colno}).") from None
                    if not isinstance(value, dict):
                        raise ImportInputError(f"{self.path.name}: line {number} is not a JSON object.")
                    yield number, value
        except (UnicodeDecodeError, gzip.BadGzipFile, EOFError) as error:
            raise ImportInputError(f"{self.path.name}: not readable as UTF-8 JSON Lines ({error}).") from None

    @property
    def key(self) -> str:
        if not self.checked:
            self.check()
        return f"remark42:{self.site or self.path.name}"

    def check(self) -> None:
        if self.checked:
            return
        for number, value in self._lines():
            if number == 1 and "version" in value and "id" not in value:
                posts = value.get("posts")
                for post in posts if isinstance(posts, list) else []:
                    if isinstance(post, dict) and post.get("read_only"):
                        self.read_only.add(str(post.get("url", "")))
                continue
            self.comments += 1
            locator = value.get("locator")
            if not self.site and isinstance(locator, dict):
                self.site = str(locator.get("site") or "")
        self.checked = True

    def records(self) -> Iterator[Record]:
        self.check()
        with Spool() as spool:
            for number, value in self._lines():
                if "id" not in value and "version" in value:
                    continue
                try:
                    url, data = self._comment(number, value)
                except ItemError as error:
                    yield Skipped(error.kind, error.source_id, error.message, error=True)
                    continue
                spool.add_thread(url, {})
                spool.add_comment(url, data)
            for url, _ in spool.threads():
                kept = list(spool.comments(url))
                deleted = {str(data["source_id"]) for data in kept if data.get("deleted")}
                comments = answered_deleted_as_tombstones([self._record(data) for data in kept], deleted)
                yield ArticleRecord(
                    source_id=url,
                    headline=headline_of(url),
                    published_at=min(c.created_at for c in comments),
                    slug=headline_of(url).replace(" ", "-") if urlsplit(url).path.strip("/") else "",
                    discussion_open=url not in self.read_only,
                    comments=comments,
                    old_paths=[url] if urlsplit(url).path.strip("/") else [],
                )

    @staticmethod
    def _comment(number: int, value: dict[str, object]) -> tuple[str, Data]:
        source_id = str(value.get("id") or "")
        if not source_id:
            raise ItemError("comment", f"(line {number})", "a comment without an id")
        locator = value.get("locator")
        url = str(locator.get("url") or "") if isinstance(locator, dict) else ""
        if not url:
            raise ItemError("comment", source_id, "no locator.url: the page it belongs to is unknown")
        try:
            created = datetime.fromisoformat(str(value.get("time") or ""))
        except ValueError:
            raise ItemError("comment", source_id, f"the time {str(value.get('time'))[:40]!r} is not a time") from None
        if created.tzinfo is None:
            raise ItemError("comment", source_id, "the time has no time zone")
        text = check_field("comment", source_id, "text", str(value.get("text") or ""))
        user = value.get("user") if isinstance(value.get("user"), dict) else {}
        votes = value.get("votes") if isinstance(value.get("votes"), dict) else {}
        assert isinstance(user, dict)
        assert isinstance(votes, dict)
        if votes:
            up = sum(1 for v in votes.values() if v is True)
            down = sum(1 for v in votes.values() if v is False)
        else:
            score = value.get("score")
            score = score if isinstance(score, int) and not isinstance(score, bool) else 0
            up, down = max(score, 0), max(-score, 0)
        deleted = bool(value.get("delete"))
        return url, {
            "source_id": source_id,
            "parent": str(value.get("pid") or "") or None,
            "name": str(user.get("name") or "")[:200],
            "created": created.isoformat(),
            "html": text if text.strip() or not deleted else DELETED_TEXT,
            "status": (CommentStatus.REJECTED if deleted else CommentStatus.APPROVED).value,
            "up": up,
            "down": down,
            "deleted": deleted,
        }

    @staticmethod
    def _record(data: Data) -> CommentRecord:
        return CommentRecord(
            source_id=str(data["source_id"]),
            parent_source_id=str(data["parent"]) if data["parent"] else None,
            author_name=str(data["name"]) or "Anonymous",
            created_at=datetime.fromisoformat(str(data["created"])),
            body_html=str(data["html"]),
            status=CommentStatus(str(data["status"])),
            upvotes=int(str(data["up"])),
            downvotes=int(str(data["down"])),
        )
