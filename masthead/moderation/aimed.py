"""Evaluative words aimed at a thing, not a person: "this idiotic policy", "the bill is stupid", "calling this plan
moronic is generous", "the stupidest piece of legislation in years".

The classifier learnt "idiotic", "stupid" and "moronic" from comments that aim them at people, so harsh criticism
of a policy, a bill, an article or a referee's decision scores like an insult. ``unaimed_text`` finds the
evaluative words whose target is a non-human thing (the adjective modifies a thing noun, or is predicated of one,
or of "it"/"this"/"that", or a sentence is nothing but a verdict, "Utter rubbish.", in a comment that names no
person) and, when no person is a target anywhere in the comment, returns the text without them:
``pipeline.screen`` scores that copy too and decides on it (both scores are kept). It runs only for a comment the
classifier would hold, so the common path costs nothing.

Two kinds of word are read the same way since the twelfth round: the swear words a comment aims at things ("shit
decision, shit process, shit outcome", "this show is absolute shit now"), and the words of an office holder's
competence said of the office ("the health minister is useless", "hopeless referee", ``_ROLE``); "stupid" or
"moronic" said of a person stay insults, and so does "useless" beside an insult noun ("what a useless cow"). Since
the thirteenth round a sentence that is nothing but a list of things judged one by one ("Shit planning, shit roads,
shit buses.") is read as aimed at things when one of them is a known thing and none a person or a group (``_LIST``).

A person is a target, and nothing is returned, when: an evaluative word is left that no thing structure took
("stupid policy from a stupid cow", "the minister is stupid, the bill is idiotic"); a sentence with a thing
evaluation compares it with a person ("as stupid as its author") or extends it to one ("and so is its sponsor");
the comment has a second-person word anywhere ("your policy is stupid", "stupid idea. shame on you"), an insult
noun, a profane word or slur, or a threat, group-violence, insult or identity finding (``hate.signals``).
"""

from __future__ import annotations

import re

from masthead.moderation.copies import SENTENCE, without
from masthead.moderation.frames import SECOND_PERSON
from masthead.moderation.hate import IDENTITY_WORDS, signals
from masthead.moderation.lexicon import INSULT_WORDS, PROFANITY, VERMIN_WORDS, text_words


def _alternation(words: str) -> str:
    return "(?:" + "|".join(sorted(words.split(), key=len, reverse=True)) + ")"


# Evaluative adjectives and nouns that read as insults when aimed at a person.
_EVALUATIVE = (
    "idiotic stupid stupider stupidest moronic dumb dumber dumbest asinine imbecilic cretinous brainless mindless "
    "witless halfwitted harebrained boneheaded pathetic ridiculous ludicrous laughable absurd insane crazy "
    "crazier craziest bonkers deranged demented senseless idiocy stupidity lunacy insanity "
    "imbecility moronity garbage trash rubbish drivel tripe hogwash claptrap nonsense crap crappy joke "
    "farce shambles travesty abomination disgrace disgraceful clownish clueless dimwitted dopey daft "
    # an office holder's competence ("the health minister is useless", "hopeless referee"); see _ROLE below
    "useless incompetent hopeless inept shambolic "
    # the swear words a comment aims at things ("shit decision, shit process", "this show is absolute shit");
    # aimed at a person they are a profane word, which the profanity check reads and ``frames`` frames
    "shit shitty shite"
)
_EVALUATIVE_WORDS = frozenset(_EVALUATIVE.split())
_EVAL = _alternation(_EVALUATIVE)
# Things a comment criticises: laws and plans, writing, decisions, performances, ideas.
_THINGS = (
    """policy policies bill bills law laws legislation plan plans scheme schemes proposal proposals decision
    decisions ruling rulings verdict verdicts judgment judgement article articles piece column columns
    editorial op-ed headline headlines story stories report reports coverage idea ideas notion notions concept
    argument arguments logic reasoning take takes budget budgets tax taxes tariff tariffs reform reforms rule rules
    regulation regulations amendment amendments motion strategy strategies tactic tactics approach move moves
    initiative initiatives programme program project projects system design performance performances display
    result results game match season campaign deal agreement treaty ban mandate lockdown restriction restrictions
    cut cuts hike increase spending response statement statements speech speeches tweet tweets film movie book
    show series episode
    script plot ending finale referee refereeing var penalty offside goal selection substitution substitutions
    formation lineup line-up tactics priorities priority system process procedure survey poll analysis study
    theory claim claims suggestion suggestions solution solutions waste investment contract order orders
    proposition measure measures act acts review appointment manifesto pledge promise promises roadmap
    timetable schedule outcome outcomes situation weather pitch pitches service services week weekend day
    traffic roads trains buses prices food app website update broadband signal wifi potholes roadworks queue
    queues delay delays album song songs gig concert finish start half"""
)
_THING_WORDS = frozenset(_THINGS.split())
_THING = _alternation(_THINGS)
_DET = r"(?:the|this|that|these|those|such|a|an|another|its|their|his|her|our|any|every|whole|entire)"
_DEGREE = (r"(?:so|very|really|truly|utterly|totally|completely|absolutely|just|simply|plain|plainly|downright|"
           r"frankly|quite|rather|pretty|beyond|most|more|incredibly|unbelievably|breathtakingly|staggeringly|"
           r"monumentally|spectacularly|remarkably|genuinely|bloody|deeply|equally|also|too|still|again|such|a|an|"
           r"pure|utter|complete|total|absolute|sheer|one|the|of|and|as)")
