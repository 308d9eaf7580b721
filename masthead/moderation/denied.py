"""Insults the writer denies: "you're not stupid, you're misinformed", "he is no fool", "he isn't a fool", "nobody
here is calling you an idiot", "I'm not saying the writer is a moron, just that the figures are wrong".

The classifier and the insult and profanity checks see "stupid", "fool", "idiot" said of a person, so a comment
defending someone scores like one attacking them. ``undenied_text`` finds the insult words (adjectives and insult
nouns) that not/no/n't/never/nobody directly deny in the same clause and returns the text without them; like
``aimed.unaimed_text`` it runs only for a comment something would hold, and the pipeline scores the copy and runs
the insult and profanity checks on it (both scores kept).

Nothing is returned, and the comment stays held, when: an insult, profane or evaluative word is left that no
denial took ("you're not stupid, you're a fucking moron", "not a fool, a liar"); the negation limits rather than
denies ("not just", "not only", "not even", "not that", "not a complete", "nothing but", "no better than"); the
sentence escalates ("you're worse", "dumber than") or compares ("no one is as stupid as you"); the denial is a
question or a condition ("aren't you stupid?", "anyone who isn't an idiot", "if you're not a moron"); it is the
"I'm not saying you're an idiot, but you act like one" of a hidden insult; or the copy still has a threat, insult
or identity finding (``hate.signals``). A denied POSITIVE word ("he's no genius") is not read: it is an insult.
"""

from __future__ import annotations

import re

from masthead.moderation.aimed import _EVALUATIVE_WORDS
from masthead.moderation.copies import spans_by_sentence, without
from masthead.moderation.hate import signals
from masthead.moderation.lexicon import INSULT_WORDS, PROFANITY, VERMIN_WORDS, text_words

# Insults about a person's mind or worth that a denial can take; slurs and vile words are never released.
_ADJECTIVES = (
    "stupid dumb idiotic moronic ignorant brainless clueless dimwitted thick dense daft foolish silly naive gullible "
    "crazy insane deranged pathetic useless incompetent hopeless worthless")
_NOUNS = (
    "idiot idiots moron morons imbecile imbeciles cretin cretins fool fools loser losers clown clowns halfwit "
    "halfwits dimwit dimwits nitwit nitwits simpleton simpletons buffoon buffoons numpty numpties muppet muppets "
    "pillock pillocks plonker plonkers prat prats dunce dunces dolt dolts twit twits nutter nutters nutcase "
    "lunatic lunatics maniac maniacs troll trolls liar liars hypocrite hypocrites coward cowards crook crooks")
_DENIABLE = frozenset(_ADJECTIVES.split()) | frozenset(_NOUNS.split())
_WORD = "(?:" + "|".join(sorted(_DENIABLE, key=len, reverse=True)) + ")"
_A = r"(?:(?:a|an|some) )?"
# One denied word or a run joined by or/nor ("not stupid or lazy", "neither a fool nor a liar").
_RUN = rf"(?P<run>{_A}{_WORD}(?:,? (?:or|nor) {_A}{_WORD})*)\b(?! (?:about|at|on|with|over)\b)"  # "not crazy about"
_APOS = "['\u2019]?"
_PERSON = (r"(?:i|you|he|she|they|we|it|u|ya|him|her|them|(?:the|this|that|my|your|our|his|her|their) [a-z'-]+"
           r"(?: [a-z'-]+)?|[a-z]+)")
# "he isn't a fool", "you're not stupid", "he is no fool", "they have never been idiots".
_COPULAR = re.compile(
    rf"\b{_PERSON}(?: (?:is|are|was|were|am)(?: not| never| no)| (?:is|are|was|were|ai)n{_APOS}t| isnt| arent|"
    rf" wasnt| werent| aint|{_APOS}(?:s|re|m) (?:not|never|no)| (?:has|have) never been|"
    rf" (?:has|have)n{_APOS}t (?:ever )?been) {_RUN}")
# "nobody here is calling you an idiot", "I'm not saying the writer is a moron", "I never said he was a fool",
# "I don't think you're stupid".
_CALLING = r"(?:call|calls|calling|called|label|labels|labelling|labelled|brand|branding|branded)"
_SAYING = (r"(?:say|says|saying|said|think|thinks|thinking|thought|believe|believes|suggest|suggests|suggesting|"
           r"suggested|imply|implies|implying|implied|claim|claims|claiming|claimed|mean|meant)")
