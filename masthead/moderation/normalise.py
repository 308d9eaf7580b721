# ruff: noqa: RUF001, RUF002, SIM905 - look-alike letters are what this file is about; word lists read as text
"""The screening form of a comment: what rules and the classifier read, never what readers see.

Abusers disguise words so that word lists and word-level models miss them: ``𝐟𝐮𝐜𝐤``, ``f\u200buck``, ``іdiot``
(Cyrillic і), ``1d10t``, ``f*ck``, ``i d i o t``, ``fuuuuck``. ``normalise`` undoes these, in this order:

1. NFKC (fullwidth, mathematical and circled letters become plain ones), then case folding;
2. invisible characters removed (zero-width, bidi controls, soft hyphen, fillers, variation selectors), accents and
   stacked combining marks stripped from Latin letters;
3. letters spaced out with single separators joined (``i d i o t``, ``f.u.c.k``, ``f-u-c-k``);
4. text-speak read as the words it stands for (``textspeak.py``): ``u r`` -> you are, ``sum1`` -> someone,
   ``shud b`` -> should be, ``wat`` -> what, ``needs 2 bash`` -> needs to bash, ``coming 4 u`` -> coming for you;
   a spelling that is also a word, letter or number elsewhere ("u", "n", "2", "4", "da", "dem") only in the context
   that makes it text-speak ("u-turn", "the n word", "2 people", "4 years", "dem senator" stay);
5. inside each word: Cyrillic/Greek look-alike letters mapped to Latin, leetspeak digits and symbols mapped to
   letters, ``*``/``#`` masks resolved, runs of three or more letters collapsed. A digit between letters is
   always read ("sm4shes", "h3ad", "c0unc1ll0r"); where a symbol has two readings ("1": i or l) the one that
   spells a known word is taken ("he1p" -> help, not "heip").

Innocent words are never changed by step 5 unless they are disguised: a plain all-letter word is only ever
run-collapsed, and a reading that needs guessing (a digit at the edge of a word, a mask, a run cut to one letter)
is taken only when it yields one of the short list of target words in ``lexicon.py``. So "Scunthorpe", "assess",
"shiitake", "3rd", "mp3", "$100" and "@editor" come out as they went in.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from dataclasses import dataclass

from masthead.moderation.hashtag_words import likeliest_words, listed
from masthead.moderation.lexicon import COMMON_WORDS, TARGET_WORDS, text_words
from masthead.moderation.spelling import READINGS, REAL_WORDS
from masthead.moderation.textspeak import read_textspeak
from masthead.moderation.violence import TRIGGERS as HARM_WORDS

_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Look-alikes (after case folding) from Cyrillic, Greek and odd Latin blocks, to the Latin letter they imitate.
_HOMOGLYPHS = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h",
    "ӏ": "l", "ь": "b", "ո": "n", "ս": "u", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v",
    "ο": "o", "σ": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "ı": "i", "ɑ": "a", "ɡ": "g",
    "ɩ": "i", "ʏ": "y", "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ɪ": "i",
    "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v",
    "ᴡ": "w", "ᴢ": "z", "г": "r",
}
_HOMOGLYPH_CHARS = re.compile("[" + "".join(_HOMOGLYPHS) + "]")
assert not any(char.isascii() for char in _HOMOGLYPHS), "an ASCII text is never searched for look-alikes"

# Leetspeak: symbol -> readings, most likely first.
_LEET = {
    "0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
    "@": "a", "$": "s", "!": "il", "|": "li", "+": "t", "€": "e", "£": "l", "¥": "y",
}
_MASKS = "*#"
_WORD_CHARS = "a-z0-9@$!|+€£¥*#'" + "".join(_HOMOGLYPHS)
_TOKEN = re.compile(rf"[{_WORD_CHARS}]*[a-z][{_WORD_CHARS}]*|[@$][{_WORD_CHARS}]+")
# Only tokens that may hide something are decoded (most words of a comment are plain letters): a digit, symbol or
# look-alike before a letter, one after a letter (a trailing "!" alone is punctuation), or a run of three letters.
_SYMBOLS = "0-9@$!|+€£¥*#" + "".join(_HOMOGLYPHS)
_SIGNAL = re.compile(rf"[{_SYMBOLS.replace('!', '')}]|!(?=[a-z])|([a-z])\1\1")
_WORD_CHAR_SET = frozenset("abcdefghijklmnopqrstuvwxyz0123456789@$!|+€£¥*#'" + "".join(_HOMOGLYPHS))
# Numbers with a unit or an ordinal, and product-like names: never leetspeak.
_NUMERIC_WORD = re.compile(
    r"\d+(?:st|nd|rd|th|s|am|pm|k|m|b|g|kg|km|mm|cm|ml|gb|mb|tb|x|d|p|h|hr|hrs|min|mins|mph|fps|v|w|kw|kwh|mg|"
    r"lb|lbs|ft|yo|yr|yrs|bn|mn|c|f)"
)
# Three or more single letters (or digits) each followed by a separator: "i d i o t", "f.u.c.k", "f - u - c - k",
# and whole spaced-out sentences, "y o u   a r e   a n   i d i o t" (wider gaps between the words).
_SPACED = re.compile(
    r"[a-z0-9@$](?<![^\W_][a-z0-9@$])(?<![@$][a-z0-9@$])"
    r"(?:(?:[ \t]*[._\-~*+][ \t]*|[ \t]+)[a-z0-9@$](?![^\W_]|[@$])){2,}(?![^\W_]|[@$])"
)
# A cheap first look (it starts with a plain space, which the regex engine scans for quickly): three single
# characters in a row. Only then is the full pattern run.
_SPACED_HINT = re.compile(r" [a-z0-9@$][ \t._\-~*+]+[a-z0-9@$][ \t._\-~*+]+[a-z0-9@$](?![^\W_])")
_TEXT_SPEAK_SINGLES = frozenset("urnbc24ia")  # spaced by plain spaces only: "b.a." is still joined
_NO_LETTERS = str.maketrans("", "", "urnbc24ia \t")
_SPACED_GAP = re.compile(r"[ \t]*[._\-~*+][ \t]*|[ \t]+")
# A hashtag: "#idiotTrump" is read as the words "idiot trump".
_HASHTAG = re.compile(r"(?<![\w#&])#([^\W\d_][^\W_]*(?:_[^\W_]+)*)")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+|[^\W\d_]+")
_RUN = re.compile(r"([a-z])\1{2,}")


@dataclass(frozen=True)
class Normalised:
    text: str
    # Which disguises were undone: "compatibility", "invisible", "homoglyph", "leetspeak", "mask", "spaced",
    # "stretched", "misspelt" and "run-together" (an abusive word misspelt or run into others, ``spelling.py``);
    # "hashtag" (run-together words split) and "textspeak" (``u r``, ``sum1``) are not disguises.
    changes: frozenset[str]

    @property
    def disguised(self) -> bool:
        return bool(self.changes - {"stretched", "compatibility", "hashtag", "textspeak", "scare quotes"})


# A name of people in scare quotes that deny it, read as the name: "trans 'women' are a disease", "these
# 'refugees' are ...". Only such names: the quotes of a euphemism ("what 'youths' really means", "certain
# 'communities'") are the dog whistle itself, and the checks that read them need them kept.
_SCARE_QUOTED = re.compile(
    r"(?<![\w'\u2019])['\"\u2018\u201c](women|woman|men|man|girls|boys|refugees|refugee|asylum seekers|"
    r"asylum seeker|migrants|migrant|immigrants|immigrant|children|kids|families|people|persons)"
    r"['\"\u2019\u201d](?![\w'])")


def normalise(raw: str) -> Normalised:
    changes: set[str] = set()
    compatible = unicodedata.normalize("NFKC", raw)
    if not raw.isascii() and compatible.casefold() != raw.casefold():
        changes.add("compatibility")  # fullwidth, mathematical or circled letters, ligatures
    text = _CONTROL.sub(" ", compatible)
    stripped = text if text.isascii() else _INVISIBLE.sub("", text)
    if stripped != text:
        changes.add("invisible")
        text = stripped
    if "#" in text:  # before case folding: the capitals show where the words of "#idiotTrump" begin
        text = _HASHTAG.sub(lambda match: _split_hashtag(match.group(1), changes), text)
    text = _strip_marks(text.casefold())
    # Spaced letters are joined before runs of spaces are collapsed: the wider gaps separate the words.
    joined = _SPACED.sub(_join_spaced, text) if _SPACED_HINT.search(" " + text) else text
    if joined != text:
        changes.add("spaced")
        text = joined
    text = " ".join(text.split())
    # Single letters of text-speak ("4 u n ur") are left as they are by the joining above.
    read = read_textspeak(text)
    if read != text:
        changes.add("textspeak")
        text = read
    text = _decode_tokens(text, changes)
    if "'" in text or '"' in text or "\u2018" in text or "\u201c" in text:
        unquoted = _SCARE_QUOTED.sub(r"\1", text)
        if unquoted != text:
            changes.add("scare quotes")
            text = unquoted
    # Homoglyph words with no Latin letter at all are not matched by _TOKEN: map them only when that makes a word.
    if not text.isascii() and _HOMOGLYPH_CHARS.search(text):  # every look-alike is outside ASCII
        latin = sum("a" <= char <= "z" for char in text)
        mostly_latin = latin > sum(char.isalpha() for char in text) - latin
        text = re.sub(r"\w+", lambda match: _decode_foreign(match.group(0), changes, mostly_latin), text)
    return Normalised(_respell(text, changes), frozenset(changes))


def _respell(text: str, changes: set[str]) -> str:
    """Misspelt and run-together abusive words read as the lexicon's words (``spelling.py``): "idoit" -> idiot,
    "fuckingidiot" -> fucking idiot. The text's words (``text_words``, cached: the checks read the same set) are
    each looked up once in a per-word cache; a text with none of them is returned as it is."""
    words = text_words(text)
    if not any(map(READINGS.__getitem__, words)):
        return text
    for word in sorted(words):
        reading = READINGS[word]
        if reading:
            changes.add("run-together" if " " in reading else "misspelt")
            text = re.sub(rf"(?<![a-z]){word}(?![a-z])", reading, text)
    return text


def _strip_marks(text: str) -> str:
    """Drop combining marks that sit on Latin letters (accents, Zalgo stacks); keep them on other scripts."""
    if text.isascii():
        return text
    out: list[str] = []
    latin_base = False
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if not latin_base:
                out.append(char)
            continue
        latin_base = "a" <= char <= "z"
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def _join_spaced(match: re.Match[str]) -> str:
    """The letters of a spaced-out run, as words: split where the gap differs from the usual gap between letters
    ("y o u   a r e" -> "you are", "f.u.c.k y.o.u" -> "fuck you"); with even gaps, split into known words when
    that is possible ("y o u a r e a n i d i o t" -> "you are an idiot"), else join ("i d i o t" -> "idiot")."""
    run = match.group(0)
    letters = _SPACED_GAP.split(run)
    if "".join(letters).isdigit():  # "1 2 3", phone numbers, scores: not a disguised word
        return run
    if _TEXT_SPEAK_SINGLES.issuperset(letters) and not run.strip(" \t").translate(_NO_LETTERS).strip() and \
            "".join(letters) not in TARGET_WORDS:
        return run  # "coming 4 u n ur family", "r u 2 scared", "i c u": text-speak, read by the next step
    gaps = _SPACED_GAP.findall(run)
    # The gap inside words: the most frequent, then the shortest, then a punctuation mark rather than a space
    # ("4 a.m." -> "4 am", "a U.S. group" -> "a us group"). Fully ordered: a tie must not depend on set order.
    usual = max(sorted(set(gaps)), key=lambda gap: (gaps.count(gap), -len(gap), gap.strip() != ""))
    words, current = [], letters[0]
    for gap, letter in zip(gaps, letters[1:], strict=True):
        if gap == usual:
            current += letter
        elif not usual.strip() and len(gap.strip()) == 1 and gap.strip() in _MASKS and gap.strip() != gap:
            current += gap.strip() + letter  # "k * l l" among spaced letters: a masked letter, "k*ll"
        else:
            words.append(current)
            current = letter
    words.append(current)
    if len(words) == 1:
        words = segment(words[0]) or words
    return " ".join(words)


# Hashtags run the words of a threat together too ("#breakhislegsnexttime"): the verbs of harm and the parts of
# the body are known pieces.
_SEGMENT_WORDS = COMMON_WORDS | TARGET_WORDS | HARM_WORDS | frozenset(
    """legs leg arms arm head heads neck face teeth jaw nose skull knees kneecaps ribs throat back spine fingers
    hands eyes next time ref refs deserve deserves""".split())


def segment(letters: str, known: frozenset[str] = _SEGMENT_WORDS) -> list[str] | None:
    """Split a run of letters into the fewest ``known`` words ("youareanidiot" -> you are an idiot), or None."""
    if len(letters) > 60 or not letters.isalpha():
        return None
    best: list[list[str] | None] = [None] * (len(letters) + 1)
    best[0] = []
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 16), end):
            before = best[start]
            piece = letters[start:end]
            if before is not None and piece in known and (
                (current := best[end]) is None or len(before) + 1 < len(current)
            ):
                best[end] = [*before, piece]
    return best[-1]


_RUN_ON = 10  # letters from which a piece of a camel-case hashtag is read as words run together


def _run_words(run: str) -> list[str]:
    """A run of letters from a hashtag as its words: a listed word stays itself ("#therapist"); else the threats
    and insults of ``segment`` first, then any phrase of common words (``hashtag_words``: "#deportthemall")."""
    if listed(run):
        return [run]
    return segment(run) or likeliest_words(run) or [run]


def _split_hashtag(tag: str, changes: set[str]) -> str:
    words = [word.casefold() for word in _CAMEL.findall(tag.replace("_", " "))]
    if len(words) == 1:
        words = _run_words(words[0])
    elif any(len(word) >= _RUN_ON for word in words):  # a run of words before a capital: "#hangthetraitorPM"
        words = [split for word in words for split in (_run_words(word) if len(word) >= _RUN_ON else [word])]
    if len(words) > 1:
        changes.add("hashtag")
    return " " + " ".join(words) + " "


def _decode_tokens(text: str, changes: set[str]) -> str:
    """Decode the tokens that carry a signal (a digit, symbol or look-alike, or a letter run); leave the rest."""
    spans: dict[int, int] = {}
    found_to = 0  # the furthest end of the tokens found so far (kept, not recomputed: a text of many tokens)
    for signal in _SIGNAL.finditer(text):
        start, end = signal.start(), signal.end()
        if start < found_to:
            continue  # inside a token already found
        while start > 0 and text[start - 1] in _WORD_CHAR_SET:
            start -= 1
        while end < len(text) and text[end] in _WORD_CHAR_SET:
            end += 1
        spans[start] = end
        found_to = max(found_to, end)
    if not spans:
        return text
    pieces, done = [], 0
    for start, end in spans.items():
        token = text[start:end]
        pieces.append(text[done:start])
        pieces.append(_TOKEN.sub(lambda match: _decode_token(match.group(0), changes), token))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _decode_token(token: str, changes: set[str]) -> str:
    if _HOMOGLYPH_CHARS.search(token):
        mapped = "".join(_HOMOGLYPHS.get(char, char) for char in token)
        if mapped != token:
            changes.add("homoglyph")
            token = mapped
    if not token.isalpha() or not token.isascii():
        token = _decode_symbols(token, changes)
    if _RUN.search(token):
        token = _collapse_runs(token, changes)
    return token


def _decode_symbols(token: str, changes: set[str]) -> str:
    core = token.strip("'")
    if not core or core.isalpha() or _NUMERIC_WORD.fullmatch(core):
        return token
    letters_at = [i for i, char in enumerate(core) if char.isalpha()]
    if not letters_at:
        return token
    first, last = letters_at[0], letters_at[-1]
    inner_leet = any(char in _LEET for char in core[first:last])
    # Symbols between letters are certainly part of the word: map them. Symbols at the edges only when that
    # spells a target word ("@ss", "a$$", "1diot"), so "@editor", "mp3" and "4chan" are left alone.
    options: list[str] = []
    for i, char in enumerate(core):
        if char in _LEET and (first < i < last):
            options.append(_LEET[char])
        elif char in _LEET or char in _MASKS:
            options.append(_LEET.get(char, "") + "\0" + char)  # \0 marks the "leave as it was" choice
        else:
            options.append(char)
    expanded = _expanded(options)
    if math.prod(map(len, expanded)) > _MAX_READINGS:  # too many ways: only the first is read
        likeliest = _likeliest_reading(expanded)
        if likeliest in TARGET_WORDS or _RUN.sub(r"\1", likeliest) in TARGET_WORDS:
            changes.add("mask" if any(c in _MASKS for c in core) else "leetspeak")
            return likeliest
        if inner_leet:
            changes.add("leetspeak")
            return likeliest
        return token
    target = _target_reading(expanded)
    if target is not None:
        changes.add("mask" if any(c in _MASKS for c in core) else "leetspeak")
        return target
    if inner_leet:
        changes.add("leetspeak")
        return _word_reading(expanded) or _likeliest_reading(expanded)
    return token


# Words a leetspeak reading may spell when a symbol has two readings: the lexicon's lists, and the words of harm
# and of the body that threats are written with ("sm4sh", "sk1ll", "h3ad").
KNOWN_WORDS = COMMON_WORDS | TARGET_WORDS | REAL_WORDS | frozenset("""
smash smashes smashed bash bashes bashed head heads skull face legs arms neck throat teeth break breaks broken snap
cut slit stab stabbed shoot shot hang hanged burn beat beaten punch kick choke strangle someone anyone everyone
find found hunt deserve deserves help hell kill kills still will well tell sell fell fill feel feet live lives
alive bullet bullets knife gun blood bleed bleeding pieces idiot idiots filthy little""".split())


def _word_reading(expanded: list[str]) -> str | None:
    """The first letters-only reading that is a known word, when there are few ("he1p": help), else None."""
    letters = ["".join(char for char in choice if char.isalpha()) or choice for choice in expanded]
    if math.prod(map(len, letters)) > 16:
        return None
    for picks in itertools.product(*letters):
        reading = "".join(picks)
        if reading in KNOWN_WORDS:
            return reading
    return None


_MAX_READINGS = 1024
_TARGETS_BY_LENGTH: dict[int, list[str]] = {}
for _word in sorted(TARGET_WORDS):
    _TARGETS_BY_LENGTH.setdefault(len(_word), []).append(_word)
assert all(word.isalpha() and word.isascii() for word in TARGET_WORDS), "a reading that spells one is letters only"


def _expanded(options: list[str]) -> list[str]:
    """Each position's characters, in the order readings take them; masks may be any letter."""
    expanded: list[str] = []
    for choice in options:
        if "\0" in choice:
            letters, original = choice.split("\0")
            if original in _MASKS:
                letters = "abcdefghijklmnopqrstuvwxyz"
            expanded.append(letters + original)
        else:
            expanded.append(choice)
    return expanded


