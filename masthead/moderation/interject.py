"""Profanity as an interjection aimed at no one: "Fuck me, 38 degrees in Yorkshire", "Holy shit, that final was
tense", "For fuck's sake, the trains again", "Shit! Forgot my ballot paper", "What the fuck was that penalty
decision?".

The classifier and the profanity list read "fuck" and "shit" wherever they stand, so a reader swearing at the weather
or a match scores like one swearing at a person. ``uninterjected_text`` finds the interjections that open a
sentence (or are one: "Shit!") and, when nothing in the comment is aimed at a person, returns the text without
them; like ``aimed.unaimed_text`` it runs only for a comment something would hold, and the pipeline scores the copy
and runs the profanity and insult checks on it (both scores kept).

Nothing is returned, and the comment stays held, when: the comment has a second-person word ("fuck off", "fuck
you", "what the fuck is wrong with you", "holy shit you're thick", "for fuck's sake, you people are vermin"); a
profane word, insult noun or vermin word is left after the interjections ("fuck me, what an idiot the mayor is",
"shit writer, shit paper", "fucking disgrace of a journalist", "fuck the police": the swear word there is no
interjection, it qualifies or addresses someone); "what the fuck" asks what is wrong with someone; the comment
names an identity group ("fucking hell, the jews again": the oath is read as aimed at it); or the comment has a
threat, group-violence, insult or identity finding (``hate.signals``). Slurs are in the profanity list, so a comment
with one is never released.
"""

from __future__ import annotations

import re

from masthead.moderation.copies import spans_by_sentence, without
from masthead.moderation.denied import _NOUNS
from masthead.moderation.frames import SECOND_PERSON, addressed_in, harmless_intensifier
from masthead.moderation.hate import abstracted_tokens, signals
from masthead.moderation.lexicon import INSULT_WORDS, PROFANITY, PROFANITY_RE, VERMIN_WORDS, text_words

_APOS = "['\u2019]?"
# The interjections: an oath on its own ("shit", "fuck me", "bloody hell", "for fuck's sake"), not a verb with an
# object ("fuck the police") nor an adjective before a noun ("shit writer").
_OATH = (
    rf"(?:holy (?:fucking )?(?:shit|fuck|crap|hell|moly|cow)|(?:fucking|fuckin|bloody|shitting|effing|flipping) "
    rf"hell|fuck me(?: sideways| backwards| dead)?|shit me|(?:for )?(?:fuck|fucks|fuck{_APOS}s|fucking) sake|ffs|"
    rf"fuck(?:ing)? (?:yes|yeah|no|nope|hell)|shit(?:e)?|fuck|fuckity fuck|bollocks|bugger(?: me)?|damn(?: it)?|"
    rf"dammit|goddamn(?: it)?|jesus(?: fucking)? christ|christ almighty|god almighty|bloody nora|crap|"
    rf"oh my fucking god|omfg|wtf)"
)
# Softeners before an oath: "oh shit", "well, fuck me", "aw, bloody hell".
_LEAD = r"(?:(?:oh|ah|aw|aww|well|and|but|man|blimey|jeez|christ|god|mate|lads|right|yeah|no)[,!]? )*"
# An oath that opens a sentence and is followed by its own punctuation (or ends the sentence): "Holy shit, ...",
# "Shit! ...", "Fuck me - ...".
_OPENING = re.compile(rf"^\s*{_LEAD}(?P<oath>{_OATH})(?:[,!.?:;\u2026]+|\s+[-\u2013\u2014]+|\s*$)\s*")
# "What the fuck was that penalty decision?", "what the hell just happened", "what the fuck!": a question about a
# thing or an event, not "what the fuck is wrong with ..." (aimed at someone).
_WHAT_THE = re.compile(
    rf"^\s*(?P<oath>what (?:the|in the) (?:actual )?(?:fuck|fucking hell|hell|shit|fuck{_APOS}s sake)|wtf)"
    r"(?:[,!.?\u2026]+\s*|(?= (?:was|is|were|are|did|does|do|happened|just|has|have|had|am i|going on|happens)\b))"
)
_AIMED_QUESTION = re.compile(r"\bwrong with\b|\b(?:his|her|their|them|him) (?:problem|deal|game)\b|"
                             r"\bis (?:he|she|they) (?:on|playing|doing|thinking|smoking)\b")
# Words of an oath the profanity list does not hold ("for fucks sake", "bloody hell", "wtf").
_OATH_WORDS = frozenset(("wtf", "ffs", "omfg", "holy", "fucks", "sake", "hell", "bloody", "damn", "dammit",
                        "goddamn", "bollocks", "bugger", "crap", "christ", "jesus"))
_BLOCKING_WORDS = PROFANITY | INSULT_WORDS | VERMIN_WORDS | frozenset(_NOUNS.split())


def _interjections(sentence: str) -> list[tuple[int, int]]:
    """The span of the interjection that opens the sentence (with its punctuation), if it has one."""
    opening = _OPENING.match(sentence)
    if opening is not None:
        return [(opening.start("oath"), opening.end())]
    question = _WHAT_THE.match(sentence)
    if question is not None and not _AIMED_QUESTION.search(sentence):
        return [(question.start("oath"), question.end("oath"))]
    return []


def uninterjected_text(normalised_text: str) -> str | None:
    """The text without the interjections that open its sentences and the swear words that only intensify praise
    or a thing ("fucking great news", ``frames.harmless_intensifier``), when it has some and nothing is aimed at a
    person (see the module doc); else None."""
    words = text_words(normalised_text)
    if PROFANITY.isdisjoint(words) and _OATH_WORDS.isdisjoint(words):
        return None  # no oath the list or the classifier reads
    if (not SECOND_PERSON.isdisjoint(words) and addressed_in(normalised_text)) or abstracted_tokens(
            normalised_text) is not None:
        return None  # the reader, or a group named: "fucking hell, the jews again" swears at the group
    removed = spans_by_sentence(normalised_text, _interjections) + [
        (match.start(), match.end()) for match in PROFANITY_RE.finditer(normalised_text)
        if harmless_intensifier(normalised_text, match.start(), match.end())]
    if not removed:
        return None
    copy = without(normalised_text, removed)
    if not copy.strip(" .,!?;:-\u2026") or not _BLOCKING_WORDS.isdisjoint(text_words(copy)):
        return None  # nothing but the oath, or another profane word, insult or vermin word is left
    if signals(normalised_text) or signals(copy):
        return None  # a threat, a call for violence, an insult, derogation of a group
    return copy
