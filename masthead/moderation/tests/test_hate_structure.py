"""Hate and harassment read by structure, with no swear word: a protected group branded as criminals or a danger
(also through "they" after the group is named), shut out of public life, ranked below others by nature; slurs for
trans people, disabled people, ethnic and religious groups; sexual harassment of a journalist or commenter. Beside
them the benign kin that share their words: court reporting, groups that are not protected (gangs, politicians),
quoted and rebutted claims, policy debate, kind generalisations, bedrooms and knees in ordinary news.

A development set written from general knowledge for this purpose (not from HateCheck or any evaluation set),
measured through the whole pipeline as a guest with earlier published comments (no first-comment review)."""

from __future__ import annotations

import pytest

from masthead.moderation import menace
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import known_guest, marking_failures

pytestmark = pytest.mark.django_db
UNHELD: frozenset[str] = frozenset()
# Held by the classifier (and "are all criminals" by a fixed pattern of lexicon.py), not by the checks tested here.
HELD_ELSEWHERE = frozenset([
    "Not all migrants are criminals, obviously.",
    "Some migrants are criminals, like some of every group.",
    "These scammers are all criminals, report them.",
])

ABUSIVE = [
    # A protected group branded as criminals or a danger, directly or through a pronoun.
    "Gays shouldn't be allowed near schools. They're all predators.",
    "Migrants are criminals, all of them.",
    "Muslims are all terrorists, every last one.",
    "these people are all rapists and the police know it",
    "Every one of them is a terrorist. Muslims can't be trusted with our security.",
    "Refugees are basically invaders and should be treated as such.",
    "Trans women are predators, simple as that.",
    "Lesbians are groomers, keep them out of the classroom.",
    "Asylum seekers are nothing but thieves and scroungers.",
    "Jews are parasites on every country they live in.",
    "Gypsies are thieves by nature, lock up your bikes.",
    "Gay men are a danger to children.",
    "Immigrants? They are all criminals. Every single one.",
    "Somalis are all jihadists, just look at the numbers.",
    "You people are all paedophiles.",
    "Each and every one of them is a potential groomer, and I mean the Pakistanis.",
    # Shut out of public life.
    "Muslims shouldn't be allowed in parliament.",
    "Women should not be allowed to vote, they vote with their hearts.",
    "Gays should never be allowed to teach.",
    "Trans people should be banned from schools.",
    "Black people shouldn't be allowed to hold office in this country.",
    "Jews should not be permitted in government.",
    "Immigrants must never be allowed to vote here.",
    # Polite-sounding supremacism.
    "Some cultures are simply less civilised than others.",
    "Some races are just more intelligent, it's not racist to say it.",
    "Their culture is inferior and everyone knows it.",
    "People from those countries will never be capable of living by our values.",
    "Muslims can never accept our way of life.",
    "Africans will never be able to adapt to western civilisation.",
    "They can't integrate, it's in their nature. Somalis prove it every day.",
    "Migrants cannot integrate because it is in their blood.",
    "Crime is in their blood, these gypsies.",
    "Their religion is incompatible with democracy.",
    "Islam is fundamentally incompatible with western values.",
    # Slurs not in the list before.
    "Another tranny in the news, give it a rest.",
    "The trannies are taking over the BBC.",
    "What a bunch of spazzes run this council.",
    "Typical paki corner shop prices.",
    "Wogs start at Calais, as my grandad said and he was right.",
    "Go back to the mosque, raghead.",
    "Muzzies everywhere in this town now.",
    "The pikeys have moved onto the playing field again.",
    "Look at the poofter presenting the weather.",
    # Sexual harassment of a journalist or commenter.
    "The blonde reporter can do her next interview in my bedroom.",
    "She'd look better on her knees.",
    "Nice article, sweetheart. Now send nudes.",
    "I'd show her a real story.",
    "That presenter can come and sit on my lap any time.",
    "The weather girl could read the forecast from my bed.",
    "You'd look better on your back, love.",
    "Sit on my face, darling, then we'll talk about your column.",
    "Wouldn't kick that newsreader out of bed.",
    "Get your tits out for the lads, Laura.",
    "She belongs on her knees, not in a newsroom.",
    "I'd give her one, the redhead from the politics desk.",
]

