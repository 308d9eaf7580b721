"""Network hashes are cleared once older than the publisher's retention period, by command and by the daily task."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.accounts.models import EmailLink, PrivacySettings
from masthead.accounts.retention import CLEARERS, network_columns
from masthead.accounts.tasks import clear_expired_networks, schedule_daily
from masthead.discussion.actions import do_vote
from masthead.discussion.models import Comment, Vote
from masthead.moderation.models import Flag
from masthead.testing.discussion import make_thread, post_as, reader

pytestmark = pytest.mark.django_db


def _comments_aged(days: list[int]) -> list[Comment]:
    thread = make_thread()
    made = []
    for i, age in enumerate(days):
        comment = post_as(thread, reader(f"r{i}", network=f"net-{i}"), f"Comment {i}")
        Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(days=age))
        made.append(comment)
    return made


def _hashes(comments: list[Comment]) -> list[str]:
    return [Comment.objects.get(pk=c.pk).network_hash for c in comments]


def test_command_clears_hashes_older_than_the_period_and_keeps_newer(capsys):
    comments = _comments_aged([91, 89, 0])
    call_command("privacy_retention")
    assert _hashes(comments) == ["", "net-1", "net-2"]
    assert "discussion.Comment: 1" in capsys.readouterr().out


def test_the_publisher_sets_the_period():
    comments = _comments_aged([40, 20])
    PrivacySettings.objects.update_or_create(pk=1, defaults={"network_retention_days": 30})
    clear_expired_networks.call()
    assert _hashes(comments) == ["", "net-1"]


def test_every_app_storing_network_hashes_is_covered():
    labels = {model._meta.label for model, _field in network_columns()}
    assert {"discussion.Comment", "moderation.Flag", "notifications.Subscription"} <= labels
    # Each is cleared by its own app's action: a new column without one fails here.
    cleared = {label for clear in CLEARERS for label in clear(timezone.now())}
    assert cleared == labels


def test_votes_and_flags_lose_their_network_after_the_period():
    old, new = _comments_aged([0, 0])
    do_vote(old, reader("voter", network="net-v"), 1)
    Vote.objects.update(created_at=timezone.now() - timedelta(days=91))
    do_vote(new, reader("voter", network="net-v"), 1)
    Flag.objects.create(comment=old, reader_key="g:x", reason=Flag.Reason.SPAM, network_hash="net-f",
                        created_at=timezone.now() - timedelta(days=91))
    clear_expired_networks.call()
    assert sorted(Vote.objects.values_list("network_hash", flat=True)) == ["", "net-v"]
    assert Flag.objects.get().network_hash == ""


def test_old_links_are_forgotten():
    now = timezone.now()
    EmailLink.objects.create(purpose="sign_in", token_hash="a" * 64, email="old@example.org",
                             created_at=now - timedelta(days=3), expires_at=now - timedelta(days=2))
    EmailLink.objects.create(purpose="sign_in", token_hash="b" * 64, email="new@example.org",
                             created_at=now, expires_at=now + timedelta(minutes=15))
    clear_expired_networks.call()
    assert list(EmailLink.objects.values_list("email", flat=True)) == ["new@example.org"]


def test_daily_schedule_is_enqueued_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule_daily() is True
        assert schedule_daily() is False
    waiting = DBTaskResult.objects.filter(task_path__endswith="daily_retention", status="READY")
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now() + timedelta(hours=23)