# The readings of a token are every pick of one character per position, ordered by how many characters are not
# letters (fewest first), then in the order of the picks (``itertools.product``); the token reads as the first that
# spells a target word, or collapsed to one (``_RUN``), else, when a symbol sits between letters, as the first of
# all. Both are found here without listing and sorting every reading (up to 1,024, which cost milliseconds):


def _likeliest_reading(expanded: list[str]) -> str:
    """The first reading: each position's first character. Every position lists its letters before its
    non-letter (a mask: the alphabet, then the mask; a leetspeak symbol: its letters, then itself), so this pick
    is a letter wherever a letter may be: it has the fewest non-letters, and comes first among those."""
    return "".join(choice[0] for choice in expanded)


def _target_reading(expanded: list[str]) -> str | None:
    """The first reading that spells a target word, or one once runs of three letters are collapsed. A target word
    is letters only, so such a reading is letters only (collapsing removes letters alone): it has no non-letter
    and comes before every reading that has one; among the all-letter readings the order is the picks' order."""
    letters = ["".join(char for char in choice if char.isalpha()) for choice in expanded]
    if not all(letters):
        return None
    if not any(set(first) & set(second) & set(third) for first, second, third in zip(
            letters, letters[1:], letters[2:], strict=False)):
        # No reading has three equal letters in a row, so none collapses: a reading must be a target word of the
        # token's length whose every letter the position allows; the first in the picks' order.
        fitting = [word for word in _TARGETS_BY_LENGTH.get(len(letters), ())
                   if all(char in allowed for char, allowed in zip(word, letters, strict=True))]
        if not fitting:
            return None
        return min(fitting, key=lambda word: [allowed.index(char) for char, allowed in zip(word, letters,
                                                                                            strict=True)])
    for picks in itertools.product(*letters):
        reading = "".join(picks)
        if reading in TARGET_WORDS or _RUN.sub(r"\1", reading) in TARGET_WORDS:
            return reading
    return None