# A word that may stand between an evaluative word and its noun: not a determiner, conjunction, verb or pronoun
# ("stupid and this bill" is no "stupid bill").
_MODIFIER = (r"(?:(?!(?:the|this|that|these|those|a|an|and|or|but|is|was|are|were|be|by|from|to|of|in|on|with|"
             r"for|it|he|she|they|we|i|you|who|which|what|his|her|their|its|my|your|our|would|will|can|could|should|"
             r"must|may|might|has|have|had|do|does|did|not|as|than|like)\b)[a-z'-]+ )")
_PERSON_NOUN = (r"(?:author|authors|writer|writers|sponsor|sponsors|minister|ministers|mp|mps|mayor|president|"
                r"leader|leaders|people|person|man|woman|men|women|guy|guys|boss|manager|coach|referee|ref|creator|"
                r"creators|maker|makers|architect|architects|supporters|backers|voters|fans|government|party|"
                r"councillors?|councilors?|senators?|governor|editor|editors|reporter|journalist|critics?|owner|"
                r"owners|chairman|chief|team|players?|cabinet|officials?|politicians?|proponents?|defenders?|"
                r"idiots?|morons?|fools?|cow|cows|child|children|kid|kids|boy|girl|lady|bloke|fella|lot|hosts?|stars?|"
                r"presenters?|anchors?|cowards?|hacks?|liars?|losers?|clowns?|crooks?)")
# "idiotic policy", "the most idiotic, short-sighted budget", "the stupidest piece of legislation".
_ATTRIBUTIVE = re.compile(
    rf"\b(?P<eval>{_EVAL})(?:,? (?:and |, )?{_EVAL})*,? {_MODIFIER}{{0,2}}?(?:(?:piece|bit|kind|sort|type) of )?"
    rf"{_MODIFIER}{{0,1}}?(?P<thing>{_THING})\b(?!['\u2019]s| (?:[a-z'-]+ )?{_PERSON_NOUN}\b)"
)
_COPULA = (r"(?:is|was|are|were|be|been|being|seems|seem|seemed|looks|look|looked|sounds|sound|sounded|remains|"
           r"remain|felt|feels|became|becomes|'s|\u2019s)")
