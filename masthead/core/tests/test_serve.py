"""`masthead serve` as operators run it: a real process on a free port, over HTTP, stopped with SIGTERM.

One process for the whole lifecycle (start-up costs a migrated install and a collectstatic, and test workers
would each start their own server for separate tests).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from email.message import Message

import pytest

from masthead.core.env import SettingError, parse_listen_address
from masthead.testing.processes import MASTHEAD, enqueue_mark, free_port, start, stop, wait_for_file, wait_for_http

YEAR = 315360000  # WhiteNoise's max-age for files whose names carry a content hash


def get(url: str, **headers: str) -> tuple[int, Message, bytes]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as response:
        return response.status, response.headers, response.read()


def test_serve_answers_serves_static_runs_tasks_and_stops_cleanly(install, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = install.data_dir / "serve.log"
    process = start(["serve", "--port", str(port)], install.env, log)
    try:
        wait_for_http(f"{url}/healthz", process, log)

        status, _, body = get(f"{url}/healthz")
        assert status == 200
        assert json.loads(body)["status"] == "ok"

        # Static files: collected at start with hashed names, pre-compressed, cached for a year.
        manifest = json.loads((install.data_dir / "static" / "staticfiles.json").read_text())
        hashed = manifest["paths"]["masthead/site.css"]
        assert hashed != "masthead/site.css"
        status, headers, _ = get(f"{url}/static/{hashed}", **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Content-Type"].startswith("text/css")
        assert f"max-age={YEAR}" in headers["Cache-Control"]
        assert "immutable" in headers["Cache-Control"]
        assert headers["Content-Encoding"] == "gzip"

        # The embedded worker runs a task that another process put on the database queue.
        mark = tmp_path / "mark.txt"
        enqueue_mark(install.env, mark, "ran inside serve")
        assert wait_for_file(mark) == "ran inside serve"
    finally:
        code, seconds = stop(process)

    assert code == 0, log.read_text()
    assert seconds < 5
    assert "Masthead stopped" in log.read_text()


def test_serve_with_several_processes_answers_and_stops_cleanly(install):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = install.data_dir / "serve-workers.log"
    process = start(["serve", "--port", str(port), "--workers", "2", "--no-collectstatic"], install.env, log)
    try:
        wait_for_http(f"{url}/healthz", process, log)
        for _ in range(4):  # several connections, answered by whichever process accepts them
            status, _, body = get(f"{url}/healthz")
            assert status == 200
            assert json.loads(body)["status"] == "ok"
    finally:
        code, seconds = stop(process)
    assert code == 0, log.read_text()
    assert seconds < 8
    # Without Redis, live events stay in the process that made the change: the operator is told.
    assert "2 processes without REDIS_URL" in log.read_text()


def test_links_follow_the_port_served_on_when_no_site_url_is_set(install):
    """`PORT=9000 make run` (PORT in the environment) and `masthead serve --port` both link to the port they serve
    on: robots.txt, the sitemaps and the feeds all carry SITE_URL."""
    env = {k: v for k, v in install.env.items() if k not in ("SITE_URL", "PORT")}
    by_environment, by_option = free_port(), free_port()
    for port, args, extra in [(by_environment, [], {"PORT": str(by_environment)}),
                              (by_option, ["--port", str(by_option)], {})]:
        url = f"http://127.0.0.1:{port}"
        log = install.data_dir / f"serve-{port}.log"
        process = start(["serve", "--no-collectstatic", *args], {**env, **extra}, log)
        try:
            wait_for_http(f"{url}/healthz", process, log)
            _, _, robots = get(f"{url}/robots.txt")
            assert f"Sitemap: {url}/sitemap.xml" in robots.decode()
            _, _, sitemap = get(f"{url}/sitemap.xml")
            assert f"<loc>{url}/sitemaps/pages.xml</loc>" in sitemap.decode()
            _, _, feed = get(f"{url}/feed/")
            assert f"<link>{url}/</link>" in feed.decode()
        finally:
            stop(process)


def test_an_explicit_site_url_is_kept_whatever_the_port(install):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = install.data_dir / "serve-site-url.log"
    process = start(["serve", "--no-collectstatic", "--port", str(port)],
                    {**install.env, "SITE_URL": "https://news.example.org/"}, log)
    try:
        wait_for_http(f"{url}/healthz", process, log)
        _, _, robots = get(f"{url}/robots.txt")
        assert "Sitemap: https://news.example.org/sitemap.xml" in robots.decode()
    finally:
        stop(process)


MAKE_THREAD = (
    "import django; django.setup(); "
    "from masthead.testing.articles import make_article; "
    "from masthead.discussion.actions import thread_for_article; "
    "print(thread_for_article(make_article('Tram depot plans')).pk)"
)


def post_form(url: str, origin: str, fields: dict[str, str]) -> tuple[int, bytes]:
    """A browser's form post: Origin is our own (the CSRF check, core/csrf.py)."""
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(url, data=data, method="POST", headers={"Origin": origin})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def test_without_smtp_every_mail_flow_is_finished_from_the_server_log(install):
    """`make run` with no EMAIL_* settings: the "Notify of" confirmation and a sign-in link reach the server's log
    (and the staff outbox), and following them there completes each flow."""
    env = {k: v for k, v in install.env.items() if not k.startswith("EMAIL_")}
    thread = subprocess.run([sys.executable, "-c", MAKE_THREAD], env=env, capture_output=True, text=True,
                            check=True, timeout=60).stdout.strip()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = install.data_dir / "serve-mail.log"
    process = start(["serve", "--no-collectstatic", "--port", str(port)], env, log)
    try:
        wait_for_http(f"{url}/healthz", process, log)
        assert f"kept for superusers at {url}/notifications/outbox/" in log.read_text()

        status, page = post_form(f"{url}/notifications/subscribe", url,
                                 {"thread": thread, "email": "ada@example.org", "kind": "thread"})
        assert (status, b"Check your inbox" in page) == (200, True)
        logged = wait_for_text(log, "/notifications/confirm/")
        confirm = re.search(rf"{re.escape(url)}/notifications/confirm/\S+", logged)
        assert confirm, log.read_text()
        status, page = post_form(confirm.group(0), url, {})
        assert (status, b"You are subscribed" in page) == (200, True)

        post_form(f"{url}/account/sign-in", url, {"email": "reader@example.org"})
        link = re.search(rf"{re.escape(url)}/account/link/sign_in/\S+", wait_for_text(log, "/account/link/"))
        assert link, log.read_text()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        request = urllib.request.Request(link.group(0), data=b"claim=1", method="POST", headers={"Origin": url})
        with opener.open(request, timeout=10) as response:  # follows the redirect, signed in
            assert response.status == 200
        with opener.open(f"{url}/account/", timeout=10) as response:
            assert b"reader@example.org" in response.read()
    finally:
        stop(process)
    assert "Connection refused" not in log.read_text()  # nothing tried port 25


