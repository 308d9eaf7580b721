"""Every change to notifications: ask, confirm, leave, and the notices a newly visible comment creates.

A ``check_*`` validates (raising ``NotificationError`` with the HTTP status to answer); a ``do_*`` writes. Views own
the transaction. Mail is never sent here: tasks are enqueued on commit (``core.tasks.enqueue_on_commit``, imported
here for this app's modules) and run by the worker.

Privacy: a guest's request is not looked up at all while the reader waits. The view validates, counts the rate
limits and enqueues one task; the worker decides whether a confirmation mail is due. So the answer and its cost are
the same whether or not the address is known, subscribed or verified.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from masthead.core.errors import ActionError
from masthead.core.network import keyed_hash
from masthead.core.ratelimit import hit
from masthead.core.tasks import enqueue_on_commit
from masthead.discussion.models import Comment, Thread
from masthead.notifications import config
from masthead.notifications.models import (
    Delivery,
    DigestState,
    ModerationDigestOptIn,
    Notice,
    OutboxMail,
    Subscriber,
    Subscription,
    new_token_key,
)
from masthead.notifications.verification import mark_verified, normalize_email

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from masthead.discussion.models import Comment

MAX_EMAIL = 254
MAX_NAME = 60
# CR, LF and every other control or line-breaking character: what a header injection needs.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")
# Staleness after which a digest marked as scheduled is taken to have lost its task (a crash) and is rescheduled.
STALE_SCHEDULE = timedelta(minutes=15)


class NotificationError(ActionError):
    """A notification request refused (``core.errors.ActionError``)."""


# --- asking for notices -----------------------------------------------------------------------------------


def check_subscription_input(email: str, kind: str, name: str = "") -> tuple[str, str, str]:
    """The cleaned (email, kind, name). Anything that could break out of a mail header is refused, not cleaned."""
    if _UNSAFE.search(email) or _UNSAFE.search(name):
        raise NotificationError("Line breaks and control characters are not allowed.", 400)
    email = normalize_email(email)
    if not email:
        raise NotificationError("Please give your email address.", 400)
    if len(email) > MAX_EMAIL or len(name) > 1000:
        raise NotificationError("That is too long.", 413)
    try:
        EmailValidator()(email)
    except ValidationError:
        raise NotificationError("That email address does not look right.", 400) from None
    if kind not in Subscription.Kind.values:
        raise NotificationError("Choose what to be notified of.", 400)
    name = " ".join(unicodedata.normalize("NFC", name).split())
    if len(name) > MAX_NAME:
        raise NotificationError("That name is too long.", 413)
    return email, kind, name


def check_request_limits(network_hash: str, email: str) -> bool:
    """Count one request. Too many from this network: 429. Too many for this address: False (answer as usual,
    send nothing), so a flood at someone's address mails them at most a few times and tells the sender nothing."""
    per_network = hit("notify-net", network_hash, limit=config.requests_per_network(), window=3600)
    if not per_network.allowed:
        raise NotificationError("Too many requests from your network; please try again later.", 429, "rate_limited",
                                retry_after=per_network.retry_after)
    per_address = hit("notify-addr", keyed_hash(email, "notify-address"), limit=config.mails_per_address(),
                      window=24 * 3600)
    return per_address.allowed


def do_request_subscription(thread_id: int, email: str, kind: str, *, name: str = "", network_hash: str = "",
                            reader_key: str = "", mail_allowed: bool = True) -> None:
    """A guest asks: the worker records it and mails a confirmation link if one is due (double opt-in)."""
    if not mail_allowed:
        return
    # Local: tasks imports this module.
    from masthead.notifications.tasks import process_subscription_request

    enqueue_on_commit(process_subscription_request, thread_id, email, kind, name, network_hash, reader_key)


