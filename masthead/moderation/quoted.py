"""Abuse quoted to condemn it: "the abuse this reporter got, people calling her a 'traitor who should hang', is
disgusting and the police should look into it".

The classifier reads the quoted words as the writer's own. ``unquoted_text`` returns the comment with each quotation
that follows a verb of reporting ("calling her", "called him", "chanting", "tweeted", "messages like") left out,
when the rest of the comment condemns or reports it as abuse ("disgusting", "vile", "abuse", "reported it to the
police"); like ``aimed.unaimed_text`` it runs only for a comment the classifier would hold, and the pipeline scores
the copy (``pipeline.deciding_score``).

Nothing is returned, and the comment is decided on its whole text, when: no quotation follows a verb of reporting
(a quotation the writer makes their own, "he is what I'd call 'a traitor who should hang'", has "I'd call" before
it, which is no report of others' words); nothing outside the quotations condemns; or what is left has a threat,
group-violence, insult or identity finding of its own (``hate.signals``: "they called her a 'traitor', and she
should hang").
"""

from __future__ import annotations

import re

from masthead.moderation.copies import without
from masthead.moderation.frames import CONDEMNING, CONDEMNING_PHRASES, quoted_spans
from masthead.moderation.hate import signals
from masthead.moderation.lexicon import text_words

# Others' words reported just before a quotation: "people calling her", "he was called", "chants of", "tweets
# like", "my daughter got messages like". (``frames.framed`` reads "my daughter got messages" as the writer's own
# words, which is right for the checks' reports and too strict here: the copy still has to condemn and to find
# nothing of its own.)
_REPORTED = re.compile(
    r"\b(?:(?:calling|called|labell?ing|labell?ed|branding|branded|dubbing|dubbed) (?:her|him|them|me|us|the "
    r"[a-z]+|this [a-z]+|a [a-z]+)(?: an?)?|(?:was|were|been|being|got|get|gets) (?:called|labell?ed|branded)(?: "
    r"an?)?|chant(?:ed|ing|s of)|shout(?:ed|ing)|scream(?:ed|ing)|yell(?:ed|ing)|(?:wrote|tweeted|posted|"
    r"messaged|sent (?:her|him|them|me|us))|(?:messages|comments|replies|tweets|posts|emails|letters|graffiti|"
    r"abuse|threats|slurs|insults) (?:like|such as|saying|reading|that said|telling (?:her|him|them)|"
    r"calling (?:her|him|them))|(?:said|saying|says|told (?:her|him|them|me|us))(?: that)?)[ ,:]*$"
)
# What condemns the quotation or reports it as abuse: the frames' words of condemnation, and the words they leave
# out because abusers aim them at groups themselves ("disgusting", "vile"); here the copy must have no finding of
# its own, so "calling them 'refugees'? they're vermin, disgusting" stays whole.
_CONDEMNED = CONDEMNING | frozenset((
    "abuse", "abusive", "abused", "disgusting", "vile", "horrific", "horrible", "awful", "sick", "nasty", "cruel",
    "shocking", "threats", "threat", "threatening", "threatened", "harass", "harassment", "harassed", "harassing",
    "trolls", "trolling", "police", "report", "reported"))
_LOOK_BACK = 60
# Findings of the comment's own words that keep it decided whole.
_FOUND_OUTSIDE = frozenset(("threat", "group_violence", "insult", "identity_negative", "identity_derogation",
                            "identity_contempt", "identity_exclusion"))


def _reported_quotes(text: str) -> list[tuple[int, int]]:
    spans = []
    for low, high in quoted_spans(text):
        if _REPORTED.search(text, max(0, low - _LOOK_BACK), low):
            spans.append((low, high))
    return spans


def unquoted_text(normalised_text: str) -> str | None:
    """The comment without the abuse it quotes to condemn, or None (see the module docstring)."""
    if not any(mark in normalised_text for mark in "'\"\u2018\u201c\u00ab"):
        return None
    spans = _reported_quotes(normalised_text)
    if not spans:
        return None
    copy = without(normalised_text, spans)
    if _CONDEMNED.isdisjoint(text_words(copy)) and not CONDEMNING_PHRASES.search(copy):
        return None
    if signals(copy) & _FOUND_OUTSIDE:
        return None
    return copy
