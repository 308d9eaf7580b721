"""Harsh criticism of a thing (a policy, a bill, an article, a referee's decision) is published; the same words
aimed at a person stay held. And a hashtag or slogan the comment mentions ("the hashtag #hangthemall was
trending") is read like quoted speech, where one the writer uses ("#hangthemall about time") is held.

Written from general knowledge of news comments, not from any evaluation set. Measured through the whole pipeline
as a guest with earlier published comments (no first-comment review)."""

from __future__ import annotations

import pytest

from masthead.moderation.aimed import unaimed_text
from masthead.moderation.models import Action
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import known_guest

pytestmark = pytest.mark.django_db

CRITICISM_OF_THINGS = [
    "Calling this policy idiotic is being generous. It's the stupidest piece of legislation in years.",
    "What a moronic plan. Whoever signed off on this budget should read it first.",
    "This is the dumbest budget I have ever read.",
    "The referee's decision was absolutely idiotic, a clear penalty denied.",
    "Frankly this whole scheme is moronic and will cost us billions.",
    "The new parking rules are stupid and nobody asked for them.",
    "That was a ridiculous, idiotic decision by the council and it will be overturned.",
    "This article is garbage. Did anyone fact check it?",
    "Scrapping the bus route is the stupidest idea the council has had in a decade.",
    "Such a dumb move by the coach.",
    "That performance was pathetic from start to finish.",
    "Calling that budget stupid is an understatement.",
    "Stupid decision by the ref, but we still should have won.",
    "The ban on e-scooters is the dumbest rule this city has ever passed.",
    "This column is nonsense from start to finish.",
    "That idea is as stupid as it is expensive.",
    "These cuts are moronic and cruel.",
    "The government's stupid plan will cost the town its only library.",
    "I find this plan moronic, but the consultation was handled well.",
    "The new tax on pensions is idiotic. Retirees are already struggling.",
    "What an idiotic ruling. The appeal court will overturn it.",
]

# The same words aimed at a person: held (by a check or by the classifier on the whole text).
AIMED_AT_PEOPLE = [
    "you are an idiot and your policy is stupid",
    "the minister is an idiot, this policy is idiotic",
    "stupid policy from a stupid cow",
    "this policy is as retarded as its author",
    "this policy is as stupid as its author",
    "The bill is idiotic and so is its sponsor.",
    "The minister is stupid and this bill is idiotic.",
    "Whoever wrote this article is stupid.",
    "The author of this article is stupid.",
    "Stupid article, stupid writer.",
    "This idiotic plan was written by idiots.",
    "This is an idiotic bill written by an idiotic senator.",
    "The plan is stupid and the mayor is dumber.",
    "Your article is stupid.",
    "The stupid people who wrote this plan should be ashamed.",
    "What a stupid idea. Shame on you.",
    "Stupid policy, stupid faggot.",
]

MENTIONED_SLOGANS = [
    "The hashtag #hangthemall was trending after the verdict, and it says a lot about how low our discourse has sunk",
    "#hangthemall was trending within an hour of the verdict.",
    "Protesters were chanting hang them all outside the court, which is frightening.",
    "Signs reading kill all the bankers were held up at the rally, police said.",
    "Someone sprayed graffiti saying hang the traitors on the town hall wall.",
    "The hashtag #deathtothemayor was trending last night, which is sick.",
    "Protesters chanted death to the president outside the embassy, state media reported.",
]

USED_SLOGANS = [
    "#hangthemall about time",
    "#deathtothemayor someone do it",
    "#deathtothemayor",
    "I started the hashtag #hangthemall and I mean it",
    "hang them all, the hashtag says it best",
    "#hangthemall lets get it trending",
    "they should hang them all, it is trending for a reason",
    "death to all traitors",
]


@pytest.mark.parametrize("text", CRITICISM_OF_THINGS + MENTIONED_SLOGANS)
def test_criticism_of_things_and_mentioned_slogans_are_published(text):
    decision = screen(text, known_guest())
    assert decision.action == Action.PUBLISH, (text, decision.normalised, decision.reasons, decision.scores)


@pytest.mark.parametrize("text", AIMED_AT_PEOPLE + USED_SLOGANS)
def test_the_same_words_aimed_at_people_or_slogans_used_stay_held(text):
    decision = screen(text, known_guest())
    assert decision.action == Action.HOLD, (text, decision.normalised, decision.reasons, decision.scores)


def test_the_released_comment_keeps_both_scores():
    decision = screen(CRITICISM_OF_THINGS[0], known_guest())
    assert decision.scores["toxicity"] > decision.scores["toxicity_aimed_at_things"]


@pytest.mark.parametrize("text", AIMED_AT_PEOPLE)
def test_no_person_aimed_comment_is_read_as_criticism_of_a_thing(text):
    assert unaimed_text(normalise(text).text) is None


def test_the_sets_are_large_enough():
    assert len(set(CRITICISM_OF_THINGS)) == len(CRITICISM_OF_THINGS) >= 15
    assert len(set(AIMED_AT_PEOPLE)) == len(AIMED_AT_PEOPLE) >= 15


# A comment that is nothing but a verdict says it of the story it answers (session 22).
BARE_VERDICTS = ["Utter rubbish.", "Ridiculous.", "Typical Tory nonsense.", "Absolute garbage!", "What a farce."]
# The same words beside a person, or words said of people when they stand alone, are read whole.
VERDICTS_READ_WHOLE = ["Ridiculous. He should resign.", "Useless, the lot of them.", "Stupid.", "Idiotic.",
                       "Ridiculous, all of it, and so is the mayor."]


@pytest.mark.parametrize("text", BARE_VERDICTS)
def test_a_bare_verdict_is_read_as_said_of_the_story(text):
    assert unaimed_text(normalise(text).text) is not None
    assert screen(text, known_guest()).action == Action.PUBLISH


@pytest.mark.parametrize("text", VERDICTS_READ_WHOLE)
def test_a_verdict_beside_a_person_or_said_of_people_is_read_whole(text):
    assert unaimed_text(normalise(text).text) is None
