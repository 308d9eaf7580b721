"""Comments made ready to write (converted to Markdown, cleaned, rendered, sanitised, screened) before the writer
needs them, in worker processes when the machine has cores to spare.

The per-comment work is pure computation (the database is only read, by screening, for the moderation settings
and rules), so ``AheadPreparer`` hands each article's comments to a pool of forked workers as soon as the source
yields the article, and the loader collects them when it writes that article, by then usually ready. Nothing is
written by a worker; what is written, and when, is still the loader's business (one transaction per article).
The records are read only a bounded window ahead (``AHEAD_COMMENTS``), so memory stays flat.

``InlinePreparer`` does the same work in the writer's own process, when it is told to use no workers and when it
runs inside a transaction (tests): a worker could not see what that transaction wrote.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from django.db import connection, connections

from masthead.core.pickling import pickled_by_fields
from masthead.core.singletons import steady
from masthead.discussion.actions import DiscussionError, ImportedComment, PreparedImport, prepare_imported_comment
from masthead.discussion.models import Comment
from masthead.importing.markup import html_to_markdown
from masthead.importing.records import ArticleRecord, CommentBatch, CommentRecord, CommentStatus, Record

COMMENT_STATUS = {
    CommentStatus.APPROVED: Comment.Status.VISIBLE,
    CommentStatus.PENDING: Comment.Status.PENDING,
    CommentStatus.REJECTED: Comment.Status.REJECTED,
    CommentStatus.DELETED: Comment.Status.REJECTED,  # one that still has its text is kept as rejected
}
AHEAD_COMMENTS = 20_000  # comments handed to the workers and not yet written, at most (memory stays flat)
AHEAD_RECORDS = 200  # and records held back, at most
CHUNK = 250  # comments per task sent to a worker


@pickled_by_fields  # sent by the workers to the writer: a call of the class, cheaper to unpickle
@dataclass
class PreparedComment:
    """One comment record ready to write: its Markdown ("" or blank: it has no text), and either the prepared
    comment or the reason the discussion app refused it."""

    body: str
    prepared: PreparedImport | None = None
    error: str = ""


def comment_body(record: CommentRecord) -> str:
    return record.body_markdown if record.body_markdown is not None else html_to_markdown(record.body_html)


def prepare_comment(record: CommentRecord, body: str | None = None) -> PreparedComment:
    """``body``: the record's Markdown when the caller has it already (``comment_body``)."""
    body = comment_body(record) if body is None else body
    if not body.strip():
        return PreparedComment(body)
    data = ImportedComment(
        body=body, author_name=record.author_name, created_at=record.created_at,
        status=COMMENT_STATUS[record.status], author_email=record.author_email, author_website=record.author_url,
        upvotes=max(0, record.upvotes), downvotes=max(0, record.downvotes),
    )
    try:
        return PreparedComment(body, prepare_imported_comment(data))
    except DiscussionError as error:
        return PreparedComment(body, error=error.message)


def _prepare_chunk(records: list[CommentRecord]) -> list[PreparedComment]:
    with steady():  # the moderation and discussion settings, read once per chunk rather than once per comment
        return [prepare_comment(record) for record in records]


def _comments_of(record: Record) -> list[CommentRecord]:
    return record.comments if isinstance(record, ArticleRecord | CommentBatch) else []


Ready = list[PreparedComment | None]  # per comment record of a unit, in order; None: prepare it when needed


class InlinePreparer:
    """Prepares nothing ahead: each comment is prepared when the loader writes it."""

    workers = 0

    def ahead(self, records: Iterable[Record]) -> Iterator[tuple[Record, Ready | None]]:
        for record in records:
            yield record, None

    def close(self) -> None:
        return None


# What a forked worker inherited from the writer and must never use nor close (closing a PostgreSQL connection
# ends the writer's session): kept referenced until the worker exits, so no finaliser runs on it either.
_INHERITED: list[Any] = []


def _worker_start() -> None:
    for wrapper in connections.all(initialized_only=True):
        _INHERITED.append(wrapper.connection)
        wrapper.connection = None
    for wrapper in connections.all():
        # PostgreSQL's connection pools are held by the backend class, shared by the process: the writer's
        # pooled connections must stay its own, so this process starts with none and opens its own.
        pools = getattr(type(wrapper), "_connection_pools", None)
        if isinstance(pools, dict) and pools:
            _INHERITED.append(dict(pools))
            pools.clear()


class AheadPreparer:
    """Prepares each unit's comments in ``workers`` forked processes, a bounded window ahead of the writer."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        connections.close_all()  # the workers open their own; none shares a socket with the writer
        # An executor, not multiprocessing.Pool: a worker that dies breaks it loudly, where a Pool waits forever.
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                         initializer=_worker_start)

    def ahead(self, records: Iterable[Record]) -> Iterator[tuple[Record, Ready | None]]:
        window: deque[tuple[Record, list[Future[list[PreparedComment]]], int]] = deque()
        waiting = 0
        for record in records:
            comments = _comments_of(record)
            tasks = [self._pool.submit(_prepare_chunk, comments[start : start + CHUNK])
                     for start in range(0, len(comments), CHUNK)]
            window.append((record, tasks, len(comments)))
            waiting += len(comments)
            while window and (waiting > AHEAD_COMMENTS or len(window) > AHEAD_RECORDS):
                waiting -= window[0][2]
                yield self._collect(window.popleft())
        while window:
            yield self._collect(window.popleft())

    @staticmethod
    def _collect(item: tuple[Record, list[Future[list[PreparedComment]]], int]) -> tuple[Record, Ready | None]:
        record, tasks, _ = item
        if not tasks:
            return record, None
        ready: Ready = []
        for task in tasks:
            ready.extend(task.result())
        return record, ready

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def preparer(workers: int | None) -> InlinePreparer | AheadPreparer:
    """``workers`` None: one per core beyond the writer's own, at least one when there are two cores or more."""
    if workers is None and threading.active_count() > 1:
        # A fork copies the locks other threads hold at that moment, not the threads: a worker forked beside them
        # once waited forever on SQLite's. The command's own process has no other thread; elsewhere, ask for it.
        workers = 0
    count = (os.cpu_count() or 1) - 1 if workers is None else workers
    if count <= 0 or connection.in_atomic_block:
        return InlinePreparer()
    return AheadPreparer(count)