def do_subscribe_verified(thread_id: int, email: str, kind: str, *, name: str = "", user: User | None = None,
                          reader_key: str = "", network_hash: str = "") -> Subscription:
    """A reader who has proved this address (signed in with it verified, or holding our verified cookie) is
    subscribed at once."""
    subscriber, _ = Subscriber.objects.get_or_create(email=email, defaults={"user": user})
    subscription, _ = Subscription.objects.get_or_create(subscriber=subscriber, thread_id=thread_id, kind=kind)
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.status != Subscription.Status.ACTIVE:
        now = timezone.now()
        subscription.status = Subscription.Status.ACTIVE
        subscription.requested_at = subscription.confirmed_at = now
        subscription.ended_at = None
        subscription.name, subscription.reader_key, subscription.network_hash = name, reader_key, network_hash
        subscription.save()
    return subscription


def do_import_subscription(thread_id: int, email: str, kind: str, *, name: str = "",
                           confirmed_at: datetime | None = None) -> tuple[Subscription, bool]:
    """A subscription the reader confirmed on the site we are moving from (``masthead import``): active at once,
    no confirmation mail. One the address already holds here is left as it is (a reader who unsubscribed here
    stays unsubscribed). Returns (subscription, created)."""
    email, kind, name = check_subscription_input(email, kind, name)
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    existing = Subscription.objects.filter(subscriber=subscriber, thread_id=thread_id, kind=kind).first()
    if existing is not None:
        return existing, False
    moment = confirmed_at or timezone.now()
    subscription = Subscription.objects.create(
        subscriber=subscriber, thread_id=thread_id, kind=kind, name=name, status=Subscription.Status.ACTIVE,
        requested_at=moment, confirmed_at=moment,
    )
    return subscription, True


def do_record_request(thread_id: int, email: str, kind: str, *, name: str = "", network_hash: str = "",
                      reader_key: str = "") -> int | None:
    """The worker's half of a guest request: a pending subscription and its confirmation mail, unless the address
    already holds this subscription (then nothing is sent: the owner has it, a stranger learns nothing)."""

    if not Thread.objects.filter(pk=thread_id).exists():
        return None
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.get_or_create(email=email)
        subscription, _ = Subscription.objects.get_or_create(subscriber=subscriber, thread_id=thread_id, kind=kind)
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.status == Subscription.Status.ACTIVE:
            return None
        now = timezone.now()
        # A new key (killing older links) only when the last one belongs to an ended subscription or has expired;
        # while pending, asking again resends a link and leaves the earlier ones working, so a stranger repeating
        # the owner's request cannot break the link the owner is about to click.
        expired = subscription.requested_at < now - timedelta(seconds=config.confirm_max_age())
        if subscription.status == Subscription.Status.ENDED or expired:
            subscription.token_key = new_token_key()
        subscription.status = Subscription.Status.PENDING
        subscription.requested_at = now
        subscription.name, subscription.reader_key, subscription.network_hash = name, reader_key, network_hash
        subscription.save()
        delivery = Delivery.objects.create(
            key=f"confirm:{subscription.pk}:{secrets.token_hex(8)}", kind=Delivery.Kind.CONFIRM,
            to_email=email, subscription=subscription, subscriber=subscriber, thread_id=thread_id,
        )
    return delivery.pk


def check_confirmable(subscription: Subscription | None) -> Subscription:
    # An ended subscription is not revived by an old confirmation link still lying in the inbox.
    if subscription is None or subscription.status == Subscription.Status.ENDED:
        raise NotificationError("This link is not valid or has expired. Please ask again from the article.", 400)
    return subscription


def do_confirm(subscription: Subscription) -> Subscription:
    """Double opt-in completed: the subscription starts and the address counts as verified from now on."""
    locked = Subscription.objects.select_for_update().select_related("subscriber").get(pk=subscription.pk)
    if locked.status != Subscription.Status.ACTIVE:
        locked.status = Subscription.Status.ACTIVE
        locked.confirmed_at = timezone.now()
        locked.ended_at = None
        locked.save(update_fields=["status", "confirmed_at", "ended_at"])
    # For the view: the accounts identity the confirmation proved (remembered in the browser's session).
    locked.identity = mark_verified(locked.subscriber.email)  # type: ignore[attr-defined]
    return locked


