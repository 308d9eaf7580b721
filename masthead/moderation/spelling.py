# ruff: noqa: SIM905 - word lists read better as text
"""Misspelt and run-together abusive words, read as the lexicon's words: ``idoit``, ``btich``, ``stupd``,
``fuckingidiot``.

A word list and a word-level model miss an insult with one letter dropped, inserted or changed, or two
neighbouring letters swapped, and words written without the space between them; character n-grams of such a
word are as unseen as the word. ``normalise`` (its last step, ``_respell``) reads them as the lexicon's words
(``lexicon.py``), so the built-in checks and the classifier's structure features see ``you are an idiot`` in
``you are an idoit``.

Precision by construction:

- only the lexicon's slurs, insults, profanity and dehumanising words of five letters or more are reached
  (``TARGETS``): one edit from a short word reaches too many real ones;
- never a word that is one itself: ``REAL_WORDS`` lists every English word (and common name) one edit from a
  target or made of known words around one (``therapist`` is not "the rapist"), found once by checking the
  generated misspellings and splits against English word lists (``python -m masthead.moderation.spelling
  /usr/share/dict/american-english /usr/share/dict/british-english`` prints it), plus a few met in benign text;
- the first letter stays (no letter dropped, changed or added before it): most typing slips and disguises keep
  it, and ``riggers`` is no misspelling of anything;
- a word within one edit of two targets is read as the first of them in alphabetical order (``bitchs``: bitch).

Cost: a symmetric-deletion index (each target and its one-letter deletions, built once at import) answers a word
in a few lookups, and each word's answer is cached: the common path is one dictionary lookup per distinct word.
"""

from __future__ import annotations

from masthead.moderation.lexicon import COMMON_WORDS, INSULT_WORDS, PROFANITY, TARGET_WORDS, VERMIN_WORDS

MIN_LENGTH = 5
SUBSTITUTED_FROM = 7  # a changed letter is read only in a target this long: "maron", "trish", "loder" are names
# What a misspelling is read as: slurs, insults, profanity and dehumanising nouns of the lexicon.
TARGETS = frozenset(word for word in PROFANITY | TARGET_WORDS | INSULT_WORDS | VERMIN_WORDS
                    if len(word) >= MIN_LENGTH and word.isalpha()) - frozenset(
    # Words the lexicon lists for its patterns that insult nobody by themselves: a slip in them is only a slip.
    """piece waste disease cancer plague virus infestation pestilence animal animals beast beasts insects
    termites locusts shoot killed killing murder pissed""".split()) - frozenset(
    # plurals of short words: "cocos", "shilts" and "dicke" are names
    word for word in TARGET_WORDS | PROFANITY if word.endswith("s") and len(word) <= MIN_LENGTH)
# Pieces a run-together word may be split into: the short common words, the lexicon's words of four letters or
# more, and the words that qualify an insult; at least one piece must be a target.
_PIECES = COMMON_WORDS | frozenset(word for word in PROFANITY | TARGET_WORDS | INSULT_WORDS | VERMIN_WORDS
                                   if len(word) >= 4) | frozenset(
    # the words that qualify an insult in lexicon.py's patterns
    "such complete total absolute utter pathetic stupid ignorant worthless brainless disgusting filthy miserable "
    "little dirty".split())
_FUSED_FROM = 8  # a run-together word is at least this long ("dumbidiot" is 9)

# Real words a misspelling or a split would otherwise reach (generated; see the module docstring).
REAL_WORDS = frozenset("""
anapests apathetic arseholes barbadians barbarian bastards batches birches bitched bitchy botches britches buffoons
bullocks bullshits butches creeps creepy crepe cretins degenerated degenerates dimwits disgraced disgraces fagot
fagots filthy freaks freaky funking garage garbageman imbeciles jackals leaches leeched looser loses money mongrel
moons mormon mormons morns moroni morton motherfuckers motherfucking niger niggas niggaz nitwits plonked pollock
pricks rapists rapped rasped reaches reaped regarded regards retardation rewarded rewards roached salvage salvages
savaged savager savagest scumbags simpletons stupids swines therapist thrash trashcan trashy trolls trolly
whorehouse
""".split()) | frozenset(
    # Real words and names the word lists lack, met in benign sentences of the public corpora.
    "bustard moneys moros swiney waker".split()) | frozenset(
    # Real words and places one edit from the slurs added in December 2026 ("tyranny" is "tranny" and a "y").
    "tyranny tyrannies tyrannys chink troon trons lesbos pikes pinkey muzzles pooter".split())


