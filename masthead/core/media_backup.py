"""Copying the uploaded media out of their store into a folder, and back (``masthead media_backup``, ``media_restore``).

The store is the one the site uses (``STORAGES["default"]``): the S3 bucket when ``MEDIA_S3_BUCKET`` is set, else
the ``media`` folder on disk. The backup folder holds every object under ``objects/<name>`` and a manifest:

- ``manifest.jsonl``: one JSON line per object copied (name, size, the store's tag for that version of it, the
  SHA-256 of the bytes), appended and flushed as each object lands, so an interrupted backup loses nothing it
  finished; the next run skips every object whose line matches the store's size and tag and whose file is whole;
- ``SHA256SUMS``: the same checksums in ``sha256sum`` format, rewritten at the end of a run
  (``cd objects && sha256sum -c ../SHA256SUMS`` checks a copy without Masthead).

Objects are streamed in chunks (never held whole in memory) into a ``.partial`` file renamed once complete. An
object deleted from the store stays in the backup (names are never reused, so it cannot shadow a newer one).
A restore checks each file against its checksum before writing it, and writes into an empty store only (or, with
``resume``, skips the objects an interrupted restore already wrote with the same size).
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.core.files.storage import FileSystemStorage, Storage

CHUNK = 1024 * 1024
MANIFEST, SUMS, OBJECTS = "manifest.jsonl", "SHA256SUMS", "objects"


class BackupError(Exception):
    """The backup or restore cannot go on (the message says why, for the operator)."""


@dataclass(frozen=True)
class Entry:
    name: str  # relative to the store's root, "/"-separated: what FileFields hold
    size: int
    tag: str  # the store's identity of this version: the S3 ETag, or size and modification time on disk


class Store:
    """The few operations a backup needs, over a bucket or a folder."""

    label = ""

    def entries(self) -> Iterator[Entry]:
        raise NotImplementedError

    def chunks(self, name: str) -> Iterator[bytes]:
        raise NotImplementedError

    def write(self, name: str, source: IO[bytes], size: int) -> None:
        raise NotImplementedError


class BucketStore(Store):
    """A django-storages S3 storage: listed with ``list_objects_v2`` (size and ETag come with the listing)."""

    def __init__(self, storage: Any) -> None:
        self.storage = storage
        self.client = storage.connection.meta.client
        self.bucket = storage.bucket_name
        self.prefix = f"{storage.location.strip('/')}/" if storage.location.strip("/") else ""
        self.label = f"bucket {self.bucket}"

    def entries(self) -> Iterator[Entry]:
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix):
            for item in page.get("Contents", ()):
                key = item["Key"]
                if not key.endswith("/"):  # "folder" markers some tools create hold nothing
                    yield Entry(key[len(self.prefix):], int(item["Size"]), str(item["ETag"]).strip('"'))

    def chunks(self, name: str) -> Iterator[bytes]:
        body = self.client.get_object(Bucket=self.bucket, Key=self.prefix + name)["Body"]
        try:
            yield from body.iter_chunks(CHUNK)
        finally:
            body.close()

    def write(self, name: str, source: IO[bytes], size: int) -> None:
        extra = dict(self.storage.get_object_parameters(name))  # Cache-Control, as uploads get it
        content_type, encoding = mimetypes.guess_type(name)
        extra.setdefault("ContentType", content_type or "application/octet-stream")
        if encoding:
            extra.setdefault("ContentEncoding", encoding)
        if self.storage.default_acl and "ACL" not in extra:
            extra["ACL"] = self.storage.default_acl
        self.client.upload_fileobj(source, self.bucket, self.prefix + name, ExtraArgs=extra)


class FolderStore(Store):
    """Media on local disk (``MEDIA_ROOT``)."""

    def __init__(self, storage: FileSystemStorage) -> None:
        self.root = Path(storage.location)
        self.label = f"folder {self.root}"

    def entries(self) -> Iterator[Entry]:
        if not self.root.is_dir():
            return
        for folder, dirs, files in os.walk(self.root):
            dirs.sort()
            for file_name in sorted(files):
                path = Path(folder, file_name)
                if file_name.endswith(".partial"):
                    continue
                stat = path.stat()
                name = path.relative_to(self.root).as_posix()
                yield Entry(name, stat.st_size, f"{stat.st_size}-{stat.st_mtime_ns}")

    def chunks(self, name: str) -> Iterator[bytes]:
        with (self.root / name).open("rb") as file:
            while chunk := file.read(CHUNK):
                yield chunk

    def write(self, name: str, source: IO[bytes], size: int) -> None:
        target = self.root / name
        _write_whole(target, iter(lambda: source.read(CHUNK), b""))


def store_for(storage: Storage) -> Store:
    from storages.backends.s3 import S3Storage

    if isinstance(storage, S3Storage):
        return BucketStore(storage)
    if isinstance(storage, FileSystemStorage):
        return FolderStore(storage)
    raise BackupError(f"Media backup knows S3 buckets and local folders, not {type(storage).__name__}")


def _write_whole(target: Path, chunks: Iterator[bytes]) -> str:
    """Write ``chunks`` to ``target`` through a ``.partial`` file renamed when complete; the bytes' SHA-256."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for chunk in chunks:
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    partial.replace(target)
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _inside(folder: Path, name: str) -> Path:
    """``folder/name``, refusing a name that would lead out of the folder (a manifest edited by someone)."""
    path = (folder / name).resolve()
    if not name or path == folder.resolve() or folder.resolve() not in path.parents:
        raise BackupError(f"Refusing the object name {name!r}: it leads out of {folder}")
    return path


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """The last line for each object name (a later copy of an object replaces the earlier one)."""
    recorded: dict[str, dict[str, Any]] = {}
    path = folder / MANIFEST
    if not path.exists():
        return recorded
    for line in path.read_text("utf-8").splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:  # the last line of a run stopped in the middle of writing it
            continue
        if isinstance(row, dict) and isinstance(row.get("name"), str):
            recorded[row["name"]] = row
    return recorded


