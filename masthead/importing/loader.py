"""The loader: writes a source adapter's neutral records through the domain actions.

    summary = Loader(source, dry_run=False, progress=Progress(sys.stderr)).run()

Rules (docs/import.md):

- **Through the actions.** Authors, topics and articles go through publishing's ``do_save_*`` (rendered,
  sanitised, ranked); comments through discussion's ``prepare_imported_comment`` (cleaned, rendered, screened by
  moderation with source "import"; in worker processes ahead of the writer, ``preparing.py``) and
  ``do_import_comments`` (a unit's comments in one insert, decisions recorded in bulk); passage comments
  through passages' ``do_import_passage_anchor``; subscriptions through notifications' ``do_import_subscription``.
- **Idempotent and resumable.** Every object created is remembered in ``ImportedObject`` under (source key,
  kind, source id) in the same transaction. A record already remembered is skipped ("already imported"), or
  updated when the record changed since (articles, by fingerprint). So a second run changes nothing and a run
  that stopped half-way picks up where it stopped.
- **Atomic per article.** An article and all its comments are written in one transaction, or none of it: a
  failure anywhere in it rolls the whole unit back and is reported with the article named; the import goes on.
  On PostgreSQL several units share one transaction (``Group``), each in its own savepoint: a commit waits for
  the server's WAL flush, and one per unit was a tenth of the import's time.
- **The tree.** Comments may arrive in any order. A reply whose parent is neither in the unit nor imported
  earlier is kept at the top level and counted as orphaned; so is a reply in a cycle. A comment with no text is
  skipped (and claims no id), unless it was deleted at the source or has replies: it is then kept as a tombstone
  (``discussion.imported``), so its replies stay under it. Two comments with one id: the second is skipped.
- **Dry run.** The same work inside one transaction that is rolled back at the end, with no files stored: the
  summary is exactly what a real run would do.
- **Batched, in order.** The old addresses of finished units and the redirect records are written together
  (``do_add_redirects``: one lookup, one insert), in the order they came, before each group commits (on SQLite,
  every ``GROUP_UNITS`` units) and before a record one of them names; the "More on this topic" refresh of the
  articles saved is enqueued as one task after that commit (publishing's ``enqueue_related_refresh_many``).
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection, transaction
from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify
from PIL import Image

from masthead.core.planner_statistics import BulkStatistics
from masthead.core.singletons import steady
from masthead.discussion.actions import (
    DiscussionError,
    ImportedComment,
    PreparedImport,
    do_import_comments,
    new_article_thread,
    thread_for_article,
)
from masthead.discussion.imported import do_import_tombstone
from masthead.discussion.models import Comment
from masthead.importing.actions import do_add_redirects, do_remember, do_remember_many
from masthead.importing.comment_extras import Voters, write_passage, write_votes
from masthead.importing.mapping import mapped_ids, mapped_object
from masthead.importing.markup import html_to_markdown
from masthead.importing.models import ImportedObject
from masthead.importing.preparing import (
    AheadPreparer,
    InlinePreparer,
    PreparedComment,
    Ready,
    comment_body,
    prepare_comment,
    preparer,
)
from masthead.importing.progress import Progress
from masthead.importing.records import (
    ArticleRecord,
    ArticleStatus,
    AuthorRecord,
    CommentBatch,
    CommentPassage,
    CommentRecord,
    CommentStatus,
    CommentVotes,
    Kind,
    Record,
    RedirectRecord,
    Skipped,
    SubscriptionRecord,
    TopicRecord,
)
from masthead.importing.sources.base import Source
from masthead.importing.summary import Summary
from masthead.importing.tuning import import_tuning
from masthead.notifications.actions import NotificationError, do_import_subscription
from masthead.passages.actions import PassageError, do_import_passage_anchor
from masthead.passages.models import PassageAnchor
from masthead.publishing.actions import (
    do_save_article,
    do_save_author,
    do_save_topic,
    enqueue_related_refresh_many,
    free_article_slug,
)
from masthead.publishing.models import Article, Author, Topic

_ARTICLE_STATUS = {
    ArticleStatus.PUBLISHED: Article.Status.PUBLISHED,
    ArticleStatus.SCHEDULED: Article.Status.SCHEDULED,
    ArticleStatus.DRAFT: Article.Status.DRAFT,
}
IMPORTED_MEDIA = "articles/imported"
# The body of an article that had none in the export (it may still have its discussion).
NO_TEXT = "*This article had no text in the export it was imported from.*"
LOOKUP_CHUNK = 500
# Units committed together on PostgreSQL (``Group``): until they hold this many records (an article counts one,
# plus its comments) or this many units. A crash loses at most the group being written; it is re-imported.
GROUP_RECORDS = 2_000
GROUP_UNITS = 50
# Old addresses are written together (one lookup, one insert; ``do_add_redirects``) when this many wait, and
# before each group commits (on SQLite, after every GROUP_UNITS units): in the group's transaction on PostgreSQL.
REDIRECT_BATCH = 500
MISSING_PARENT = "its parent is not in the export (or was not imported, like a pingback): kept at the top level"


class UnitFailed(Exception):
    """Something in one article unit could not be written; the unit is rolled back and reported."""


@dataclass
class OldAddress:
    """An old address waiting to be written: an article's own (its target known), or a ``RedirectRecord``'s
    (``record``: its target is looked up when written, with the others')."""

    old_path: str
    target: str = ""
    record: RedirectRecord | None = None


def fingerprint(record: object, *, leave_out: Iterable[str] = ()) -> str:
    """A digest of a record's fields (not of its comments): tells a changed source record from the same one."""
    skip = set(leave_out)
    digest = hashlib.sha256()
    for item in fields(record):  # type: ignore[arg-type]
        if item.name not in skip:
            digest.update(f"{item.name}={getattr(record, item.name)!r}\x00".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class Group:
    """Several units in one transaction, each in its own savepoint (PostgreSQL only: there a commit waits for
    the WAL to reach the disk). What each unit guarantees is unchanged: a unit that fails rolls back to its
    savepoint alone; a finished unit's rows and id mappings are in the transaction, so the lookups of later units
    see them. The group commits when it is full, when the import ends, and when the import stops on an error
    that is not a unit's own (an interruption): the units finished before it are kept, as when each committed.
    A crash between commits loses the group's units (at most ``GROUP_RECORDS`` records), which the next run
    imports again, as it would the unit written at that moment. Summary counts wait for the commit. The foreign
    keys are checked as each statement ends (not deferred to the commit, as Django makes them): a reference broken
    by another session during the group fails the unit that made it, not the group's commit."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._atomic: transaction.Atomic | None = None
        self._records = 0
        self._units = 0
        self._pending: list[Callable[[], None]] = []

    def open(self) -> None:
        if self.enabled and self._atomic is None:
            self._atomic = transaction.atomic()
            self._atomic.__enter__()
            # Each statement's foreign keys checked when it ends, in its unit's savepoint, not all at the commit
            # (Django makes them deferred): a reference broken meanwhile (an author deleted by another session)
            # fails that unit alone, not the group. The same checks, sooner: no round trip more per unit.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    def finished(self, changes: list[Callable[[], None]], records: int) -> None:
        """A unit finished (its savepoint released): its summary changes are applied when the group commits (the
        loader commits it once ``full``)."""
        if self._atomic is None:
            for change in changes:
                change()
            return
        self._pending.extend(changes)
        self._records += records
        self._units += 1

    @property
    def full(self) -> bool:
        return self._atomic is not None and (self._records >= GROUP_RECORDS or self._units >= GROUP_UNITS)

    def broken(self) -> int:
        """After a unit failed: when its savepoint could not be rolled back (the connection was lost), the whole
        transaction is: it is rolled back, and the number of finished units lost with it returned (0: none)."""
        if self._atomic is None or not (connection.needs_rollback or connection.closed_in_transaction):
            return 0
        lost = self._units
        self.commit()  # rolls back: Django will not commit a transaction marked for rollback; no counts applied
        return lost

    def commit(self) -> None:
        atomic, self._atomic = self._atomic, None
        if atomic is None:
            return
        pending, self._pending = self._pending, []
        self._records = self._units = 0
        usable = not (connection.needs_rollback or connection.closed_in_transaction)
        atomic.__exit__(None, None, None)  # commits (a failed commit rolls back and raises: no counts applied)
        if usable:
            for change in pending:
                change()


class Loader:
    def __init__(self, source: Source, *, dry_run: bool = False, progress: Progress | None = None,
                 workers: int | None = 0) -> None:
        self.source = source
        self.workers = workers  # processes preparing comments ahead (preparing.py); None: one per spare core
        self.key = source.key
        self.dry_run = dry_run
        self.progress = progress
        self.summary = Summary(source=self.key, dry_run=dry_run)
        self._authors: dict[str, int] = {}
        self._topics: dict[str, int] = {}
        # The authors and topics read in the open group's transaction (PostgreSQL), by model and id: read once per
        # group, not once per article (``_existing``).
        self._read_in_group: dict[tuple[type[Author | Topic], int], Author | Topic] = {}
        self._pending: list[Callable[[], None]] = []  # summary changes of the unit being written
        self._articles_seen: set[str] = set()  # article ids of this run: a second item with one is a duplicate
        self._voters = Voters()
        self._ready: Ready | None = None  # the prepared comments of the unit being written, when prepared ahead
        # The id mapping of the new article being written (kind, source id, object id, fingerprint), until it is
        # written with its comments' (one insert) or on its own.
        self._article_mapping: tuple[str, str, int, str] | None = None
        self._group = Group(enabled=False)
        # Written in batches (``_commit``): old addresses of finished units (and redirect records) in their order,
        # and the articles saved in committed units, whose "More on this topic" refresh is enqueued as one task.
        self._unit_addresses: list[OldAddress] = []  # the unit being written's, kept once it finishes
        self._addresses: list[OldAddress] = []
        self._awaited: set[tuple[str, str]] = set()  # (kind, source id) the waiting redirect records lead to
        self._refresh: list[tuple[int, datetime | None]] = []
        self._units_since_commit = 0
        self._records_since_commit = 0
        self._groups_lost = 0
        self._statistics = BulkStatistics()  # the planner's, as the tables fill (PostgreSQL)

    # --- running -----------------------------------------------------------------------------------------

    def run(self) -> Summary:
        """Check the whole input (nothing is written if it is unreadable), then load it."""
        self.source.check()
        if self.progress is not None and self.progress.total is None:
            self.progress.total = self.source.total_hint()
        # The collector's thresholds before the workers are forked (they inherit them); SQLite's cache for the
        # writer's connection alone (tuning.py).
        with import_tuning():
            prepare = preparer(self.workers)  # before the dry run's transaction: workers see only committed rows
            try:
                if self.dry_run:
                    with transaction.atomic():
                        self._load(prepare)
                        transaction.set_rollback(True)
                else:
                    self._load(prepare)
            finally:
                prepare.close()
        if self.progress is not None:
            self.progress.finish()
        return self.summary

    def _load(self, prepare: InlinePreparer | AheadPreparer) -> None:
        handlers: dict[type, Callable[[Record], None]] = {
            AuthorRecord: self._author,  # type: ignore[dict-item]
            TopicRecord: self._topic,  # type: ignore[dict-item]
            ArticleRecord: self._article,  # type: ignore[dict-item]
            CommentBatch: self._batch,  # type: ignore[dict-item]
            SubscriptionRecord: self._subscription,  # type: ignore[dict-item]
            RedirectRecord: self._redirect,  # type: ignore[dict-item]
            Skipped: self._skipped,  # type: ignore[dict-item]
            CommentVotes: lambda record: write_votes(self, record, self._voters),  # type: ignore[arg-type]
            CommentPassage: lambda record: write_passage(self, record),  # type: ignore[arg-type]
        }
        # Inside a transaction (a dry run, the tests) each unit is a savepoint of it already.
        self._group = Group(enabled=connection.vendor == "postgresql" and not connection.in_atomic_block)
        try:
            for record, ready in prepare.ahead(self.source.records()):
                self._ready = ready
                handlers[type(record)](record)
        finally:
            # Also when interrupted (the source failed, Ctrl-C): the units finished before it stay imported, with
            # their old addresses and their refresh.
            self._commit()
        self._ready = None
        if not connection.in_atomic_block:  # the whole import committed: the full planner statistics (PostgreSQL)
            self._statistics.finish()

    def _unit(self, name: str, write: Callable[[], None], records: int = 1) -> bool:
        """Run ``write`` in one transaction (or savepoint of a ``Group``); on failure roll it back, drop its counts
        and report it by ``name``. ``records``: how many records it writes, for the group's bound."""
        done = self._run_unit(name, write, records) is None
        self._units_since_commit += 1
        self._records_since_commit += records
        if self._group.full or (not self._group.enabled and self._units_since_commit >= GROUP_UNITS):
            self._commit()
        elif len(self._addresses) >= REDIRECT_BATCH:
            self._write_addresses()
        return done

    def _run_unit(self, name: str, write: Callable[[], None], records: int = 1, *,
                  report: bool = True) -> BaseException | None:
        """``_unit`` without the commits that may follow it; returns the error it failed with (None: done), which
        is reported unless ``report`` is False."""
        self._pending = []
        self._unit_addresses = []
        self._article_mapping = None  # never one left by a unit that failed
        self._group.open()
        try:
            with transaction.atomic():
                write()
        except (UnitFailed, ValidationError, DiscussionError, PassageError, NotificationError, DatabaseError,
                OSError) as error:
            self._pending = []
            self._unit_addresses = []
            # An author or topic the group read may be what failed it (deleted since by another session): the
            # next units read them again, and leave out one that is gone, as each unit does on SQLite.
            self._read_in_group.clear()
            if report:
                self.summary.error(f"{name}: {_message(error)}")
            lost = self._group.broken()
            if lost:
                self._groups_lost += 1
                self._authors.clear()  # ids looked up in the lost transaction may name rows it had written
                self._topics.clear()
                self._read_in_group.clear()
                self._addresses.clear()  # the old addresses of the lost units (earlier groups wrote theirs)
                self.summary.error(f"{lost} unit(s) written before {name} in the same transaction were rolled back "
                                   "with it: run the import again to write them")
            return error
        changes, self._pending = self._pending, []
        self._addresses.extend(self._unit_addresses)
        self._unit_addresses = []
        self._group.finished(changes, records)
        return None

    def _commit(self) -> None:
        """Write the waiting old addresses (in the group's transaction), commit the group (PostgreSQL), then
        enqueue the refresh of the articles saved in it: one task, and one queue row, for them all. On SQLite,
        where each unit commits on its own, this runs every GROUP_UNITS units."""
        self._write_addresses()
        self._group.commit()
        self._read_in_group.clear()
        self._units_since_commit = 0
        written, self._records_since_commit = self._records_since_commit, 0
        if not connection.in_atomic_block:  # committed (a dry run's rows never are: nothing to analyze)
            self._statistics.wrote(written)
        saved, self._refresh = self._refresh, []
        enqueue_related_refresh_many(saved)  # after the commit: outside a transaction (dry run: inside, dropped)

    def _later(self, change: Callable[[], None]) -> None:
        self._pending.append(change)

    def _mapped(self, kind: Kind, source_id: str) -> ImportedObject | None:
        return mapped_object(self.key, kind, source_id)

    def _mapped_many(self, kind: Kind, source_ids: list[str]) -> dict[str, int]:
        return mapped_ids(self.key, kind, source_ids)

    # --- authors and topics ------------------------------------------------------------------------------

    def _author(self, record: AuthorRecord) -> None:
        summary = self.summary
        self._before(Kind.AUTHOR, record.source_id)
        if self._mapped(Kind.AUTHOR, record.source_id) is not None:
            summary.skipped(Kind.AUTHOR, "already imported")
            return

        def write() -> None:
            name = " ".join(record.name.split())[:120] or record.source_id
            slug = slugify(record.slug or name)[:120]
            existing = Author.objects.filter(slug=slug).first() if slug else None
            if existing is not None:
                author = existing
                self._later(lambda: summary.skipped(Kind.AUTHOR, "an author with this slug was here: linked to it"))
            else:
                author = do_save_author(Author(name=name, slug=slug, bio=record.bio))
                self._later(lambda: summary.created(Kind.AUTHOR))
            do_remember(self.key, Kind.AUTHOR, record.source_id, author.pk)

        self._unit(f"author {record.source_id} ({record.name[:60]})", write)

    def _topic(self, record: TopicRecord) -> None:
        summary = self.summary
        self._before(Kind.TOPIC, record.source_id)
        if self._mapped(Kind.TOPIC, record.source_id) is not None:
            summary.skipped(Kind.TOPIC, "already imported")
            return

        def write() -> None:
            name = " ".join(record.name.split())[:80] or record.source_id
            slug = slugify(record.slug or name)[:80]
            existing = Topic.objects.filter(slug=slug).first() if slug else None
            if existing is not None:
                topic = existing
                self._later(lambda: summary.skipped(Kind.TOPIC, "a topic with this slug was here: merged into it"))
            else:
                topic = do_save_topic(Topic(name=name, slug=slug, description=record.description))
                self._later(lambda: summary.created(Kind.TOPIC))
            do_remember(self.key, Kind.TOPIC, record.source_id, topic.pk)

        self._unit(f"topic {record.source_id} ({record.name[:60]})", write)

    def _ids(self, kind: Kind, cache: dict[str, int], source_ids: list[str]) -> list[int]:
        missing = [sid for sid in source_ids if sid not in cache]
        if missing:
            cache.update(self._mapped_many(kind, missing))
        return [cache[sid] for sid in source_ids if sid in cache]

    # --- articles ----------------------------------------------------------------------------------------

    def _article(self, record: ArticleRecord) -> None:
        if record.source_id in self._articles_seen:
            self.summary.skipped(Kind.ARTICLE, "the same id twice in the export: kept the first")
            if record.comments:
                self.summary.skipped(Kind.COMMENT, "its article's id is a duplicate", len(record.comments))
            return
        self._articles_seen.add(record.source_id)
        self._before(Kind.ARTICLE, record.source_id)
        name = f"article {record.source_id} ({record.headline[:60]!r})"
        self._unit(name, lambda: self._write_article(record), 1 + len(record.comments))
        if self.progress is not None:
            self.progress.advance(articles=1, comments=len(record.comments))

    def _write_article(self, record: ArticleRecord) -> None:
        summary = self.summary
        digest = fingerprint(record, leave_out=["comments"])
        mapped = self._mapped(Kind.ARTICLE, record.source_id)
        if mapped is not None:
            article = Article.objects.filter(pk=mapped.object_id).first()
            if article is None:
                self._later(lambda: summary.skipped(Kind.ARTICLE, "deleted here since it was imported"))
                if record.comments:
                    n = len(record.comments)
                    self._later(lambda: summary.skipped(Kind.COMMENT, "its article was deleted here", n))
                return
            if mapped.fingerprint == digest:
                self._later(lambda: summary.skipped(Kind.ARTICLE, "already imported"))
            else:
                self._fill_article(article, record)
                do_remember(self.key, Kind.ARTICLE, record.source_id, article.pk, digest, new=False)
                self._later(lambda: summary.updated(Kind.ARTICLE))
                self._later(partial(self._saved, article.pk, article.published_at))
        else:
            article = self._fill_article(Article(), record)
            # Remembered with its comments, in their insert (``_write_unit_comments``), or below if none is.
            self._article_mapping = (Kind.ARTICLE, record.source_id, article.pk, digest)
            self._later(lambda: summary.created(Kind.ARTICLE))
            self._later(partial(self._saved, article.pk, article.published_at))
        target = article.get_absolute_url()
        self._unit_addresses.extend(OldAddress(old_path, target) for old_path in record.old_paths)
        try:
            self._write_comments(article, record.comments, new=mapped is None)
        finally:
            waiting, self._article_mapping = self._article_mapping, None
        if waiting is not None:
            do_remember(self.key, *waiting)

    def _saved(self, article_id: int, published_at: datetime | None) -> None:
        """An article's unit committed (or its group did): its refresh is enqueued with the others' (``_commit``)."""
        self._refresh.append((article_id, published_at))

    def _fill_article(self, article: Article, record: ArticleRecord) -> Article:
        body = record.body_markdown
        if body is None:
            body = html_to_markdown(record.body_html, image_url=lambda url: self._inline_image(url, record))
        if not body.strip():
            summary = self.summary
            body = NO_TEXT
            self._later(lambda: summary.skipped("body", "no text in the export: the article says so in one line"))
        article.headline = _cut(" ".join(record.headline.split()), 200) or f"Untitled ({record.source_id})"
        article.standfirst = record.standfirst.strip()
        article.body = body
        article.status = _ARTICLE_STATUS[record.status]
        article.published_at = record.published_at if record.status != ArticleStatus.DRAFT else None
        article.discussion_open = record.discussion_open
        new = article.pk is None
        if new:
            article.slug = free_article_slug(slugify(record.slug or article.headline)[:190].strip("-") or "article")
        if record.featured_image is not None and not article.featured_image:
            self._attach_image(article, record)
        authors = self._existing(Author, self._ids(Kind.AUTHOR, self._authors, record.author_ids))
        topics = self._existing(Topic, self._ids(Kind.TOPIC, self._topics, record.topic_ids))
        # The refresh of "More on this topic" is enqueued for a group of articles at once (``_commit``).
        # No savepoint of the save's own: the unit's is rolled back whole if anything in it fails.
        return do_save_article(article, authors=authors, topics=topics, refresh_related=False, slug_free=new,
                               savepoint=False)

    def _existing(self, model: type[Author | Topic], ids: list[int]) -> list[Any]:
        """The authors (or topics) with these ids that exist here (one deleted since it was mapped is left out).
        On PostgreSQL each is read once per group: an author deleted by another session after the group read it
        fails the article that links to it next (its foreign keys are checked as each statement ends, in the
        article's savepoint: ``Group.open``), alone, and the group reads them again after a failed unit; on SQLite,
        where each article commits alone, each article reads them."""
        if not self._group.enabled:
            return list(model.objects.filter(pk__in=ids))
        cache = self._read_in_group
        missing = [pk for pk in ids if (model, pk) not in cache]
        if missing:
            cache.update(((model, row.pk), row) for row in model.objects.filter(pk__in=missing))
        return [cache[model, pk] for pk in ids if (model, pk) in cache]

    def _attach_image(self, article: Article, record: ArticleRecord) -> None:
        image = record.featured_image
        assert image is not None
        summary = self.summary
        if not image.path.is_file():
            self._later(lambda: summary.skipped("image", "featured image not in the uploads copy (see --uploads)"))
            return
        if not _is_image(image.path):
            self._later(lambda: summary.skipped("image", "featured image file is not an image Masthead can read"))
            return
        article.image_alt = _cut(" ".join((image.alt or article.headline).split()), 300)
        article.image_caption = _cut(" ".join(image.caption.split()), 300)
        self._later(lambda: summary.created("image"))
        if self.dry_run:
            return
        with image.path.open("rb") as handle:
            article.featured_image.save(f"{image.path.name}", File(handle), save=False)

    def _inline_image(self, url: str, record: ArticleRecord) -> str | None:
        summary = self.summary
        path = record.inline_images.get(url)
        if path is None:
            if url.startswith("/") and not url.startswith("//"):
                return url
            self._later(lambda: summary.skipped("image", "inline image from another site (never fetched)"))
            return None
        if not path.is_file():
            self._later(lambda: summary.skipped("image", "inline image not in the uploads copy (see --uploads)"))
            return None
        if not _is_image(path):
            self._later(lambda: summary.skipped("image", "inline image file is not an image Masthead can read"))
            return None
        self._later(lambda: summary.created("image"))
        if self.dry_run:
            return f"/media/{IMPORTED_MEDIA}/{path.name}"
        return self._store(path)

    @staticmethod
    def _store(path: Path) -> str:
        with path.open("rb") as handle:
            name = default_storage.save(f"{IMPORTED_MEDIA}/{path.name}", File(handle))
        return default_storage.url(name)

    # --- comments ----------------------------------------------------------------------------------------

    def _batch(self, batch: CommentBatch) -> None:
        summary = self.summary
        mapped = self._mapped(Kind.ARTICLE, batch.article_source_id)
        article = Article.objects.filter(pk=mapped.object_id).first() if mapped is not None else None
        if article is None:
            summary.skipped(Kind.COMMENT, "its article is not imported", len(batch.comments))
            return
        self._unit(f"comments of article {batch.article_source_id}",
                   lambda: self._write_comments(article, batch.comments), len(batch.comments))
        if self.progress is not None:
            self.progress.advance(comments=len(batch.comments))

    def _write_comments(self, article: Article, records: list[CommentRecord], *, new: bool = False) -> None:
        """``new``: the article was created in this unit, so it has no thread yet: the thread is inserted without
        looking (one statement rather than five)."""
        if not records:
            return
        with steady():  # settings read once per unit (prepared here when no worker prepared them)
            self._write_unit_comments(article, records, new)

    def _write_unit_comments(self, article: Article, records: list[CommentRecord], new: bool) -> None:
        summary = self.summary
        ready = self._ready if self._ready is not None and len(self._ready) == len(records) else None
        thread = new_article_thread(article) if new else thread_for_article(article)
        # The unit's comments, and the parents they name outside it (imported by an earlier unit or run).
        wanted = {r.source_id for r in records} | {r.parent_source_id for r in records if r.parent_source_id}
        known = self._mapped_many(Kind.COMMENT, sorted(wanted))
        threads = dict(Comment.objects.filter(pk__in=known.values()).values_list("pk", "thread_id"))
        unique: dict[str, CommentRecord] = {}
        prepared: dict[str, PreparedComment] = {}  # each comment kept, converted (and perhaps prepared) once
        answered = {r.parent_source_id for r in records if r.parent_source_id}
        converted = [(record, (ready[n] if ready is not None else None) or PreparedComment(comment_body(record)))
                     for n, record in enumerate(records)]
        worded = {record.source_id for record, done in converted if done.body.strip()}
        for record, done in converted:
            sid = record.source_id
            # A blank comment is kept only as a tombstone, when it was deleted at the source or has replies (they
            # stay under it), and no comment with words has its id.
            if not done.body.strip() and (
                    sid in worded or (record.status != CommentStatus.DELETED and sid not in answered)):
                # Before the id check: a blank comment is never imported, so it must not keep out a later one
                # with its id (as it could not across articles, where the id check sees only what was written).
                self._later(lambda: summary.skipped(Kind.COMMENT, "no text"))
            elif sid in unique:
                self._later(lambda: summary.skipped(Kind.COMMENT, "the same id twice in the export: kept the first"))
            elif sid in known and threads.get(known[sid]) not in (thread.pk, None):
                self._later(lambda: summary.skipped(
                    Kind.COMMENT, "the same id as a comment of another article: kept the first"))
            elif sid in known and known[sid] not in threads:
                self._later(lambda: summary.skipped(Kind.COMMENT, "deleted here since it was imported"))
            else:
                unique[sid], prepared[sid] = record, done
        known = {sid: pk for sid, pk in known.items() if threads.get(pk) == thread.pk}
        order = _tree_order(unique, known)
        outside_parents = {known[r.parent_source_id] for r, why in order
                           if why is None and r.parent_source_id and r.parent_source_id in known
                           and r.source_id not in known}
        saved = Comment.objects.in_bulk(sorted(outside_parents)) if outside_parents else {}
        # Comments go in one bulk insert per run of them; a tombstone (rare) is written on its own, after the
        # comments before it, so the replies below it can name it as their parent.
        items: list[tuple[PreparedImport, Comment | int | None]] = []
        written: list[tuple[CommentRecord, str | None]] = []
        position: dict[str, int] = {}  # source id -> index in items
        # Source id -> a comment already written in this unit, as (its batch, its place there): its object is built
        # only if it is needed (a passage, a later reply's parent; ``ImportedComments``).
        stored: dict[str, tuple[Sequence[Comment], int]] = {}

        def flush() -> None:
            comments = do_import_comments(thread, items)
            also, self._article_mapping = self._article_mapping, None  # a new article's own, with the first
            do_remember_many(self.key, Kind.COMMENT,
                             [(record.source_id, pk) for (record, _), pk in zip(written, comments.ids, strict=True)],
                             also)
            created = len(comments)
            if created:
                self._later(lambda: summary.created(Kind.COMMENT, created))
            for n, ((record, orphan_reason), depth) in enumerate(zip(written, comments.depths, strict=True)):
                stored[record.source_id] = (comments, n)
                if orphan_reason is not None:
                    self._later(partial(summary.orphaned, Kind.COMMENT, orphan_reason))
                if record.passage is not None and depth == 0:
                    self._anchor(article, comments[n], record)
            items.clear()
            written.clear()
            position.clear()

        for record, orphan_reason in order:
            if record.source_id in known:
                self._later(lambda: summary.skipped(Kind.COMMENT, "already imported"))
                continue
            parent: Comment | int | None = None
            parent_id = record.parent_source_id
            if parent_id and orphan_reason is None:
                if parent_id in position:
                    parent = position[parent_id]
                elif parent_id in stored:
                    batch, at = stored[parent_id]
                    parent = batch[at]
                else:
                    found = saved.get(known[parent_id])
                    if found is None or found.thread_id != thread.pk:
                        orphan_reason = "its parent was deleted here: kept at the top level"
                    else:
                        parent = found
            done = prepared[record.source_id]
            if not done.body.strip():
                flush()  # the comments before it first: ids (and so sibling order) follow the source's order
                if isinstance(parent, int):  # its place in the batch just written
                    assert parent_id
                    batch, at = stored[parent_id]
                    parent = batch[at]
                stored[record.source_id] = ([self._write_tombstone(thread, record, parent, orphan_reason)], 0)
                continue
            if done.prepared is None and not done.error:
                done = prepare_comment(record, done.body)  # converted above: not converted again
            if done.prepared is None:
                raise UnitFailed(f"comment {record.source_id}: {done.error}")
            position[record.source_id] = len(items)
            items.append((done.prepared, parent))
            written.append((record, orphan_reason))
        flush()

    def _write_tombstone(self, thread: object, record: CommentRecord, parent: Comment | None,
                         orphan_reason: str | None) -> Comment:
        summary = self.summary
        data = ImportedComment(body="", author_name=record.author_name, created_at=record.created_at,
                               upvotes=max(0, record.upvotes), downvotes=max(0, record.downvotes))
        try:
            comment = do_import_tombstone(thread, data, parent)  # type: ignore[arg-type]
        except DiscussionError as error:
            raise UnitFailed(f"comment {record.source_id}: {error.message}") from None
        do_remember(self.key, Kind.COMMENT, record.source_id, comment.pk)
        self._later(lambda: summary.created("tombstone"))
        if orphan_reason is not None:
            reason = orphan_reason
            self._later(lambda: summary.orphaned("tombstone", reason))
        return comment

    def _anchor(self, article: Article, comment: Comment, record: CommentRecord) -> None:
        summary = self.summary
        passage = record.passage
        assert passage is not None
        if not passage.text.strip():
            self._later(lambda: summary.orphaned(
                "passage", "the passage it was about is not known (kept as an ordinary comment)"))
            return
        try:
            anchor = do_import_passage_anchor(article, comment, passage.text, passage.question)
        except PassageError as error:
            raise UnitFailed(f"comment {record.source_id}: {error.message}") from None
        if anchor.status == PassageAnchor.Status.ORPHANED:
            self._later(lambda: summary.orphaned("passage", "the quoted passage is no longer in the article"))
        else:
            self._later(lambda: summary.created("passage"))

    # --- subscriptions, redirects, skipped ---------------------------------------------------------------

    def _subscription(self, record: SubscriptionRecord) -> None:
        summary = self.summary
        if not record.confirmed:
            summary.skipped(Kind.SUBSCRIPTION, "not confirmed at the source")
            return
        if self._mapped(Kind.SUBSCRIPTION, record.source_id) is not None:
            summary.skipped(Kind.SUBSCRIPTION, "already imported")
            return
        mapped = self._mapped(Kind.ARTICLE, record.article_source_id)
        article = Article.objects.filter(pk=mapped.object_id).first() if mapped is not None else None
        if article is None:
            summary.skipped(Kind.SUBSCRIPTION, "its article is not imported")
            return

        def write() -> None:
            thread = thread_for_article(article)
            subscription, created = do_import_subscription(
                thread.pk, record.email, record.kind, name=record.name[:60], confirmed_at=record.created_at
            )
            do_remember(self.key, Kind.SUBSCRIPTION, record.source_id, subscription.pk)
            if created:
                self._later(lambda: summary.created(Kind.SUBSCRIPTION))
            else:
                self._later(lambda: summary.skipped(Kind.SUBSCRIPTION, "the address already had it here"))

        self._unit(f"subscription {record.source_id}", write)

    def _redirect(self, record: RedirectRecord) -> None:
        """Waits with the other old addresses (``_write_addresses``): its target is looked up when they are
        written. They are written before a record that could become such a target (one yielded after the redirect
        record, which may name only records yielded before it: its target is not imported), so the lookup finds
        what it would have found when the record came."""
        self._addresses.append(OldAddress(record.old_path, record=record))
        if record.target_kind in _TARGETS:
            self._awaited.add((_TARGETS[record.target_kind][0], record.target_id))
        if len(self._addresses) >= REDIRECT_BATCH:
            self._write_addresses()

    def _before(self, kind: Kind, source_id: str) -> None:
        """A record of ``kind`` is about to be written: the waiting old addresses that name it go first."""
        if (kind, source_id) in self._awaited:
            self._write_addresses()

    def _write_addresses(self) -> None:
        """The waiting old addresses in one unit, in the order they came (the first of two with one address wins,
        as when each was written on its own). If that unit fails, each is written in a unit of its own, so the one
        that cannot be is named and the others are kept."""
        waiting, self._addresses = self._addresses, []
        self._awaited.clear()
        if not waiting:
            return
        lost = self._groups_lost
        error = self._run_unit("old addresses", lambda: self._add_redirects(waiting), len(waiting), report=False)
        if error is None or self._groups_lost != lost:
            return  # written; or lost with the units they belonged to (reported)
        for item in waiting:
            self._run_unit(f"redirect {item.old_path[:80]}", partial(self._add_redirects, [item]))

    def _add_redirects(self, items: list[OldAddress]) -> None:
        summary = self.summary
        targets = self._targets([item.record for item in items if item.record is not None])
        pairs: list[tuple[str, str]] = []
        for item in items:
            target = item.target if item.record is None else targets[id(item.record)]
            if target is None:
                assert item.record is not None
                why = f"its target ({item.record.target_kind}) is not imported"
                self._later(partial(summary.skipped, Kind.REDIRECT, why))
            else:
                pairs.append((item.old_path, target))
        reasons = do_add_redirects(pairs, self.key)
        for reason in reasons:
            if reason:
                self._later(partial(summary.skipped, Kind.REDIRECT, reason))
        created = reasons.count("")
        if created:
            self._later(lambda: summary.created(Kind.REDIRECT, created))

    def _targets(self, records: list[RedirectRecord]) -> dict[int, str | None]:
        """Where each record's old address leads (by ``id`` of the record; None: its target is not imported), looked
        up together: one query per kind of target for the id mapping, one per model for the slugs."""
        lookups = _TARGETS
        wanted: dict[Kind, set[str]] = {}
        for record in records:
            if record.target_kind in lookups:
                wanted.setdefault(lookups[record.target_kind][0], set()).add(record.target_id)
        mapped = {kind: self._mapped_many(kind, sorted(ids)) for kind, ids in wanted.items()}
        models = {kind: model for kind, model, _ in lookups.values()}
        slugs: dict[Kind, dict[int, str]] = {}
        for kind, found in mapped.items():
            slugs[kind] = {}
            object_ids = sorted(set(found.values()))
            for start in range(0, len(object_ids), LOOKUP_CHUNK):
                rows = models[kind].objects.filter(pk__in=object_ids[start : start + LOOKUP_CHUNK])
                slugs[kind].update(rows.values_list("pk", "slug"))
        targets: dict[int, str | None] = {}
        for record in records:
            if record.target_kind == "url":
                targets[id(record)] = record.target_id
                continue
            if record.target_kind not in lookups:
                targets[id(record)] = None
                continue
            kind, _, route = lookups[record.target_kind]
            object_id = mapped[kind].get(record.target_id)
            slug = slugs[kind].get(object_id) if object_id is not None else None
            try:
                targets[id(record)] = reverse(route, args=[slug]) if slug is not None else None
            except NoReverseMatch:
                targets[id(record)] = None
        return targets

    def _skipped(self, record: Skipped) -> None:
        if record.error:
            self.summary.error(f"{record.kind} {record.source_id}: {record.reason}")
        else:
            self.summary.skipped(record.kind, record.reason)


# A redirect record's target kind: the kind of record it names, the model, and the route of its address.
_TARGETS: dict[str, tuple[Kind, type[Article] | type[Topic] | type[Author], str]] = {
    "article": (Kind.ARTICLE, Article, "publishing:article"),
    "article-feed": (Kind.ARTICLE, Article, "discussion_feeds:comments-feed"),
    "topic": (Kind.TOPIC, Topic, "publishing:topic"),
    "topic-feed": (Kind.TOPIC, Topic, "publishing:feed-topic"),
    "author": (Kind.AUTHOR, Author, "publishing:author"),
}


def _tree_order(
    records: dict[str, CommentRecord], known: dict[str, int]
) -> list[tuple[CommentRecord, str | None]]:
    """Comments with every parent before its replies, each with the reason it is orphaned (None if it is not).

    A comment is a root of this unit when it has no parent, its parent was imported before (``known``), or its
    parent is missing (orphaned). Comments never reached from a root are in a reply cycle: each cycle is broken
    at its first comment in export order, which becomes an orphaned top-level comment.
    """
    children: dict[str, list[str]] = {}
    roots: list[tuple[str, str | None]] = []
    for sid, record in records.items():
        parent = record.parent_source_id
        if not parent:
            roots.append((sid, None))
        elif parent == sid:
            roots.append((sid, "it answers itself in the export: kept at the top level"))
        elif parent in records:
            children.setdefault(parent, []).append(sid)
        elif parent in known:
            roots.append((sid, None))
        else:
            roots.append((sid, MISSING_PARENT))
    order: list[tuple[CommentRecord, str | None]] = []
    reached: set[str] = set()

    def walk(start: str, reason: str | None) -> None:
        queue = deque([(start, reason)])
        while queue:
            sid, why = queue.popleft()
            if sid in reached:
                continue
            reached.add(sid)
            order.append((records[sid], why))
            queue.extend((child, None) for child in children.get(sid, ()))

    for sid, reason in roots:
        walk(sid, reason)
    for sid in records:
        if sid not in reached:
            walk(sid, "its replies form a cycle in the export: kept at the top level")
    return order


def _markdown(record: CommentRecord) -> str:
    """A comment's Markdown, converted once; "" when it has no text."""
    body = record.body_markdown if record.body_markdown is not None else html_to_markdown(record.body_html)
    return body if body.strip() else ""


def _is_image(path: Path) -> bool:
    """Only real images are stored from an uploads copy (a file named .jpg may be anything)."""
    try:
        with Image.open(path) as image:
            image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _message(error: BaseException) -> str:
    if isinstance(error, ValidationError):
        if hasattr(error, "message_dict"):
            return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
        return " ".join(error.messages)
    if isinstance(error, OSError) and error.filename:
        return f"{error.strerror or error} ({os.fspath(error.filename)})"
    return str(getattr(error, "message", None) or error)
