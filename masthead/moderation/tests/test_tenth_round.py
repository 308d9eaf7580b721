"""The tenth round of harm read by structure (``menace.py``'s last block): a crime pinned on a people by a wink
("guess which religion", "just noticing the pattern"), the trope of Jewish money behind wars, vigilantes promised by
"we" ("we'll deal with him ourselves", "if he shows his face here again"), a commenter's workplace found out with a
visit, a call to the boss or "a word", deaths in a group welcomed ("killing off the pensioners? good"), someone
promised at the court door, a face remembered, a beating promised on sight, a private person's details spread, a
people's state told as its nature, a woman talked over as "a goer" or "a body made for sin", "small brain" as a
name; an adverb between a group and the modal that shuts it out ("women simply shouldn't be allowed"); and outside
``menace.py``: Indigenous peoples among the protected groups, "kunt" among the profane words, hashtags read as words
by a list of common words (``hashtag_words.py``), and abuse quoted to condemn it read without the quotation
(``quoted.py``).

Written from general knowledge with benign kin that share the words (a community praised, a thing dealt with, a
cafe's directions, a study of faces, a pint promised, a colt that runs, a country's debts explained); not copied from
any evaluation set. The forms were read off five sets written for this session and then used for development (kept
outside the repository); the blind sets scored in docs/moderation.md for this round were never read."""

from __future__ import annotations

import pytest

from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.quoted import unquoted_text
from masthead.moderation.tests.development_sets import (
    assert_found_and_held,
    assert_published_unless_the_classifier_holds,
    known_guest,
    profanity_found,
)

pytestmark = pytest.mark.django_db

HELD = {
    # a crime pinned on a people by a wink
    "Another mugging on the high street. No prizes for guessing which community.": "hateful generalisation",
    "Three burglaries this month and I wonder what religion the gang follows.": "hateful generalisation",
    "Somalis everywhere in the crime figures. Not saying anything, just noticing.": "hateful generalisation",
    # the trope of Jewish money behind wars
    "Funny how Zionist financiers are always behind every war we get dragged into.": "supremacism",
    # vigilantes promised by "we"
    "The courts won't touch him, so the lads will sort him out themselves.": "intimidation",
    "If that councillor ever shows his smug face on our estate again, he'll regret it.": "intimidation",
    # a commenter's workplace found out, with a visit or a call to the boss
    "Tracked down this troll's Facebook, works at the garden centre on the ring road. Might pay him a visit.":
        "harassment call",
    "She works at the vets on Kings Road. Think I'll give her manager a ring about her comments.": "harassment call",
    "The head teacher works Saturdays at the garden centre on Mill Road. Go and have a word with her.":
        "harassment call",
    # a woman's body said to be made for sex
    "That new sports reporter has a body made for sin.": "sexual harassment",
    # deaths in a group welcomed
    "Flu season thinning out the oldies again? Good riddance.": "wish of harm",
    "Migrants drowning in the Channel again. Good.": "wish of harm",
    "Fewer pensioners bed-blocking, that's the only upside of this winter.": "wish of harm",
    # someone at the court door, a face remembered, a beating on sight
    "Walk free if you like, pal. Someone will be waiting for you when you get out.": "intimidation",
    "Keep writing, sweetheart. Your face is memorable.": "intimidation",
    "If we catch that referee in the car park, he's getting a kicking.": "intimidation",
    # a private person's details spread
    "The juror's name is Karen Moss, works at the library on Dale Street. Pass it on.": "harassment call",
    # a people's state told as its nature
    "There's a reason those countries stay poor, and it isn't the weather.": "hateful generalisation",
    # a woman talked over as "a goer"
    "I reckon that weather presenter is a right goer.": "sexual harassment",
    # "small brain" as a name
    "Small brain. Big mouth. Typical.": "insult",
    # an adverb between a group and the modal
    "Women frankly shouldn't be allowed to be judges.": "exclusion of a group",
}