# "the bill is idiotic", "this plan was, frankly, stupid", "the decision of the referee was a joke".
_PREDICATED = re.compile(
    rf"(?:^\s*|[,.;:!?(\-]\s*|\b(?:and|but|so|because|since|yet|though|although|while|think|thought|believe|guess|say|"
    rf"said|that|honestly|frankly|seriously|clearly|obviously|well|now|still|also|find|found|finds|call|calling|"
    rf"called|consider|considered|deem|deemed|makes|made|make) )"
    rf"(?:{_DET} )?{_MODIFIER}{{0,2}}?{_THING}(?: (?:of|on|for|to|from|about|in) {_MODIFIER}{{1,3}}?)??"
    rf"(?:,? {_COPULA}) (?:,? ?(?:{_DEGREE}|not just|not only|nothing but|little more than|bordering on|"
    rf"verging on)(?: |, ))*(?P<eval>{_EVAL})\b(?! (?:[a-z'-]+ )?{_PERSON_NOUN}\b)"
)
# "calling this policy idiotic", "I find the plan moronic".
_NAMED = re.compile(
    rf"\b(?:call|calls|calling|called|find|finds|finding|found|consider|considers|considering|considered|deem|"
    rf"deems|deemed|label|labels|labelling|labeling|labelled|labeled|rate|rated) (?:{_DET} )?{_MODIFIER}{{0,2}}?"
    rf"{_THING} (?:(?:{_DEGREE}|nothing but|little more than) )*(?P<eval>{_EVAL})\b(?! (?:[a-z'-]+ )?{_PERSON_NOUN}\b)"
)
# "it's idiotic", "this is stupid", "that was a joke" (a pronoun for a thing, the word not followed by a noun).
_PRONOUN = re.compile(
    rf"(?:^\s*|[,.;:!?(\-]\s*|\b(?:and|but|so|because|honestly|frankly|seriously|well) )(?:it|this|that)"
    rf"(?:['\u2019]s| is| was| seems| sounds| looks)(?: (?:{_DEGREE}|not just|nothing but))* (?P<eval>{_EVAL})"
    rf"(?=\s*(?:[,.;:!?)\-]|$|and\b|but\b|in\b|to\b|from\b|by\b))"
)
# Office holders, whose competence a news comment judges in their role: "the health minister is useless", "a
# hopeless referee", "this incompetent council". Only the words of competence are read so; "stupid", "moronic" and
# the like said of a person stay an insult.
_COMPETENCE = _alternation("useless incompetent hopeless inept clueless shambolic")
_ROLE = _alternation(
    """minister ministers mayor council councils councillor councillors government cabinet manager managers
    referee referees ref refs linesman linesmen umpire umpires owner owners board chairman chair coach mp mps
    president senator senators governor
    police officials official secretary chancellor premier leadership management administration opposition
    defence defense keeper goalkeeper striker strikers midfield squad team regulator watchdog department ministry
    authority trust club party""")
_ROLE_PREDICATED = re.compile(
    rf"\b(?:the|this|that|these|those|our|their|his|her|its|whole) {_MODIFIER}{{0,2}}?{_ROLE}"
    rf"(?:,? {_COPULA}) (?:,? ?(?:{_DEGREE}|not just|nothing but)(?: |, ))*(?P<eval>{_COMPETENCE})\b"
    rf"(?! (?:[a-z'-]+ )?{_PERSON_NOUN}\b)"
)
_ROLE_ATTRIBUTIVE = re.compile(rf"\b(?P<eval>{_COMPETENCE}) {_MODIFIER}{{0,1}}?{_ROLE}\b(?!['\u2019]s)")
# A sentence that is nothing but a list of things judged one by one: "Shit planning, shit roads, shit buses.",
# "Crap script, crap casting, crap soundtrack." A thing named in the list carries the rest ("planning", "casting"
# are not in _THING); a person or a group named in it ("shit ref", "shit foreigners") keeps the sentence as it is.
_LIST_ITEM = rf"{_EVAL} (?:[a-z'-]+ )?[a-z'-]+"
_LIST = re.compile(rf"^\s*{_LIST_ITEM}(?:(?:,|;|,? and|,? &) {_LIST_ITEM})+\s*[.!]*\s*$")
_LIST_NOUN = re.compile(rf"\b{_EVAL} (?:([a-z'-]+) )?([a-z'-]+)\b")
_PERSON_WORD = re.compile(rf"{_PERSON_NOUN}|{_ROLE}")
# The evaluative words said of things rather than people when they stand alone ("Stupid.", "Pathetic." may answer
# a commenter).
_VERDICT = _alternation(
    "ridiculous ludicrous laughable absurd insane crazy bonkers lunacy insanity garbage rubbish drivel tripe "
    "hogwash claptrap nonsense farce shambles travesty")
