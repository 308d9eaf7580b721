"""Text-speak read as the words it stands for: ``u r gonna get wat u deserve`` -> "you are gonna get what you
deserve", ``sum1 needs 2 b4sh his head in`` -> "someone needs to b4sh his head in" (the leetspeak inside "b4sh"
is the next step's, ``normalise._decode_tokens``).

A token is read only when it is one of the spellings below, as a whole word (not next to a hyphen, a dot inside
an abbreviation, a currency sign or a digit: "u-turn", "u.s.", "£2", "2-1" are left). Spellings that are
ordinary words or letters elsewhere are read only in the context that makes them text-speak:

- ``u`` (you) not after "the"/"a" nor before "turn"/"boat"/"bend"; ``ur`` (your, or "you're" before an article,
  an adverb or a predicate such as "dead"), ``yr`` (your, but not after a number, "a", "per", "last" ...);
- ``r`` (are) after a pronoun, or before "u"/"you"; ``n`` (and) between two words, not in "the n word" nor before
  a place ("n korea"); ``b`` (be) after a modal ("shud b shot", "2 b"); ``c`` (see) before "u";
- ``da``/``dem``/``dis`` (the/them/this) only after a preposition or verb, not before a name or politics
  ("da vinci", "dem senator", "don't dis him"); ``no`` (know) between a pronoun and where/what/who
  ("we no where u live");
- ``2`` (to) after a word that calls for "to" ("needs 2", "going 2", "deserve 2") when a verb follows, or before
  an object pronoun ("talk 2 u"); ``4`` (for) before an object pronoun or "ever"/"real"/"sure" ("coming 4 u").
  "2 people", "4 years", "top 4 teams", "2-1" stay.

Cost: a byte translation and a set look-up find the texts that may have text-speak (about one in ten); only those
are searched with the pattern of the spellings, and a match costs a context check.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Read wherever they stand as a word: nobody writes these as anything else.
_ALWAYS = {
    "sum1": "someone", "some1": "someone", "s0me1": "someone", "sum0ne": "someone", "any1": "anyone",
    "ne1": "anyone", "every1": "everyone", "evry1": "everyone", "2day": "today", "2nite": "tonight",
    "2night": "tonight", "2nyt": "tonight", "2moro": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow",
    "gr8": "great", "h8": "hate", "h8s": "hates", "h8d": "hated", "h8ed": "hated", "h8r": "hater",
    "h8rs": "haters", "h8ers": "haters", "h8ful": "hateful", "l8r": "later", "m8": "mate", "m8s": "mates",
    "w8": "wait", "str8": "straight", "4ever": "forever", "2gether": "together", "shud": "should",
    "shld": "should", "wud": "would", "wil": "will", "wot": "what", "dat": "that", "thru": "through",
    "cuz": "because", "coz": "because", "pls": "please", "plz": "please", "ppl": "people", "ppl's": "people's",
    "urself": "yourself", "urselves": "yourselves", "ur self": "yourself", "im": "i'm", "b4": "before",
    "no1": "no one", "cud": "could", "wat": "what", "cos": "because",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DETERMINERS = _words("the a an this that my his her our their your its one per")
_PRONOUNS = _words("u you ya we they who what where how why there ppl people these those yall y'all i")
_OBJECTS = _words("u you ya ur your yr him her them dem me us")
_MODALS = _words("shud should shld will wil gonna gunna to 2 cud could wud would must might may can cant can't wont "
                 "won't never not i'll you'll u'll he'll they'll we'll")
_YOURE_BEFORE = _words(
    "a an the so such not just really very too gonna going being getting done dead finished next toast history "
    "nothing no all always never only probably clearly obviously definitely literally also still pathetic stupid "
    "dumb ugly sick mad insane disgusting worthless useless scum trash garbage")
_TO_CALLERS = _words(
    "need needs needed going got have has had ought deserve deserves deserved hope hoping try trying tried used "
    "about able ready supposed want wants wanted like love hate h8 wait waiting decided forced allowed told asked "
    "begging meant promise promised start started plan planning")
# Verbs that follow "to" in what such comments say; a noun after "2" ("have 2 kids") keeps the number.
_VERBS = _words(
    "b be die get go see find kill know learn shut stop leave have do make take pay face watch hurt hang shoot stab "
    "burn beat bash smash break snap cut slit rip hit punch kick choke strangle murder suffer rot drown end wipe "
    "deal sort teach show put give tell talk say move run hide pray sleep live answer explain come lock send deport "
    "gas string rape torture destroy eliminate")
_FOR_BEFORE = _OBJECTS | _words("what wat dat that this dis ever good real sure life")
_NOT_FOR_AFTER = _DETERMINERS | _words("top only just all these those every first last next another other or and "
                                       "plus x vs v under over of")


def _u(prev: str | None, nxt: str | None) -> str | None:
    if prev in _DETERMINERS or prev == "letter" or nxt in ("turn", "turns", "boat", "boats", "bend", "bends"):
        return None
    return "you"


def _ur(prev: str | None, nxt: str | None) -> str | None:
    if prev in _DETERMINERS or prev in ("of", "in", "at", "city", "ancient"):
        return None
    return "you're" if nxt in _YOURE_BEFORE else "your"


def _yr(prev: str | None, nxt: str | None) -> str | None:
    if prev is None or nxt is None or prev in _DETERMINERS or prev in ("last", "next", "each", "every", "school",
                                                                       "financial", "fiscal", "calendar"):
        return None
    return "your" if prev.isalpha() and nxt.isalpha() else None


def _r(prev: str | None, nxt: str | None) -> str | None:
    if nxt is not None and nxt.isalpha() and (prev in _PRONOUNS or (nxt in ("u", "you", "ya", "they", "we")
                                                                   and prev not in _DETERMINERS)):
        return "are"
    return None


_PLACES = _words("word words korea korean koreans ireland irish america american americans africa african "
                 "carolina dakota wales yorkshire england")


def _n(prev: str | None, nxt: str | None) -> str | None:
    if prev is None or nxt is None or not (prev.isalpha() and nxt.isalpha()) or (len(prev) < 2 and prev != "u"):
        return None
    if prev in _DETERMINERS or prev in ("and", "or", "letter", "plan", "type", "grade", "size", "class") or \
            nxt in _PLACES:
        return None
    return "and"


def _b(prev: str | None, nxt: str | None) -> str | None:
    return "be" if prev in _MODALS and nxt is not None and nxt.isalpha() else None


def _c(prev: str | None, nxt: str | None) -> str | None:
    if nxt in ("u", "you", "ya") and prev not in _DETERMINERS and prev not in ("plan", "grade", "section", "type",
                                                                              "vitamin", "class", "letter"):
        return "see"
    return None


_AFTER_PREPOSITION = _words(
    "in on at of to from for with into by all like get got is was are r ur kill hit up out off over under outta 2 "
    "4 shoot hang send let tell make see burn deport hate h8 lock beat gas stab n and")
_NAMES_AND_POLITICS = _words(
    "vinci silva costa souza cunha gama senator senators party candidate candidates voters governor governors "
    "leadership primary primaries base majority congressman congresswoman rep reps leaders establishment")


def _after_preposition(reading: str) -> Callable[[str | None, str | None], str | None]:
    def read(prev: str | None, nxt: str | None) -> str | None:
        if prev in _AFTER_PREPOSITION and nxt not in _NAMES_AND_POLITICS:
            return reading
        return None
    return read


def _dis(prev: str | None, nxt: str | None) -> str | None:
    if prev in ("to", "dont", "don't", "not", "didn't", "never", "u", "you", "i", "they", "we"):
        return None
    return "this" if nxt is not None and nxt.isalpha() and nxt not in _OBJECTS | _words("people ppl my his their our") \
        else None


def _no(prev: str | None, nxt: str | None) -> str | None:
    if prev in ("i", "we", "they", "u", "you", "ya", "dont", "don't", "didn't") and nxt in (
            "where", "who", "what", "wat", "how", "when", "ur", "your", "u", "you", "him", "her", "them"):
        return "know"
    return None


_LEET_LETTERS = str.maketrans("0134578", "oieastb")


def _two(prev: str | None, nxt: str | None) -> str | None:
    if prev is None or nxt is None or not prev.replace("'", "").isalpha():
        return None
    nxt = nxt.translate(_LEET_LETTERS)  # "needs 2 b4sh": the verb may be disguised too
    if (prev in _TO_CALLERS and nxt in _VERBS) or (nxt in _OBJECTS and prev not in _NOT_FOR_AFTER):
        return "to"
    return None


def _four(prev: str | None, nxt: str | None) -> str | None:
    if prev is None or not prev.replace("'", "").isalpha() or prev in _NOT_FOR_AFTER:
        return None
    return "for" if nxt in _FOR_BEFORE else None


_IN_CONTEXT = {
    "u": _u, "ur": _ur, "yr": _yr, "r": _r, "n": _n, "b": _b, "c": _c, "da": _after_preposition("the"),
    "dem": _after_preposition("them"), "dis": _dis, "no": _no, "2": _two, "4": _four,
}
# Of the always-read spellings, those that are also words, names or marks elsewhere: read only between words
# not after a determiner ("the cud", "angkor wat", "the no1 seed", "b4 paper", "cos x").
_GUARDED = {"cud", "wat", "no1", "b4", "cos", "im"}
_NOT_GUARDED_AFTER = _DETERMINERS | _words("chew chewing chews angkor sin tan size world uk europe's")
_NOT_GUARDED_BEFORE = _words("paper size envelope road seed fan hit single album")

# Not read next to these: "u-turn", "u.s.", "£2", "2-1", "(u)" in an umpire list, "{{u|name}}" on a wiki.
_EDGE = r"\w'\u2019@$#£€%&/:.\-+()\[\]{}|<>="
_SPELLINGS = sorted({*_ALWAYS, *_IN_CONTEXT}, key=len, reverse=True)
_TEXTSPEAK = re.compile(
    rf"(?<![{_EDGE}])(?:{'|'.join(map(re.escape, _SPELLINGS))})(?![{_EDGE.replace(':.', '')}]|[.,:]\w)")


def _neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The words just before and after a token, when only a single space separates them from it; the next word
    without the punctuation that ends a clause ("deserve 2 die,"), and read if it is text-speak ("n every1")."""
    prev = nxt = None
    if start > 1 and text[start - 1] == " ":
        prev = text[text.rfind(" ", 0, start - 1) + 1 : start - 1]
    if end < len(text) - 1 and text[end] == " ":
        after = text.find(" ", end + 1)
        nxt = text[end + 1 : after if after >= 0 else len(text)].rstrip(".,;:!?")
        nxt = _ALWAYS.get(nxt, nxt)
    return prev or None, nxt or None