BENIGN = [
    "Guess which community raised the most for the flood appeal? The mosque, again.",
    "I wonder what religion the new bishop will lean towards on this.",
    "Not saying anything, just noticing the council always finds money for consultants.",
    "The old lie that Jewish bankers profit from every war keeps coming back, and it is still a lie.",
    "Jewish bankers in Frankfurt financed the first railways there.",
    "We'll deal with it ourselves if the council won't clear the drains.",
    "If the minister shows his face at the count we will know he is serious.",
    "I looked up his LinkedIn, he is actually a chartered engineer, so maybe he does know.",
    "Fewer pensioners dying in the heat this year. Good.",
    "Pensioners dying in the heat? Good grief, where is the plan?",
    "Someone will be waiting for you at arrivals with a sign.",
    "People remember faces better than names, the study says.",
    "If I see him in town I'll buy him a pint, he's getting married next week.",
    "The new cafe is on Mill Lane, the kids at Oakfield Primary love it. Spread the word!",
    "There's a reason Haiti is poor, and it's the debt France forced on it.",
    "The colt is a real goer, he'll win at Chester.",
    "My sister works weekends at the library, go and have a word with her about volunteering.",
    "The new hybrid has a body built for speed and a cabin built for five.",
    "That pitiful pay rise is an insult to the nurses.",
    "Aboriginal people have lived on this land for sixty thousand years.",
]


def test_indigenous_peoples_are_a_protected_group():
    decision = screen("Aboriginal people are lazy drunks who never gave this country anything.", known_guest())
    assert decision.action == Action.HOLD, decision.reasons


def test_kunt_is_profane_and_kant_is_not():
    assert profanity_found("Who let this dimwitted kunt near a keyboard?")
    assert not profanity_found("Kant wrote the Critique of Pure Reason in 1781.")


@pytest.mark.parametrize(("tag", "words"), [
    ("#sendthemallbackinbodybags", "send them all back in body bags"),
    ("#deportthemall", "deport them all"),
    ("#hangthetraitorPM", "hang the traitor pm"),
    ("#blacklivesmatter", "black lives matter"),
    ("#ResponsibilityMatters", "responsibility matters"),
    ("#idiotTrump", "idiot trump"),
    ("#StandWithUkraine", "stand with ukraine"),
])
def test_hashtags_are_read_as_their_words(tag, words):
    assert normalise(tag).text == words


def test_a_hashtag_of_one_or_two_unknown_words_stays_whole():
    # Two words of the list would be a guess at a pun; a word the list knows is itself.
    assert normalise("#nhsheroes").text == "nhsheroes"
    assert normalise("#therapist").text == "therapist"
    assert normalise("#responsibility").text == "responsibility"  # a listed word, not "re sp on si bi li ty"


def test_a_hashtag_of_a_threat_is_held():
    assert screen("#sendthemallbackinbodybags", known_guest()).action == Action.HOLD


QUOTED_TO_CONDEMN = [
    "The abuse this reporter got online, people calling her a 'traitor who should hang', is disgusting and the "
    "police should look into it.",
    "My daughter got messages like 'kill yourself you ugly cow' and the school did nothing. Disgusting.",
    # an apostrophe inside the quotation ("frames.quoted_spans" pairs the marks)
    "Someone in the residents' group wrote 'we know where he lives, let's pay him a visit'. I've sent it to the "
    "police.",
]


@pytest.mark.parametrize("text", QUOTED_TO_CONDEMN)
def test_abuse_quoted_to_condemn_it_is_published(text):
    assert unquoted_text(normalise(text).text) is not None
    decision = screen(text, known_guest())
    assert decision.action == Action.PUBLISH, decision.reasons


@pytest.mark.parametrize("text", [
    "He is what I'd call 'a traitor who should hang'.",  # no report of others' words: the writer's own
    "They called her a 'stupid traitor' and she should hang for it, disgusting.",  # a threat of its own
    "People calling him a 'filthy traitor' are right.",  # nothing condemns the quotation
])
def test_a_quotation_the_writer_makes_their_own_is_read_whole(text):
    assert unquoted_text(normalise(text).text) is None


