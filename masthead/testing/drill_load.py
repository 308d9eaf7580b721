"""A bounded load of reads and posts on running `masthead serve` processes, for the failure drills
(core/tests/test_drill_*.py): what each request answered and how long it took, so a drill can say what readers
and commenters saw while a dependency was away, and which comments were acknowledged.
"""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from masthead.testing.live_events import CSRF

# Migrate, collect the static files and make an article, in one process (each Django process takes seconds to
# start on a loaded machine). A guest's first comment shows at once, and the rate limits are far above what the
# load posts (it still counts every post on the shared cache, as production does).
SETUP = """
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
from masthead.discussion.actions import thread_for_article
from masthead.moderation.models import ModerationSettings
from masthead.testing.articles import make_article

article = make_article("The ferry timetable changes again")
row, _ = ModerationSettings.objects.get_or_create(pk=1)
row.first_comment_review_guest = False
row.rate_limit_network = row.rate_limit_account = 30000
row.save()
print(json.dumps({"thread": thread_for_article(article).pk, "article": article.get_absolute_url()}))
"""

FOUND = """
import json, sys, django
django.setup()
from masthead.discussion.models import Comment
print(json.dumps(sorted(Comment.objects.filter(pk__in=json.loads(sys.argv[-1])).values_list("pk", flat=True))))
"""


def python(script: str, env: dict[str, str], *args: str) -> Any:
    """Run ``script`` with the site's settings in a process of its own; its last output line, as JSON."""
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True,
                          timeout=240, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def prepare_site(env: dict[str, str]) -> dict[str, Any]:
    """A migrated site with its static files collected and an article open for comments; returns the article's
    thread id and address."""
    made: dict[str, Any] = python(SETUP, env)
    return made


def balanced_load(front: str, site: dict[str, Any]) -> Load:
    """The load of drills 2 to 4 (issue #21: each outage "during the same load"), sent through nginx at ``front``:
    three readers and two posters, each pausing 0.1 s between requests (a steady load that leaves a restarting
    server, or one reconnecting to a dependency, some CPU on a small machine)."""
    return Load([front], site["thread"], site["article"], readers=3, posters=2, pause=0.1)


def comments_found(env: dict[str, str], ids: list[int]) -> set[int]:
    return set(python(FOUND, env, json.dumps(ids)))


@dataclass(frozen=True)
class Outcome:
    kind: str          # "read" or "post"
    base: str
    started: float     # time.monotonic()
    seconds: float
    status: int        # HTTP status; 0 when no answer came (refused, reset, timed out)
    error: str = ""
    comment: int | None = None
    retry_after: str | None = None


