"""/readyz and /healthz of a real `masthead serve` process: a new version started before `masthead migrate` stays
out of rotation until the migration runs; SIGTERM with DRAIN_SECONDS answers 503 on /readyz while still serving;
a database that goes away (PostgreSQL behind a TCP proxy that is cut) is a 503 naming it, and recovers alone."""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

from masthead.testing.processes import free_port, fresh_database, masthead_env, run, start, stop
from masthead.testing.tcp_proxy import TcpProxy


def probe(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(url, timeout=15) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def wait_for(url: str, status: int, process, log, timeout: float = 30) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            code, body = probe(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            last = error
        else:
            if code == status:
                return body
            last = (code, body)
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer {status} within {timeout}s (last: {last}):\n{log.read_text()}")


@pytest.fixture
def unmigrated(tmp_path) -> Iterator[dict[str, str]]:
    with fresh_database() as database_url:
        yield masthead_env(tmp_path, database_url, DRAIN_SECONDS="3", EMBEDDED_WORKER="false")


def test_a_server_is_ready_only_once_migrated_and_drains_before_stopping(unmigrated, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    process = start(["serve", "--port", str(port), "--no-collectstatic"], unmigrated, log)
    try:
        not_ready = wait_for(f"{url}/readyz", 503, process, log)
        assert not_ready == {"ready": False, "reason": "migrations", "detail": "run `masthead migrate`"}
        code, health = probe(f"{url}/healthz")
        assert code == 200  # alive, the database answers; its queue table does not exist yet
        assert health["database"]["status"] == "ok"  # type: ignore[index]
        assert health["tasks"]["status"] == "down"  # type: ignore[index]

        run(["migrate", "--noinput"], unmigrated, timeout=180)
        assert wait_for(f"{url}/readyz", 200, process, log) == {"ready": True}

        process.send_signal(15)  # SIGTERM: drain first
        assert wait_for(f"{url}/readyz", 503, process, log, timeout=3) == {"ready": False, "reason": "draining"}
        assert probe(f"{url}/healthz")[0] == 200  # still serving while the balancer takes it out
    finally:
        code, _ = stop(process, timeout=20)  # a second SIGTERM: stops at once
    assert code == 0, log.read_text()
    assert "Masthead stopped" in log.read_text()


@pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="a database server to take away: PostgreSQL only")
def test_a_database_that_goes_away_is_a_503_naming_it_and_the_server_recovers(tmp_path):
    with fresh_database() as database_url:
        parts = urlsplit(database_url)
        proxy = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
        proxy.start()
        through_proxy = urlunsplit(parts._replace(netloc=f"{parts.username}@127.0.0.1:{proxy.port}"))
        env = masthead_env(tmp_path, through_proxy, EMBEDDED_WORKER="false", DATABASE_POOL_MIN="1")
        run(["migrate", "--noinput"], env, timeout=180)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log = tmp_path / "serve.log"
        process = start(["serve", "--port", str(port), "--no-collectstatic"], env, log)
        try:
            wait_for(f"{url}/readyz", 200, process, log)
            proxy.stop()
            down = wait_for(f"{url}/healthz", 503, process, log)
            assert down["status"] == "error"
            assert down["database"]["status"] == "down"  # type: ignore[index]
            assert down["database"]["required"] is True  # type: ignore[index]
            assert wait_for(f"{url}/readyz", 503, process, log)["reason"] == "database"
            proxy.start()
            assert wait_for(f"{url}/healthz", 200, process, log)["status"] == "ok"
            assert wait_for(f"{url}/readyz", 200, process, log) == {"ready": True}
        finally:
            stop(process, timeout=20)
            proxy.stop()
