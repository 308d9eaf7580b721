"""Background work, run by the task worker (inside `masthead serve`, or `masthead worker`). Each task is thin and
safe to run twice: the actions and the delivery claim make a repeated run a no-op."""

from __future__ import annotations

from django_tasks import task

from masthead.core.task_recovery import rerun_if_abandoned
from masthead.notifications import actions, delivery
from masthead.notifications.moderation_digest import schedule_all, take_moderation_digest


@task()
def process_subscription_request(thread_id: int, email: str, kind: str, name: str, network_hash: str,
                                 reader_key: str) -> None:
    delivery_id = actions.do_record_request(thread_id, email, kind, name=name, network_hash=network_hash,
                                            reader_key=reader_key)
    if delivery_id is not None:
        delivery.attempt(delivery_id)


@task()
def fan_out_comment(comment_id: int) -> int:
    return actions.do_fan_out(comment_id)


@task()
def send_digest(subscriber_id: int, thread_id: int) -> None:
    delivery_id = actions.do_take_digest(subscriber_id, thread_id)
    if delivery_id is not None:
        delivery.attempt(delivery_id)


@task()
def retry_delivery(delivery_id: int) -> str:
    return delivery.attempt(delivery_id)


@task()
def schedule_moderation_digests() -> int:
    return schedule_all()


@task()
def send_moderation_digest(user_id: int) -> None:
    delivery_id = take_moderation_digest(user_id)
    if delivery_id is not None:
        delivery.attempt(delivery_id)


# Run again if their worker dies (core/task_recovery.py): they only write rows that are unique or checked under a
# lock (notices, digest schedules), and the mail itself goes out through a delivery claimed once. The tasks that
# make or send a delivery are not: a killed one is marked failed, and recovery.py sends what is owed from the
# deliveries' and digests' own state, exactly once.
rerun_if_abandoned(fan_out_comment)
rerun_if_abandoned(schedule_moderation_digests)