@dataclass
class Load:
    """Reader threads fetch the article page and poster threads post guest comments, spread over ``bases``,
    until ``stop()``. A session cookie keeps each read past the shared-page caches, so every read is rendered."""

    bases: list[str]
    thread: int
    article: str
    readers: int = 2
    posters: int = 1
    timeout: float = 30.0
    pause: float = 0.0  # between one thread's requests (a steady load rather than as fast as answered)
    outcomes: list[Outcome] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._counter = itertools.count()
        self._threads = [threading.Thread(target=self._run, args=(kind, n), daemon=True)
                         for kind, count in (("read", self.readers), ("post", self.posters)) for n in range(count)]

    def start(self) -> None:
        for worker in self._threads:
            worker.start()

    def stop(self) -> None:
        self._stop.set()
        for worker in self._threads:
            worker.join(self.timeout + 5)

    def _run(self, kind: str, n: int) -> None:
        for turn in itertools.count(n):
            if self._stop.is_set():
                return
            base = self.bases[turn % len(self.bases)]
            outcome = self._read(base) if kind == "read" else self._post(base)
            with self._lock:
                self.outcomes.append(outcome)
            failed = outcome.status != 200 and outcome.status != 201
            # A failing site is not hammered in a tight loop (nor is this machine).
            self._stop.wait(max(self.pause, 0.1) if failed else self.pause)

    def _request(self, kind: str, base: str, request: urllib.request.Request) -> Outcome:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                body = answer.read()
                status = answer.status
                retry_after = answer.headers.get("Retry-After")
        except urllib.error.HTTPError as answer:
            body = answer.read()
            return Outcome(kind, base, started, time.monotonic() - started, answer.code,
                           retry_after=answer.headers.get("Retry-After"))
        except (OSError, TimeoutError) as error:  # refused, reset, timed out: no clean answer
            return Outcome(kind, base, started, time.monotonic() - started, 0, error=repr(error))
        comment = json.loads(body)["id"] if kind == "post" and status == 201 else None
        return Outcome(kind, base, started, time.monotonic() - started, status, comment=comment,
                       retry_after=retry_after)

    def _read(self, base: str) -> Outcome:
        request = urllib.request.Request(f"{base}{self.article}", headers={"Cookie": "sessionid=drill-reader"})
        return self._request("read", base, request)

    def _post(self, base: str) -> Outcome:
        body = f"Drill comment {next(self._counter)}: is the 7:40 still running?"
        request = urllib.request.Request(
            f"{base}/api/discussion/threads/{self.thread}/comments",
            data=json.dumps({"body": body, "author_name": "Ferry reader"}).encode(),
            headers={"Content-Type": "application/json", "Cookie": f"csrftoken={CSRF}", "X-CSRFToken": CSRF},
            method="POST")
        return self._request("post", base, request)

    def between(self, start: float, end: float) -> list[Outcome]:
        """The requests that began in [start, end)."""
        with self._lock:
            return [o for o in self.outcomes if start <= o.started < end]

    def acknowledged(self) -> list[int]:
        with self._lock:
            return [o.comment for o in self.outcomes if o.comment is not None]


class Listener:
    """One reader's event stream, kept open on a thread: the comment events it hears, with when it heard them."""

    def __init__(self, url: str, ready_seconds: float = 20) -> None:
        self.url = url
        self.heard: queue.Queue[tuple[float, int]] = queue.Queue()
        self.ended = threading.Event()
        ready = threading.Event()
        threading.Thread(target=self._read, args=(ready,), daemon=True).start()
        assert ready.wait(ready_seconds), f"{url} did not start streaming"

    def _read(self, ready: threading.Event) -> None:
        try:
            with urllib.request.urlopen(self.url, timeout=60) as response:
                name = ""
                for raw in response:
                    line = raw.decode().rstrip("\n")
                    if line.startswith("retry:"):
                        ready.set()
                    elif line.startswith("event: "):
                        name = line.removeprefix("event: ")
                    elif line.startswith("data: ") and name == "comment":
                        self.heard.put((time.monotonic(), json.loads(line.removeprefix("data: "))["id"]))
        except OSError:
            pass
        finally:
            self.ended.set()

    def wait_for(self, wanted: set[int], until: float) -> set[int]:
        """Comment ids among ``wanted`` heard before the monotonic time ``until``."""
        found: set[int] = set()
        while time.monotonic() < until:
            try:
                _, comment = self.heard.get(timeout=max(0.01, min(1.0, until - time.monotonic())))
            except queue.Empty:
                continue
            if comment in wanted:
                found.add(comment)
                return found
        return found


def post(base: str, thread: int, body: str, timeout: float = 15) -> int | None:
    """One guest comment; its id when acknowledged (201), else None."""
    request = urllib.request.Request(
        f"{base}/api/discussion/threads/{thread}/comments",
        data=json.dumps({"body": body, "author_name": "Ferry reader"}).encode(),
        headers={"Content-Type": "application/json", "Cookie": f"csrftoken={CSRF}", "X-CSRFToken": CSRF},
        method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            if answer.status == 201:
                comment: int = json.loads(answer.read())["id"]
                return comment
    except (OSError, ValueError):
        pass
    return None


def longest(outcomes: list[Outcome]) -> float:
    return max((o.seconds for o in outcomes), default=0.0)


def count(outcomes: list[Outcome], kind: str, status: int) -> int:
    return sum(1 for o in outcomes if o.kind == kind and o.status == status)
