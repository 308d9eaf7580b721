"""Disqus: its XML export (Admin → Moderate → Export), threads and posts.

    masthead import disqus export.xml [--dry-run]

What becomes what (docs/import.md has the why):

- ``thread`` with at least one post → an article whose discussion is the thread's posts: headline from the
  thread's title (its link when there is none), published at the thread's ``createdAt``, discussion closed when
  ``isClosed``. Disqus holds no article text, so the body says so in one line; the thread's ``link`` redirects
  (301) to the new article. A thread with no posts, or deleted at Disqus, is skipped with its reason.
- ``post`` → a comment, with its ``parent`` for the tree, author name and email, date and message (HTML).
  ``isSpam`` → rejected; ``isApproved`` false → pending; ``isDeleted`` with replies → a tombstone (a "deleted"
  placeholder without its text, as a comment deleted here with replies stays), so its replies keep their place;
  ``isDeleted`` without replies → rejected (kept for the record with its text, never shown). A post naming a
  thread the export lacks is skipped.
- ``category`` is not carried over: Disqus categories group threads for moderation, not topics of articles.

Disqus lists every thread before every post, and posts in any order; the posts are gathered per thread in a spool
on disk (``spool.py``) so memory does not grow with the export.

**Two repairs, exactly.** Some real exports as stored are not well-formed XML in two known ways (both appear in
remark42's test data, copied from a real site): a stray backtick before the XML declaration, and a ``dsq:id``
attribute whose all-digit value lacks its quotes (``<thread dsq:id=247937687/>``). These two are repaired as the
file is read, and each repair is listed in the summary with its line; anything else that is not well-formed
stops the import with the line and column, and nothing is written.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

from masthead.importing.markup import html_to_plain
from masthead.importing.records import ArticleRecord, CommentRecord, CommentStatus, Record, Skipped
from masthead.importing.sources.base import (
    ImportInputError,
    ItemError,
    Source,
    answered_deleted_as_tombstones,
    check_field,
)
from masthead.importing.sources.spool import Data, Spool

# xml_safety's guarded parser over an open stream (its public ``iterparse`` takes a path; the repaired bytes
# exist only as a stream).
from masthead.importing.xml_safety import _guarded as guarded_iterparse

DSQ_ID = "{http://disqus.com/disqus-internals}id"
DELETED_TEXT = "<p><em>This comment was deleted at Disqus.</em></p>"
_UNQUOTED_ID = re.compile(rb"(\sdsq:id=)(\d+)(?=[\s/>])")


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def child(element: Element, name: str) -> Element | None:
    for item in element:
        if local(item.tag) == name:
            return item
    return None


def text(element: Element, name: str) -> str:
    found = child(element, name)
    return (found.text or "").strip() if found is not None else ""


def flag(element: Element, name: str) -> bool:
    return text(element, name).lower() == "true"


def ref(element: Element, name: str) -> str:
    found = child(element, name)
    return (found.get(DSQ_ID) or "").strip() if found is not None else ""


class RepairedStream(io.RawIOBase):
    """The export's bytes, line by line, with the two known defects repaired; ``repairs`` lists each one."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._buffer = b""
        self._line = 0
        self.repairs: list[tuple[int, str]] = []

    def readable(self) -> bool:
        return True

    def _fixed(self, line: bytes) -> bytes:
        self._line += 1
        if self._line == 1 and line.startswith(b"`<"):
            line = line[1:]
            self.repairs.append((1, "a stray backtick before the XML declaration was removed"))

        def quote(match: re.Match[bytes]) -> bytes:
            self.repairs.append((self._line, f"the unquoted attribute dsq:id={match[2].decode()} was quoted"))
            return match[1] + b'"' + match[2] + b'"'

        return _UNQUOTED_ID.sub(quote, line)

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while len(self._buffer) < len(target):
            line = self._handle.readline(1 << 20)
            if not line:
                break
            self._buffer += self._fixed(line)
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def parse_time(value: str, kind: str, source_id: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ItemError(kind, source_id, f"the date {value[:40]!r} is not a date") from None
    if moment.tzinfo is None:
        raise ItemError(kind, source_id, f"the date {value[:40]!r} has no time zone")
    return moment


def slug_from_link(link: str) -> str:
    path = unquote(urlsplit(link).path).rstrip("/")
    last = path.rsplit("/", 1)[-1]
    return re.sub(r"\.(html?|php|aspx?)$", "", last)


class DisqusSource(Source):
    name = "disqus"
    help = "A Disqus XML export (threads and their comments)."

    def __init__(self, path: Path, options: dict[str, object]) -> None:
        super().__init__(path, options)
        self.forum = ""
        self.threads = 0
        self.repairs: list[tuple[int, str]] = []
        self.checked = False

    @property
    def key(self) -> str:
        if not self.checked:
            self.check()
        return f"disqus:{self.forum or self.path.name}"

    def _elements(self) -> Iterator[Element]:
        """Each top-level element (category, thread, post) once parsed, then forgotten."""
        with self.path.open("rb") as raw:
            stream = RepairedStream(raw)
            depth = 0
            root: Element | None = None
            for event, element in guarded_iterparse(self.path, stream, ("start", "end")):  # type: ignore[arg-type]
                if event == "start":
                    depth += 1
                    if depth == 1:
                        if local(element.tag) != "disqus":
                            raise ImportInputError(f"{self.path.name}: not a Disqus export (no <disqus> root).")
                        root = element
                    continue
                depth -= 1
                if depth == 1:
                    yield element
                    element.clear()
                    if root is not None and len(root) and root[-1] is element:
                        del root[-1]
            self.repairs = stream.repairs

    def check(self) -> None:
        if self.checked:
            return
        for element in self._elements():
            kind = local(element.tag)
            if kind == "thread":
                self.threads += 1
            if kind in ("category", "thread") and not self.forum:
                self.forum = text(element, "forum")
        self.checked = True

    def total_hint(self) -> int | None:
        return self.threads

    def records(self) -> Iterator[Record]:
        self.check()
        for line, what in self.repairs:
            yield Skipped("repair", f"line {line}", f"not well-formed as stored, repaired: {what}")
        with Spool() as spool:
            skipped = list(self._gather(spool))
            yield from skipped
            for key, thread in spool.threads():
                yield from self._article(key, thread, spool.comments(key))
            for thread_key, post in spool.homeless():
                yield Skipped("comment", str(post["source_id"]),
                              f"its thread (dsq:id {thread_key or 'none'}) is not in the export")

    def _gather(self, spool: Spool) -> Iterator[Skipped]:
        for element in self._elements():
            kind = local(element.tag)
            source_id = element.get(DSQ_ID) or ""
            if kind == "thread":
                if not source_id:
                    yield Skipped("thread", "?", "a thread without a dsq:id", error=True)
                elif not spool.add_thread(source_id, self._thread(element)):
                    yield Skipped("thread", source_id, "the same dsq:id twice in the export: kept the first")
            elif kind == "post":
                try:
                    spool.add_comment(ref(element, "thread"), self._post(element, source_id))
                except ItemError as error:
                    yield Skipped(error.kind, error.source_id, error.message, error=True)

    @staticmethod
    def _thread(element: Element) -> Data:
        return {"link": text(element, "link"), "title": text(element, "title"), "created": text(element, "createdAt"),
                "closed": flag(element, "isClosed"), "deleted": flag(element, "isDeleted")}

    @staticmethod
    def _post(element: Element, source_id: str) -> Data:
        if not source_id:
            label = f"(<id> {text(element, 'id')[:40]})" if text(element, "id") else "(no id)"
            raise ItemError("comment", label, "a post without a dsq:id: its replies could not name it")
        found = child(element, "message")
        message = check_field("comment", source_id, "message", (found.text or "") if found is not None else "")
        author = child(element, "author")
        deleted = flag(element, "isDeleted")
        if flag(element, "isSpam") or deleted:
            status = CommentStatus.REJECTED
        elif text(element, "isApproved").lower() == "false":
            status = CommentStatus.PENDING
        else:
            status = CommentStatus.APPROVED
        created = parse_time(text(element, "createdAt"), "comment", source_id)
        return {
            "source_id": source_id,
            "parent": ref(element, "parent") or None,
            "name": text(author, "name") if author is not None else "",
            "email": text(author, "email") if author is not None else "",
            "created": created.isoformat(),
            "html": message.strip() or (DELETED_TEXT if deleted else ""),
            "status": status.value,
            "deleted": deleted,
        }

    def _article(self, key: str, thread: Data, posts: list[Data]) -> Iterator[Record]:
        if thread["deleted"]:
            yield Skipped("article", key, "the thread was deleted at Disqus")
            for post in posts:
                yield Skipped("comment", str(post["source_id"]), "its thread was deleted at Disqus")
            return
        if not posts:
            yield Skipped("article", key, "a thread without comments: nothing to carry over")
            return
        link, title = str(thread["link"]), str(thread["title"])
        try:
            created = parse_time(str(thread["created"]), "article", key) if thread["created"] else None
        except ItemError as error:
            yield Skipped(error.kind, error.source_id, error.message, error=True)
            return
        comments = [
            CommentRecord(
                source_id=str(post["source_id"]),
                parent_source_id=str(post["parent"]) if post["parent"] else None,
                author_name=html_to_plain(str(post["name"]))[:200] or "Anonymous",
                author_email=str(post["email"])[:254],
                created_at=datetime.fromisoformat(str(post["created"])),
                body_html=str(post["html"]),
                status=CommentStatus(str(post["status"])),
            )
            for post in posts
        ]
        comments = answered_deleted_as_tombstones(comments, {str(p["source_id"]) for p in posts if p.get("deleted")})
        yield ArticleRecord(
            source_id=key,
            headline=html_to_plain(title) or link or f"Disqus thread {key}",
            published_at=created or min(c.created_at for c in comments),
            slug=slug_from_link(link),
            discussion_open=not thread["closed"],
            comments=comments,
            # A thread on the site's home page ("/") keeps no redirect: the home page answers there.
            old_paths=[link] if urlsplit(link).path.strip("/") else [],
        )
