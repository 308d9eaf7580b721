"""The eighth round of harm read by structure (``menace.py``): a lasting injury wished ("hope his knee never
recovers", "hope he never walks right again"), a death wished as everyone's gain ("we'd all be better off if he was
dead", "better off if his plane went down"), and an attack wished finished ("somebody needs to finish what the
attacker started"); and, in ``frames.py``, a swear word in a verdict on an institution ("this government is an
absolute fucking shambles"), which swears at no person.

Written from general knowledge with benign kin that share the words (a knee that recovers, a club better off
without a player, a council finishing its own work, a person's verdict that stays held); not copied from any
evaluation set. The forms were read off two development sets written for this session (kept outside the
repository); the blind sets scored in docs/moderation.md were never read."""

from __future__ import annotations

import pytest

from masthead.moderation.models import Action
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import (
    assert_found_and_held,
    assert_published_unless_the_classifier_holds,
    known_guest,
    profanity_found,
)

pytestmark = pytest.mark.django_db

HELD = {
    # a lasting injury wished
    "Hope Brennan's knee never recovers after what he did to our keeper.": "wish of harm",
    "I hope her back never heals, she deserves every minute of it.": "wish of harm",
    "Hope he never walks right again after that tackle.": "wish of harm",
    "hope the ref's ankle doesn't ever heal lol": "wish of harm",
    # a death wished as everyone's gain
    "We'd all be better off if he was dead, and that's the truth.": "wish of harm",
    "The town would be a better place when that landlord is dead.": "wish of harm",
    "The squad would be better off if Marsh's plane went down on the way home.": "wish of harm",
    "This country would be better off if the minister's car crashed into the river.": "wish of harm",
    "We'd be better off if they were all dead, every one of them on that estate.": "wish of harm",
    # an attack wished finished
    "Somebody needs to finish what the attacker started. He survived, more's the pity.": "wish of harm",
    "Shame the gunman didn't finish the job.": "wish of harm",
    "Someone should finish the job the mob started on that councillor.": "wish of harm",
}

BENIGN = [
    "I hope his knee recovers in time for the derby.",
    "Hope her back heals quickly, the physio says six weeks.",
    "We're better off without him, the midfield has been a mess since August.",
    "The club would be better off if the owner sold up.",
    "The world would be a better place if war was dead and buried.",
    "Before the reforms, patients were better off if they died at home than waited on a trolley, a nurse told us.",
    "The club is better off now that his contract is dead and buried.",
    "The council should finish what it started and open the bridge.",
    "Police say the attacker was arrested before he could finish his journey.",
    "Doctors fear she won't walk again after the crash.",
]

# A swear word in a verdict on an institution: at no person, so the profanity check passes it over.
INSTITUTION_VERDICTS = [
    "This government is an absolute fucking shambles. My nan waited nine hours on a trolley last week.",
    "The council are a fucking disgrace, three months with no bin collection.",
    "Our health board is a total fucking joke, the waiting list is two years.",
]
# The same verdict on a person, or with a person in the sentence, stays held.
PERSON_VERDICTS = [
    "He is a fucking disgrace.",
    "The council leader is a fucking disgrace.",
    "This government are a fucking joke and so is the prime minister.",
    "You lot are a fucking disgrace.",
]


@pytest.mark.parametrize(("text", "label"), HELD.items())
def test_eighth_round_forms_are_found_and_held(text, label):
    assert_found_and_held(text, label)


@pytest.mark.parametrize("text", BENIGN)
def test_their_benign_kin_publish(text):
    assert_published_unless_the_classifier_holds(text, ())


@pytest.mark.parametrize("text", INSTITUTION_VERDICTS)
def test_profanity_in_a_verdict_on_an_institution_is_no_profanity_finding(text):
    assert not profanity_found(text)


@pytest.mark.parametrize("text", PERSON_VERDICTS)
def test_profanity_in_a_verdict_on_a_person_stays_held(text):
    assert screen(text, known_guest()).action == Action.HOLD
    assert profanity_found(text)