def wait_for_text(path, text: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        content = path.read_text()
        if text in content:
            return content
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never reached {path}:\n{path.read_text()}")


@pytest.mark.parametrize(("value", "address"), [("0.0.0.0", "0.0.0.0"), (" 127.0.0.1 ", "127.0.0.1"), ("::", "::"),  # noqa: S104 - parsed, not bound
                                                ("[::1]", "::1"), ("localhost", "localhost"),
                                                ("app-1.internal", "app-1.internal")])
def test_a_listen_address_is_an_ip_address_or_a_host_name(value, address):
    assert parse_listen_address("HOST", value) == address


@pytest.mark.parametrize("value", ["0.0.0.0:8000", "[::1]:8000", "http://127.0.0.1", "127.0.0.1/24", "10", "1.2.3",
                                   "news example", "", "-x.org"])
def test_anything_else_is_refused_naming_the_setting(value):
    with pytest.raises(SettingError, match=r"^HOST must be an address to listen on"):
        parse_listen_address("HOST", value)


def test_host_is_read_strictly_and_a_wrong_one_stops_serve_with_a_clear_message(install):
    """HOST (and --host) is an address to listen on; "0.0.0.0:8000" or a URL used to start a server that could
    not resolve it and died with "Name or service not known"; now serve stops at once, naming the setting."""
    for env, args, named in [({"HOST": "0.0.0.0:8000"}, [], "HOST"),
                             ({"HOST": "http://news.example.org"}, [], "HOST"),
                             ({}, ["--host", "127.0.0.1 8000"], "--host"),
                             ({"ACCESS_LOG": "sometimes"}, [], "ACCESS_LOG")]:
        result = subprocess.run([MASTHEAD, "serve", "--no-collectstatic", "--no-worker",
                                 "--port", str(free_port()), *args], env={**install.env, **env},
                                capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode != 0, result.stdout
        assert f"CommandError: {named} " in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        assert "Masthead serving" not in result.stdout
    wrong = subprocess.run([MASTHEAD, "serve", "--no-collectstatic"],
                           env={**install.env, "HOST": "0.0.0.0:8000"}, capture_output=True, text=True, timeout=60,
                           check=False)
    assert ("HOST must be an address to listen on such as 127.0.0.1, 0.0.0.0, :: or localhost, not '0.0.0.0:8000' "
            "(give the port in PORT or --port)") in wrong.stderr

    # A host name, and spaces around the address, are taken.
    port = free_port()
    log = install.data_dir / "serve-host.log"
    process = start(["serve", "--no-collectstatic", "--no-worker", "--port", str(port)],
                    {**install.env, "HOST": " localhost ", "ACCESS_LOG": "yes"}, log)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/healthz", process, log)
        assert get(f"http://127.0.0.1:{port}/healthz")[0] == 200
    finally:
        stop(process)
    assert f"Masthead serving at http://localhost:{port}" in log.read_text()
    assert "GET /healthz" in log.read_text()  # ACCESS_LOG=yes logs requests
