"""The eleventh round of harm read by structure (``menace.py``'s last block): officials' habits known ("I know where
the planning committee park"), the "tree of liberty" watered, the same surnames winked at, a post said won on a
woman's knees, a street spoiled when a people moves in, hate denied as "just facts", gay people sent back into the
closet, a people cleared out "by any means necessary" or called another species, a sexuality kept from children,
"back where they came from", a people hosed off like strays, migrants as "invaders" housed before "real" locals,
blood promised if a plan goes ahead, a board strung up, crime as a people's blood, arrival as theft, a person dragged
out by the hair, disabled children as vegetables, a town that "was still English", an address posted for "a word", a
slur for lesbians said of people, harm wished on a person in their own vehicle; and outside ``menace.py``: humanity
denied with a contraction ("they aren't really people"), a group with a place after it before a dehumanising word
("Pakistanis in this town are a cancer"), a word for people in scare quotes read as the word, lecturers and
lawmakers among the people a call for violence can name, and "stick to the kitchen".

Written from general knowledge with benign kin that share the words; not copied from any evaluation set. The forms
were read off four sets written for this session and then used for development (kept outside the repository); the
sets scored for this round in docs/moderation.md that were never read stay unread."""

from __future__ import annotations

import pytest

from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import (
    assert_found_and_held,
    assert_published_unless_the_classifier_holds,
    known_guest,
)

pytestmark = pytest.mark.django_db

HELD = {
    # officials' habits known
    "We know where the planning committee park. Think on.": "intimidation",
    "I know where that magistrate drinks on a Friday.": "intimidation",
    # the tree of liberty watered
    "It's time to water the tree of liberty, starting with the people in that chamber.": "call for violence",
    # the same surnames winked at
    "Funny how the owners of every newspaper have the same sort of surnames.": "hateful generalisation",
    # a post said won on her knees
    "Everyone knows she landed that presenting job on her knees.": "sexual harassment",
    # a street spoiled when a people moves in
    "House prices drop the minute too many Nigerians move into a street.": "hateful generalisation",
    # hate denied as fact
    "Albanians run the drug trade here. That's just statistics, not racism.": "hateful generalisation",
    # back into the closet
    "Gay teachers should just keep it in the closet where it belongs.": "exclusion of a group",
    # cleared out by any means
    "Drive them out of the estate by any means necessary.": "call for violence",
    # another species
    "Honestly, Roma are a different species from the rest of us.": "dehumanising",
    # a sexuality kept from children
    "A trans story hour at the library? Keep them well away from our children.": "hateful generalisation",
    "Gay pride march through town again, bunch of perverts parading about.": "hateful generalisation",
    # back where they came from
    "Nobody asked them here. Send them all back where they came from.": "dehumanising",
    "If you don't like our flag you can go back to where you came from.": "dehumanising",
    "Let them worship back where they came from.": "dehumanising",
    # hosed off like strays
    "Travellers on the playing fields again. Someone should chase them off like stray dogs.": "dehumanising",
    # invaders, the wrong sort, real locals
    "Another boat of these invaders landed this morning.": "dehumanising",
    "Too many of the wrong sort in this town now.": "dehumanising",
    "Why do they get flats ahead of real Brits who've paid in?": "dehumanising",
    # blood if a plan goes ahead
    "If that hostel opens on our road there will be blood, mark my words.": "intimidation",
    # a board strung up
    "String the whole health board up outside the hospital.": "call for violence",
    # crime as a people's blood
    # (read by the older checks: "crime is in their blood" as supremacism, "it's in their blood" as a generalisation,
    # now beside "a gang from over there" as beside a people named)
    "Another shoplifting gang from over there. Thieving is in their blood.": "supremacism",
    "Another shoplifting gang from over there. It's in their blood.": "hateful generalisation",
    "The cleaner who robbed her was Albanian. It's in their blood.": "hateful generalisation",
    # arrival as theft
    "They come over here and take our council houses while our kids wait.": "hateful generalisation",
    # dragged by the hair
    "Somebody should drag that editor out of the building by her hair.": "call for violence",
    # disabled children as vegetables
    "Special schools cost a fortune and most of those kids are basically vegetables.": "dehumanising",
    # a town that was still English
    "The high street was fine back when the town was still English.": "exclusion of a group",
    # an address posted for a word
    "For anyone who wants a quiet word with that landlord, he lives above the bookies on Stanley Road.":
        "harassment call",
    # a slur for lesbians said of people
    "The whole rugby team are dykes, no wonder nobody watches.": "insult",
    # harm wished in a vehicle
    "Hope his private jet goes down with him on board.": "wish of harm",
    "Praying that tycoon's yacht sinks off Monaco with him aboard.": "wish of harm",
    # stick to the kitchen
    "Women should stick to the kitchen and leave the commentary box to the lads.": "exclusion of a group",
}