@dataclass
class Tally:
    copied: int = 0
    unchanged: int = 0
    bytes_copied: int = 0


def backup(store: Store, folder: Path, say: Callable[[str], None] = lambda line: None) -> Tally:
    """Copy every object of ``store`` not already in ``folder`` (same size and tag, file whole) into it."""
    objects = folder / OBJECTS
    objects.mkdir(parents=True, exist_ok=True)
    recorded = read_manifest(folder)
    tally = Tally()
    with (folder / MANIFEST).open("a", encoding="utf-8") as manifest:
        for entry in store.entries():
            target = _inside(objects, entry.name)
            known = recorded.get(entry.name)
            if (known and known.get("size") == entry.size and known.get("tag") == entry.tag and target.is_file()
                    and target.stat().st_size == entry.size):
                tally.unchanged += 1
                continue
            sha256 = _write_whole(target, store.chunks(entry.name))
            if target.stat().st_size != entry.size:
                raise BackupError(f"{entry.name}: {target.stat().st_size} bytes arrived, the store listed "
                                  f"{entry.size}; run the backup again")
            row = {"name": entry.name, "size": entry.size, "tag": entry.tag, "sha256": sha256}
            manifest.write(json.dumps(row, ensure_ascii=False) + "\n")
            manifest.flush()
            os.fsync(manifest.fileno())
            recorded[entry.name] = row
            tally.copied += 1
            tally.bytes_copied += entry.size
            say(f"copied {entry.name} ({entry.size} bytes)")
    sums = folder / f"{SUMS}.partial"
    sums.write_text("".join(f"{row['sha256']}  {name}\n" for name, row in sorted(recorded.items())), "utf-8")
    sums.replace(folder / SUMS)
    return tally


def restore(store: Store, folder: Path, *, resume: bool = False,
            say: Callable[[str], None] = lambda line: None) -> Tally:
    """Write every object of the backup in ``folder`` into ``store``, which must be empty unless ``resume``."""
    recorded = read_manifest(folder)
    if not recorded:
        raise BackupError(f"{folder / MANIFEST} is missing or empty: not a media backup folder")
    present = {entry.name: entry.size for entry in store.entries()}
    if present and not resume:
        raise BackupError(f"The {store.label} already holds {len(present)} objects: restore into an empty one "
                          "(or pass --resume to finish a restore that was interrupted)")
    objects = folder / OBJECTS
    # Every file is checked before anything is written, so a damaged backup is found before it is half restored.
    for name, row in sorted(recorded.items()):
        path = _inside(objects, name)
        if not path.is_file():
            raise BackupError(f"{name}: listed in the manifest but missing from {objects}")
        if _file_digest(path) != row.get("sha256"):
            raise BackupError(f"{name}: its file does not match the manifest's SHA-256 (damaged backup)")
    tally = Tally()
    for name, row in sorted(recorded.items()):
        if present.get(name) == row["size"]:
            tally.unchanged += 1
            continue
        with _inside(objects, name).open("rb") as source:
            store.write(name, source, int(row["size"]))
        tally.copied += 1
        tally.bytes_copied += int(row["size"])
        say(f"restored {name} ({row['size']} bytes)")
    return tally
