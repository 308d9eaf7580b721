"""The twelfth round: slots of older checks widened rather than phrases added, where a development set showed a
check missing a form its structure already stood for, and the few forms with no check at all.

Widened: the people a dehumanising word or a call for violence can name ("these travelling fans", "the owner");
a person told apart by where they are before "needs a good slapping"; "whoever wrote this article should be shot"
(its verb of writing was read as a report); a negation raised to "I don't think ... should" read on its clause;
"spreading through" after a dehumanising word is no slogan going round; the swear words and the words of competence
a comment aims at things and at office holders ("shit decision, shit process", "the health minister is useless"),
which the classifier rescores without. New: the names that deny a person's worth said in the third person, a harm
regretted for not happening, a vehicle turned on people in the road, "accidents happen ... would be a real tragedy",
a sexuality's "perversions" kept from children, the kitchen said to suit a woman better, cheating "in their
culture".

Written from general knowledge with benign kin that share the words; not copied from any evaluation set. The forms
were read off four sets written for this session and used for development (kept outside the repository); the sets
docs/moderation.md scores for this round that were never read stay unread."""

from __future__ import annotations

import pytest

from masthead.moderation.models import Action
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import (
    assert_found_and_held,
    assert_published_unless_the_classifier_holds,
    known_guest,
)

pytestmark = pytest.mark.django_db

HELD = {
    # the names that deny a person's worth, in the third person
    "The author of this article is a fat, lazy waste of oxygen.": "insult",
    "That owner is a cancer on this club.": "insult",
    "He's nothing but a subhuman scumbag.": "insult",
    # a harm regretted for not happening
    "Shame the team bus didn't crash on the way to the ground.": "wish of harm",
    "Pity he didn't drown.": "wish of harm",
    "Too bad the senator's plane didn't go down.": "wish of harm",
    # a vehicle turned on people in the road
    "If they block my road again I'll drive straight through them.": "intimidation",
    "Glue yourselves to the road again and see what my truck does.": "intimidation",
    "Sit in front of my lorry and find out.": "intimidation",
    # accidents happen, with the sarcasm after
    "Accidents happen on tour buses all the time. Would be a real tragedy.": "intimidation",
    # "whoever wrote this" is the target, not a report
    "Whoever wrote this article should be taken out back and shot.": "call for violence",
    "Whoever said that should be shot.": "call for violence",
    # "spreading through" after a dehumanising word is no slogan going round
    "The gay agenda has infected the health board. They're a disease spreading through every department.":
        "dehumanising",
    # a sexuality's "perversions" or "lifestyle" kept from children, with a word of the sexuality in the comment
    "Another rainbow armband. Keep your perversions away from our kids' sport.": "hateful generalisation",
    "Keep your lifestyle away from our kids, the pride parade is not for schools.": "hateful generalisation",
    # the kitchen said to suit a woman better
    "Give a woman a microphone and this is what you get. The kitchen was a better fit for Marla.":
        "exclusion of a group",
    "She'd be better off in the kitchen.": "exclusion of a group",
    # a people's conduct as its culture
    "Cheating is in their culture, these Pakistani bowlers.": "supremacism",
}

