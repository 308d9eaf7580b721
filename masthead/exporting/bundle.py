"""The JSON Lines export: one ``<kind>.jsonl`` per kind, the media files, ``media.jsonl`` and ``manifest.json``.

Each file is written line by line while its SHA-256 is computed, so nothing but the current chunk of rows is held
in memory. ``manifest.json`` is written last: a folder without it is an export that did not finish. See
docs/export.md for the format, field by field.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from types import TracebackType

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone

from masthead.exporting import kinds
from masthead.exporting.kinds import Record
from masthead.funding.actions import do_audit_site_export
from masthead.publishing.models import Article

FORMAT = "masthead-export"
VERSION = 1
MEDIA_DIR = "media"


class ExportError(Exception):
    """Something the operator must fix before the export can run (the message says what)."""


@dataclass
class WrittenFile:
    path: str
    kind: str
    records: int
    bytes: int
    sha256: str


class HashingFile:
    """A binary file written through a running SHA-256 and byte count."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("xb")
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self._file.write(data)
        self.digest.update(data)
        self.size += len(data)

    def __enter__(self) -> HashingFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._file.close()


def json_line(record: Record) -> bytes:
    """One record as one line: keys in the order the kind builds them, UTF-8, no spaces; JSON escapes every
    control character and line separator, so a record never spans lines."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def write_lines(outdir: Path, name: str, kind: str, records: Iterable[Record]) -> WrittenFile:
    count = 0
    with HashingFile(outdir / name) as out:
        for record in records:
            out.write(json_line(record))
            count += 1
    return WrittenFile(name, kind, count, out.size, out.digest.hexdigest())


def safe_media_path(name: str) -> PurePosixPath | None:
    """A stored file name as a relative path inside the media folder, or None if it would leave it."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or any(part in ("..", "") for part in path.parts) or "\\" in name:
        return None
    return path


def media_records(outdir: Path, chunk: int) -> Iterator[Record]:
    """Copy each article's featured image (the original; variants are remade on import) into ``media/`` and
    describe it: one record per file, in file-name order. A file the storage no longer has is recorded as missing
    instead of failing the export. An image shared by two articles is copied and listed once."""
    seen_last = ""
    images = Article.objects.exclude(featured_image="").order_by("featured_image", "pk")
    for article in images.only("featured_image").iterator(chunk_size=chunk):
        name = article.featured_image.name or ""
        if name == seen_last:
            continue
        seen_last = name
        relative = safe_media_path(name)
        if relative is None:
            yield {"path": name, "missing": True, "reason": "unsafe file name", "bytes": 0, "sha256": None}
            continue
        target = outdir / MEDIA_DIR / Path(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            source = default_storage.open(name, "rb")
        except (FileNotFoundError, OSError):
            yield {"path": name, "missing": True, "reason": "not in storage", "bytes": 0, "sha256": None}
            continue
        with source, HashingFile(target) as out:
            while block := source.read(1 << 16):
                out.write(block)
        yield {"path": name, "missing": False, "reason": "", "bytes": out.size, "sha256": out.digest.hexdigest()}


@dataclass
class Manifest:
    format: str
    version: int
    generated_at: str
    include_private: bool
    publication: dict[str, str]
    files: list[WrittenFile] = field(default_factory=list)
    media: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> str:
        data = asdict(self)
        data["counts"] = {f.kind: f.records for f in self.files if f.kind != "media"}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def check_outdir(outdir: Path) -> None:
    if outdir.exists() and (not outdir.is_dir() or any(outdir.iterdir())):
        raise ExportError(f"{outdir} already exists and is not an empty folder; choose a new one.")


def snapshot() -> AbstractContextManager[object]:
    """On PostgreSQL, one read-only REPEATABLE READ transaction: every kind is read from the same snapshot. SQLite
    has no such read transaction here (Masthead's SQLite transactions take the writers' turn, which would stop
    the site's writes for the whole export), so each kind is read in its own statement; see docs/export.md."""
    if connection.vendor != "postgresql":
        return nullcontext()
    return _PostgresSnapshot()


class _PostgresSnapshot:
    def __enter__(self) -> None:
        # Inside a caller's transaction (a test's) its queries came first and the level can no longer be set:
        # the caller's transaction is then the snapshot.
        outermost = not connection.in_atomic_block
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        if outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._atomic.__exit__(kind, error, tb)


def export(outdir: Path, *, private: bool = False, chunk: int = kinds.DEFAULT_CHUNK,
           now: datetime | None = None) -> Manifest:
    """Write the whole site into ``outdir`` (new or empty); returns the manifest that was written."""
    check_outdir(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(
        format=FORMAT, version=VERSION, generated_at=kinds.stamp(now or timezone.now()) or "",
        include_private=private,
        publication={"name": settings.PUBLICATION_NAME, "site_url": settings.SITE_URL,
                     "language": settings.PUBLICATION_LANGUAGE, "time_zone": str(settings.TIME_ZONE)},
    )
    with snapshot():
        for kind in kinds.KINDS:
            manifest.files.append(
                write_lines(outdir, f"{kind.name}.jsonl", kind.name, kind.records(private=private, chunk=chunk)))
        tally = {"files": 0, "missing": 0, "bytes": 0}

        def counted(records: Iterator[Record]) -> Iterator[Record]:
            for record in records:
                tally["missing" if record["missing"] else "files"] += 1
                tally["bytes"] += int(str(record["bytes"]))
                yield record

        (outdir / MEDIA_DIR).mkdir()
        manifest.files.append(write_lines(outdir, "media.jsonl", "media", counted(media_records(outdir, chunk))))
        manifest.media = tally
    (outdir / "manifest.json").write_text(manifest.as_json(), encoding="utf-8")
    if private:
        # Donors' names and emails left the database: recorded in the funding audit trail, like the staff CSV.
        counts = {f.kind: f.records for f in manifest.files}
        do_audit_site_export(
            f"{outdir.resolve()}: {counts['donations']} donations and {counts['recurring_donations']} recurring "
            f"donations with donor data; run by the system user {_system_user()}.")
    return manifest


def _system_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment (some containers)
        return "unknown"

