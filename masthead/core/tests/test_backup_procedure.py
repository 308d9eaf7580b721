"""The backup procedure in docs/operations.md, run as written: files readable by their owner only, and the
secret key kept out of the archives (a backup plus the key forges sessions and unmasks readers' networks)."""

from __future__ import annotations

import re
import sqlite3
import stat
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


def _blocks() -> list[str]:
    guide = (ROOT / "docs" / "operations.md").read_text()
    section = guide[guide.index("## Backups"):]
    section = section[: section.index("\n## ", 1)] if "\n## " in section[1:] else section
    return re.findall(r"```sh\n(.*?)```", section, re.DOTALL)


def _run(block: str, tmp_path: Path, **replacements: str) -> str:
    for old, new in replacements.items():
        block = block.replace(old, new)
    # cron's and most shells' umask: what the files would get if the procedure did not set its own.
    done = subprocess.run(["bash", "-euc", f"umask 022\n{block}"], check=True, cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    return done.stdout


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "masthead-data"
    (data / "media" / "images").mkdir(parents=True)
    (data / "media" / "images" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (data / "secret_key").write_text("the-site-secret")
    (data / "secret_key").chmod(0o600)
    with sqlite3.connect(data / "masthead.sqlite3") as db:
        db.execute("CREATE TABLE reader (email TEXT)")
        db.execute("INSERT INTO reader VALUES ('ada@example.org')")
    return data


def test_the_sqlite_and_media_backup_is_private_and_holds_no_key(tmp_path, data_dir):
    sqlite_block = next(block for block in _blocks() if ".backup" in block)
    backups = tmp_path / "backups"
    backups.mkdir()  # an operator's existing backup folder
    printed = _run(sqlite_block, tmp_path, **{"/srv/masthead-data": str(data_dir), "/srv/backups": str(backups)})
    assert printed.split() == ["ok"]  # the integrity check of the copy
    made = sorted(backups.iterdir())
    assert sorted(path.suffix for path in made) == [".gz", ".sqlite3"]
    assert all(_private(path) for path in made), [oct(path.stat().st_mode) for path in made]
    archive = next(path for path in made if path.name.endswith(".tar.gz"))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "media/images/photo.png" in names
    assert not any("secret_key" in name for name in names)
    copy = next(path for path in made if path.suffix == ".sqlite3")
    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT email FROM reader").fetchall() == [("ada@example.org",)]


@pytest.mark.django_db
def test_the_postgresql_dump_is_private(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the pg_dump block runs in the PostgreSQL test run")
    block = next(block for block in _blocks() if "pg_dump" in block)
    options = connection.settings_dict
    target = f"postgresql://{options['USER']}@{options['HOST']}:{options['PORT']}/{options['NAME']}"
    backups = tmp_path / "backups"
    backups.mkdir()
    _run(block, tmp_path, **{"/srv/backups": str(backups), " masthead\n": f" {target}\n"})
    dumps = list(backups.iterdir())
    assert len(dumps) == 1
    assert dumps[0].stat().st_size > 0
    assert _private(dumps[0])


def test_every_backup_block_sets_a_private_umask_first():
    blocks = _blocks()
    assert len(blocks) == 2
    assert all(block.lstrip().startswith("umask 077") for block in blocks)
