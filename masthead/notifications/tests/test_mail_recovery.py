"""Mail a killed worker left half done is still sent, and sent once (notifications/recovery.py, delivery.py).

A SIGKILL leaves the task it interrupted marked running in the queue for ever. These tests leave the database as
such a kill does (the queue's tasks stuck running, the mail at the step it had reached), start the real worker,
and count what the real SMTP server receives. The kill itself, of a real `masthead worker` process mid-batch, is
drill 5 (core/tests/test_drill_worker_killed.py, PostgreSQL run).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from masthead.discussion.models import Comment, Thread
from masthead.notifications.actions import do_fan_out, do_take_digest
from masthead.notifications.delivery import attempt, locks_rows
from masthead.notifications.models import Delivery, DigestState
from masthead.notifications.recovery import requeue_abandoned
from masthead.notifications.tests.helpers import make_thread, post, reader, subscribe_now, wait_until

pytestmark = pytest.mark.django_db(transaction=True)

READERS = ["ada@example.org", "bo@example.org", "cy@example.org"]


def _killed_mid_task() -> None:
    """What SIGKILL leaves in the queue: every task that had started stays 'running', and nothing runs it again."""
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(status=TaskResultStatus.RUNNING)


def _ready_tasks_run() -> None:
    def drained() -> bool:
        close_old_connections()
        return not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()

    wait_until(drained, what="the re-queued tasks to run")


@pytest.fixture
def started(transactional_db, notify_settings, settings) -> Iterator[object]:
    """A worker starting (the one that was killed, restarted): its start-up steps run first."""
    from masthead.core.worker import EmbeddedWorker

    settings.NOTIFICATIONS_GATHER_DELAY = 0

    def start() -> EmbeddedWorker:
        worker = EmbeddedWorker(interval=0.05)
        worker.start()
        workers.append(worker)
        return worker

    workers: list[EmbeddedWorker] = []
    yield start
    for worker in workers:
        worker.stop(timeout=10)


def _thread_with_readers(body: str = "The bridge reopens on Monday.") -> tuple[Thread, Comment]:
    thread = make_thread()
    for email in READERS:
        subscribe_now(thread, email)
    comment = post(thread, reader("dan"), body)
    return thread, comment


def _one_delivery(thread: Thread) -> int:
    """The first reader's digest taken (a Delivery row, queued), as the worker does just before sending it."""
    state = DigestState.objects.order_by("pk").first()
    assert state is not None
    delivery_id = do_take_digest(state.subscriber_id, thread.pk)
    assert delivery_id is not None
    return delivery_id


def test_mails_taken_but_not_sent_when_the_worker_died_are_sent_once_by_the_next_worker(smtp, started):
    thread, comment = _thread_with_readers()
    do_fan_out(comment.pk)
    taken = [do_take_digest(state.subscriber_id, thread.pk) for state in DigestState.objects.all()]
    assert all(taken)  # three deliveries queued, none sent: the worker died before sending them
    _killed_mid_task()

    started()
    smtp.wait_for(len(READERS))
    _ready_tasks_run()
    assert sorted(m["To"] for m in smtp.messages) == READERS
    # The worker marks a delivery sent after the server's reply: the last mark may land just after the last message.
    wait_until(lambda: set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT})
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}

    # Another worker starting (its start-up step), or the scheduled sweep, finds nothing owed any more.
    assert requeue_abandoned(timedelta(0)) == {"deliveries": 0, "digests": 0, "moderation_digests": 0}


def test_a_digest_due_but_never_taken_when_the_worker_died_is_sent_once_by_the_next_worker(smtp, started):
    _, comment = _thread_with_readers()
    do_fan_out(comment.pk)  # the digests are scheduled, due now (no gather delay); their tasks die with the worker
    assert DigestState.objects.filter(scheduled_for__isnull=False).count() == len(READERS)
    _killed_mid_task()

    first, second = started(), started()  # two workers starting together: still one mail each
    assert first is not second
    smtp.wait_for(len(READERS))
    _ready_tasks_run()
    assert sorted(m["To"] for m in smtp.messages) == READERS
    assert not DigestState.objects.filter(scheduled_for__isnull=False).exists()


def test_the_sweep_leaves_mail_alone_until_its_own_task_is_late(notify_settings):
    _, comment = _thread_with_readers()
    do_fan_out(comment.pk)
    assert requeue_abandoned()["digests"] == 0  # due just now: its task is in the queue
    DigestState.objects.update(scheduled_for=timezone.now() - timedelta(minutes=10))
    assert requeue_abandoned()["digests"] == len(READERS)


def test_a_delivery_left_sending_is_never_resent(smtp, notify_settings):
    """The SQLite claim: a process that died between claiming and marking sent may have sent it. At most once."""
    thread, comment = _thread_with_readers()
    do_fan_out(comment.pk)
    delivery_id = _one_delivery(thread)
    Delivery.objects.filter(pk=delivery_id).update(status=Delivery.Status.SENDING, attempts=1)
    assert requeue_abandoned(timedelta(0))["deliveries"] == 0
    assert attempt(delivery_id) == "skipped"
    assert smtp.messages == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the send holds a row lock on PostgreSQL only")
def test_until_the_server_accepts_the_mail_nothing_is_committed_so_a_kill_then_leaves_it_queued(smtp,
                                                                                                 notify_settings):
    thread, comment = _thread_with_readers()
    assert locks_rows()
    do_fan_out(comment.pk)
    delivery_id = _one_delivery(thread)
    with smtp.holding_data(lambda: attempt(delivery_id)) as outcome:
        # The mail is with the server, unanswered. Were the worker killed now, this is what the database keeps:
        row = Delivery.objects.get(pk=delivery_id)
        assert (row.status, row.attempts, row.sent_at) == (Delivery.Status.QUEUED, 0, None)
        with transaction.atomic():  # held: another worker (or a recovery run) skips it rather than sending twice
            assert not Delivery.objects.select_for_update(skip_locked=True).filter(pk=delivery_id).exists()
        assert attempt(delivery_id) == "skipped"
    assert outcome == [Delivery.Status.SENT]
    row = Delivery.objects.get(pk=delivery_id)
    assert (row.status, row.attempts) == (Delivery.Status.SENT, 1)
    assert row.sent_at is not None
    assert len(smtp.messages) == 1
    assert attempt(delivery_id) == "skipped"


def test_a_refusal_while_holding_the_delivery_sends_it_to_retry(smtp, notify_settings):
    thread, comment = _thread_with_readers()
    do_fan_out(comment.pk)
    delivery_id = _one_delivery(thread)
    smtp.refuse = ["451 4.3.0 Try again later"]
    assert attempt(delivery_id) == Delivery.Status.RETRY
    row = Delivery.objects.get(pk=delivery_id)
    assert (row.status, row.attempts, row.sent_at) == (Delivery.Status.RETRY, 1, None)
    Delivery.objects.filter(pk=delivery_id).update(next_attempt_at=timezone.now())
    assert attempt(delivery_id) == Delivery.Status.SENT
    assert Delivery.objects.get(pk=delivery_id).attempts == 2
    assert len(smtp.messages) == 1