# The second part of the round, read off two more development sets.
HELD_SECOND = {
    "Let's all email the columnist's husband, he works at the bank on Main Street.": "harassment call",
    "That presenter needs a good seeing to.": "sexual harassment",
    "The new weather girl is a proper MILF.": "sexual harassment",
    "Honestly I'd wreck her.": "sexual harassment",
    "Muslims simply can't be trusted with power.": "hateful generalisation",
    "The new columnist is thick as two short planks.": "insult",
    "Did your mum write this for you?": "insult",
    "Here's hoping the flu season takes a few more of them.": "wish of harm",
    "Zionists own this paper, always have.": "supremacism",
    "Disabled spongers, the lot of them.": "dehumanising",
    "Diversity strikes again, three more stabbings.": "hateful generalisation",
    "Another stabbing by migrants. That's just what they do.": "hateful generalisation",
    "Every mosque in this city is a breeding ground for terror.": "hateful generalisation",
    "It's not racism if it's true.": "hateful generalisation",
    "What a spastic column.": "insult",
}

BENIGN_SECOND = [
    "Email the editor to complain, the address is on the contact page.",
    "The garden needs a good seeing to before the spring.",
    "I'd ride her old bike to work if it had gears.",
    "Ministers can't be trusted with our data, the audit shows.",
    "The plot was thick as anything, I lost track by episode three.",
    "Did your mum vote in the referendum? Mine did.",
    "Hoping the winter takes the pressure off the water supply.",
    "Which group owns this paper? The masthead says a reader trust.",
    "Disabled people's benefits are being cut again, and it's wrong.",
    "Diversity in the newsroom is at its highest in a decade.",
    "Pressing high is what they do best, and it worked.",
    "The mosque is a polling station today, doors open at seven.",
    "Calling it racism isn't an insult if the policy is racist.",
    "He had spastic paralysis as a child and went on to win gold.",
]


def test_a_greek_sigma_for_an_o_is_read_as_one():
    assert normalise("M\u03c3zlems").text == "mozlems"  # Greek small sigma


def test_a_hashtag_the_corpora_wrote_is_read_as_its_words():
    assert normalise("#sendthembackdead").text == "send them back dead"
    assert normalise("#internationalwomensday").text == "international womens day"


# The third part of the round, read off two more development sets.
HELD_THIRD = {
    "That Polish lot can't hold down a job for a week.": "hateful generalisation",
    "Go back to begging outside Tesco, it's all you're good for.": "hateful generalisation",
    "I'd bend her over the desk, that presenter.": "sexual harassment",
    "Dead migrants in the Channel. Good riddance.": "wish of harm",
    "Lose the vote and I'm bringing my rifle to the town hall.": "intimidation",
    "She only landed the column by sleeping with the owner.": "sexual harassment",
    "More fraud from certain communities. We all know who.": "hateful generalisation",
    "Woke harpies screeching again.": "insult",
    "The editor had better check under his car from now on.": "intimidation",
    "Found your house on the map, Dave. See you soon.": "intimidation",
    "Romanians and shoplifting, name a more iconic duo.": "hateful generalisation",
    "The small boats should be met with live rounds.": "call for violence",
    "The Jews run the papers, always have.": "supremacism",
}

BENIGN_THIRD = [
    "Young people can't hold down a job on zero-hours contracts, it's the contracts.",
    "Go back to the story, the figures are in the third paragraph.",
    "I bent over the desk to read the small print and my back went.",
    "Dead batteries everywhere this winter, good news for the garage.",
    "I'm bringing my gun to the clay shoot on Sunday, club rules are clear.",
    "She landed the column by writing the best pieces in the paper.",
    "Certain areas flooded again. We all know why: the drains were never fixed.",
    "The witches in the panto were brilliant.",
    "Check under your car for cats before you start it in winter.",
    "Found your old school on the map, Dave. See you at the reunion.",
    "Jamaicans and sprinting, name a more iconic duo.",
    "The boats should be met with lifeboats and food, not headlines.",
    "Rapeseed fields are in flower all along the bypass.",
]


