"""Mail whose task died with its worker: found and queued again, so it is still sent (once: delivery.py).

A worker killed mid-task (SIGKILL, the machine lost) leaves that task marked running in the queue for ever, and
the mail it was handling would wait for ever with it. Every step of the mail path records where it stands in the
database, so what is owed can be read back from there:

- a digest that is due but was never taken (``DigestState.scheduled_for`` passed; the moderators' digest alike);
- a delivery still ``queued`` (on PostgreSQL also the one that was being sent when the worker died: the database
  rolled its send back), or waiting to ``retry`` past its time.

``requeue_abandoned`` enqueues the ordinary task for each. Running it twice, or while a live worker is busy with
the same mail, is harmless: the tasks are idempotent and a delivery is claimed once. Each worker runs it when it
starts (``core.schedule.register_on_start``), which covers a worker restarted after a crash, and every few
minutes as a scheduled job with a grace period, which covers a worker that never came back while others run.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from masthead.core.tasks import enqueue_on_commit
from masthead.notifications.models import Delivery, DigestState, ModerationDigestOptIn
from masthead.notifications.tasks import retry_delivery, send_digest, send_moderation_digest

log = logging.getLogger(__name__)

# The scheduled sweep leaves alone what its own task should have picked up in the last few minutes.
GRACE = timedelta(minutes=3)
EVERY = timedelta(minutes=5)


def requeue_abandoned(grace: timedelta = GRACE) -> dict[str, int]:
    """Enqueue the task again for every mail due for longer than ``grace``; returns how many of each."""
    cutoff = timezone.now() - grace
    deliveries = list(
        Delivery.objects.filter(
            Q(status=Delivery.Status.QUEUED, created_at__lte=cutoff)
            | Q(status=Delivery.Status.RETRY, next_attempt_at__lte=cutoff)
        ).values_list("pk", flat=True)
    )
    for delivery_id in deliveries:
        enqueue_on_commit(retry_delivery, delivery_id)
    digests = list(DigestState.objects.filter(scheduled_for__lte=cutoff).values_list("subscriber_id", "thread_id"))
    for subscriber_id, thread_id in digests:
        enqueue_on_commit(send_digest, subscriber_id, thread_id)
    moderators = list(ModerationDigestOptIn.objects.filter(scheduled_for__lte=cutoff).values_list("user_id",
                                                                                                  flat=True))
    for user_id in moderators:
        enqueue_on_commit(send_moderation_digest, user_id)
    return {"deliveries": len(deliveries), "digests": len(digests), "moderation_digests": len(moderators)}


def on_worker_start() -> None:
    """A worker starting may be the one that was killed: everything due, at once (no grace)."""
    found = requeue_abandoned(timedelta(0))
    if any(found.values()):
        log.info("Mail queued again at worker start: %s", found)