_DENIER = (rf"(?:(?:nobody|no one|no-one|noone)(?: here| else)?(?: is| was| has| had|{_APOS}s)?|"
           rf"(?:i|we)(?: am| are| was| were|{_APOS}m|{_APOS}re) not|(?:i|we) (?:do not|did not|never|don{_APOS}t|"
           rf"didn{_APOS}t|dont|didnt|have never|haven{_APOS}t|would never|wouldn{_APOS}t))")
# The person called the word ("calling you an idiot"), or said to be it ("saying the writer is a moron").
_SAID = re.compile(
    rf"\b{_DENIER} (?:{_CALLING} {_PERSON}|{_SAYING} (?:that )?{_PERSON}(?:{_APOS}re|{_APOS}s| is| are| was| were|"
    rf" be)) {_RUN}")
_NEGATIONS = (_COPULAR, _SAID)
# What makes a denial affirm, compare, ask or hide an insult (see the module doc).
_ESCALATION = re.compile(
    r"\b(?:worse|worst|dumber|stupider|dumbest|stupidest|more (?:of )?(?:an? )?(?:stupid|dumb|idiot|moron|fool)|"
    r"than|nothing but|no better|no more than|beneath|lower|like one|as one|be one|are one|is one|re one|s one|"
    r"if the (?:shoe|cap) fits|just saying|draw your own|prove me wrong)\b")
_CONDITION = re.compile(
    r"\b(?:who|whoever|that|which|if|unless|whether|anyone|anybody|any|everyone|everybody|all|most|many|few|none|"
    r"only|nobody|noone|one)\b[^,]*$")
_QUESTION = re.compile(r"\?\s*$")
_IF = re.compile(r"\b(?:if|unless)\b")
# The denied word affirmed of another afterwards: "I'm not an idiot, you are.", "it wasn't an idiot I called him!
# But you are!"
_AFFIRMED = re.compile(rf"(?:\b(?:but|though|however) |[,;.!?-] ?|^)(?:you|u|he|she|they)(?: sure| certainly| "
                       rf"definitely| clearly)? ?(?:are|is|were|was|{_APOS}re|{_APOS}s)(?: too| though| one)?"
                       r"\s*(?:[.!?,]|$)")
# Every insult, slur, profane or evaluative word: one not denied keeps the comment held.
_HARSH_WORDS = _DENIABLE | INSULT_WORDS | VERMIN_WORDS | PROFANITY | _EVALUATIVE_WORDS


def _denied_spans(sentence: str) -> list[tuple[int, int]]:
    """The spans of the insult words a negation denies in one sentence (none when it limits, asks or escalates)."""
    if _QUESTION.search(sentence) or _ESCALATION.search(sentence):
        return []
    spans = []
    for pattern in _NEGATIONS:
        for match in pattern.finditer(sentence):
            before = sentence[:match.start()]
            clause = re.split(r"[,:(\-]", before)[-1]
            if pattern is _COPULAR and _CONDITION.search(clause + " " + match.group(0).split(" ")[0]):
                continue  # "anyone who isn't an idiot", "if you're not a moron", "no one is ..."
            if pattern is _SAID and (_CONDITION.search(clause) or _IF.search(before)):
                continue  # "unless you're European, I never said that Europeans were ignorant"
            spans += [word.span() for word in re.finditer(rf"\b{_WORD}\b", sentence)
                      if match.start("run") <= word.start() < match.end("run")]
    return spans


def undenied_text(normalised_text: str) -> str | None:
    """The text without the insult words it denies, when it has some and no insult is left (see the module doc);
    else None."""
    words = text_words(normalised_text)
    if _DENIABLE.isdisjoint(words) or not ({"not", "no", "never", "nobody", "noone"} & words or "n't" in
                                           normalised_text or "n\u2019t" in normalised_text or "nt " in
                                           normalised_text):
        return None
    removed = spans_by_sentence(normalised_text, _denied_spans)
    if not removed or _AFFIRMED.search(normalised_text):
        return None
    copy = without(normalised_text, removed)
    if not _HARSH_WORDS.isdisjoint(text_words(copy)) or signals(copy):
        return None  # another insult, profanity or harsh word, a threat or an identity finding is left
    return copy
