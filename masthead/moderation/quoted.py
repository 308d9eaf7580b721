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
from masthead.moderation.hate import signals

# A quotation: straight or curly, single or double quotes, 2-200 characters, no line break.
_QUOTE = re.compile(
    r"(?<![a-z])(['\"\u2018\u201c])([^'\"\u2018\u2019\u201c\u201d\n]{2,200})(['\"\u2019\u201d])(?![a-z])")
# Others' words reported just before it: "people calling her", "he was called", "chants of", "tweets like".
_REPORTED = re.compile(
    r"\b(?:(?:calling|called|labell?ing|labell?ed|branding|branded|dubbing|dubbed) (?:her|him|them|me|us|the "
    r"[a-z]+|this [a-z]+|a [a-z]+)(?: an?)?|(?:was|were|been|being|got|get|gets) (?:called|labell?ed|branded)(?: "
    r"an?)?|chant(?:ed|ing|s of)|shout(?:ed|ing)|scream(?:ed|ing)|yell(?:ed|ing)|(?:wrote|tweeted|posted|"
    r"messaged|sent (?:her|him|them|me|us))|(?:messages|comments|replies|tweets|posts|emails|letters|graffiti|"
    r"abuse|threats|slurs|insults) (?:like|such as|saying|reading|that said|telling (?:her|him|them)|"
    r"calling (?:her|him|them))|(?:said|saying|says|told (?:her|him|them|me|us))(?: that)?)[ ,:]*$"
)
# Words outside the quotations that condemn what was said or report it as abuse.
_CONDEMNED = re.compile(
    r"\b(?:abuse|abusive|abused|disgusting|disgraceful|vile|appalling|unacceptable|shameful|sickening|sick|"
    r"despicable|horrific|horrible|awful|hateful|hate|racist|racism|sexist|sexism|misogyn[a-z]*|homophobic|"
    r"transphobic|antisemitic|antisemitism|islamophobic|bigoted|bigotry|threats?|threatening|threatened|"
    r"harass(?:ment|ed|ing)?|trolls?|trolling|pile-on|police|reported|report it|condemn(?:ed|s)?|ashamed|"
    r"nasty|cruel|shocking|outrageous|no place|not okay|not ok|beyond the pale)\b"
)
_LOOK_BACK = 60
# Findings of the comment's own words that keep it decided whole.
_FOUND_OUTSIDE = frozenset(("threat", "group_violence", "insult", "identity_negative", "identity_derogation",
                            "identity_contempt", "identity_exclusion"))


def _reported_quotes(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _QUOTE.finditer(text):
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
        if _REPORTED.search(before):
            spans.append(match.span())
    return spans


def unquoted_text(normalised_text: str) -> str | None:
    """The comment without the abuse it quotes to condemn, or None (see the module docstring)."""
    if not any(mark in normalised_text for mark in "'\"\u2018\u201c"):
        return None
    spans = _reported_quotes(normalised_text)
    if not spans:
        return None
    copy = without(normalised_text, spans)
    if not _CONDEMNED.search(copy):
        return None
    if signals(copy) & _FOUND_OUTSIDE:
        return None
    return copy
