# ruff: noqa: RUF001 - look-alike letters are part of the disguised examples
"""Benign news comments that share abuse's words are published; abuse written to look like them stays held.

A development set written from general knowledge for this purpose (not from HateCheck or any evaluation set):
reported speech, condemned quotes, counter-speech, history, war, crime and court reporting, sport and idioms,
medicine and animals, literature and film, self-deprecation, profanity aimed at no one, quoted words; and beside
them threats, calls for violence, dehumanisation, insults and disguised spellings, some wrapped in the same frames
("I told you: ...", "the councillor said it best: ...", "it is not wrong to say ..."). Measured through the whole
pipeline as a guest with earlier published comments (no first-comment review)."""

from __future__ import annotations

import pytest

from masthead.moderation.models import Action
from masthead.moderation.pipeline import screen
from masthead.moderation.tests.development_sets import (
    assert_published_unless_the_classifier_holds,
    known_guest,
    marking_failures,
)

pytestmark = pytest.mark.django_db

BENIGN_KIN = [
    # Reported speech: what a suspect, a witness or a court said.
    "The suspect told police he would kill his neighbour, the court heard.",
    "According to the indictment, he said he would shoot the mayor if the permit was refused.",
    "She claimed her former husband had threatened to break her legs.",
    "Witnesses said the man shouted that he would kill them all before officers arrived.",
    "The prosecutor read out the message in which he wrote \"I will find you and hurt you\".",
    "He was accused of telling a colleague he hoped she would die.",
    "Police reported that the gunman had vowed to kill the judge.",
    "The jury heard that the accused had said he wanted to see her dead.",
    "The reporter said the crowd chanted \"hang him\", which is chilling.",
    "Officers said the driver told them he was going to kill himself.",
    # Condemning a quote.
    "Calling immigrants vermin, as the councillor did, is disgraceful.",
    "Describing refugees as \"a plague\" is dehumanising and should be condemned.",
    "The MP who said protesters should be shot must resign.",
    "His tweet that journalists should be hanged is unacceptable.",
    "The minister's remark that migrants breed like rabbits was rightly condemned.",
    "Comparing people to rats is exactly how genocides start, and the leaflet was wrong to do it.",
    "The pastor who preached that gay people deserve to die has been rightly criticised.",
    "To call asylum seekers cockroaches, as that columnist did, is beneath a newspaper.",
    # Counter-speech.
    "No, women are not inferior, and saying so is hateful.",
    "Muslims are not terrorists, and painting them that way is bigotry.",
    "Refugees are not vermin; they are people fleeing war.",
    "Immigrants are not animals, whatever the leaflet says.",
    "It is wrong to say that Jews can't be trusted.",
    "Disabled people are not a burden, and I'm tired of hearing it.",
    "I will never accept anyone calling my neighbours subhuman.",
    "Nobody deserves to be shot for what they believe.",
    # History.
    "The regime had dissidents shot and their families deported.",
    "In 1944 thousands of Jews were gassed at Auschwitz; we must never forget.",
    "The Nazis called Jews vermin to make murder seem normal.",
    "Soldiers executed prisoners in the square, the historian writes.",
    "Stalin's secret police shot hundreds of thousands in the purges.",
    "Before the genocide, Rwandan radio called Tutsis cockroaches.",
    "The rebels were hanged at dawn after the uprising of 1798.",
    # War and crime reporting.
    "Two men were stabbed outside the pub on Saturday night, police said.",
    "The sniper shot three civilians before he was killed by police.",
    "Militants beheaded the hostage, the ministry confirmed.",
    "Gunmen murdered the family in their beds, survivors told reporters.",
    "The shelling killed eleven people queuing for bread.",
    "A woman was attacked in the park and the council still won't fix the lights.",
    # Courts.
    "He was sentenced to hang in 1950, but the sentence was commuted.",
    "The judge said the attack was an attempt to kill the victim.",
    "The last man executed in Britain was hanged in 1964.",
    "The court ruled that the officer who shot him acted lawfully.",
    # Sport and idioms.
    "We'll destroy them in the final.",
    "I could kill for a coffee right now.",
    "That joke killed me.",
    "The bill will kill small businesses.",
    "Our defence murdered them in the second half.",
    "City absolutely slaughtered United five nil.",
    "I'd murder a pint after that match.",
    "The new tax will murder the high street.",
    "The rain killed the mood at the festival.",
    "We're going to kill it at the regional finals this year.",
    "This heat is killing me.",
    "Inflation will destroy the economy if nobody acts.",
    "This commute is going to be the death of me.",
    "The comedian absolutely killed on Saturday night.",
    "The mayor's plan was shot down by the council.",
    "The opposition will murder the budget in committee.",
    "Kill the lights when you leave the hall.",
    "We'll crush them at the ballot box.",
    "The striker shot wide again; he should be dropped.",
    # Medicine and animals.
    "Rats carry disease, so the council must fix the bins.",
    "A plague of locusts destroyed the harvest in east Africa.",
    "The vet had to put the dog down after the accident.",
    "Farmers shoot foxes to protect their lambs.",
    "Cockroaches infested the school kitchen, inspectors found.",
    "The virus kills about one in a hundred people it infects.",
    "Lice and other parasites spread quickly among children at school.",
    "Pigs are smarter than dogs, the study says.",
    # Literature and film.
    "In Macbeth he murders the king and is haunted by it.",
    "The film ends with the hero shot dead by the police.",
    "In the novel the villain says \"I will kill you all\" and nobody believes him.",
    "Kafka's Gregor wakes up as a giant insect.",
    "The play's final act, where the king is hanged, is brilliant.",
    # Self-deprecation.
    "I'm such an idiot, I forgot my ticket again.",
    "I was a complete fool to vote for them.",
    "Call me a moron, but I still like the old bridge.",
    "I'm an idiot for believing the timetable.",
    # Profanity aimed at no one.
    "This fucking weather is ruining the harvest.",
    "Holy shit, the roads are finally fixed.",
    "What a fucking mess the council made of the bins.",
    "Fuck, I missed the deadline for the consultation.",
    "Shit happens; the pothole will be fixed next week.",
    "The queue at the post office was fucking endless again today.",
    "Another rent rise? That's shit news for every student in town.",
    # Abuse said to the writer or their family, quoted: a report, whoever the passive names.
    "My son was told to 'go hang yourself' in a class group chat and the school did nothing.",
    "I was told \"we will burn your house down\" by a man outside the court last year.",
    "Somebody spray-painted 'we know where you live' on the councillor's garage, which is chilling.",
    "Calling asylum seekers a plague is exactly the dehumanising talk that comes before attacks.",
    "What a fucking save from their keeper in the last minute!",
    "Third flood on our street this year. I'm so fucking tired of sandbags.",
    "Another burst water main on Fore Street this week. Fucking joke.",
    # "shit" as the situation, and violence wished in exasperation on whoever made a thing (session 20)
    "I'm so tired of this shit. Third boil-water notice this year and the board keeps voting itself raises.",
    "Sick of this shit, the bins on Alder Close haven't been collected in three weeks.",
    "I'd happily strangle whoever designed the new parking meters. Card only, and half of them don't work.",
    "I could throttle whoever came up with this bus timetable, two buses an hour and both at ten past.",
    "The court saw messages of him telling a boy to 'go kill yourself'; he got a caution.",
    # Reclaimed and quoted words.
    "The word \"queer\" has been reclaimed by many in the community.",
    "He was fired for calling a colleague a \"retard\" in a meeting.",
    "The councillor was suspended for calling residents \"scum\".",
    "The club banned the fan who called the striker a monkey.",
    # A second batch, written after the frames, to see whether they carry over.
    "The defendant told the court he had planned to shoot the officer.",
    "Prosecutors say the man threatened to kill his wife on several occasions.",
    "The leaked messages show the group discussed how to hang the governor.",
    'A witness testified that the attacker screamed "die, all of you" as he fired.',
    "The minister's claim that asylum seekers are \"parasites\" drew outrage.",
    "Referring to migrants as an infestation, as the leaflet did, is hate speech.",
    "Labelling the homeless as vermin is dehumanising and the council should apologise.",
    "The general ordered his troops to execute the prisoners, the tribunal found.",
    "In 1972 paratroopers shot thirteen civil rights marchers dead.",
    "The cartel beheaded rivals and hung their bodies from bridges, the report says.",
    "Nobody should be executed for a crime they did not commit.",
    "No one deserves to die like that, alone in a cell.",
    "I could murder a curry after the late shift.",
    "The new stadium rules will kill the atmosphere.",
    "Our bowlers absolutely destroyed them on the first day.",
    "That headline killed me, well done to the sub-editor.",
    "The frost killed half my tomatoes.",
    "Mosquitoes carry malaria, and the new nets save lives.",
    "The town had a plague of rats after the bin strike.",
    "The play opens with Hamlet vowing to kill his uncle.",
    "In the film, the mob boss says \"I'll kill you all\" and then the lights go out.",
    "I'm such a fool for trusting the forecast.",
    "Bloody hell, the bus is late again.",
    "Oh fuck, the ferry's cancelled again.",
    "This shitty weather has flooded the cellar.",
    'The rapper was criticised for lyrics calling women "bitches".',
    'The player was banned for calling an opponent a "faggot".',
    'He was jailed for posting that Muslims should be "wiped out".',
    'The councillor who tweeted that travellers are "vermin" has resigned.',
    'The protest sign read "hang the traitors", police said.',
    # A slur the writer or their family received, told in the passive; an election promised as a rout.
    "I was called a paki at school most days and nobody did a thing about it.",
    "My dad got called a wetback at every job he had, and he kept turning up.",
    "Voters are going to bury him in November, the polls are brutal.",
    "The base will destroy her in the primary if she backs that bill.",
    "Labour will slaughter them in the by-election, the seat is theirs to lose.",
    # A report inside a clause of telling or knowing ("should mention that", "I heard that"): still a report.
    "I heard that a man shouted 'kill the lot of them' outside the mosque, which is horrifying.",
    "The article should mention that protesters chanted 'burn them out' at the hotel.",
    # Disasters and accidents told, not wished; a place flattened by weather.
    "The car burst into flames with him inside and a passer-by pulled him out.",
    "The ferry sank with everyone on board in 1987, a terrible day.",
    "The storm will flatten the crops and everyone in the valley is worried.",
    "The driver wrapped his car round a tree on the A5 last night; thoughts with his family.",
    "Hope nobody wraps their car round a tree on that bend again, the council must fix it.",
]

