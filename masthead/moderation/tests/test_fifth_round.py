"""The fifth round of harm read by structure (``menace.py``'s last block, ``watching.py``'s "just saying",
``frames.py``'s e-mailed quotation): coded hate, two-word slurs, women's minds or places branded, approval of an
attack, a victim's harm wished on a judge's family, a home burned with its people, sexual harassment.

Written from general knowledge with benign kin that share the words (a cow in a field, a kitchen at home, a
typical family, a surname on a form, a punctured tyre, an accident blackspot); not copied from any evaluation set."""

from __future__ import annotations

import pytest

from masthead.moderation.tests.development_sets import assert_found_and_held, assert_published

pytestmark = pytest.mark.django_db

HELD = {
    # coded hate
    "Funny how the (((financiers))) always come out of every crisis richer.": "supremacism",
    "Another bank bailout. Thank the ((( usual suspects ))) for that.": "supremacism",
    "Roll on the day of the rope for every one of these quislings.": "supremacism",
    "Look at the prosecutor's surname and you'll see why he went easy. Always the same tribe.": "supremacism",
    "They control the press, the courts and now the housing board as well.": "supremacism",
    # two-word slurs and the jungle
    "The estate has gone downhill since the sand monkeys moved in.": "dehumanising",
    "Miss one more sitter and they should ship him back to the jungle.": "dehumanising",
    "Bog-trotters the lot of them, nothing changes over there.": "dehumanising",
    # branded groups
    "Typical Romanian behaviour, nick what isn't nailed down.": "hateful generalisation",
    "Typical woman driver, reversed into three cars at the retail park.": "hateful generalisation",
    "Ladies simply aren't wired for leading a police force.": "hateful generalisation",
    "Females are far too emotional to sit on a jury in a case like this.": "hateful generalisation",
    "She was obviously on her period when she wrote this editorial.": "hateful generalisation",
    "Nobody wants your opinion on tactics, get back to the kitchen sweetheart.": "exclusion of a group",
    "Women should all be kept out of the boardroom, it never works.": "exclusion of a group",
    "Stop calling that thing a lady, it's a bloke.": "dehumanising",
    "Brand new flats and we all know what 'vibrant' really means for the area.": "hateful generalisation",
    "The new flats will fill up with Albanians and we all know what happens to burglary rates when they move in.":
        "hateful generalisation",
    # approval of attacks
    "The synagogue finally got what was coming to it last night.": "call for violence",
    "Fire at the asylum hotel. Only regret is there weren't more of them inside.": "call for violence",
    "Whoever hit the minister with an egg should have used a brick. No, acid. Should have used acid.":
        "call for violence",
    "The coppers at the protest should've used live rounds.": "call for violence",
    "That landlord deserves to have his house torched, frankly.": "call for violence",
    "Sink them? No, tow the dinghies back out and slash them in the middle of the Channel.": "call for violence",
    # wishes and menace
    "I hope the councillor who signed this off gets flattened by a bin lorry.": "wish of harm",
    "Hope that columnist gets mown down on her morning run.": "wish of harm",
    "That magistrate should have his own daughter go through what the victim went through.": "wish of harm",
    "Hope the ref keeps looking over his shoulder after that decision.": "intimidation",
    "Someone should drop in on the councillor at home. Bring the lads and a few bats.": "call for violence",
    "I know where the editor parks. Just saying.": "intimidation",
    # harassment and insults
    "I'd bend that newsreader over the desk any day.": "sexual harassment",
    "Shut it you miserable old cow.": "insult",
    "Go away you bitter hag, nobody reads you.": "insult",
}

BENIGN = [
    "Our old cow Daisy had twin calves this morning.",
    "Did you see the cow in the road by the bypass? Someone call the farmer.",
    "My mum went back to the kitchen and finished the Christmas cake.",
    "Get back in the kitchen and check the oven, the smoke alarm is going off!",
    "The typical migrant family in the survey had two working adults.",
    "A typical woman in her forties pays more for car insurance than you'd think.",
    "Typical council behaviour, six months to fill one pothole.",
    "Please check the surname is spelt correctly on the form, the court sent it back.",
    "Check the names on the petition: half of them are from out of town, funny that.",
    "Women aren't made to feel welcome at the club, and that has to change.",
    "Women are too often ignored by doctors when they report pain.",
    "The rope bridge on the coastal path is closed for repairs.",
    "The bus lane is a disaster, I nearly got flattened by a lorry on my bike this morning.",
    "The fire at the mosque was arson, and the police are appealing for witnesses.",
    "Shame there weren't more people inside to see the last performance.",
    "The inspectors should have used their powers years ago.",
    "He deserves to have his house back after the council's mistake.",
    "I hope no family has to go through what hers went through.",
    "Bring a bat and some gloves, the cricket nets open on Saturday.",
    "I know where the reporter got the story: it was in the council minutes.",
    "I'd bend over backwards to help the food bank.",
    "A puncture halfway up the hill ruined my ride, the road is full of glass.",
    "The dinghies were punctured by the smugglers at sea, a survivor told the court.",
    "Accidents happen on that junction every week and the council does nothing.",
    "Someone emailed him 'we know where you live' and the police are investigating. Vile.",
    "That presenter wore a stunning dress last night, she looked great.",
    "We all know what 'affordable' means to this council: unaffordable.",
]


@pytest.mark.parametrize(("text", "label"), HELD.items())
def test_fifth_round_forms_are_found_and_held(text, label):
    assert_found_and_held(text, label)


@pytest.mark.parametrize("text", BENIGN)
def test_their_benign_kin_publish(text):
    assert_published(text)
