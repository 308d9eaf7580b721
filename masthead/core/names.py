"""Display names as readers type them, made safe to show: any script and punctuation, no invisible tricks.

Used for guest names on comments now and for account display names by the identity work later. The rules
(SECURITY.md, "Unicode and size tricks"): NFC-normalise, drop bidi controls, zero-width and other format or
control characters, collapse whitespace, then check the length *after* normalisation: a name longer than
``MAX_NAME_LENGTH`` is refused (``NameTooLong``), never silently cut. Other short texts shown publicly (the
funding wall) may ask for ``cut=True``.
"""

from __future__ import annotations

import unicodedata

MAX_NAME_LENGTH = 60

# Bidi embeddings, overrides and isolates (CVE-2021-42574), plus marks that change direction invisibly.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Zero-width characters that make two names look identical; ZWJ/ZWNJ are dropped too (a name is not prose).
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad")


class InvalidName(ValueError):
    """The name is empty once normalised."""


class NameTooLong(InvalidName):
    """The name is longer than allowed once normalised."""

    def __init__(self, max_length: int) -> None:
        super().__init__(f"A name can have at most {max_length} characters.")
        self.max_length = max_length


def _keep(char: str) -> bool:
    if char in _BIDI_CONTROLS or char in _ZERO_WIDTH:
        return False
    category = unicodedata.category(char)
    # Cc control, Cf format, Cs surrogate, Co private use, Cn unassigned: none belongs in a visible name.
    return not category.startswith("C")


def normalize_display_name(raw: str, *, max_length: int = MAX_NAME_LENGTH, cut: bool = False) -> str:
    """The cleaned name; ``InvalidName`` when nothing visible is left, ``NameTooLong`` when it is longer than
    ``max_length`` (or, with ``cut``, the name cut to that length)."""
    text = unicodedata.normalize("NFC", raw)
    # Any Unicode whitespace (tabs, newlines, no-break spaces) becomes one plain space.
    text = "".join(" " if ch.isspace() else ch for ch in text if ch.isspace() or _keep(ch))
    text = " ".join(text.split())
    if len(text) > max_length:
        if not cut:
            raise NameTooLong(max_length)
        text = text[:max_length].rstrip()
    if not text:
        raise InvalidName("A name is required.")
    return text