# A sentence that is nothing but a verdict, with no noun to aim it: "Ridiculous.", "Utter rubbish.", "What a
# farce.", "Typical Tory nonsense." In a comment that names no person it is said of the story or the thing it
# answers (a person named anywhere, "Useless, the lot of them.", keeps the whole comment as it is).
_BARE = re.compile(
    rf"^\s*(?:(?:what|such) (?:a |an )?|(?:a )?(?:load|lot|pile|heap|bunch|right load) of )?"
    rf"(?:(?:{_DEGREE}|typical|predictable|more|same old|pure|sheer) )*{_MODIFIER}?(?P<eval>{_VERDICT})"
    rf"(?: (?:as usual|again|as ever|from start to finish))?\s*[.!?]*\s*$"
)
_PERSON = (r"(?:he|she|him|her|they|them|himself|herself|themselves|whoever|who|(?:the|its|his|her|their|a|an) "
           rf"(?:[a-z'-]+ )?{_PERSON_NOUN}|[a-z]+['\u2019]s (?:mum|mom|mother|father|dad|wife|husband|brain|head))")
# A person brought into the evaluation: "from an utter ...", "as stupid as its author", "and so is its sponsor",
# "and the mayor is just as stupid".
_AIMED_AT_PERSON = re.compile(
    rf"\b(?:from|by|of) (?:a|an|such an?|this|that|the) (?:utter|complete|total|absolute|real|proper|right|bunch "
    rf"of)\b|\b(?:as|than|like) {_PERSON}\b|\bso (?:is|are|was|were|does|do) |\b(?:and|,) {_PERSON} "
    rf"(?:is|are|was|were) (?:just |even )?(?:as |more |a |an )?(?:{_EVAL})\b")
_NAMES_A_PERSON = re.compile(rf"\b(?:{_PERSON}|i|we|us|lot|{_PERSON_NOUN})\b")
# Insult nouns, vermin words and profanity: the evaluative words among them are read above, and "piece" and
# "waste" are insults only in "piece of shit", "waste of space" (the insult patterns of ``lexicon.py``).
_BLOCKING_WORDS = (INSULT_WORDS | VERMIN_WORDS | PROFANITY) - _EVALUATIVE_WORDS - {"piece", "waste"}


def _thing_spans(sentence: str) -> list[tuple[int, int]]:
    """The spans of the evaluative words aimed at a thing in one sentence."""
    spans = []
    if _LIST.match(sentence):
        words = [word for match in _LIST_NOUN.finditer(sentence) for word in match.groups() if word]
        if not _THING_WORDS.isdisjoint(words) and not any(
                _PERSON_WORD.fullmatch(word) or word in IDENTITY_WORDS for word in words):
            spans += [word.span() for word in re.finditer(rf"\b{_EVAL}\b", sentence)]
    for pattern in (_ATTRIBUTIVE, _PREDICATED, _NAMED, _PRONOUN, _BARE, _ROLE_PREDICATED, _ROLE_ATTRIBUTIVE):
        for match in pattern.finditer(sentence):
            if pattern is _ATTRIBUTIVE:
                # Every evaluative word of a run ("the most absurd, idiotic budget") is aimed at the thing.
                spans += [word.span() for word in re.finditer(rf"\b{_EVAL}\b", sentence)
                          if match.start() <= word.start() < match.start("thing")]
            else:
                spans.append(match.span("eval"))
    return spans


def unaimed_text(normalised_text: str) -> str | None:
    """The text without its evaluative words aimed at things, when it has some and no person is a target (see the
    module doc); else None."""
    words = text_words(normalised_text)
    if _EVALUATIVE_WORDS.isdisjoint(words) or not _BLOCKING_WORDS.isdisjoint(words) or not SECOND_PERSON.isdisjoint(
            words):  # the reader in the comment: "stupid idea. shame on you" may be aimed at them
        return None
    if signals(normalised_text):  # a threat, a call for violence, an insult, derogation of a group
        return None
    removed: list[tuple[int, int]] = []
    for sentence_match in SENTENCE.finditer(normalised_text):
        sentence, offset = sentence_match.group(0), sentence_match.start()
        evaluative = [word.span() for word in re.finditer(rf"\b{_EVAL}\b", sentence)]
        if not evaluative:
            continue
        aimed = set(_thing_spans(sentence))
        if any(span not in aimed for span in evaluative):
            return None  # a word no thing structure took: perhaps aimed at a person
        if _AIMED_AT_PERSON.search(sentence):
            return None
        if _BARE.search(sentence) and _NAMES_A_PERSON.search(normalised_text):
            return None  # a bare verdict in a comment about a person may be said of them
        removed += [(start + offset, end + offset) for start, end in sorted(aimed)]
    return without(normalised_text, removed) if removed else None