BENIGN = [
    # Groups that are not protected, and specific people.
    "The gang members are all criminals, the judge said.",
    "Some of the men convicted were predators who targeted girls in care.",
    "The five defendants are all rapists in the eyes of the law now.",
    "Politicians are all thieves, every party the same.",
    "The bankers are criminals and should be in jail.",
    "The men who ran the ring were predators, and the council looked away.",
    "These scammers are all criminals, report them.",
    "Every one of them is a volunteer, and every one of them deserves thanks.",
    # Quoted, rebutted and denied claims.
    "The leaflet claimed migrants are all criminals, which is false.",
    "It's a myth that gay men are predators.",
    "Not all migrants are criminals, obviously.",
    "Migrants are not criminals for seeking asylum.",
    "Some migrants are criminals, like some of every group.",
    "He said Muslims are terrorists and was rightly sacked.",
    "Gay teachers should be allowed to teach like anyone.",
    "Women should be allowed to vote at sixteen, like men.",
    "Refugees should be allowed to work while their claims are processed.",
    "Muslims should be allowed in parliament on the same terms as anyone.",
    "Convicted criminals should not be allowed to vote, says the minister.",
    "Trans people should not be banned from anything, in my view.",
    # Policy, culture and kind generalisations.
    "Some policies are less effective than others.",
    "Some countries are less developed than others, which is why aid matters.",
    "Some teams are simply more organised than others.",
    "It's not in their nature to complain, nurses just get on with it.",
    "Hard work is in their blood, this family has farmed here for generations.",
    "Attacking football is in their DNA.",
    "Integration policy needs more money for language classes.",
    "Many newcomers struggle to integrate when housing is scarce.",
    "The regime will never accept western values, the ambassador warned.",
    "The junta is incompatible with democracy.",
    "The new law is incompatible with human rights, the court ruled.",
    "Our culture is richer for the people who came here.",
    # Words near the slurs.
    "Tranmere were unlucky at Prenton Park.",
    "The tyranny of the majority is a real danger.",
    "There's a chink in the armour of the government's case.",
    "The Open returns to Royal Troon next summer.",
    "Boats still cross from Lesbos to the mainland.",
    "Pikes and perch were found dead in the canal.",
    "Dogs must wear muzzles on the beach.",
    # Bedrooms, knees, laps and sending things in ordinary news.
    "She was attacked in her bedroom while her children slept.",
    "We recorded the interview in my kitchen for the podcast.",
    "My knees are shot after the marathon.",
    "The cat sleeps on my lap every evening while I read the paper.",
    "My daughter can sleep in my bed when she has nightmares.",
    "She fell to her knees when the verdict was read.",
    "Send us your photos of the flooding.",
    "The reporter was on her back for weeks after the crash.",
    "I'd show her the report if she asked.",
    "I'd give her a medal for that interview.",
    "Get your tickets early for the festival.",
    "The presenter should sit on the board, she knows the sector.",
]

guest = known_guest


@pytest.mark.parametrize("text", marking_failures(ABUSIVE, UNHELD, "not held yet"))
def test_abuse_is_held(text):
    decision = screen(text, guest())
    assert decision.action == Action.HOLD, (text, decision.normalised, decision.reasons)


@pytest.mark.parametrize("text", marking_failures(BENIGN, HELD_ELSEWHERE, "held by the classifier"))
def test_benign_kin_is_published(text):
    decision = screen(text, guest())
    assert decision.action == Action.PUBLISH, (text, decision.normalised, decision.reasons)


@pytest.mark.parametrize(("text", "label"), [
    ("Gays shouldn't be allowed near schools. They're all predators.", "hateful generalisation"),
    ("Muslims shouldn't be allowed in parliament.", "exclusion of a group"),
    ("Some cultures are simply less civilised than others.", "supremacism"),
    ("She'd look better on her knees.", "sexual harassment"),
])
def test_the_check_names_what_it_found(text, label):
    assert label in [found for _, found, _ in menace.matches(normalise(text).text)]


def test_the_development_set_is_large_enough():
    assert len(set(ABUSIVE)) == len(ABUSIVE) >= 50
    assert len(set(BENIGN)) == len(BENIGN) >= 50
    assert set(ABUSIVE) >= UNHELD
    assert set(BENIGN) >= HELD_ELSEWHERE


@pytest.mark.parametrize("text", sorted(HELD_ELSEWHERE))
def test_the_new_checks_do_not_fire_on_what_the_classifier_holds(text):
    assert not [label for _, label, _ in menace.matches(normalise(text).text) if label in (
        "hateful generalisation", "exclusion of a group", "supremacism", "sexual harassment")]
