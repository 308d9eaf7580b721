"""A `masthead worker` killed (SIGKILL) in the middle of sending a donation's receipt: after a restart the receipt
arrives exactly once at a real SMTP server (aiosmtpd), on both databases (funding/receipts.py).

The kill comes from inside the SMTP server, so it lands at a known step: while the server holds the worker's
greeting (EHLO: the worker is connecting, with the receipt composed; before this change the receipt was already
claimed there, and lost), or, on PostgreSQL, while it holds the receipt itself (DATA received, not answered: the
claim is a row lock that dies with the worker). The restarted worker's sweep (core/task_recovery.py, with
``TASK_WORKER_LOST_AFTER`` at 1 s) queues the abandoned task again and it sends the receipt. On SQLite a kill
during DATA leaves the receipt claimed and unsent: at most once there, asserted too. Every wait is bounded.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from masthead.testing.mail import MailServer
from masthead.testing.processes import fresh_database, kill_left, masthead_env, run, start, stop, wait_until

SETUP = """
import json, sys, django
django.setup()
from django.utils import timezone
from masthead.funding.actions import ManualDonation, do_record_manual_donation
from masthead.funding.models import Campaign

campaign = Campaign.objects.create(name="Keep the lamp lit", goal=100000, currency="usd")
entry = ManualDonation(campaign, "bank", 2500, timezone.localdate(), "Bank transfer, checked",
                       donor_email=sys.argv[-1])
print(json.dumps({"donation": do_record_manual_donation(None, entry).pk}))  # its receipt task is queued
"""

STATE = """
import json, sys, django
django.setup()
from django_tasks_db.models import DBTaskResult
from masthead.funding.models import Donation
donation = int(sys.argv[-1])
tasks = DBTaskResult.objects.filter(task_path="masthead.funding.tasks.send_receipt", args_kwargs__args=[donation])
print(json.dumps({"tasks": list(tasks.values_list("status", flat=True)),
                  "sent": Donation.objects.get(pk=donation).receipt_sent_at is not None}))
"""


def _python(script: str, env: dict[str, str], *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True,
                          timeout=60, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """One migrated database for the cases (each has its own donor); the tasks of one are done before the next."""
    data_dir = tmp_path_factory.mktemp("receipt-kill")
    with fresh_database() as database_url:
        run(["migrate", "--noinput"], masthead_env(data_dir, database_url), timeout=180)
        yield data_dir, database_url


@pytest.mark.parametrize("kill_at", ["greeting", "data"])
def test_a_worker_killed_while_sending_a_receipt_leaves_it_sent_once_after_a_restart(site, tmp_path, kill_at):
    postgres = bool(site[1])
    mail = MailServer()
    workers: list[subprocess.Popen[bytes]] = []
    killed: list[int] = []

    def kill(number: int) -> str | None:
        if number == 1:  # the first worker's attempt only
            workers[0].send_signal(signal.SIGKILL)
            workers[0].wait(30)
            killed.append(number)
        return "451 4.4.2 Connection lost before the answer" if killed and number == 1 else None

    if kill_at == "greeting":
        mail.before_hello = kill
    else:
        mail.before_accept = kill
    mail.start()
    email = f"donor-{kill_at}@example.org"
    try:
        env = masthead_env(site[0], site[1], EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(mail.port),
                           TASK_WORKER_LOST_AFTER="1", EMBEDDED_WORKER="false")
        donation = str(_python(SETUP, env, email)["donation"])
        workers.append(start(["worker", "--interval", "0.2"], env, tmp_path / "killed.log"))
        wait_until(lambda: bool(killed), 60, f"the worker to reach the SMTP {kill_at}")
        time.sleep(1.5)  # longer than TASK_WORKER_LOST_AFTER: the killed worker's claim and heartbeat are older
        log = tmp_path / "restarted.log"
        workers.append(start(["worker", "--interval", "0.2"], env, log))
        wait_until(lambda: _python(STATE, env, donation)["tasks"] == ["SUCCESSFUL"], 60, "the receipt task to finish")
        code, _ = stop(workers[1], timeout=30)
        assert code == 0, log.read_text()[-3000:]
        finished = _python(STATE, env, donation)
    finally:
        kill_left(workers)
        mail.stop()

    received = [tos for _, tos, _ in mail.received if email in tos]
    assert workers[0].returncode == -signal.SIGKILL
    assert "was left running by worker" in log.read_text()  # queued again by the restarted worker's sweep
    assert finished["sent"]
    if kill_at == "data" and not postgres:
        # SQLite: claimed just before the hand-over, so a kill during it is never sent twice, maybe not at all.
        assert received == []
    else:
        assert received == [[email]]
    print(f"\nreceipt, worker SIGKILLed at the SMTP {kill_at} ({'PostgreSQL' if postgres else 'SQLite'}): "
          f"EHLO {mail.hellos}, DATA {mail.data_commands}, receipts received {len(received)}")