def test_rapefugees_is_a_slur():
    assert profanity_found("Rapefugees. That's it, that's the comment.")


# The fourth part of the round, read off two more development sets.
HELD_FOURTH = {
    "Does anyone know which school he goes to? Asking for a reason.": "harassment call",
    "She leaves the office at 6pm every night, Market Street. Someone should be there.": "harassment call",
    "Shame the lorry didn't finish him off.": "wish of harm",
    "Bet she's kinky, that new presenter.": "sexual harassment",
    "Keep the emails coming until she resigns, every single day.": "harassment call",
    "Protesters on the motorway again. Free speed bumps.": "call for violence",
    "The new neighbours are a couple of perverts.": "insult",
    "Same-sex parenting is child abuse, plain and simple.": "exclusion of a group",
    "Two dads raising a baby should be illegal.": "exclusion of a group",
    "Another diversity hire fails the public.": "hateful generalisation",
    "Deluded men in dresses in the women's changing rooms.": "dehumanising",
    "I hope the whole street spits at her.": "wish of harm",
    "Torch the hotel down before they arrive.": "call for violence",
    "Zionists finance the protests, everyone knows it.": "supremacism",
}

BENIGN_FOURTH = [
    "Does anyone know which school is hosting the hustings tonight?",
    "The library leaves its doors open at 8am, someone should thank the staff.",
    "Shame the rain didn't hold off for the parade.",
    "Bet she's tired after that marathon of a debate.",
    "Keep the pressure up until the council publishes the report.",
    "The new speed bumps on Mill Road are free to cross for cyclists, finally.",
    "A couple of volunteers cleaned the whole beach.",
    "Same-sex parenting studies show the children do just as well.",
    "Two dads raising a baby on one income, the story says, and they are managing.",
    "The diversity officer hires from every background.",
    "Men in dresses have been part of pantomime for centuries.",
    "I hope the whole street turns out for her send-off.",
    "The old mill burned down before the war.",
    "Charities finance the protests' legal fees, the report says.",
]


def test_a_masked_letter_in_a_spaced_sentence_is_read():
    assert normalise("k * l l   y o u r s e l f").text == "kill yourself"
    assert normalise("f * u * c * k").text == "fuck"  # the mark as the gap between letters, as before


def test_a_yen_sign_is_read_as_a_y():
    assert normalise("d\u00a5kes").text == "dykes"


def test_moffie_is_a_slur():
    assert profanity_found("This moffie in the comments should be quiet.")


# Found on the corpora's benign rows by the first forms of this round's checks, and read as counter-speech now.
COUNTER_SPEECH = [
    "I have cerebral palsy. 'Spastic' was thrown at me in the playground until I was sixteen.",
    '"Certain communities" - say what you mean or don\'t say it at all. We all know what you mean.',
    "To the person claiming gay men can't be trusted around children: there is zero evidence for that.",
    "Please check under your car for cats before driving off on cold mornings.",
]


# Every part's forms, and the comments that share their words.
@pytest.mark.parametrize(("text", "label"), [*HELD.items(), *HELD_SECOND.items(), *HELD_THIRD.items(),
                                             *HELD_FOURTH.items()])
def test_tenth_round_forms_are_found_and_held(text, label):
    assert_found_and_held(text, label)


# Held by the classifier alone: scored 0.75-0.81 by 2.16-news, which learnt the sixth to eighth rounds of comments
# written for Masthead, over the 3% default's threshold (0.741).
CLASSIFIER_HOLDS = frozenset({
    "Someone will be waiting for you at arrivals with a sign.",
    "If I see him in town I'll buy him a pint, he's getting married next week.",
    "I hope the whole street turns out for her send-off.",
    "The diversity officer hires from every background.",  # 0.75 by 2.17-news
})


@pytest.mark.parametrize("text", [*BENIGN, *BENIGN_SECOND, *BENIGN_THIRD, *BENIGN_FOURTH, *COUNTER_SPEECH])
def test_their_benign_kin_and_counter_speech_publish(text):
    assert_published_unless_the_classifier_holds(text, CLASSIFIER_HOLDS)
