"""The demo seeds a moderator and a queue; the quality command measures, skips absent data, writes the doc."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from masthead.discussion.models import Comment
from masthead.moderation import roles
from masthead.moderation.backends.linear import BUILTIN

pytestmark = pytest.mark.django_db


def test_demo_creates_moderator_and_queued_comments():
    from masthead.moderation.demo import QUEUED, seed
    from masthead.testing.discussion import make_article

    make_article()
    out = StringIO()
    seed(out)
    user = authenticate(username="moderator", password="masthead-demo")
    assert user is not None
    assert roles.can_moderate(user)
    assert roles.can_ban(user)
    assert Comment.objects.filter(status="pending").count() == len(QUEUED)
    assert "waiting in the queue" in out.getvalue()
    seed(StringIO())  # a second run adds nothing
    assert user.__class__.objects.filter(username="moderator").count() == 1
    assert Comment.objects.count() == len(QUEUED)


def test_demo_queue_sits_under_its_own_stories_and_abuse_is_held_on_its_merits():
    from masthead.moderation.demo import QUEUED, seed
    from masthead.moderation.models import ModerationDecision
    from masthead.publishing import demo as publishing_demo

    publishing_demo.seed(StringIO())
    seed(StringIO())
    for slug, author, body in QUEUED:
        comment = Comment.objects.select_related("thread__article").get(body=body)
        assert comment.thread.article is not None
        assert (comment.thread.article.slug, comment.author_name, comment.status) == (slug, author, "pending")
    # Abuse is held by the pipeline itself (classifier, word rules, threats), not only as a guest's first comment.
    abusive = {"angry_reader", "Truth Teller", "n0name", "watcher", "hater99", "\u0455cum_hunter"}
    decisions = list(ModerationDecision.objects.filter(comment__author_name__in=abusive))
    assert len(decisions) == len(abusive)
    for decision in decisions:
        assert decision.action == "hold"
        assert set(decision.reasons) - {"first comment from a guest reader"}, decision.comment_id


def test_builtin_model_is_small_json_not_pickle():
    import gzip
    import json

    assert BUILTIN.stat().st_size < 10 * 1024 * 1024
    with gzip.open(BUILTIN, "rt") as handle:
        assert json.load(handle)["format"] == "masthead-linear-2"


def test_quality_command_skips_absent_data_and_writes_the_table(tmp_path, monkeypatch):
    monkeypatch.setenv("MODERATION_DATA_DIR", str(tmp_path / "nothing-here"))
    doc = tmp_path / "moderation.md"
    doc.write_text("before\n<!-- quality:start -->\nstale table\n<!-- quality:end -->\nafter\n")
    out = StringIO()
    call_command("moderation_quality", "--doc", str(doc), "--seconds", "0.2", stdout=out)
    text = doc.read_text()
    assert "Public data not found" in text
    assert "comments per CPU-second" in text
    assert text.startswith("before\n")
    assert text.endswith("after\n")
    assert "stale table" not in text


def test_screen_command_explains_a_decision_without_storing_it():
    from masthead.moderation.models import ModerationDecision

    out = StringIO()
    call_command("moderation_screen", "you 1d10t", "--tier", "account", stdout=out)
    text = out.getvalue()
    assert "decision:   hold" in text
    assert "profanity or insult: idiot" in text
    assert "normalised: you idiot" in text
    out = StringIO()
    call_command("moderation_screen", "Lovely photos of the harbour.", "--first", stdout=out)
    assert "reason:     first comment from a guest reader" in out.getvalue()
    assert not ModerationDecision.objects.exists()
