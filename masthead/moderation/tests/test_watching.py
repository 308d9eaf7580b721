"""Intimidation with no word of harm (``watching.py``): the writer knows where or when the target is, watches
them and promises a meeting, will not brake on the road, or invites them to see what happens when they are out.

Written from general knowledge, not from any evaluation set; benign kin share the words (idioms of
understanding, friendly sightings, chemistry, rounds at the match)."""

from __future__ import annotations

import pytest

from masthead.moderation import watching
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import known_guest

pytestmark = pytest.mark.django_db

INTIMIDATION = [
    "Keep deleting my posts, mods. I know what time you lot clock off.",
    "We know which school your kids go to.",
    "I know your office is on Mill Street.",
    "Funny, I found out where you park every morning.",
    "I know exactly when your wife gets home from work.",
    "To the dinner lady who grabbed my son: I see you at the school gate every morning. One of these mornings "
    "I'll be there too.",
    "I watch you outside the station every evening. You won't see me coming.",
    "Recognised the pub in your profile pic. Be seeing you x",
    "Spotted your car in your Facebook photos. See you soon.",
    "I've got your face on my dashcam. Next time I see you on that road I'm not braking.",
    "Next time we see him on the ring road we won't be stopping.",
    "Say that again and see what happens when you're walking home tonight.",
    "Keep writing lies and see what happens when you're on your own in the car park.",
    "I know where he lives and I'll be waiting.",
]

BENIGN = [
    "I know where you're coming from, but I disagree.",
    "I know what you mean about the trains.",
    "I see you at the gym every morning, well done on the weight loss!",
    "See what happens when you mix baking soda and vinegar.",
    "Next time I see you at the match I'm not buying the first round!",
    "I know when you're joking, mate.",
    "I recognised the beach in your profile pic, I grew up there!",
    "We know when the bins are collected, it's on the council website.",
    "I saw you on the telly last night, great interview.",
    "Next time I see you I'm not stopping to chat, I'm always late!",
    "See what happens if you vote for them again: more potholes.",
]


def _found(text: str) -> tuple[tuple[str, str, str], ...]:
    return watching.matches(normalise(text).text)


@pytest.mark.parametrize("text", INTIMIDATION)
def test_watching_the_target_and_promising_a_meeting_is_held(text):
    assert _found(text), (text, normalise(text).text)
    assert screen(text, known_guest()).action == Action.HOLD


@pytest.mark.parametrize("text", BENIGN)
def test_understanding_sightings_and_advice_publish(text):
    assert not _found(text), text
    decision = screen(text, known_guest())
    assert decision.action == Action.PUBLISH, (text, decision.reasons)
