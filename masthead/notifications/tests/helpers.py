"""Shortcuts for the notification tests: threads, readers, comments through the discussion actions, and waiting
for the real worker and SMTP server."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlsplit

from django.db import close_old_connections, transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from masthead.discussion.actions import NewComment, submit_comment, thread_for_article
from masthead.discussion.models import Comment, DiscussionSettings, Thread
from masthead.discussion.readers import Reader
from masthead.testing.articles import make_article


def make_thread(**article_fields: Any) -> Thread:
    return thread_for_article(make_article(**article_fields))


def reader(name: str, *, network: str = "net-a") -> Reader:
    return Reader(user_id=None, is_staff=False, reader_id=f"reader-{name}-0000000000", network_hash=network)


def post(thread: Thread, who: Reader, body: str = "A comment.", **fields: Any) -> Comment:
    fields.setdefault("author_name", who.reader_id.split("-")[1].title())
    comment = submit_comment(thread, who, NewComment(body=body, **fields)).comment
    if not DiscussionSettings.objects.filter(premoderation=True).exists():
        assert comment.status == Comment.Status.VISIBLE, comment.moderation_reasons  # the moderation rules changed?
    return comment


def subscribe_now(thread: Thread, email: str, kind: str = "thread") -> Any:
    """An active subscription, as for a reader whose address is already verified (the view owns the transaction)."""
    from masthead.notifications.actions import do_subscribe_verified

    with transaction.atomic():
        return do_subscribe_verified(thread.pk, email, kind)


def wait_until(condition: Callable[[], Any], timeout: float = 20.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def wait_idle(timeout: float = 20.0) -> None:
    """Until the task queue holds nothing ready or running (including tasks due later)."""
    def idle() -> bool:
        close_old_connections()
        return not DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
        ).exists()

    wait_until(idle, timeout, "the task queue to drain")
    failed = list(DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).values_list("task_path", flat=True))
    assert not failed, f"tasks failed: {failed}"


def parse(raw: bytes) -> EmailMessage:
    return message_from_bytes(raw, policy=policy.default)


def text_of(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None, "no text part"
    return body.get_content()


def html_of(message: EmailMessage) -> str:
    body = message.get_body(("html",))
    assert body is not None, "no HTML part"
    return body.get_content()


def link_path(message: EmailMessage, kind: str) -> str:
    """The path of the first /notifications/<kind>/ link in the plain-text part."""
    match = re.search(rf"(\S+/notifications/{kind}/\S+)", text_of(message))
    assert match, f"no {kind} link in the mail"
    return urlsplit(match.group(1)).path
