"""`masthead serve` as operators run it: a real process on a free port, over HTTP, stopped with SIGTERM."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from masthead.core.tests.processes import enqueue_mark, free_port, start, stop, wait_for_file, wait_for_http

YEAR = 315360000  # WhiteNoise's max-age for files whose names carry a content hash


@dataclass
class Server:
    url: str


@pytest.fixture(scope="module")
def server(install) -> Iterator[Server]:
    port = free_port()
    log = install.data_dir / "serve.log"
    process = start(["serve", "--port", str(port)], install.env, log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/healthz", process, log)
        yield Server(url)
    finally:
        stop(process)


def test_healthz_answers(server):
    with urllib.request.urlopen(f"{server.url}/healthz", timeout=5) as response:
        assert response.status == 200
        assert json.loads(response.read())["status"] == "ok"


def test_static_files_have_hashed_names_and_year_long_caching(server, install):
    manifest = json.loads((install.data_dir / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["masthead/site.css"]
    assert hashed != "masthead/site.css"
    request = urllib.request.Request(f"{server.url}/static/{hashed}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/css")
        cache_control = response.headers["Cache-Control"]
        assert f"max-age={YEAR}" in cache_control
        assert "immutable" in cache_control
        assert response.headers["Content-Encoding"] == "gzip"


def test_embedded_worker_runs_a_task_enqueued_by_another_process(server, install, tmp_path):
    mark = tmp_path / "mark.txt"
    enqueue_mark(install.env, mark, "ran inside serve")
    assert wait_for_file(mark) == "ran inside serve"


def test_sigterm_stops_the_server_cleanly(install):
    port = free_port()
    log = install.data_dir / "serve-sigterm.log"
    process = start(["serve", "--port", str(port), "--no-collectstatic"], install.env, log)
    wait_for_http(f"http://127.0.0.1:{port}/healthz", process, log)

    code, seconds = stop(process)

    assert code == 0, log.read_text()
    assert seconds < 5
    assert "Masthead stopped" in log.read_text()