def _deletions(word: str) -> list[str]:
    return [word[:at] + word[at + 1 :] for at in range(1, len(word))]  # the first letter stays


def _index() -> dict[str, tuple[str, ...]]:
    index: dict[str, set[str]] = {}
    for target in TARGETS:
        for key in (target, *_deletions(target)):
            index.setdefault(key, set()).add(target)
    return {key: tuple(sorted(found)) for key, found in index.items()}


_INDEX = _index()
_LENGTHS = range(MIN_LENGTH, max(map(len, TARGETS)) + 2)  # never a word of four letters ("lech", "clow")


def one_edit(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one letter dropped, added or changed, or two neighbouring letters
    swapped, its first letter kept (a swap of the first two letters is allowed)."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    start = 0
    while start < min(len(word), len(target)) and word[start] == target[start]:
        start += 1
    if len(word) == len(target):
        if word[start + 1 :] == target[start + 1 :]:  # one letter changed
            return start > 0 and len(target) >= SUBSTITUTED_FROM
        return (word[start : start + 2] == target[start + 1] + target[start]
                and word[start + 2 :] == target[start + 2 :])  # two neighbours swapped
    if len(word) < len(target):
        return start > 0 and word[start:] == target[start + 1 :]  # one letter dropped
    return start > 0 and word[start + 1 :] == target[start:]  # one letter added


def misspelt(word: str) -> str | None:
    """The target ``word`` misspells, or None. ``word``: lower-case letters."""
    if word in TARGETS or word in REAL_WORDS or len(word) not in _LENGTHS:
        return None
    candidates: set[str] = set()
    for key in (word, *_deletions(word)):
        candidates.update(_INDEX.get(key, ()))
    fitting = sorted(target for target in candidates if one_edit(word, target))
    return fitting[0] if fitting else None


def unfused(word: str) -> list[str] | None:
    """``word`` as the words run together in it when they are all known and one is a lexicon word of five letters
    or more ("fuckingidiot", "youareanidiot", "stupidbitch"), else None."""
    from masthead.moderation.normalise import segment

    if len(word) < _FUSED_FROM or word in REAL_WORDS or word in _PIECES:
        return None
    parts = segment(word, _PIECES)
    if parts is None or len(parts) < 2 or TARGETS.isdisjoint(parts):
        return None
    return parts


class _Readings(dict[str, str | None]):
    """Word -> how it reads (a target, or words separated by spaces), or None: computed once per word."""

    def __missing__(self, word: str) -> str | None:
        if len(self) >= _CACHE_WORDS:
            self.clear()
        found = misspelt(word)
        if found is None:
            parts = unfused(word)
            found = " ".join(parts) if parts else None
        self[word] = found
        return found


_CACHE_WORDS = 50000
READINGS = _Readings()


def neighbours(target: str) -> set[str]:
    """Every word ``one_edit`` reads as ``target`` (for generating ``REAL_WORDS``)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    found = {target[:at] + target[at + 1 :] for at in range(1, len(target))}
    if len(target) >= SUBSTITUTED_FROM:
        found |= {target[:at] + letter + target[at + 1 :] for at in range(1, len(target)) for letter in letters}
    found |= {target[:at] + letter + target[at:] for at in range(1, len(target) + 1) for letter in letters}
    found |= {target[:at] + target[at + 1] + target[at] + target[at + 2 :] for at in range(len(target) - 1)}
    return {word for word in found if len(word) >= MIN_LENGTH} - {target}


def real_words(dictionary: set[str]) -> list[str]:
    """The words of ``dictionary`` (lower-case letters) that ``misspelt`` or ``unfused`` would read otherwise."""
    near = {word for target in TARGETS for word in neighbours(target) if word not in TARGETS}
    fused = {word for word in dictionary if len(word) >= _FUSED_FROM and word not in _PIECES
             and (parts := segment_pieces(word)) and len(parts) > 1 and not TARGETS.isdisjoint(parts)}
    return sorted((near & dictionary) | fused)


def segment_pieces(word: str) -> list[str] | None:
    from masthead.moderation.normalise import segment

    return segment(word, _PIECES)


if __name__ == "__main__":  # python -m masthead.moderation.spelling /usr/share/dict/american-english ...
    import sys
    import textwrap

    words: set[str] = set()
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                word = line.strip().casefold().replace("'s", "")
                if word.isascii() and word.isalpha():
                    words.add(word)
    print(textwrap.fill(" ".join(real_words(words)), 116))