def do_unsubscribe(subscription: Subscription) -> Subscription:
    locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if locked.status != Subscription.Status.ENDED:
        locked.status = Subscription.Status.ENDED
        locked.ended_at = timezone.now()
        locked.save(update_fields=["status", "ended_at"])
    return locked


# --- comments becoming visible ----------------------------------------------------------------------------


def on_comment_visible(comment: Comment) -> None:
    """Call once when a comment becomes visible (posted visible, or approved). Enqueues the fan-out on commit;
    calling it twice for one comment is harmless (one notice per subscriber and comment)."""
    # Local: tasks imports this module.
    from masthead.notifications.tasks import fan_out_comment

    # Most threads have no followers: one indexed EXISTS spares the posting path a task row and the worker a run.
    if Subscription.objects.filter(thread_id=comment.thread_id, status=Subscription.Status.ACTIVE).exists():
        enqueue_on_commit(fan_out_comment, comment.pk)


def on_comment_pending(comment: Comment) -> None:
    """Call when a comment is held for review: opted-in moderators get a batched digest."""
    # Local: tasks imports this module.
    from masthead.notifications.tasks import schedule_moderation_digests

    if ModerationDigestOptIn.objects.filter(enabled=True).exists():
        enqueue_on_commit(schedule_moderation_digests)


def _emails_of(comment: Comment) -> set[str]:
    emails = {normalize_email(comment.author_email)} if comment.author_email else set()
    if comment.user_id is not None and comment.user and comment.user.email:
        emails.add(normalize_email(comment.user.email))
    return emails


def do_fan_out(comment_id: int) -> int:
    """Create a notice for each subscriber who should hear of this comment and schedule their digests.
    Returns how many subscribers got a notice."""

    comment = (
        Comment.objects.select_related("user", "parent__user", "in_reply_to__user").filter(pk=comment_id).first()
    )
    if comment is None or comment.status != Comment.Status.VISIBLE:
        return 0
    answered = comment.in_reply_to if comment.in_reply_to_id else comment.parent
    replies_to_owner = Q(pk__in=[])
    if answered is not None:
        owner_emails = _emails_of(answered)
        if owner_emails:
            replies_to_owner |= Q(subscriber__email__in=owner_emails)
        if answered.reader_key:
            replies_to_owner |= Q(reader_key=answered.reader_key)
    candidates = Subscription.objects.filter(thread_id=comment.thread_id, status=Subscription.Status.ACTIVE).filter(
        Q(kind=Subscription.Kind.THREAD) | (Q(kind=Subscription.Kind.REPLIES) & replies_to_owner)
    ).select_related("subscriber")
    author_emails = _emails_of(comment)
    kinds: dict[int, str] = {}
    for sub in candidates:
        own = (
            sub.subscriber.email in author_emails
            or (sub.subscriber.user_id is not None and sub.subscriber.user_id == comment.user_id)
            or (bool(sub.reader_key) and sub.reader_key == comment.reader_key)
        )
        if own:
            kinds[sub.subscriber_id] = ""  # the author: never, even if another subscription matched
        elif kinds.get(sub.subscriber_id) != "" and (
            sub.kind == Subscription.Kind.REPLIES or sub.subscriber_id not in kinds
        ):
            kinds[sub.subscriber_id] = sub.kind  # a reply notice outranks a thread notice
    recipients = {sid: kind for sid, kind in kinds.items() if kind}
    Notice.objects.bulk_create(
        [Notice(subscriber_id=sid, thread_id=comment.thread_id, comment_id=comment.pk, kind=kind)
         for sid, kind in recipients.items()],
        ignore_conflicts=True,
    )
    for subscriber_id in recipients:
        schedule_digest(subscriber_id, comment.thread_id)
    return len(recipients)


