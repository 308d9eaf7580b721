# ruff: noqa: RUF001 - look-alike letters are part of the disguised examples
"""Threats, calls for violence, dehumanisation and direct insults are held by their structure; comments that
share their words but harm no one are published. Written from general knowledge of abusive comments, not from
any evaluation set."""

from __future__ import annotations

import pytest

from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.testing.moderation import regular

pytestmark = pytest.mark.django_db

HARMFUL = [
    # The examples published by the old pipeline (issue #22) ...
    "I will find you and break your legs.",
    "Every last one of them deserves a bullet.",
    "They are vermin, not humans.",
    "i'd love to see that traitor hanged in the square",
    "your mother should have aborted you",
    "y o u   a r e   a n   i d i o t",
    "ＹＯＵ ＡＲＥ ＴＲＡＳＨ",
    # ... and their kin.
    "We are going to track you down and smash your face in.",
    "I swear I'll snap his neck if he shows up at the meeting.",
    "Each and every one of those councillors deserves the rope.",
    "That judge deserves to be shot.",
    "Honestly the whole lot of them deserve a bullet between the eyes.",
    "They're vermin and should be treated like it.",
    "Immigrants are a disease eating this country alive.",
    "These people are animals, nothing more.",
    "Libertarian parasites, the lot of them.",
    "They breed like rats and take everything.",
    "I would love to watch the editor hanged for this rubbish.",
    "That traitor should be hanged in public.",
    "The senator should be shot for treason.",
    "Your parents should have aborted you.",
    "I hope you get cancer and die slowly.",
    "We know where you live, and we know where your kids go to school.",
    "I found out where you live. Watch your back.",
    "Do the world a favour and kill yourself.",
    "The world would be better off without people like you.",
    "Round them up and gas them all.",
    "Every muslim should be wiped out.",
    "y o u  a r e  s c u m",
    "#KillAllJews",
    "уоu аrе trаsh",  # Cyrillic look-alikes
    "You are a pathetic waste of oxygen.",
    "You absolute clown, nobody reads your drivel.",
]

BENIGN = [
    "This bill will kill small businesses across the county.",
    "The Hitler and Mussolini era should never be forgotten; the exhibition does it justice.",
    "The final scene should be shot at night to match the book.",
    "I will find you a link to the council minutes later.",
    "We will beat them at the ballot box in May.",
    "I hope the bill dies in committee.",
    "Rats in the subway are a problem the city keeps ignoring.",
    "These animals deserve better homes than the shelter can give.",
    "He deserves a long sentence for what he did to those children.",
    "You are right about the bus timetable, thank you.",
    "I'd love to see that film shot in Belfast, the streets would suit it.",
    "They are people, not statistics, and the report should treat them so.",
    "The mayor should be voted out at the next election.",
    "The police should be defunded is a slogan, not a policy.",
    "I would kill for a decent bus service on Sundays.",
    "The country would be better off without this tax.",
    "The council should be shot of this contract by March.",
    "Break a leg at the premiere tonight!",
    "Kill the engine before you refuel, the sign says.",
    "Go die on another hill, this one is lost.",
    "The migrants were treated like animals in that camp, a disgrace.",
    "The officer was shot dead while on duty; my thoughts are with his family.",
    "Those people deserve better from the housing department.",
]


@pytest.mark.parametrize("text", HARMFUL)
def test_threats_dehumanisation_and_insults_are_held(text):
    decision = screen(text, regular())
    assert decision.action == Action.HOLD, (text, decision.normalised, decision.reasons)


@pytest.mark.parametrize("text", BENIGN)
def test_comments_sharing_their_words_are_published(text):
    decision = screen(text, regular())
    assert decision.action == Action.PUBLISH, (text, decision.reasons)


@pytest.mark.parametrize(
    ("disguised", "plain"),
    [("ＹＯＵ ＡＲＥ ＴＲＡＳＨ", "you are trash"), ("уоu аrе trаsh", "you are trash"),
     ("y o u   a r e   a n   i d i o t", "you are an idiot")],
)
def test_disguised_text_scores_and_decides_as_the_plain_text(disguised, plain):
    assert normalise(disguised).text == normalise(plain).text
    hidden, shown = screen(disguised, regular()), screen(plain, regular())
    assert hidden.scores["toxicity"] == shown.scores["toxicity"]
    assert hidden.action == shown.action == Action.HOLD


def test_the_reason_names_what_was_found():
    assert any("threat" in reason for reason in screen("I will find you and break your legs.", regular()).reasons)
    assert any("group violence" in reason for reason in screen("They are vermin, not humans.", regular()).reasons)
    assert any("insult" in reason for reason in screen("You are trash.", regular()).reasons)


@pytest.mark.parametrize("text", ["Drop dead gorgeous photos of the harbour in this piece.",
                                  "The costumes were drop dead beautiful.", "drop-dead funny, the whole second act"])
def test_drop_dead_as_praise_is_no_threat(text):
    assert screen(text, regular()).action == Action.PUBLISH


@pytest.mark.parametrize("text", ["Drop dead, you hack.", "Just drop dead already.", "I hope you drop dead."])
def test_drop_dead_said_to_someone_is_a_threat(text):
    assert screen(text, regular()).action == Action.HOLD


@pytest.mark.parametrize("text", [
    "You traitors should hang.",
    "Now the rest of you traitors should hang.",
    "You lot should all hang for what you did to this town.",
    "All of you spineless cowards should die.",
    "Thank you, fucking brilliant. Now the rest of you traitors should hang.",
])
def test_a_call_for_the_readers_death_names_them_by_what_it_calls_them(text):
    """"you traitors", "you lot", "the rest of you cowards": the reader named with a label is still the reader."""
    decision = screen(text, regular())
    assert decision.action == Action.HOLD
    assert any("threat" in reason for reason in decision.reasons), decision.reasons


@pytest.mark.parametrize("text", [
    "You should hang that painting in the hall, it deserves the light.",
    "You lot should hang around after the meeting, there's cake.",
    "The referee should shoot that penalty again, the keeper moved.",
    "Kill that goal off early and the second half is a stroll.",
    "Eleven years for a murder that cold-blooded seems lenient to me.",
])
def test_things_hung_shot_and_killed_are_no_threat(text):
    decision = screen(text, regular())
    assert decision.action == Action.PUBLISH, (decision.reasons, decision.scores["toxicity"])