ABUSIVE = [
    # Profanity at a person beside a thing's state ("the queue was fucking endless" is kin above).
    "The warden on our street was fucking useless and the council should sack him.",
    "You were fucking useless at the meeting and everyone saw it.",
    "Someone should have told him \"kill yourself\" years ago.",
    "I said \"hang them all\" at the meeting and I meant every word.",
    "Calling refugees vermin is exactly right.",
    "He said \"hang them all\" and he was exactly right.",
    "The new councillor for our ward? He is a fucking joke.",
    "I keep telling him \"go kill yourself\" and I mean it.",
    # Threats.
    "I will kill you if you write about my family again.",
    "I know where you live and I'm coming for you.",
    "Keep writing this rubbish and I'll break your jaw.",
    "Someone should shoot the editor.",
    "That judge should be hanged for this ruling.",
    "I hope you die in a car crash.",
    "You deserve a bullet.",
    "We'll find you and make you pay.",
    "I'm going to stab you next time I see you.",
    "Watch your back, reporter.",
    "The councillor deserves to be beaten to death.",
    "I would love to see that journalist swinging from a lamppost.",
    "Kill yourself.",
    "Go hang yourself, loser.",
    "Someone should kill that reporter and his whole family.",
    "Kill the mayor.",
    "I could kill you for writing this.",
    "Your family deserves to die.",
    "I hope your children get cancer.",
    "Hang him from a lamp post.",
    # Threats wrapped in the frames benign comments use.
    "I said it before and I'll say it again: I will kill you.",
    "Like I told you, I'm going to burn your house down with you in it.",
    "They say I'm violent. Fine: I will find you and break your legs.",
    "Mark my words, you will be shot.",
    "Don't say you weren't warned: we'll hang you from the nearest tree.",
    "I was joking before, but seriously, I will kill you.",
    "\"Traitor\" is too kind: that man should be hanged.",
    "I'm telling you now, I will stab you.",
    # Calls for violence.
    "All immigrants should be shot at the border.",
    "Someone needs to put a bullet in that traitor.",
    "Round up the Muslims and gas them all.",
    "Hang every last one of those politicians.",
    "The protesters should all be run over.",
    "Kill all the gays.",
    "Lynch the lot of them.",
    "Death to all Jews.",
    "These traitors should be put up against a wall.",
    "We should murder every one of them.",
    "They should be exterminated like rats.",
    "Women who talk like that deserve to be raped.",
    # Dehumanisation.
    "Immigrants are vermin.",
    "Refugees are rats and should be treated like rats.",
    "Muslims are a cancer on this country.",
    "They breed like cockroaches.",
    "Those people are animals, not humans.",
    "Travellers are subhuman filth.",
    "Gay people are a disease.",
    "These migrants are parasites living off our taxes.",
    "Jews are parasites.",
    # Dehumanisation wrapped in frames.
    "The councillor said it best: immigrants are vermin.",
    "It's not wrong to say they are vermin.",
    "There is nothing disgraceful about saying refugees are rats.",
    "Everyone knows immigrants are rats.",
    "I don't care what anyone says, Muslims are a cancer.",
    "No, they are not people, they are animals.",
    # Insults.
    "You are an idiot.",
    "You're a pathetic excuse for a journalist, you moron.",
    "Shut the fuck up.",
    "You absolute waste of space.",
    "What a fucking idiot the writer is.",
    "Go fuck yourself.",
    "You're a disgrace and a liar.",
    "The author is a retard.",
    "Nobody cares what you think, you brainless troll.",
    "Fuck you and your newspaper.",
    "You dumb bitch.",
    "Piece of shit reporter.",
    "This writer is a cunt.",
    "Die, you worthless scum.",
    # Insults wrapped in frames.
    "People say you're an idiot, and they're right.",
    "My friend told me you are a moron and I agree.",
    "No, you are not smart, you are an idiot.",
    "I'm not an idiot, you are.",
    "Call me rude, but you are a moron.",
    # More of the same, written to test the frames.
    "He said it and I agree: the judge should be hanged.",
    "Like the man said, the judge should be hanged.",
    "Everyone said the editor deserves a bullet.",
    "The mayor said nothing, and that traitor should be hanged.",
    "He told me you deserve a bullet.",
    "They said you should be shot.",
    "My dad always said immigrants are rats.",
    "It's not disgraceful to say refugees are vermin.",
    "Saying they are vermin is not wrong.",
    "Some say journalists should be hanged. I agree.",
    'I said "I will kill you" and I meant it.',
    '"I will kill you."',
    '"You are an idiot" is what I say to you.',
    "Call me an idiot, you moron.",
    "Fuck off, idiot.",
    "The fucking mayor should resign.",
    "Holy shit you are dumb.",
    # A second batch, written after the frames.
    "Somebody should shoot that reporter before he writes again.",
    "Mark my words: the judge will be hanged.",
    "I'll slit your throat if I see you at the rally.",
    "Tell the editor I said he deserves a bullet.",
    "Journalists are vermin, plain and simple.",
    "Refugees are cockroaches and should be stamped out.",
    "You deserve to be raped.",
    "Gas the lot of them.",
    "The councillors should be strung up.",
    "You're a worthless piece of shit.",
    "Reporters like you deserve a beating.",
    "They say I'm a troll, but you're the moron here.",
    "Not that I'd ever say it, but you should die.",
    "Quote me on this: I will kill the mayor.",
    "Print this: I will find you.",
    "Women are animals and should be caged.",
    # Disguised spellings.
    "k i l l   y o u r s e l f",
    "you are a f*cking m0ron",
    "I will k1ll you",
    "ｇｏ ｄｉｅ",
    "you 1d10t",
    "Sh00t the editor.",
    "ur a wh0re",
    "youareanidiot",
    "i hope u d1e",
    "f u c k   y o u",
    "ѕtupid bіtch",
    # Misspelt group name and dehumanising word: the identity signals read it, but no check holds it and the
    # classifier scores it 0.68 (under the hold threshold); held by neither main nor this code.
    "Imigrants are vermn.",
    # Held neither by main nor by this code when written: a saying, a verbless fragment, a wish of an accident, a
    # plain "hurt" (held since violence.py).
    "As the old saying goes, hang the traitors.",
    "Immigrants? Vermin, every one of them.",
    "I hope the writer's kids get hit by a bus.",
    "I am not joking, I will hurt you.",
    # The passive calling endorsed or aimed at the reader; harm before a vote called for, or one person's promise.
    "He was called a faggot and he deserved it.",
    "You were called a wetback because that's what you are.",
    "They should murder him before the election.",
    "Someone needs to bury her before the vote.",
    "I'm going to murder him at the count.",
    "Someone should have shouted 'burn them out' years ago.",
    "You should know that I said 'burn them out' and meant it.",
    # A disaster wished on someone with them inside; a place and everyone in it; an accident wished.
    "Wouldn't lose sleep if his office went up in flames with him in it.",
    "Shame the ferry didn't sink with them all aboard.",
    "Flatten the town and everyone in it.",
    "Hope the referee wraps his car round a lamppost.",
    # the same frames with a person in them (session 20)
    "I'd happily strangle whoever wrote this article.",
    "I'll strangle whoever designed the scheme, he lives on Elm Road.",
    "I'm tired of this shit from you, crawl back under your rock.",
    "Anyone who believes this shit is a brainwashed sheep.",
]