def schedule_digest(subscriber_id: int, thread_id: int) -> None:
    """Make sure one digest task is due for (subscriber, thread): after the gather delay, and no sooner than one
    batch interval after the last mail."""
    # Local: tasks imports this module.
    from masthead.notifications.tasks import send_digest

    with transaction.atomic():
        state, _ = DigestState.objects.get_or_create(subscriber_id=subscriber_id, thread_id=thread_id)
        state = DigestState.objects.select_for_update().get(pk=state.pk)
        now = timezone.now()
        if state.scheduled_for is not None and state.scheduled_for > now - STALE_SCHEDULE:
            return  # the pending digest will take this notice too
        due = now + config.gather_delay()
        if state.last_sent_at is not None:
            due = max(due, state.last_sent_at + config.batch_interval())
        state.scheduled_for = due
        state.save(update_fields=["scheduled_for"])
        enqueue_on_commit(send_digest, subscriber_id, thread_id, run_after=due)


def do_take_digest(subscriber_id: int, thread_id: int) -> int | None:
    """Move the waiting notices of (subscriber, thread) into one new mail (a Delivery row) and return its id, or
    None when there is nothing to send yet. Locked on the digest state, so two runs never take the same notices."""
    # Local: tasks imports this module.
    from masthead.notifications.tasks import send_digest

    with transaction.atomic():
        state = DigestState.objects.select_for_update().filter(subscriber_id=subscriber_id, thread_id=thread_id).first()
        if state is None:
            return None
        now = timezone.now()
        waiting = Notice.objects.filter(subscriber_id=subscriber_id, thread_id=thread_id, delivery__isnull=True)
        if state.last_sent_at is not None and now < state.last_sent_at + config.batch_interval():
            # Too early (a stray or early run): come back when the interval is over, if anything is waiting.
            due = state.last_sent_at + config.batch_interval() if waiting.exists() else None
            state.scheduled_for = due
            state.save(update_fields=["scheduled_for"])
            if due is not None:
                enqueue_on_commit(send_digest, subscriber_id, thread_id, run_after=due)
            return None
        active = set(
            Subscription.objects.filter(
                subscriber_id=subscriber_id, thread_id=thread_id, status=Subscription.Status.ACTIVE
            ).values_list("kind", flat=True)
        )
        keep: list[Notice] = []
        drop: list[Notice] = []
        for notice in waiting.select_related("comment"):
            wanted = Subscription.Kind.THREAD in active or notice.kind in active
            (keep if wanted and notice.comment.status == Comment.Status.VISIBLE else drop).append(notice)
        if drop:
            Notice.objects.filter(pk__in=[n.pk for n in drop]).delete()
        state.scheduled_for = None
        if not keep:
            state.save(update_fields=["scheduled_for"])
            return None
        state.sent_count += 1
        state.last_sent_at = now
        state.save(update_fields=["scheduled_for", "sent_count", "last_sent_at"])
        subscriber = Subscriber.objects.get(pk=subscriber_id)
        delivery = Delivery.objects.create(
            key=f"digest:{subscriber_id}:{thread_id}:{state.sent_count}", kind=Delivery.Kind.DIGEST,
            to_email=subscriber.email, subscriber=subscriber, thread_id=thread_id,
            payload={"comments": sorted(n.comment_id for n in keep)}, created_at=now,
        )
        Notice.objects.filter(pk__in=[n.pk for n in keep]).update(delivery=delivery)
    return delivery.pk



OUTBOX_KEEP = 500  # mails kept in the outbox; older ones are dropped as new ones arrive


def do_keep_outbox_mail(*, from_email: str, to: list[str], subject: str, body: str) -> OutboxMail:
    """Keep a mail in the staff outbox instead of sending it (no SMTP server configured: outbox.py)."""
    with transaction.atomic():
        mail = OutboxMail.objects.create(from_email=from_email[:300], to=", ".join(to), subject=subject[:300],
                                         body=body)
        OutboxMail.objects.filter(id__lte=mail.pk - OUTBOX_KEEP).delete()
    return mail


def do_clear_networks_before(cutoff: datetime) -> dict[str, int]:
    """Blank the keyed network hashes of subscription requests older than ``cutoff`` (accounts' retention)."""
    requests = Subscription.objects.filter(requested_at__lt=cutoff).exclude(network_hash="").update(network_hash="")
    return {"notifications.Subscription": requests}