BENIGN = [
    # a word of vermin or disease naming a kind of person or thing
    "The man is a cancer survivor.",
    "She is an animal lover.",
    "The owner is a dog walker.",
    "Gambling is a cancer on football.",
    # a harm that did not happen, regretted for no one's harm
    "Pity he didn't score.",
    "Shame the bus didn't turn up.",
    # vehicles and roads
    "The lorry drove into the protesters, injuring six.",
    "I'll drive through the town centre tomorrow.",
    "Try the new road and see what my car does on the hills, it's smooth.",
    "Accidents happen on this road all the time. It would be a tragedy.",
    "Accidents happen on this road all the time. It would be a shame if the council ignored it again.",
    # whoever, and what they said
    "Whoever said migrants should be shot needs help.",
    "Whoever wrote this article should be sacked.",
    # a beating that is a vote or an idiom
    "The minister deserves a kicking at the ballot box.",
    "The striker is on a hiding to nothing at this club.",
    "The man in the red hat deserves a medal.",
    # a negation raised to a verb of opinion
    "I don't think migrants should be shot, obviously.",
    "I don't think refugees should be blamed for the housing crisis.",
    "I don't think the council should be allowed to close the library.",
    # swear words and words of competence aimed at things and office holders
    "this show is absolute shit now, the writers clearly gave up after season 3",
    "Shit decision, shit process, shit outcome. Sums up the whole redevelopment.",
    "Crap weather, crap pitch, crap result. Still proud of the lads.",
    "Shitty service again from the council.",
    "Honestly the health minister is useless. Every answer is a non-answer. Vote him out.",
    "The referee was hopeless all afternoon.",
    "Useless referee, useless linesman, useless VAR.",
    # perversions, kitchens and cultures of no one
    "Keep your phone away from the kids at bedtime, it's a rainbow of distractions.",
    "The chef would be better off in the kitchen than on telly.",
    "The new kitchen is a better fit for the family.",
    "The bank cheats its customers because it's in their culture.",
    "Hospitality is huge for Afghans, it's in their culture.",
]

# Held by the classifier alone at the 3% default (each scored by 2.16-news when this round was written).
CLASSIFIER_HOLDS = frozenset({
    "Shame the bus didn't turn up.",  # 0.77
    "I don't think migrants should be shot, obviously.",  # 0.86: no check reads it now
    "Accidents happen on this road all the time. It would be a shame if the council ignored it again.",  # 0.75
    "The owner is a dog walker.",  # 0.78 by 2.17-news
})

# The swear word or the word of competence is aimed at a person here, so nothing is taken out and all are held.
AIMED_AT_PEOPLE = [
    "this show is absolute shit and so is the presenter",
    "Shit player, shit manager, shit club.",
    "What a useless cow the minister is.",
    "The minister is useless and should be hanged.",
    "You are useless.",
]


@pytest.mark.parametrize(("text", "label"), HELD.items())
def test_twelfth_round_forms_are_found_and_held(text, label):
    assert_found_and_held(text, label)


@pytest.mark.parametrize("text", BENIGN)
def test_their_benign_kin_publish(text):
    assert_published_unless_the_classifier_holds(text, CLASSIFIER_HOLDS)


@pytest.mark.parametrize(("text", "kind"), [
    # the people a dehumanising word or a call can name (lexicon.py)
    ("These travelling fans from Kessworth are vermin.", "group violence"),
    ("The supporters are rats, every one of them.", "group violence"),
    # a person told apart by where they are or what they wear (violence.py)
    ("That girl in the orange jacket needs a good slapping.", "threat"),
    ("Someone needs to give her a good slapping.", "threat"),
    # a negation raised to a verb of opinion, read on its clause (hate.py)
    ("I don't think gay people should be allowed near children.", "exclusion of a group"),
    ("We don't believe Muslims should be allowed to hold office.", "group violence"),
])
def test_read_by_the_word_patterns(text, kind):
    decision = screen(text, known_guest())
    assert decision.action == Action.HOLD, decision.reasons
    assert any(kind in reason for reason in decision.reasons), decision.reasons


@pytest.mark.parametrize("text", AIMED_AT_PEOPLE)
def test_abuse_of_people_keeps_its_words(text):
    assert screen(text, known_guest()).action == Action.HOLD


def test_a_reason_names_the_harm_left_once_a_raised_negation_is_read():
    decision = screen("I don't think he should be hanged, I think he should be shot.", known_guest())
    assert decision.action == Action.HOLD
    assert any("should be shot" in reason for reason in decision.reasons), decision.reasons
    assert not any("should be hanged" in reason for reason in decision.reasons), decision.reasons