# Held neither by main nor by this code yet (each an expected failure: move it out once it is held).
NOT_HELD_YET: frozenset[str] = frozenset()

# Benign kin the classifier itself scores above the hold threshold (profanity, self-deprecation, a group named
# beside "terrorists"): no check holds them, the model does. Kept in the set so its figure stays honest.
HELD_BY_THE_CLASSIFIER = frozenset([
    "Muslims are not terrorists, and painting them that way is bigotry.",
    "I'm such an idiot, I forgot my ticket again.",
    "I'm an idiot for believing the timetable.",
    # scored 0.83 by 2.11-news, over the threshold of the 3% default (0.807)
    "Shit happens; the pothole will be fixed next week.",
    # scored 0.75-0.87 by 2.13-news, which learnt the fourth round of comments written for Masthead (menace by
    # knowledge, exclusion of groups, "do us all a favour"), over the 3% default's threshold (0.746)
    "His tweet that journalists should be hanged is unacceptable.",
    "No one deserves to die like that, alone in a cell.",
    # scored 0.75-0.77 by 2.14-news, which learnt the fifth round of comments written for Masthead (veiled menace,
    # harm pictured, blunt verdicts), over the 3% default's threshold (0.751)
    "Kill the lights when you leave the hall.",
    "Hope nobody wraps their car round a tree on that bend again, the council must fix it.",
    # scored 0.79 by 2.16-news, which learnt the sixth to eighth rounds of comments written for Masthead, over the
    # 3% default's threshold (0.741)
    "Call me a moron, but I still like the old bridge.",
])


guest = known_guest


@pytest.mark.parametrize("text", BENIGN_KIN)
def test_no_check_holds_benign_news_comments_sharing_abuses_words(text):
    assert_published_unless_the_classifier_holds(text, HELD_BY_THE_CLASSIFIER, guest())


@pytest.mark.parametrize("text", marking_failures(ABUSIVE, NOT_HELD_YET, "not held yet"))
def test_abuse_stays_held_in_any_frame(text):
    decision = screen(text, guest())
    assert decision.action == Action.HOLD, (text, decision.normalised, decision.reasons)


def test_the_development_set_is_large_enough():
    assert len(set(BENIGN_KIN)) == len(BENIGN_KIN) >= 80
    assert len(set(ABUSIVE)) == len(ABUSIVE) >= 80
    assert set(ABUSIVE) >= NOT_HELD_YET
    assert set(BENIGN_KIN) >= HELD_BY_THE_CLASSIFIER
