"""Feature extraction shared by training (scikit-learn, as a callable analyzer) and inference (plain Python).

Both read the *normalised* text. Words and word pairs carry meaning; character n-grams inside words catch
spellings the normaliser leaves (``fuk``, ``biatch``) and inflections the word vocabulary never saw. Links and
@mentions are replaced by placeholders so that no model learns user names or URLs.
"""

from __future__ import annotations

import html
import re
from itertools import pairwise

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@\w+")
_WORD = re.compile(r"[a-z0-9']+|[!?]")
CHAR_SIZES = (3, 4, 5)


def prepare(normalised_text: str) -> str:
    text = html.unescape(normalised_text) if "&" in normalised_text else normalised_text
    text = _URL.sub(" _url_ ", text)
    return _MENTION.sub(" _user_ ", text)


def word_features(text: str) -> list[str]:
    words = [word.strip("'") for word in _WORD.findall(text)]
    words = [word for word in words if word]
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def char_features(text: str) -> list[str]:
    grams: list[str] = []
    for word in set(_WORD.findall(text)):
        padded = f" {word} "
        length = len(padded)
        for size in CHAR_SIZES:
            if size > length:
                break
            grams.extend(padded[i : i + size] for i in range(length - size + 1))
    return grams
