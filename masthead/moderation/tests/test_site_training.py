"""Moderators' decisions train a site model: a candidate shown with its gain in the moderation screens until an
admin promotes it there (or --promote at once), or one that runs in shadow mode."""

from __future__ import annotations

import random

import pytest
from django.core.management import call_command
from django.test import Client

from masthead.moderation import roles, site_training
from masthead.moderation.config import moderation_settings
from masthead.moderation.models import AuditLog, ModerationDecision, ModerationSettings
from masthead.moderation.pipeline import screen
from masthead.testing.moderation import regular, staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("separate_models")]

SPAM = ["Earn {n} dollars a day from home with crypto signals, message me", "Cheap {n} followers, fast delivery, dm me",
        "My aunt made {n} a week with this crypto trick, join my channel", "Crypto giveaway: send {n} and get double"]
FINE = ["The council vote on {n} homes was closer than the article says", "I went to the {n} meeting and agree",
        "Good reporting on the bus routes; route {n} is always late", "The library had {n} visitors, great news"]


def moderator_decisions(count: int) -> None:
    rng = random.Random(7)
    rows = []
    for target_id in range(1, count + 1):
        spam = target_id % 2 == 0
        text = rng.choice(SPAM if spam else FINE).format(n=rng.randint(2, 900))
        rows.append(ModerationDecision(target_type="comment", target_id=target_id, text=text,
                                       source=ModerationDecision.Source.MODERATOR,
                                       action="reject" if spam else "publish"))
    ModerationDecision.objects.bulk_create(rows)


def test_a_better_site_model_waits_as_a_candidate_shown_with_its_gain_until_promoted(capsys):
    """Issue #22: the publisher sees the gain in the moderation screens before the model is used; training alone
    (without --promote) changes nothing readers get."""
    moderator_decisions(300)
    spam = "Earn 450 dollars a day from home with crypto signals, message me"
    assert screen(spam, regular()).action == "publish"  # the public model does not know this site's spam
    call_command("moderation_train", "--no-public", "--name", "site-test")
    out = capsys.readouterr().out
    assert "promoted" not in out
    assert "kept builtin; site-test measures better on both precision and recall and waits as a candidate" in out
    assert "/moderation/models" in out
    assert moderation_settings().active_model == "builtin"
    assert not AuditLog.objects.filter(action="model.promote").exists()
    assert screen(spam, regular()).action == "publish"

    admin = Client()
    admin.force_login(staff_user("boss", roles.ADMINS))
    queue_page = admin.get("/moderation/").content.decode()
    assert "1 trained model measured better than the one in use, waiting to be promoted" in queue_page
    report = site_training.load_report("site-test")
    assert report is not None
    gain = report["candidate"]["recall"] - report["active"]["recall"]
    assert gain > 0
    models_page = admin.get("/moderation/models").content.decode()
    assert f"Gain over builtin: recall {gain:+.3f}," in models_page
    assert "Use site-test" in models_page

    assert admin.post("/moderation/models/site-test/promote").status_code == 302
    assert ModerationSettings.objects.get().active_model == "site-test"
    assert AuditLog.objects.filter(action="model.promote").exists()
    assert "waiting to be promoted" not in admin.get("/moderation/").content.decode()
    decision = screen(spam, regular())
    assert decision.action == "hold"
    assert decision.model_id == "masthead-site"
    assert decision.model_version == "site-test"


def test_promote_makes_the_trained_model_active_at_once(capsys):
    moderator_decisions(300)
    call_command("moderation_train", "--no-public", "--promote", "--name", "site-now")
    assert "promoted site-now" in capsys.readouterr().out
    assert ModerationSettings.objects.get().active_model == "site-now"
    assert screen("Cheap 300 followers, fast delivery, dm me", regular()).action == "hold"


def test_shadow_mode_scores_beside_the_active_model_without_deciding(capsys):
    moderator_decisions(300)
    call_command("moderation_train", "--no-public", "--shadow", "--name", "site-shadow")
    assert "shadow mode" in capsys.readouterr().out
    config = ModerationSettings.objects.get()
    assert (config.active_model, config.shadow_model) == ("builtin", "site-shadow")
    decision = screen("Cheap 300 followers, fast delivery, dm me", regular())
    assert decision.action == "publish"
    assert decision.scores["shadow"]["model"] == "masthead-site@site-shadow"
    assert decision.scores["shadow"]["toxicity"] > 0.85


def test_no_promotion_without_enough_held_out_decisions(capsys):
    moderator_decisions(30)
    call_command("moderation_train", "--no-public", "--name", "site-small")
    assert "kept builtin" in capsys.readouterr().out
    assert ModerationSettings.objects.filter(active_model="site-small").count() == 0


def test_training_needs_both_kinds_of_decision():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No decisions to learn from"):
        call_command("moderation_train", "--no-public")
