"""Failure drill 1 of the scale-out issue, the healthy baseline: the scaled shape as docs/operations.md's runbook
sets it up, on this machine. Three `masthead serve` processes and one `masthead worker` on one PostgreSQL, one
Redis and one S3 bucket (moto's S3 server), behind nginx running deploy/nginx-scaled.conf.

- a comment posted through one server is live on readers streaming from the two others;
- an image uploaded through one server (the admin) is in the bucket, and the article page from every server
  links to it there, and those links return the image;
- reads through nginx are spread over all three servers (counted in each server's access log);
- the worker ran the scheduled jobs (one lease each) and the queued tasks.

PostgreSQL only: the SQLite run covers the one-server shape. Bounded: every wait has a deadline. Figures are
printed (run with -s to see them).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from masthead.testing import nginx
from masthead.testing.articles import make_png
from masthead.testing.live_events import post_until_heard
from masthead.testing.processes import free_port, fresh_database, masthead_env, run, start, stop, wait_for_http
from masthead.testing.s3 import S3Server

pytestmark = [
    pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="the scaled shape runs on PostgreSQL"),
    pytest.mark.skipif(not nginx.available(), reason="nginx is not installed (.ci/run installs it)"),
]

REDIS_URL = "redis://127.0.0.1:6379/0"
SERVERS = 3
# The scheduled jobs a worker leases at start (core/schedule.py's registrations), each once across the workers.
SCHEDULED_JOBS = ["accounts.privacy-retention", "core.clear-expired-sessions", "core.requeue-abandoned-tasks",
                  "funding.requeue-owed-receipts", "notifications.prune", "notifications.requeue-abandoned-mail"]
READS = 90

SETUP = """
import json, django
django.setup()
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from masthead.discussion.actions import thread_for_article
from masthead.moderation.models import ModerationSettings
from masthead.testing.articles import make_article, make_author, make_topic

article = make_article("The ferry timetable changes again")
row, _ = ModerationSettings.objects.get_or_create(pk=1)
row.first_comment_review_guest = False  # a guest's first comment shows at once
row.save()
editor = get_user_model().objects.create_superuser("drill", "drill@example.org", "pw-drill-123456")
session = import_module(settings.SESSION_ENGINE).SessionStore()
session.update({SESSION_KEY: str(editor.pk), BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[0],
                HASH_SESSION_KEY: editor.get_session_auth_hash()})
session.create()
print(json.dumps({"thread": thread_for_article(article).pk, "session": session.session_key,
                  "author": make_author("Ada Quill").pk, "topic": make_topic("Rivers").pk}))
"""

AFTER = """
import json, sys, django
django.setup()
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from masthead.core.models import JobLease
from masthead.discussion.models import Comment
posted = json.loads(sys.argv[-1])
print(json.dumps({"leases": sorted([l.job, l.worker] for l in JobLease.objects.all()),
                  "comments_found": Comment.objects.filter(pk__in=posted).count(),
                  "tasks_done": DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count(),
                  "tasks_waiting": DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()}))
