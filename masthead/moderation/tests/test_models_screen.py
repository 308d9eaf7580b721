"""Before a site model is promoted, the moderation screens show what it measured beside the model in use."""

from __future__ import annotations

import random

import pytest
from django.contrib.auth.models import User
from django.test import Client

from masthead.moderation import roles, site_training
from masthead.moderation.models import AuditLog, ModerationSettings
from masthead.testing.moderation import staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("separate_models")]

SPAM = "Earn {n} dollars a day from home with crypto signals, message me"
FINE = "The council vote on {n} homes was closer than the article says"


def trained(name: str) -> site_training.TrainingReport:
    rng = random.Random(3)
    examples = [site_training.Labelled(f"k{i}", (SPAM if i % 2 else FINE).format(n=rng.randint(2, 9000)), i % 2)
                for i in range(240)]
    return site_training.train(active_model="builtin", share=0.02, fallback_threshold=0.85, examples=examples,
                               name=name)


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_models_screen_shows_the_candidate_beside_the_model_in_use():
    report = trained("site-candidate")
    assert report.candidate is not None
    assert report.active is not None
    page = client_for(staff_user("mod", roles.MODERATORS)).get("/moderation/models").content.decode()
    assert "site-candidate" in page
    assert f"<td>{report.candidate.recall:.3f}</td>" in page
    assert f"<td>{report.active.recall:.3f}</td>" in page
    assert "builtin (in use then)" in page
    assert "Use site-candidate" not in page  # moderators see it; only admins promote


def test_an_admin_promotes_from_the_screen_and_others_cannot():
    trained("site-candidate")
    moderator = client_for(staff_user("mod", roles.MODERATORS))
    assert moderator.post("/moderation/models/site-candidate/promote").status_code == 403
    admin = client_for(staff_user("boss", roles.ADMINS))
    assert "Use site-candidate" in admin.get("/moderation/models").content.decode()
    assert admin.post("/moderation/models/no-such-model/promote").status_code == 404
    assert admin.post("/moderation/models/..%2Fetc/promote").status_code == 404
    response = admin.post("/moderation/models/site-candidate/promote")
    assert response.status_code == 302
    assert ModerationSettings.objects.get().active_model == "site-candidate"
    assert AuditLog.objects.filter(action="model.promote", actor_name="boss").exists()