_LETTERS = frozenset("urnbc")


# A cheap first look: every byte but a-z, 0-9 and the apostrophe becomes a space, and the pieces are looked up in
# a set; only a text with one of the spellings among them is searched with the pattern (a tenth of comments).
_SEPARATE = bytes.maketrans(bytes(range(256)), bytes(
    code if chr(code) in "abcdefghijklmnopqrstuvwxyz0123456789'" else 32 for code in range(256)))
_PIECES = frozenset(spelling.split()[0].encode() for spelling in _SPELLINGS)


def read_textspeak(text: str) -> str:
    """``text`` (case-folded, single-spaced) with its text-speak read as words; unchanged when it has none."""
    if _PIECES.isdisjoint(text.encode().translate(_SEPARATE).split()):
        return text

    def read(match: re.Match[str]) -> str:
        token = match.group(0)
        prev, nxt = _neighbours(text, match.start(), match.end())
        if token in _ALWAYS:
            if token in _GUARDED and (prev in _NOT_GUARDED_AFTER or nxt in _NOT_GUARDED_BEFORE):
                return token
            return _ALWAYS[token]
        if token in _LETTERS and nxt is not None and nxt[0].isdigit() and nxt not in ("2", "4"):
            return token  # a letter before a number is a label: "u 149" (a runestone), "n 12"
        return _IN_CONTEXT[token](prev, nxt) or token

    return _TEXTSPEAK.sub(read, text)