def _collapse_runs(token: str, changes: set[str]) -> str:
    changes.add("stretched")
    single = _RUN.sub(r"\1", token)
    if single in TARGET_WORDS:
        return single
    double = _RUN.sub(r"\1\1", token)
    if double in TARGET_WORDS:
        return double
    # "fuuuuuck" -> try every mix of single/double for each run, then fall back to doubles ("soooo" -> "soo").
    runs = list(_RUN.finditer(token))
    if len(runs) <= 4:
        for lengths in itertools.product((1, 2), repeat=len(runs)):
            pieces, end = [], 0
            for run, length in zip(runs, lengths, strict=True):
                pieces.append(token[end : run.start()] + run.group(1) * length)
                end = run.end()
            candidate = "".join(pieces) + token[end:]
            if candidate in TARGET_WORDS:
                return candidate
    return double


def _decode_foreign(word: str, changes: set[str], mostly_latin: bool) -> str:
    """A word of look-alikes only: mapped when it spells a target word, or when the comment around it is written
    in Latin letters (an English sentence with one Cyrillic word is a disguise; a Russian sentence is not)."""
    if not _HOMOGLYPH_CHARS.search(word):
        return word
    mapped = "".join(_HOMOGLYPHS.get(char, char) for char in word)
    if mapped in TARGET_WORDS or (mostly_latin and mapped.isascii() and mapped.isalpha()):
        changes.add("homoglyph")
        return mapped
    return word
