"""``masthead media_backup`` / ``media_restore``: every media object copied out of the real S3 server (moto's, started
by the tests) or the media folder, resumably (unchanged objects skipped, a damaged copy copied again), with
checksums; and restored, checked first, into an empty bucket or folder."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from masthead.testing.processes import MASTHEAD, masthead_env

# A nested name, an image bigger than one streamed chunk (1 MiB), an empty object and a name with a space.
OBJECTS = {
    "articles/2026/12/harbour.jpg": os.urandom(2 * 1024 * 1024 + 17),
    "articles/2026/12/harbour-w480.webp": os.urandom(20_000),
    "authors/ada.png": b"\x89PNG small",
    "articles/empty.txt": b"",
    "articles/the weir.png": b"weir bytes",
}


def _run(command: str, *args: str) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def _manifest(folder: Path) -> dict[str, dict[str, object]]:
    rows = [json.loads(line) for line in (folder / "manifest.jsonl").read_text().splitlines()]
    return {row["name"]: row for row in rows}  # the last line per name counts


def _bucket_contents(s3_server, bucket: str) -> dict[str, bytes]:
    client = s3_server.client()
    keys = [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]
    return {key: client.get_object(Bucket=bucket, Key=key)["Body"].read() for key in keys}


def _put(s3_server, bucket: str, objects: dict[str, bytes]) -> None:
    for name, data in objects.items():
        s3_server.client().put_object(Bucket=bucket, Key=name, Body=data)


def test_a_bucket_is_backed_up_with_checksums_then_only_what_changed_is_copied(s3_media, s3_server, tmp_path):
    _put(s3_server, s3_media, OBJECTS)
    folder = tmp_path / "backup"

    first = _run("media_backup", str(folder))
    assert f"of the bucket {s3_media}" in first
    assert "5 objects copied" in first
    assert "0 unchanged" in first
    for name, data in OBJECTS.items():
        assert (folder / "objects" / name).read_bytes() == data
        assert _manifest(folder)[name]["sha256"] == hashlib.sha256(data).hexdigest()
        assert _manifest(folder)[name]["size"] == len(data)
    sums = (folder / "SHA256SUMS").read_text().splitlines()
    assert sorted(sums) == sorted(f"{hashlib.sha256(d).hexdigest()}  {n}" for n, d in OBJECTS.items())
    assert not list(folder.rglob("*.partial"))

    # Nothing changed: nothing is copied.
    assert "0 objects copied (0 bytes), 5 unchanged" in _run("media_backup", str(folder))

    # A new image, one replaced in the bucket, and a copy left half-written by an interrupted run: those three.
    _put(s3_server, s3_media, {"articles/new.jpg": b"new image", "authors/ada.png": b"\x89PNG replaced"})
    (folder / "objects" / "articles/2026/12/harbour.jpg").write_bytes(OBJECTS["articles/2026/12/harbour.jpg"][:1000])
    third = _run("media_backup", str(folder))
    assert "3 objects copied" in third
    assert "3 unchanged" in third
    assert (folder / "objects" / "authors/ada.png").read_bytes() == b"\x89PNG replaced"
    assert (folder / "objects" / "articles/2026/12/harbour.jpg").read_bytes() == OBJECTS["articles/2026/12/harbour.jpg"]
    assert _manifest(folder)["authors/ada.png"]["sha256"] == hashlib.sha256(b"\x89PNG replaced").hexdigest()
    assert len((folder / "SHA256SUMS").read_text().splitlines()) == 6


def test_a_backup_is_restored_into_an_empty_bucket_and_nowhere_else(s3_media, s3_server, tmp_path, settings):
    _put(s3_server, s3_media, OBJECTS)
    folder = tmp_path / "backup"
    _run("media_backup", str(folder))

    # The store was lost: a new, empty bucket.
    fresh = f"restored-{time.monotonic_ns()}"
    s3_server.client().create_bucket(Bucket=fresh)
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.storage_entry(fresh)}
    out = _run("media_restore", str(folder))
    assert f"into the bucket {fresh}" in out
    assert "5 objects written" in out
    assert _bucket_contents(s3_server, fresh) == OBJECTS
    head = s3_server.client().head_object(Bucket=fresh, Key="authors/ada.png")
    assert head["ContentType"] == "image/png"
    assert head["CacheControl"] == "public, max-age=31536000, immutable"  # as the site's own uploads

    # A bucket that holds objects is not written over; --resume finishes an interrupted restore.
    with pytest.raises(CommandError, match="already holds 5 objects"):
        _run("media_restore", str(folder))
    s3_server.client().delete_object(Bucket=fresh, Key="articles/new.jpg")  # (not there: nothing happens)
    s3_server.client().delete_object(Bucket=fresh, Key="authors/ada.png")
    assert "1 objects written (10 bytes), 4 already there" in _run("media_restore", str(folder), "--resume")
    assert _bucket_contents(s3_server, fresh) == OBJECTS


def test_a_damaged_backup_is_refused_before_anything_is_written(s3_media, s3_server, tmp_path, settings):
    _put(s3_server, s3_media, OBJECTS)
    folder = tmp_path / "backup"
    _run("media_backup", str(folder))
    (folder / "objects" / "authors/ada.png").write_bytes(b"\x89PNG tampered")
    fresh = f"restored-{time.monotonic_ns()}"
    s3_server.client().create_bucket(Bucket=fresh)
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.storage_entry(fresh)}
    with pytest.raises(CommandError, match=r"authors/ada.png: its file does not match the manifest's SHA-256"):
        _run("media_restore", str(folder))
    assert _bucket_contents(s3_server, fresh) == {}
    with pytest.raises(CommandError, match="not a media backup folder"):
        _run("media_restore", str(tmp_path / "elsewhere"))


def test_media_on_local_disk_are_backed_up_and_restored_the_same_way(tmp_path, settings):
    media, restored, folder = tmp_path / "media", tmp_path / "media-restored", tmp_path / "backup"
    for name, data in OBJECTS.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(data)
    disk = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    settings.STORAGES = {**settings.STORAGES, "default": {**disk, "OPTIONS": {"location": str(media)}}}
    assert "of the folder" in _run("media_backup", str(folder))
    assert "0 objects copied (0 bytes), 5 unchanged" in _run("media_backup", str(folder))

    settings.STORAGES = {**settings.STORAGES, "default": {**disk, "OPTIONS": {"location": str(restored)}}}
    assert "5 objects written" in _run("media_restore", str(folder))
    assert {p.relative_to(restored).as_posix(): p.read_bytes() for p in restored.rglob("*") if p.is_file()} == OBJECTS


def test_the_commands_run_from_the_shell_with_the_sites_bucket_settings(s3_media, s3_server, tmp_path):
    _put(s3_server, s3_media, {"articles/a.jpg": b"a", "articles/b.jpg": b"bb"})
    env = masthead_env(tmp_path / "data", "", **s3_server.environment(s3_media))
    backed_up = subprocess.run([MASTHEAD, "media_backup", str(tmp_path / "backup")], env=env, capture_output=True,
                               text=True, timeout=120, check=False)
    assert backed_up.returncode == 0, backed_up.stderr
    assert "2 objects copied (3 bytes)" in backed_up.stdout
    fresh = f"restored-{time.monotonic_ns()}"
    s3_server.client().create_bucket(Bucket=fresh)
    restored = subprocess.run([MASTHEAD, "media_restore", str(tmp_path / "backup")],
                              env={**env, "MEDIA_S3_BUCKET": fresh}, capture_output=True, text=True, timeout=120,
                              check=False)
    assert restored.returncode == 0, restored.stderr
    assert _bucket_contents(s3_server, fresh) == {"articles/a.jpg": b"a", "articles/b.jpg": b"bb"}