"""


def _python(script: str, env: dict[str, str], *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _multipart(fields: dict[str, str | list[str]], files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode())
    for name, (filename, content, content_type) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _upload(base: str, session: str, author: int, topic: int) -> int:
    body, content_type = _multipart(
        {"headline": "Weir repaired after the floods", "slug": "drill-weir", "standfirst": "Fixed.",
         "body": "The weir is repaired.", "status": "published", "published_at_0": "", "published_at_1": "",
         "discussion_open": "on", "image_caption": "", "image_alt": "Water pouring over a concrete weir.",
         "authors": [str(author)], "topics": [str(topic)], "related_entries-TOTAL_FORMS": "0",
         "related_entries-INITIAL_FORMS": "0", "_save": "Save"},
        {"featured_image": ("weir.png", make_png(1200, 675).read(), "image/png")},
    )
    request = urllib.request.Request(f"{base}/admin/publishing/article/add/", data=body, method="POST", headers={
        "Content-Type": content_type, "Cookie": f"sessionid={session}", "Sec-Fetch-Site": "same-origin"})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as answer:
            return answer.status
    except urllib.error.HTTPError as answer:
        return answer.code


def _get(url: str, **headers: str) -> tuple[int, bytes]:
    assert url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as answer:
        return answer.status, answer.read()


@pytest.fixture
def s3() -> Iterator[S3Server]:
    server = S3Server()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_three_servers_behind_nginx_share_live_events_images_and_the_load(tmp_path: Path, s3: S3Server):
    started = time.monotonic()
    bucket = "drill-media"
    s3.client().create_bucket(Bucket=bucket)
    s3.make_public(bucket)
    with fresh_database() as database_url:
        env = masthead_env(tmp_path / "data", database_url, REDIS_URL=REDIS_URL, EMBEDDED_WORKER="false",
                           CACHE_KEY_PREFIX=f"masthead-drill-{uuid.uuid4().hex[:10]}", ACCESS_LOG="1",
                           TRUSTED_PROXIES="127.0.0.1", **s3.environment(bucket))
        run(["migrate", "--noinput"], env, timeout=180)
        made = _python(SETUP, env)
        run(["collectstatic", "--noinput"], env)  # once: the servers share this data folder here
        processes: list[subprocess.Popen[bytes]] = []
        servers: list[tuple[str, Path]] = []
        try:
            for n in range(SERVERS):
                port, log = free_port(), tmp_path / f"serve-{n}.log"
                processes.append(start(["serve", "--port", str(port), "--no-collectstatic"], env, log))
                servers.append((f"http://127.0.0.1:{port}", log))
            worker_log = tmp_path / "worker.log"
            processes.append(start(["worker"], env, worker_log))
            for (base, log), process in zip(servers, processes, strict=False):
                wait_for_http(f"{base}/readyz", process, log, timeout=60)
            ports = [int(base.rsplit(":", 1)[1]) for base, _ in servers]
            with nginx.balancer(tmp_path / "nginx", ports) as front:

                # 1. Live events: readers stream from servers 1 and 2; comments are posted through server 0.
                streams = [f"{base}/discussion/threads/{made['thread']}/events" for base, _ in servers[1:]]
                heard, posted = post_until_heard(servers[0][0], made["thread"], streams, "on the 7:40.", seconds=30,
                                                 ready_seconds=20)
                assert all(heard.values()), f"events heard per stream: {heard}, posted: {posted}"
                assert set().union(*heard.values()) <= set(posted)

                # 2. An image uploaded through server 0 is shown, from the bucket, by every server.
                assert _upload(servers[0][0], made["session"], made["author"], made["topic"]) == 302
                keys = {entry["Key"] for entry in s3.client().list_objects_v2(Bucket=bucket).get("Contents", [])}
                assert len(keys) == 3  # the original and its 480 and 960 wide WebP copies
                fetched = 0
                for base in [b for b, _ in servers] + [front]:
                    status, page = _get(f"{base}/articles/drill-weir/")
                    assert status == 200
                    [tag] = [t for t in re.findall(r"<img\b[^>]*>", page.decode()) if "weir" in t]
                    src = re.search(r'\ssrc="([^"]+)"', tag)
                    srcset = re.search(r'\ssrcset="([^"]+)"', tag)
                    assert src
                    assert srcset
                    urls = {src.group(1)} | {entry.split()[0] for entry in srcset.group(1).split(", ")}
                    assert {url.removeprefix(f"{s3.url}/{bucket}/") for url in urls} == keys
                    for url in sorted(urls):
                        Image.open(BytesIO(_get(url)[1])).verify()
                        fetched += 1

                # 3. Reads through nginx spread over the three servers (a session cookie bypasses the micro-cache).
                before = [log.read_text().count('"GET /articles/drill-weir/ HTTP/1.1" 200') for _, log in servers]
                for _ in range(READS):
                    assert _get(f"{front}/articles/drill-weir/", Cookie="sessionid=drill-anonymous")[0] == 200
                time.sleep(0.5)  # access log lines are written after the answer
                after = [log.read_text().count('"GET /articles/drill-weir/ HTTP/1.1" 200') for _, log in servers]
                spread = [b - a for a, b in zip(before, after, strict=True)]
                assert sum(spread) == READS
                assert all(count > 0 for count in spread), spread

                # 4. The worker ran the daily jobs (one lease each, all by it) and the queued tasks.
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    state = _python(AFTER, env, json.dumps(posted))
                    if len({job for job, _ in state["leases"]}) == len(SCHEDULED_JOBS) and state["tasks_waiting"] == 0:
                        break
                    time.sleep(1)
                # (the five-minute sweep may hold two slots' leases if the drill crosses a boundary)
                assert sorted({job for job, _ in state["leases"]}) == SCHEDULED_JOBS
                assert len({worker for _, worker in state["leases"]}) == 1
                assert state["tasks_done"] > 0
                assert state["tasks_waiting"] == 0
                lost = len(posted) - state["comments_found"]
                assert lost == 0
        finally:
            codes = [stop(process, timeout=30)[0] for process in processes]
    assert codes == [0] * (SERVERS + 1), [log.read_text()[-2000:] for _, log in servers]
    print(f"\ndrill 1 (3 servers + 1 worker, nginx, PostgreSQL, Redis, S3): comments acknowledged {len(posted)}, "
          f"lost {lost}, heard per reader of the other servers {[len(ids) for ids in heard.values()]}; "
          f"image objects {len(keys)}, "
          f"image fetches from pages of 3 servers + nginx {fetched}; reads through nginx {READS} spread {spread}; "
          f"tasks run by the worker {state['tasks_done']}; scheduled-job leases {len(state['leases'])}; "
          f"{time.monotonic() - started:.0f}s")
