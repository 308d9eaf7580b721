"""The pipeline's decisions: what is published, held or rejected, and why."""

from __future__ import annotations

import pytest

from masthead.moderation.models import Action, ModerationDecision
from masthead.moderation.pipeline import record, screen
from masthead.testing.moderation import regular, supporter

pytestmark = pytest.mark.django_db


def test_ordinary_comment_from_a_regular_is_published_with_its_score():
    decision = screen("Thanks for the careful reporting on the council budget.", regular())
    assert decision.action == Action.PUBLISH
    assert decision.comment_status == "visible"
    assert decision.reasons == ()
    assert decision.model_id == "masthead-linear"
    assert decision.model_version
    assert 0 <= decision.scores["toxicity"] < 0.5


@pytest.mark.parametrize(
    "innocent",
    [
        "I grew up in Scunthorpe and still assess every shiitake I buy.",
        "The cockpit of that classic plane was tiny; my therapist laughed.",
        "The council in Essex and Sussex should publish the analysis.",
        "Women deserve equal pay, and the board should say so.",
        "Muslims in our town celebrate Eid this week; lovely photos.",
        "Immigrants run half the shops on this street and I am glad they do.",
    ],
)
def test_innocent_comments_are_published(innocent):
    decision = screen(innocent, regular())
    assert decision.action == Action.PUBLISH, decision.reasons


@pytest.mark.parametrize(
    "abusive",
    [
        "You are a fucking idiot",
        "shut up b1tch",
        "f u c k you, m0r0n",
        "\U0001d41f\U0001d42e\U0001d41c\U0001d424 off",  # mathematical bold letters
        "you \u0456di\u043et",  # Cyrillic look-alikes
        "what an a$$hole",
    ],
)
def test_abuse_is_held_even_when_disguised(abusive):
    decision = screen(abusive, regular())
    assert decision.action == Action.HOLD
    assert decision.comment_status == "pending"
    assert decision.reasons


@pytest.mark.parametrize(
    "threat",
    [
        "I know where you live.",
        "I am going to find you and kill you",
        "All immigrants should be shot.",
        "Muslims are vermin.",
        "death to all jews",
        "someone should string up the mayor",
        "we will hang every one of you",
    ],
)
def test_threats_and_calls_for_violence_are_held(threat):
    decision = screen(threat, regular())
    assert decision.action == Action.HOLD
    assert decision.scores.get("threat") or decision.scores.get("group_violence")


@pytest.mark.parametrize(
    "figure_of_speech",
    [
        "We should kill this bill before it passes.",
        "I'd kill for a decent bus service.",
        "I'll shoot you an email about the meeting.",
        "They should hang the portrait in the town hall.",
        "We must eradicate poverty in this town.",
        "Kill them with kindness, my gran said.",
        "We should kill the mayor's plan for the car park.",
        "We need to shoot the photos before sunset.",
        "Refugees who fail the appeal should be deported.",  # a policy opinion, not a call for violence
    ],
)
def test_violent_figures_of_speech_are_not_threats(figure_of_speech):
    decision = screen(figure_of_speech, regular())
    assert "threat" not in decision.scores
    assert "group_violence" not in decision.scores


def test_staff_comments_are_published_without_screening():
    from masthead.moderation.pipeline import ScreenContext

    decision = screen("fuck this, I am staff", ScreenContext(tier="staff"))
    assert decision.action == Action.PUBLISH
    assert decision.reasons == ("staff",)


def test_record_stores_reasons_scores_and_model():
    context = regular()
    decision = screen("You are a fucking idiot", context)
    stored = record(decision, "comment", 99, context)
    stored.refresh_from_db()
    assert stored.action == Action.HOLD
    assert stored.target_id == 99
    assert stored.reasons == list(decision.reasons)
    assert stored.scores["toxicity"] > 0.85
    assert stored.model_id == "masthead-linear"
    assert stored.author_key == "u:42"
    assert stored.source == ModerationDecision.Source.PIPELINE


def test_supporter_can_be_exempted_from_the_classifier_but_not_from_word_lists():
    from masthead.moderation.models import ModerationSettings, WordRule

    ModerationSettings.objects.create(classifier_exempt_supporter=True, hold_profanity=False)
    assert screen("shut up, you pathetic loser troll", supporter()).action == Action.PUBLISH
    WordRule.objects.create(pattern="troll", action="reject")
    assert screen("shut up, you pathetic loser troll", supporter()).action == Action.REJECT
