"""Every comment write passes through the moderation pipeline: abuse is held, limits answer 429, decisions stored."""

import pytest

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment
from masthead.moderation.models import ModerationDecision, ModerationSettings
from masthead.testing.discussion import make_article

pytestmark = pytest.mark.django_db


def test_abusive_comment_is_held_with_reasons_and_never_shown(guest, other_guest):
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    response = guest.post_comment(thread, "You are a f u c k i n g idiot")
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    comment = Comment.objects.get(pk=response.json()["id"])
    assert any("profanity" in reason for reason in comment.moderation_reasons)
    decision = ModerationDecision.objects.get(comment=comment)
    assert decision.model_id
    assert "idiot" not in other_guest.open(article.get_absolute_url()).content.decode()


def test_calm_comment_is_published(guest):
    article = make_article()
    guest.open(article.get_absolute_url())
    response = guest.post_comment(thread_for_article(article), "Thanks for covering the council budget vote.")
    assert response.json()["status"] == "visible"


def test_an_edit_that_turns_abusive_is_held(guest, other_guest):
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    comment_id = guest.post_comment(thread, "A fair point about the bridge.").json()["id"]
    response = guest.api("put", f"/comments/{comment_id}", {"body": "Actually you are all fucking morons"})
    assert response.status_code == 200
    assert Comment.objects.get(pk=comment_id).status == Comment.Status.PENDING
    assert "morons" not in other_guest.open(article.get_absolute_url()).content.decode()


def test_posting_too_fast_answers_429_with_retry_after(guest):
    ModerationSettings.objects.update_or_create(pk=1, defaults={"rate_limit_network": 2, "rate_limit_account": 2})
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    assert guest.post_comment(thread, "One thought on the budget.").status_code == 201
    assert guest.post_comment(thread, "A second, different thought.").status_code == 201
    limited = guest.post_comment(thread, "A third, still different thought.")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert limited.json()["code"] == "rate_limited"
    assert Comment.objects.count() == 2


def test_the_pipeline_sees_the_writers_identity_tier(guest):
    from django.utils import timezone

    from masthead.accounts.models import ReaderIdentity
    from masthead.accounts.tiers import SESSION_IDENTITY

    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    identity = ReaderIdentity.objects.create(email="ada@example.org", verified_at=timezone.now())
    session = guest.client.session
    session[SESSION_IDENTITY] = identity.pk
    session.save()
    verified = guest.post_comment(thread, "Proved my address first.", author_email="Ada@example.org")
    typed_only = guest.post_comment(thread, "Someone else's address typed in.", author_email="eve@example.org")
    tiers = dict(ModerationDecision.objects.values_list("comment_id", "tier"))
    assert tiers[verified.json()["id"]] == "verified"
    assert tiers[typed_only.json()["id"]] == "guest"


def test_guests_are_offered_sign_in_and_verification_next_to_the_form(guest, client):
    article = make_article()
    page = guest.open(article.get_absolute_url()).content.decode()
    link = f'href="/account/?next={article.get_absolute_url()}%23respond"'
    assert link in page
    assert client.get(f"/account/?next={article.get_absolute_url()}").status_code == 200
