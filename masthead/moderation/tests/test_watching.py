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
from masthead.moderation.tests.development_sets import assert_published_unless_the_classifier_holds, known_guest

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
    "We know where some of you work, and we're not finished. Sleep well.",
    "We know which depot you work out of. See you around.",
    "I know your shift finishes at ten. I'll be waiting.",
    "Spotted your red Corsa parked on Elm Road. Be more careful where you leave it.",
    "You'd better hope nobody sees your van outside the school.",
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
    "I know your shift ends at 6, so dinner will be at 7.",
    "Saw your car at the fete, lovely stall, well done.",
    "I saw your van parked on the double yellows again, be careful or you'll get a ticket.",
    "I know which class you teach at the school, my daughter loves it.",
    "We know which shop you work in, we buy our bread there every week!",
]


def _found(text: str) -> tuple[tuple[str, str, str], ...]:
    return watching.matches(normalise(text).text)


@pytest.mark.parametrize("text", INTIMIDATION)
def test_watching_the_target_and_promising_a_meeting_is_held(text):
    assert _found(text), (text, normalise(text).text)
    assert screen(text, known_guest()).action == Action.HOLD


# Scored over the hold threshold by the classifier, which no check here holds: 0.87 by 2.13-news, over the 3%
# default's threshold (0.746).
HELD_BY_THE_CLASSIFIER = frozenset(["Next time I see you I'm not stopping to chat, I'm always late!"])


@pytest.mark.parametrize("text", BENIGN)
def test_understanding_sightings_and_advice_publish(text):
    assert not _found(text), text
    assert_published_unless_the_classifier_holds(text, HELD_BY_THE_CLASSIFIER)


# Doxxing: a person's private details with the readers sent to act on them. Written from general knowledge.
DOXXING = [
    "The ticket inspector is Dean Holt, his personal mobile is 07700 900552. Ring him every hour, lads.",
    "She lives at 27 Orchard Close, flat 3. Go round and tell her what you think of her evidence.",
    "Found the witness's Instagram. Let her know she's a grass.",
    "His plate is BD51 SMR, grey Golf. You know what to do.",
    "The referee's home address is on the electoral roll, I've checked. Pay him a visit.",
    "Her shift finishes at 7 at the Spar. Go and ask her why she called the police.",
    "Here's his number: (555) 201-3344. Make his life hell.",
    # the writer's own posting with "I" left out, and a cell number "in the directory" (session 20)
    "Posted her address on the allotment group so people can tell her what they think. Number 9 if you missed it.",
    "That's Gail from the PTA. Her cell is in the school directory, let her know what you think of her vote.",
]
DOXXING_KIN = [
    "Police appeal: a silver Astra, plate starting KX19, call 101 with any information.",
    "The councillor's surgery is at the library on Saturday, go and tell her what you think.",
    "Ring the council on 01632 960000 to report the fly-tipping.",
    "My number is 07700 900123 if anyone wants to join the litter pick, just text me.",
    "Her husband lives in Leeds now; go and see him if you can, he misses visitors.",
    "The cafe at 12 High Street has reopened, pop round and say hello.",
    "Someone posted her home address and told people to visit her. That is vile.",
    "I lost his mobile number, can someone ring him for me?",
    "Her office number is 01632 960123; ring her office and complain about the bins.",
    "Her cell phone was stolen at the game; if you find it, let her know through the club page.",
    "Told to 'go back where you came from' by a man on the bus, and nobody said a word to him.",
]


@pytest.mark.parametrize("text", DOXXING)
def test_private_details_with_readers_sent_to_the_person_are_held(text):
    found = _found(text)
    assert found, (text, normalise(text).text)
    assert found[0][1] == "doxxing"
    assert screen(text, known_guest()).action == Action.HOLD


# Held by the classifier, not by a check: scored 0.79-0.85 by 2.13-news, which learnt the fourth round of comments
# written for Masthead, over the 3% default's threshold (0.746).
DOXXING_KIN_HELD_BY_THE_CLASSIFIER = frozenset([
    "The councillor's surgery is at the library on Saturday, go and tell her what you think.",
    "Her husband lives in Leeds now; go and see him if you can, he misses visitors.",
])


@pytest.mark.parametrize("text", DOXXING_KIN)
def test_appeals_offices_own_numbers_and_reports_of_doxxing_publish(text):
    assert not _found(text), text
    assert_published_unless_the_classifier_holds(text, DOXXING_KIN_HELD_BY_THE_CLASSIFIER)