BENIGN = [
    # officials' habits known, told as fact
    "I know where the councillors park: in the spaces they took from the disabled bays.",
    "We know where the committee meets now, the library on Tuesdays.",
    # the tree of liberty quoted as history
    "Jefferson's line about the tree of liberty is quoted far too often by people who never read him.",
    # names in common
    "Funny how the twins have the same names as their grandparents.",
    # knees, literally
    "She got the job done on her knees in the rose beds all afternoon.",
    "She earned that seat on her own merits and her own votes.",
    # people moving in
    "Too many students moved into the terraces and the landlords doubled the rent.",
    "Too many women move into part-time work after their first child.",
    # facts and hate
    "Criticising a religion is an opinion, not hate, but this comment crossed the line.",
    # the closet
    "No gay footballer should have to stay in the closet in 2026.",
    "Gay players shouldn't have to hide anything from anyone.",
    # by any means
    "Time to clean the gutters out before the storm.",
    # species
    "Polar bears are a different species from brown bears, though they can interbreed.",
    # children
    "The gay choir raised four thousand pounds for the children's hospice.",
    "Keep them well away from the kids: the new trampolines are not safe for under-fives.",
    # back where they came from
    "The swallows go back to where they came from every autumn.",
    "Return the library books to where they came from, please.",
    # strays
    "The council hosed the market square down like they do every Sunday.",
    # invaders
    "Grey squirrels: these invaders pushed out the reds decades ago.",
    "The Norman invaders built the castle on the hill.",
    "Real Brits queue for everything, even the bus.",
    # blood
    "If you need a transfusion there will be blood on hand at the new unit.",
    # strung lights
    "String the council's bunting up along the high street for the fair.",
    # blood as family
    "Fishing is in their blood, three generations on the same boat.",
    # coming here
    "Tourists come over here and take our breath away with their driving.",
    # dragged
    "The firefighter dragged him out by his collar and saved his life.",
    # vegetables
    "My son has special needs and he grows vegetables at the school allotment.",
    "SEN children are not vegetables, minister, and your comment was disgraceful.",
    # the town's past
    "Back when the town was still English-speaking only, the signs had no Welsh on them.",
    # a word with someone
    "For anyone who wants a word with the councillor, she's holding a surgery at the library on Saturday.",
    # dykes, the landscape
    "The fields here are all dykes and drains, the Fens flood every winter.",
    # vehicles
    "I hope the rocket doesn't blow up with the crew on board.",
    # kitchens
    "Chefs should stick to the kitchen instead of these reality shows.",
    # humanity and people
    "These aren't people problems, they're system problems.",
    "Refugees aren't numbers, they're people.",
    "Economists aren't really people who change their minds.",
    # a place after a group
    "Nurses in this hospital are a credit to the town.",
]

# Held by the classifier alone at the 3% default (each scored when this round was written).
CLASSIFIER_HOLDS = frozenset({
    "Chefs should stick to the kitchen instead of these reality shows.",  # 0.90
    "Funny how the twins have the same names as their grandparents.",  # 0.78 by 2.16-news
})


@pytest.mark.parametrize(("text", "label"), HELD.items())
def test_eleventh_round_forms_are_found_and_held(text, label):
    assert_found_and_held(text, label)


@pytest.mark.parametrize("text", BENIGN)
def test_their_benign_kin_publish(text):
    assert_published_unless_the_classifier_holds(text, CLASSIFIER_HOLDS)


@pytest.mark.parametrize(("text", "kind"), [
    # humanity denied with a contraction (lexicon.py)
    ("Muslims aren't really people.", "group violence"),
    ("Honestly they ain't even human.", "group violence"),
    ("They aren't human, they're animals in suits.", "group violence"),
    # a group with a place after it is still the subject of a dehumanising word
    ("Pakistanis in this town are a cancer.", "group violence"),
    ("Trans women in sport are a disease.", "group violence"),
    # lecturers and profs among the people a call for violence can name
    ("kill every prof who backed the ban", "threat"),
    ("Somebody should shoot the lecturers who marked us down.", "threat"),
])
def test_read_by_the_word_patterns(text, kind):
    decision = screen(text, known_guest())
    assert any(kind in reason for reason in decision.reasons), decision.reasons


@pytest.mark.parametrize(("raw", "read"), [
    ("Trans 'women' are a disease.", "trans women are a disease."),
    ("These \u201crefugees\u201d arrive with phones and trainers.", "these refugees arrive with phones and trainers."),
    ("The 'children' in the boat all had beards.", "the children in the boat all had beards."),
])
def test_a_word_for_people_in_scare_quotes_is_read_as_the_word(raw, read):
    normalised = normalise(raw)
    assert normalised.text == read
    assert "scare quotes" in normalised.changes
    assert not normalised.disguised


@pytest.mark.parametrize(("text", "found"), [
    ("We all know what 'youths' really means.", "we all know what 'youths' really means"),
    ("Certain 'communities'. We all know which.", "certain 'communities'. we all know which"),
])
def test_the_quotes_of_a_euphemism_are_kept_for_the_checks_that_read_them(text, found):
    assert found in normalise(text).text
    assert any("hateful generalisation" in reason for reason in screen(text, known_guest()).reasons)


def test_a_quotation_of_more_than_one_word_keeps_its_quotes():
    assert normalise("He said 'the women left early' and walked off.").text == \
        "he said 'the women left early' and walked off."


def test_a_scare_quoted_group_is_held_as_the_group():
    assert screen("Trans 'women' are a disease.", known_guest()).action == Action.HOLD
