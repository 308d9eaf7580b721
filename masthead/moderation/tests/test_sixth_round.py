"""The sixth round of harm read by structure (``menace.py``'s last block, ``watching.py``'s routine told back):
the attacker of a person praised, an injury regretted for being survived, hurt promised by the writer, lynching by
its tools, people set adrift, homes of a people to be burned, a murdered MP recalled, women's vote taken back, "a
proper man to put her in her place", a person called "an it", eugenics through "nature", "certain communities"
behaving like animals, the "fourteen words", and the target's routine told back with a veiled warning.

Written from general knowledge with benign kin that share the words (a medal for a nurse, a patient who
survived, a dangerous junction, a history of lynching, a capsized barge, an arson reported, an IT problem, the
deer nature culled, a bus timetable, a parking complaint); not copied from any evaluation set."""

from __future__ import annotations

import pytest

from masthead.moderation.tests.development_sets import (
    assert_found_and_held,
    assert_published_unless_the_classifier_holds,
)

pytestmark = pytest.mark.django_db

HELD = {
    # the attacker praised
    "He was jumped in the exercise yard last week. Whoever did it deserves a medal.": "call for violence",
    "The lads who battered him outside the court should get a free pint for life.": "call for violence",
    "Found dead in his cell. The inmate who got to him has earned a knighthood.": "call for violence",
    # an injury regretted, a wish of lasting harm
    "Shame he survived the crash to be honest.": "wish of harm",
    "Pity the driver pulled through, one less menace on the roads otherwise.": "wish of harm",
    "i hope she never walks again after what she did": "wish of harm",
    # hurt promised
    "Vote for that scheme and someone is getting hurt outside the hall after. I'll make sure of it.":
        "intimidation",
    "You keep printing lies and people are going to get hurt. I'll see to it personally.": "intimidation",
    # lynching, drowning, burning
    "Elections change nothing. Some lampposts and a bit of rope would sort Westminster out in a day.":
        "call for violence",
    "Trees and piano wire, that would fix the whole council.": "call for violence",
    "Load them all onto an old barge, tow it past the limit and cut the rope.": "call for violence",
    "Stick them in a boat with no oars and point it south.": "call for violence",
    "Just torch the caravans while they're out nicking.": "call for violence",
    "Somebody should burn down those hostels before more arrive.": "call for violence",
    # a murdered MP recalled
    "Our MP might want to remember what happened to Jo Cox. Just saying.": "intimidation",
    "Remember what happened to the last councillor who crossed this town. Could happen again.": "intimidation",
    # misogyny
    "Women should never have been given the vote, this column proves it.": "exclusion of a group",
    "Time to take the vote away from women, they can't handle it.": "exclusion of a group",
    "What you need is a proper man to put you in your place, darling.": "sexual harassment",
    "Message me and I'll show you what that mouth is really for.": "sexual harassment",
    # dehumanisation, eugenics, coded hate
    "Stop saying 'she'. It's an it.": "dehumanising",
    "That's not a woman, that is an 'it' and it should stay out of our changing rooms.": "dehumanising",
    "Millions on special schools for children like that. Nature used to take care of them.":
        "hateful generalisation",
    "Certain communities just can't stop acting like animals, and everyone is too scared to say it.":
        "dehumanising",
    "Fourteen words. Remember them.": "supremacism",
    "It all comes down to the 14 words, and securing a future for our people.": "supremacism",
    "Lovely to see the editor's column again. Pure coincidence what his surname is, of course.": "supremacism",
    "Since that lot moved onto the estate the burglaries doubled. It's in their nature.":
        "hateful generalisation",
    "Refugees just aren't suited to living in a civilised country, sorry but it's true.": "hateful generalisation",
    "Every one of those groomers in the library should be dealt with the way our grandads used to deal with them.":
        "call for violence",
    "Police won't act, so it's time we drove these migrants out of town ourselves. Bring your mates.":
        "call for violence",
    "Carry on writing, pal. People like you tend to have accidents round here.": "intimidation",
    "Soft sentence from a judge with daughters of his own. Leave his daughter with the defendant for a night and "
    "see.": "wish of harm",
    "Never mind the budget, I bet the new weather girl is just as lively in the bedroom lol": "sexual harassment",
    "Board up the doors and torch the hostel while they sleep.": "call for violence",
    # the routine told back
    "You drive a blue estate and park it on Mill Lane every morning. Think about that before you write again.":
        "intimidation",
    "The chair of the board has to walk to her car after every meeting. Alone. In the dark.": "intimidation",
    "Her daughter gets the number 9 bus home from school at half three. Maybe she'll learn what it feels like.":
        "intimidation",
    "He works nights on the maternity ward at the General. Someone should have a quiet word on his way out.":
        "intimidation",
}

