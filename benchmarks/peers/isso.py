"""Isso (PyPI) in its own virtualenv in the bench folder, under gunicorn with two workers.

Seeded through its own HTTP API (``POST /new``) with the same 200 comments as Masthead's article, so its
SQLite database and rendering paths are exactly what a publisher running Isso would have.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import quote

from benchmarks import text
from benchmarks.peers import Peer
from benchmarks.procs import Processes, free_port, wait_http

THREAD_URI = "/articles/bench-200/"

_CONFIG = """\
[general]
dbpath = {db}
host = http://127.0.0.1:{port}/
max-age = 15m
notify = stdout
gravatar = false
latest-enabled = false

[admin]
enabled = false

[moderation]
enabled = false

[server]
listen = http://127.0.0.1:{port}/

[guard]
# Off so the seeding and the posting scenario are not refused by the per-address rate limit (every request
# comes from 127.0.0.1); the posting figure is Isso's write path itself.
enabled = false
require-author = false
require-email = false

[hash]
salt = Eech7co8Ohloopo9Ol6baimi
algorithm = pbkdf2
"""


def install(venv: Path) -> Path:
    """Isso and gunicorn from PyPI into ``venv`` (kept between runs); returns the venv's bin folder."""
    bin_dir = venv / "bin"
    if not (bin_dir / "gunicorn").exists() or not (bin_dir / "isso").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(bin_dir / "pip"), "install", "--quiet", "isso", "gunicorn"], check=True)
    return bin_dir


def version(bin_dir: Path) -> str:
    out = subprocess.run([str(bin_dir / "python"), "-c", "import importlib.metadata as m;"
                          "print(m.version('isso'), m.version('gunicorn'))"],
                         capture_output=True, text=True, check=True).stdout.split()
    return f"Isso {out[0]}, gunicorn {out[1]}"


def _post(port: int, n: int, parent_id: int | None) -> int:
    body = {"text": text.comment_text(n), "author": text.author_name(n), "title": "Bench article",
            "parent": parent_id}
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/new?uri={quote(THREAD_URI)}", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"}, method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(json.load(response)["id"])


def start(procs: Processes, bench_dir: Path, *, comments: int = 200, workers: int = 2) -> Peer:
    root = bench_dir / "isso"
    root.mkdir(parents=True, exist_ok=True)
    bin_dir = install(bench_dir / "isso-venv")
    db = root / "comments.db"
    db.unlink(missing_ok=True)  # a fresh thread every run
    port = free_port()
    config = root / "isso.cfg"
    config.write_text(_CONFIG.format(db=db, port=port))
    # Create the database once before the workers start: two workers initialising a new database at the same
    # moment can both insert Isso's preference rows, and one then fails to boot.
    procs.check_run("isso-init", [str(bin_dir / "python"), "-c",
                                  "import os; from isso import config, make_app; "
                                  "make_app(config.load(config.default_file(), os.environ['ISSO_SETTINGS']))"],
                    env={"ISSO_SETTINGS": str(config), "PATH": f"{bin_dir}:/usr/bin:/bin"})
    proc = procs.start(
        "isso", [str(bin_dir / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
                 "--log-level", "warning", "isso.run"],
        env={"ISSO_SETTINGS": str(config), "PATH": f"{bin_dir}:/usr/bin:/bin"},
    )
    wait_http(f"http://127.0.0.1:{port}/info", proc=proc)
    ids: dict[int, int] = {}
    for n in range(comments):
        parent = text.parent_index(n)
        ids[n] = _post(port, n, ids[parent] if parent is not None else None)
    base = f"http://127.0.0.1:{port}"
    return Peer(
        version(bin_dir),
        {"thread": f"{base}/?uri={quote(THREAD_URI)}", "post": f"{base}/new?uri={quote(THREAD_URI)}"},
        [proc.pid],
    )
