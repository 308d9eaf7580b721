"""The opt-in digest for moderators: comments waiting for review, at most one mail per batch interval.

``actions.on_comment_pending`` calls ``schedule_all`` on commit; each opted-in moderator gets one task due after
the gather delay (and no sooner than one interval after their last digest), which mails what is waiting.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from masthead.discussion.models import Comment
from masthead.moderation.roles import can_moderate
from masthead.notifications import config
from masthead.notifications.models import Delivery, ModerationDigestOptIn

MAX_LISTED = 50


def _can_receive(user: Any) -> bool:
    return bool(user.email) and can_moderate(user)


def do_set_opt_in(user: User, enabled: bool) -> ModerationDigestOptIn:
    opt_in, _ = ModerationDigestOptIn.objects.update_or_create(user=user, defaults={"enabled": enabled})
    return opt_in


def schedule_all() -> int:
    # Local: tasks imports this module, and actions reaches it through tasks.
    from masthead.notifications.actions import STALE_SCHEDULE, enqueue_on_commit
    from masthead.notifications.tasks import send_moderation_digest

    scheduled = 0
    for opt_in_id in ModerationDigestOptIn.objects.filter(enabled=True, user__is_active=True).values_list("pk",
                                                                                                         flat=True):
        with transaction.atomic():
            opt_in = ModerationDigestOptIn.objects.select_for_update().get(pk=opt_in_id)
            now = timezone.now()
            if opt_in.scheduled_for is not None and opt_in.scheduled_for > now - STALE_SCHEDULE:
                continue
            due = now + config.gather_delay()
            if opt_in.last_sent_at is not None:
                due = max(due, opt_in.last_sent_at + config.batch_interval())
            opt_in.scheduled_for = due
            opt_in.save(update_fields=["scheduled_for"])
            enqueue_on_commit(send_moderation_digest, opt_in.user_id, run_after=due)
            scheduled += 1
    return scheduled


def take_moderation_digest(user_id: int) -> int | None:
    with transaction.atomic():
        opt_in = (
            ModerationDigestOptIn.objects.select_for_update().select_related("user").filter(user_id=user_id).first()
        )
        if opt_in is None:
            return None
        opt_in.scheduled_for = None
        waiting = Comment.objects.filter(status=Comment.Status.PENDING)
        fresh = waiting if opt_in.last_sent_at is None else waiting.filter(created_at__gt=opt_in.last_sent_at)
        if not opt_in.enabled or not _can_receive(opt_in.user) or not fresh.exists():
            opt_in.save(update_fields=["scheduled_for"])
            return None
        now = timezone.now()
        opt_in.sent_count += 1
        opt_in.last_sent_at = now
        opt_in.save(update_fields=["scheduled_for", "sent_count", "last_sent_at"])
        ids = list(waiting.order_by("created_at", "id").values_list("pk", flat=True)[:MAX_LISTED])
        delivery = Delivery.objects.create(
            key=f"moderation:{user_id}:{opt_in.sent_count}", kind=Delivery.Kind.MODERATION,
            to_email=opt_in.user.email, user=opt_in.user, payload={"comments": ids, "total": waiting.count()},
        )
    return delivery.pk


def compose_moderation(delivery: Delivery, build: Any) -> Any:
    if delivery.user is None or not _can_receive(delivery.user):
        return None
    comments = list(
        Comment.objects.filter(pk__in=delivery.payload.get("comments", []), status=Comment.Status.PENDING)
        .select_related("thread__article").order_by("created_at", "id")
    )
    if not comments:
        return None
    total = max(int(delivery.payload.get("total", 0)), len(comments))
    context = {
        "comments": comments,
        "total": total,
        "more": total - len(comments),
        "queue_url": config.site_url() + reverse("moderation:queue"),
    }
    subject = f"{total} comment{'s' if total != 1 else ''} waiting for review"
    return build(delivery, subject, "moderation", context)