BENIGN = [
    "The nurse who stayed with him until the ambulance came deserves a medal.",
    "Whoever did the new mural on the library deserves a medal, it's gorgeous.",
    "The firefighters who pulled them out of the flat deserve a medal each.",
    "He survived the crash, and it's a shame the other driver wasn't so lucky.",
    "Such a shame he didn't make it, thoughts with the family.",
    "I hope he never drives again after killing that cyclist.",
    "I hope she walks again one day; the physio says it's possible.",
    "Someone is going to get hurt on that crossing unless the council puts lights in.",
    "Lampposts and rope were used in the lynchings of 1919, as the museum's new exhibition shows.",
    "The old barge sank at its mooring after the storm and the crew were rescued.",
    "Someone tried to torch the caravans last night; police are appealing for witnesses.",
    "We should all remember what happened to Jo Cox and tone the language down.",
    "Women were given the vote in 1918, but only over thirty.",
    "Voters put her in her place at the election, fair and square.",
    "The outage was an IT problem, the council says, not a cyber attack.",
    "Nature used to take care of the deer before the wolves were hunted out.",
    "Some communities are still living without mains gas, which the article ignores.",
    "The headline alone is 14 words long, editors please.",
    "Fourteen words into his answer and he still hadn't said yes or no.",
    "You drive a diesel on the school run? Lots of us do, there's no bus on Mill Lane.",
    "He works nights on the ward and says the staffing is worse than ever.",
    "Just a reminder that the number 9 bus stops running at six from Monday.",
    "My daughter gets the bus home from school every day and it's always late.",
    "Pure coincidence that the new surname rules came in the same week as the census, surely.",
    "Cats will always hunt birds, it's in their nature.",
    "Old office blocks aren't suited to living in, the planners say, without new windows.",
    "Potholes should be dealt with the way the old council used to deal with them: fast.",
    "The council cleared the rough sleepers out of the park and gave them nowhere to go, which is shameful.",
    "People like you and me have bad luck with the lottery, that's the point of it.",
    "People like him tend to have a lot of accidents on ladders, my dad included.",
    "The judge was asked to leave the defendant's children out of the reporting.",
    "Honestly that result is fucking brilliant, well done the volunteers.",
    "FUCKING GET IN!!! Ninety-third minute winner.",
    "My gran is as comfortable in bed as anywhere since her hip operation.",
]


@pytest.mark.parametrize(("text", "label"), HELD.items())
def test_sixth_round_forms_are_found_and_held(text, label):
    assert_found_and_held(text, label)


# Scored 0.77 by 2.14-news, which learnt the fifth round of comments written for Masthead (harm pictured and
# wished), over the 3% default's threshold (0.751); no check holds it.
HELD_BY_THE_CLASSIFIER = frozenset(["I hope he never drives again after killing that cyclist."])


@pytest.mark.parametrize("text", BENIGN)
def test_their_benign_kin_publish(text):
    assert_published_unless_the_classifier_holds(text, HELD_BY_THE_CLASSIFIER)
