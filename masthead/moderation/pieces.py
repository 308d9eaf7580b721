"""Long texts are read by the threat, insult and profanity checks piece by piece.

Those checks look around each match they find (frames of quoted, reported or denied speech), so their cost grew with
the square of a text's length: under a tenth of a second for a 5,000-character comment (the most a reader can
post), a minute and a half for an imported or batch-screened text of 200,000 characters. ``pipeline.screen`` runs
them on pieces of at most ``PIECE_CHARS`` characters, cut at a sentence's end where one falls in the piece's second
half, else at a space; every piece is read, and what any piece finds counts. The classifier, which is linear in
the length, still scores the whole text, as it was calibrated to.
"""

from __future__ import annotations

PIECE_CHARS = 5000

_SENTENCE_ENDS = (". ", "! ", "? ", "\u2026 ")


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` (normalised: single spaces) in pieces of at most ``size`` characters, in order; the space at
    each cut is dropped, nothing else."""
    found = []
    while len(text) > size:
        window = text[: size + 1]  # a sentence mark at the piece's last character still ends it
        cut = max(window.rfind(mark) for mark in _SENTENCE_ENDS) + 1
        if cut <= size // 2:
            cut = window.rfind(" ")
            if cut <= size // 2:
                cut = size
        found.append(text[:cut])
        text = text[cut:].removeprefix(" ")
    found.append(text)
    return found
