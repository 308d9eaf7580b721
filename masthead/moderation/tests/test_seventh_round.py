"""The seventh round of harm read by structure (``menace.py``'s last block, ``watching.py``): vigilantes called on
in a comment about a people or a crime, a people called vermin in a fragment ("Vermin, every one of them"), death
by cold or fire wished ("hope the lot of them freeze to death"), women's vote said never to have been deserved,
a rival commenter's local told back with a taunt, "accidents" promised to a family, suicide urged in slang ("just
rope"), genocide recalled as a remedy, sexual talk about a woman in the story, and the "13 percent" slur.

Written from general knowledge with benign kin that share the words (residents filling potholes themselves, actual
rats, a cold snap, a late bus, a pub quiz, car seats, roping off a road, post-war housing, gardening, a poverty
figure); not copied from any evaluation set. Some forms were read off a development set written for this session
(kept outside the repository); the blind sets scored in docs/moderation.md were never read."""

from __future__ import annotations

import pytest

from masthead.moderation.tests.development_sets import assert_found_and_held, assert_published

pytestmark = pytest.mark.django_db

HELD = {
    # vigilantes called on
    "The refugees are raping our girls and the council doesn't care. Time we took matters into our own hands.":
        "call for violence",
    "Another stabbing by the gangs on the estate. People are going to have to take the law into their own hands.":
        "call for violence",
    "The police won't touch the groomers, so the lads should take matters into their own hands.":
        "call for violence",
    "Three more asylum hotels and not a word from the MP. Let's take matters into our own hands.":
        "call for violence",
    # vermin in a fragment
    "Roma beggars outside Tesco again. Vermin, every one of them. Somebody fumigate the town centre.":
        "dehumanising",
    "Travellers on the rec again. Animals, the lot of them.": "dehumanising",
    "Muslims in the council chamber now. Parasites - all of them.": "dehumanising",
    # death by cold or fire wished
    "Hope the lot of them at the Harbour Road camp freeze to death this winter. One less problem for the council.":
        "wish of harm",
    "I hope every one of those migrants in the hotel burns alive.": "wish of harm",
    "Let's hope that paedo starves to death in his cell.": "wish of harm",
    # women's vote
    "Women like this councillor are exactly why they should never have been given the vote.":
        "exclusion of a group",
    "Women like her should never have had the vote.": "exclusion of a group",
    # a commenter's local told back with a taunt
    "@MikeFromHarwell keep running your mouth. I know you drink in the Crown on a Friday. See you there, big man.":
        "intimidation",
    "Keep running your mouth, Gaz. You train at the leisure centre every Tuesday night, don't you.":
        "intimidation",
    # "accidents" promised to a family
    "Tell your wife to be careful from now on. Accidents happen to the families of people who print lies.":
        "intimidation",
    "Accidents have a way of happening to the loved ones of reporters who dig too deep.": "intimidation",
    # suicide urged in slang
    "Honestly Dave, just rope. It'd be better for everyone who has to read you.": "urging self-harm",
    "Go rope yourself, you sad little man.": "urging self-harm",
    # genocide recalled as a remedy
    "We had a proper fix for people like the ones on the Bramley site back in the 1940s.": "call for violence",
    "There was a final answer for their kind in the forties. Just saying.": "call for violence",
    # sexual talk about a woman in the story
    "Never mind the article, she looks like she'd be fun after a few drinks.": "sexual harassment",
    "Put more pictures of her up, her legs are the only thing worth reading.": "sexual harassment",
    "Cllr Hayes only got on the committee by sleeping with half of it. Bet she's still on her knees for them now.":
        "sexual harassment",
    "We all know she slept her way onto that shortlist.": "sexual harassment",
    # the "13 percent" slur
    "Stabbing on Corn Street. Let me guess, 13% of the population strikes again.": "supremacism",
}

BENIGN = [
    "The council won't fix the potholes, so it's time we took matters into our own hands and filled them ourselves.",
    "Residents took matters into their own hands and cleared the canal towpath last weekend.",
    "The rats in the bins on Mill Lane? Vermin, every one of them, and the council does nothing.",
    "The gulls on the seafront are menaces, the lot of them, but they were here first.",
    "I hope nobody freezes to death in this cold snap. Open the shelters.",
    "I hope the rough sleepers don't freeze to death tonight.",
    "I was hoping the rest of us wouldn't freeze to death at the bus stop, but no, 40 minutes late again.",
    "Hoping the old boiler holds out or we'll all freeze to death this January.",
    "I hope the firefighters who ran into that building didn't burn alive, what a terrible night.",
    "Women were given the vote in 1918, and only some of them; the exhibition at the library is worth a visit.",
    "Quiz night is back! I know you drink in the Crown on a Friday, Sue, see you there.",
    "You train at the leisure centre every Tuesday night, don't you? The new pool timetable is out.",
    "Accidents happen to the children of parents who skip car seats. Please fit them properly.",
    "We just rope off the area and wait for the council.",
    "You should rope in a few volunteers for the gala.",
    "We had a proper fix for housing back in the 1940s: councils built homes.",
    "The answer to those shortages in the 1940s was rationing, and it worked.",
    "She was on her knees in the garden for hours planting bulbs.",
    "13% of the population lives in poverty, the report says.",
    "She would be fun to interview after the match, the striker has plenty to say.",
]


@pytest.mark.parametrize(("text", "label"), HELD.items())
def test_seventh_round_forms_are_found_and_held(text, label):
    assert_found_and_held(text, label)


@pytest.mark.parametrize("text", BENIGN)
def test_their_benign_kin_publish(text):
    assert_published(text)
