"""The words a run-together hashtag is split into, with how often each is written ("#sendthemallbackinbodybags"
-> send them all back in body bags).

``normalise`` splits a hashtag first into the fewest of its own short list of words (``normalise.segment``:
threats and insults); a tag that list cannot split is read here as the likeliest sequence of common words, each
word's likelihood its share of this list's counts (a unigram model): "#sinkthedinghies" reads "sink the
dinghies". Only a reading of three words or more is taken: a two-word split of an unknown word is too often a pun
the writer never meant; a tag that is one listed word stays whole ("#therapist", "#responsibility"). A word the
list lacks can still be misread ("#therapistsrock" reads "the rapists rock": "therapists" is too rare in the
corpora).

The list (``data/hashtag_words.txt.gz``, one "word count" per line) is built once by ``python -m
masthead.moderation.hashtag_words`` from the comments written for this project and the public corpora
(``../shared/data/moderation``): words of letters (apostrophes dropped, as hashtags drop them) seen at least
``MIN_COUNT`` times, less the hashtags the corpora themselves wrote ("sendthemback", "blacklivesmatter": a long
word made of three or more of the commonest words), single letters and two-letter fragments ("re", "ty": only
``TWO_LETTER_WORDS``), which would read an unknown word as syllables. Loaded on the first hashtag that needs it.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter
from functools import cache
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent / "data" / "hashtag_words.txt.gz"
MIN_COUNT = 3
MAX_WORD = 20  # letters in the longest word tried
MAX_TAG = 60  # letters in the longest tag read
MIN_WORDS = 3
COMMON = 5000  # the most frequent words, of which a run-together phrase is made
COMPOUND_FROM = 9  # letters from which a listed word may be a hashtag the corpora used ("sendthemback")
TWO_LETTER_WORDS = frozenset((  # the only two-letter words a tag is split into
    "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me", "my", "no", "of", "oh",
    "ok", "on", "or", "so", "to", "up", "us", "we"))
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


@cache
def _log_shares() -> dict[str, float]:
    if not WORDS_FILE.exists():
        return {}
    with gzip.open(WORDS_FILE, "rt", encoding="utf-8") as handle:
        counts = {word: int(count) for word, count in (line.split() for line in handle if line.strip())}
    total = sum(counts.values())
    return {word: math.log(count / total) for word, count in counts.items()}


def listed(word: str) -> bool:
    """Whether ``word`` is one of the list's words (a tag like "#therapist" is that word, not "the rapist")."""
    return word in _log_shares()


def likeliest_words(letters: str) -> list[str] | None:
    """The likeliest split of ``letters`` into listed words, when it has at least ``MIN_WORDS`` of them; else None."""
    if len(letters) > MAX_TAG or not letters.isalpha() or not letters.isascii():
        return None
    shares = _log_shares()
    if not shares:
        return None
    # best[end]: the highest total log-share of a split of letters[:end], and where its last word starts.
    best: list[tuple[float, int] | None] = [None] * (len(letters) + 1)
    best[0] = (0.0, 0)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - MAX_WORD), end):
            before = best[start]
            share = shares.get(letters[start:end])
            if before is None or share is None:
                continue
            total = before[0] + share
            current = best[end]
            if current is None or total > current[0]:
                best[end] = (total, start)
    if best[-1] is None:
        return None
    words, end = [], len(letters)
    while end:
        start = best[end][1]  # type: ignore[index]  # every step back lands on a reached position
        words.append(letters[start:end])
        end = start
    return words[::-1] if len(words) >= MIN_WORDS else None


def _pieces(word: str, common: frozenset[str]) -> int:
    """The fewest common words of two letters or more that ``word`` is written from (0: none)."""
    fewest = [0] + [-1] * len(word)
    for end in range(2, len(word) + 1):
        for start in range(end - 1):
            if fewest[start] >= 0 and (start == 0 or fewest[start] > 0) and word[start:end] in common:
                count = fewest[start] + 1
                if fewest[end] < 0 or count < fewest[end]:
                    fewest[end] = count
    return max(fewest[-1], 0)


def build(texts: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        # Hashtags drop apostrophes: "women's" counts as "womens", "don't" as "dont".
        counts.update(word.replace("'", "") for word in _WORD.findall(text.lower()))
    kept = Counter({word: count for word, count in counts.items()
                    if count >= MIN_COUNT and (len(word) > 2 or word in TWO_LETTER_WORDS)})
    # A hashtag the corpora wrote ("sendthemback") is a phrase of three or more common words: not one word.
    common = frozenset(word for word, _count in kept.most_common(COMMON))
    return Counter({word: count for word, count in kept.items()
                    if len(word) < COMPOUND_FROM or _pieces(word, common) < 3})


def main() -> None:
    from masthead.moderation import datasets

    texts = [row.text for row in datasets.written()]
    texts += [row.text for row in datasets.civil_comments()]
    texts += [row.text for row in datasets.wikipedia_talk()]
    texts += [row.text for row in datasets.identity("toxicity_debiasing")]
    counts = build(texts)
    with gzip.open(WORDS_FILE, "wt", encoding="utf-8", compresslevel=9) as handle:
        for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            handle.write(f"{word} {count}\n")
    print(f"wrote {len(counts)} words to {WORDS_FILE}")


if __name__ == "__main__":
    main()
