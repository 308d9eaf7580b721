"""A slur or threat quoted or reported of someone else (or received in a message), told to condemn it or to say it
happened, and a supporter's promise
of a rout in a comment about a fixture are published; the writer's own slur, a quotation the writer takes up, a
report the writer agrees with, and a "rout" with a body, a weapon, a family or a meeting after the game stay held.

Written from general knowledge of news comments (the slurs are written in full, as readers write them and as the
profanity list holds them), not from any evaluation set. Measured through the whole pipeline as a guest with
earlier published comments (no first-comment review)."""

from __future__ import annotations

import pytest

from masthead.moderation.models import Action
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import assert_published_unless_the_classifier_holds, known_guest

pytestmark = pytest.mark.django_db

REPORTED_SLURS = [
    "My neighbour yelled 'go home, you paki' at my husband last week. He's lived here since he was two. Thank you "
    "for writing about how common this still is.",
    "It isn't political correctness gone mad to stop a teacher calling a pupil a retard in front of the class. The "
    "tribunal got this one right.",
    "A man spat 'dirty paki' at my mum in the supermarket queue. Nobody said a word. This is exactly why it needs "
    "talking about.",
    "Someone sprayed 'pakis out' on the mosque wall overnight. Police are treating it as a hate crime.",
    "My son was called a retard by a supply teacher and the school did nothing. That's abuse, plain and simple.",
    "The coach who called a player a paki during training has been sacked, and rightly so.",
    "Kids at school shouted 'retard' at my brother every day for years. He still has nightmares.",
    "Fans were heard chanting 'pakis out' outside the ground, the club confirmed. Disgraceful.",
    "The MP was suspended after calling a constituent a retard in an email. The party was right to suspend him.",
    "A man on the bus called my daughter a retard because she uses a wheelchair. Disgusted doesn't cover it.",
    "Graffiti reading 'pakis go home' was daubed on the shop shutters. The owner has lived here for forty years.",
    "When my dad arrived in 1968 people yelled 'paki' at him in the street. I'm glad my kids haven't heard it.",
    "He was convicted of a racially aggravated offence after he called the taxi driver a paki.",
    "Calling disabled children retards was normal when I was at school. It was cruel then and it's cruel now.",
    "My colleague muttered 'bloody paki' when our new manager walked in. I reported him to HR.",
    "The footballer was banned for six games for calling an opponent a paki. Racism has no place in the game.",
]
# Abuse the writer or their family received, quoted: the speaker is a third party even where the sentence has "I"
# (a message received) or "my" (a street, a daughter) in it.
RECEIVED = [
    "As one of the councillors who voted for the traffic scheme, I've had emails saying 'we know where you live'. "
    "They've gone to the police.",
    "When I reported the fly-tipping on my street a man screamed 'go back where you came from, you paki bitch' at "
    "me.",
    "We got a letter saying \"your house will burn\" and the police did nothing.",
    "I received a voicemail calling me a 'dirty gypsy' the day after the article ran. I've kept it for the police.",
    "Last week I had texts saying 'your days are numbered' from an unknown number. The paper's lawyers have them now.",
    "At the bus stop a lad shouted 'hang yourself, tranny' at my daughter. She's fifteen.",
    "My wife got messages telling her 'you'll be raped' after she spoke at the meeting. This has to stop.",
    "Somebody left a note for the editor saying 'watch your back'. The police are looking into it.",
    "I'm a councillor and my inbox this week included 'we know where you live and we'll burn your house down'. "
    "Over a parking scheme.",
    "My trans cousin gets 'kill yourself, freak' in her DMs almost daily. Nobody should be defending that.",
    "As someone with a learning disability I hate the word 'retard'. It was shouted at me every day at school.",
    'Using "retarded" as an insult is not okay, please edit your comment.',
]
ROUTS = [
    "We're going to bury you lot at Twickenham. Sorry Welsh friends, not your year",
    "we're going to slaughter you lot in the derby",
    "City fans, we'll destroy you next week",
    "Rovers fans, we'll murder you on Saturday. Three points in the bag.",
    "We're going to thrash you in the final, Leeds. Enjoy the cup run while it lasts.",
    "Sorry Australia, we'll hammer you at Lord's this summer. The Ashes are ours.",
    "Scotland fans, we're going to bury you at Murrayfield. Six Nations banter, no offence.",
]
SLURS_OF_THE_WRITER = [
    "go home, you paki",
    "I call them pakis because that's what they are",
    "he called him a retard and he was right",
    "typical pakis, calling everything racist",
    "as my dad says, 'pakis out'",
    "Someone should have yelled 'go home you paki' at him.",
    "My neighbour yelled 'go home, you paki' at them. Good.",
    "Sacked for calling a paki a paki. Political correctness gone mad.",
    "The teacher called him a retard. Not wrong, is she?",
    "We shouted 'pakis out' all the way down the high street.",
    "They call us racist for calling them pakis.",
    "He called them retards and that's what they are.",
    "My mate calls them pakis and got sacked for it. Free speech is dead.",
    "The bloke next door shouted 'pakis out' at them. Can't say anything these days.",
]
# The writer's own message, quoted or not: held.
MESSAGES_OF_THE_WRITER = [
    "I've got a message for you: 'we know where you live'.",
    "I've got a message for the councillor: \"your days are numbered\".",
    "I've had enough, so here's a message for the editor: 'watch your back'.",
    "Here's a message for the editor: 'watch your back'.",
    "As one of the locals, I'll say it plainly: 'they should all be shot'.",
    "I got a letter from the council saying the bins will be late, and honestly the councillors should all be shot.",
    "We had a message for him: 'you're a dead man'.",
    "Check your inbox: 'we know where you live'.",
    "Check your messages: 'we know where you live'.",
    "I'll use the word 'retard' for you since you clearly are one.",
]
ROUTS_AS_MENACE = [
    "we'll bury you lot six feet under after the match",
    "we'll kill you after the game, bring a knife",
    "I'll break your legs at the derby",
    "we'll murder you on Saturday",
    "I'm going to bury you at the derby, you little rat.",
    "City fans, we'll slaughter you and your families after the final.",
    "We're going to destroy you in the derby, we know where you live.",
    "We'll slaughter you in the derby, bring a bat.",
    "We'll murder you lot at the match and your mum after.",
]


# Held by the classifier, not by a check: 0.80 by 2.17-news, which learnt the tenth to twelfth rounds of comments
# written for Masthead, over the 3% default's threshold (0.741).
HELD_BY_THE_CLASSIFIER = frozenset([
    "My trans cousin gets 'kill yourself, freak' in her DMs almost daily. Nobody should be defending that.",
])


@pytest.mark.parametrize("text", REPORTED_SLURS + RECEIVED + ROUTS)
def test_reported_slurs_and_routs_are_published(text):
    assert_published_unless_the_classifier_holds(text, HELD_BY_THE_CLASSIFIER)


@pytest.mark.parametrize("text", SLURS_OF_THE_WRITER + MESSAGES_OF_THE_WRITER + ROUTS_AS_MENACE)
def test_the_writers_own_slurs_and_menace_stay_held(text):
    decision = screen(text, known_guest())
    assert decision.action == Action.HOLD, (text, decision.normalised, decision.reasons, decision.scores)


def test_the_sets_are_large_enough():
    published = REPORTED_SLURS + RECEIVED + ROUTS
    held = SLURS_OF_THE_WRITER + MESSAGES_OF_THE_WRITER + ROUTS_AS_MENACE
    assert len(set(published)) == len(published) >= 15
    assert len(set(held)) == len(held) >= 15
