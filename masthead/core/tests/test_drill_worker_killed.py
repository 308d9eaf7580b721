"""Failure drill 5 of the scale-out issue: a `masthead worker` killed (SIGKILL) in the middle of sending a batch of
notification mails. After a restart every mail is sent exactly once, as counted by a real SMTP server (aiosmtpd)
started here.

Twenty readers follow a thread; one comment owes each of them a mail. The worker sends them one by one. When the
SMTP server holds the 6th mail (received, not yet answered) it kills the worker, and a new one is started; the
same again at the 15th. So each kill lands where it hurts most: the mail is with the server, and the worker has
not heard that it was accepted. The killed worker's transaction (the row lock around the send,
notifications/delivery.py) dies with it, so the mail is still owed; the new worker's start-up step
(notifications/recovery.py) queues it again. The server refuses the DATA it held when the worker died (the worker
is gone: no one could hear an answer), as a real server does when the connection drops before it answers.

PostgreSQL only: on SQLite the one `masthead serve` process is the worker, and a send cannot hold the database's
one write lock (at most once there, see delivery.py). Bounded: every wait has a deadline. Figures are printed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from masthead.testing.mail import MailServer
from masthead.testing.processes import fresh_database, kill_left, masthead_env, run, start, stop, wait_until

pytestmark = pytest.mark.skipif(not os.environ.get("DATABASE_URL"),
                                reason="a separate worker process is the PostgreSQL shape; the send holds a row lock "
                                       "there (SQLite: one process, at most once)")

READERS = 20
KILL_AT = (6, 15)  # the DATA commands during which the worker is killed

SETUP = """
import json, sys, django
django.setup()
from django.db import transaction
from masthead.discussion.actions import NewComment, submit_comment, thread_for_article
from masthead.discussion.readers import Reader
from masthead.moderation.models import ModerationSettings
from masthead.notifications.actions import do_subscribe_verified
from masthead.testing.articles import make_article

row, _ = ModerationSettings.objects.get_or_create(pk=1)
row.first_comment_review_guest = False  # a guest's first comment shows at once
row.save()
thread = thread_for_article(make_article("The harbour wall gives way"))
emails = [f"reader{n:02d}@example.org" for n in range(int(sys.argv[-1]))]
for email in emails:
    with transaction.atomic():
        do_subscribe_verified(thread.pk, email, "thread")
guest = Reader(user_id=None, is_staff=False, reader_id="reader-harbour-0000000000", network_hash="net-harbour")
comment = submit_comment(thread, guest, NewComment(body="The wall is down; boats are moved.",
                                                   author_name="Harbour master")).comment
print(json.dumps({"status": comment.status, "emails": emails}))
"""

STATE = """
import json, django
django.setup()
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from masthead.notifications.models import Delivery
print(json.dumps({"deliveries": dict(Counter(Delivery.objects.values_list("status", flat=True))),
                  "attempts": sum(Delivery.objects.values_list("attempts", flat=True)),
                  "tasks": dict(Counter(DBTaskResult.objects.values_list("status", flat=True)))}))
""".replace("import json, django", "import json, django\nfrom collections import Counter")


def _python(script: str, env: dict[str, str], *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


class Killer:
    """Kills the running worker from inside the SMTP server, while it holds the given DATA commands unanswered."""

    def __init__(self, at: tuple[int, ...]) -> None:
        self.at = at
        self.worker: subprocess.Popen[bytes] | None = None
        self.killed: list[int] = []
        self.dead = threading.Event()

    def __call__(self, number: int) -> str | None:
        if number not in self.at or self.worker is None:
            return None
        self.worker.send_signal(signal.SIGKILL)
        self.worker.wait(30)
        self.killed.append(number)
        self.dead.set()
        return "451 4.4.2 Connection lost before the answer"  # the client is gone: it never hears this


def test_a_worker_killed_mid_batch_leaves_every_mail_sent_exactly_once_after_a_restart(tmp_path: Path):
    started = time.monotonic()
    mail = MailServer()
    killer = Killer(KILL_AT)
    mail.before_accept = killer
    mail.start()
    workers: list[subprocess.Popen[bytes]] = []
    try:
        with fresh_database() as database_url:
            env = masthead_env(tmp_path / "data", database_url, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(mail.port),
                               NOTIFICATIONS_GATHER_DELAY="0", EMBEDDED_WORKER="false")
            run(["migrate", "--noinput"], env, timeout=180)
            made = _python(SETUP, env, str(READERS))
            assert made["status"] == "visible"
            setup_seconds = time.monotonic() - started

            logs = []
            for round_ in range(len(KILL_AT) + 1):
                killer.dead.clear()
                logs.append(tmp_path / f"worker-{round_}.log")
                workers.append(start(["worker", "--interval", "0.2"], env, logs[-1]))
                killer.worker = workers[-1]
                if round_ < len(KILL_AT):
                    assert killer.dead.wait(90), f"the worker never reached DATA {KILL_AT[round_]}: " + \
                        logs[-1].read_text()[-3000:]
            wait_until(lambda: len(mail.received) >= READERS, 90, f"{READERS} mails")

            def settled() -> bool:
                state = _python(STATE, env)
                return (state["deliveries"] == {"sent": READERS} and "READY" not in state["tasks"])

            wait_until(settled, 30, "every delivery sent and no task waiting")
            state = _python(STATE, env)
            code, _ = stop(workers[-1], timeout=30)
            assert code == 0, logs[-1].read_text()[-3000:]
    finally:
        kill_left(workers)
        mail.stop()

    per_reader = Counter(to for _, tos, _ in mail.received for to in tos)
    duplicates = sum(count - 1 for count in per_reader.values())
    missing = sorted(set(made["emails"]) - set(per_reader))
    assert killer.killed == list(KILL_AT)
    assert [worker.returncode for worker in workers[:-1]] == [-signal.SIGKILL] * len(KILL_AT)
    assert missing == []
    assert duplicates == 0
    assert sorted(per_reader) == made["emails"]
    requeued = sum("Mail queued again at worker start" in log.read_text() for log in logs[1:])
    print(f"\ndrill 5 (worker SIGKILLed mid-batch, PostgreSQL): mails owed {READERS}; "
          f"killed {len(killer.killed)} times while the SMTP server held DATA {killer.killed} unanswered; "
          f"workers started {len(workers)}; "
          f"DATA commands {mail.data_commands}; mails accepted {len(mail.received)}; "
          f"readers with exactly one {sum(c == 1 for c in per_reader.values())}; duplicates {duplicates}; "
          f"missing {len(missing)}; delivery attempts {state['attempts']}; restarts that re-queued owed mail "
          f"{requeued}; tasks left 'running' by the kills {state['tasks'].get('RUNNING', 0)}; "
          f"setup {setup_seconds:.0f}s, drill {time.monotonic() - started - setup_seconds:.0f}s")
