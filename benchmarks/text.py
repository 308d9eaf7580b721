"""Deterministic comment and article text of our own, so every server is loaded with the same content."""

from __future__ import annotations

import random

# A paragraph reads better than a list of seventy quoted words.
_WORDS = (  # noqa: SIM905
    "council budget river bridge school library market harbour vote planning ferry tram housing rent water "
    "festival museum clinic nurses teachers bakery orchard quarry cycle lane mayor ward survey flood drain "
    "parking weekend evening morning neighbours street square station timetable fares grant report meeting "
    "audit promise figures closure reopening volunteers shelter winter summer repairs contract tender delay "
    "question answer record minutes agenda motion debate residents petition hearing inspector appeal permit"
).split()
_OPENERS = (
    "I was at the meeting and", "Thanks for reporting this,", "Honestly,", "As a resident of the ward,",
    "Good piece, though", "My neighbours and I think", "Worth adding that", "Not sure about this:",
)


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def comment_text(n: int) -> str:
    """The n-th comment of a seeded thread: two or three short sentences, 150-300 characters."""
    rng = random.Random(n)
    parts = [f"{rng.choice(_OPENERS)} {sentence(rng, rng.randint(10, 16))}."]
    parts.extend(f"{sentence(rng, rng.randint(8, 14)).capitalize()}." for _ in range(rng.randint(1, 2)))
    return " ".join(parts)


def author_name(n: int) -> str:
    rng = random.Random(-n - 1)
    return f"{rng.choice(_WORDS).capitalize()} {rng.choice(_WORDS).capitalize()[:1]}."


def article_text(n: int, paragraphs: int = 8) -> str:
    """A Markdown article body of ``paragraphs`` paragraphs (about 600 characters each)."""
    rng = random.Random(10_000_000 + n)
    return "\n\n".join(
        " ".join(f"{sentence(rng, rng.randint(12, 20)).capitalize()}." for _ in range(5)) for _ in range(paragraphs)
    )


def headline(n: int) -> str:
    rng = random.Random(20_000_000 + n)
    return f"{sentence(rng, 6).capitalize()} ({n})"


def parent_index(n: int) -> int | None:
    """The seeded thread's shape, shared by every server: every fourth comment replies to the one before it.

    Of 200 comments, 150 are top-level and 50 are replies.
    """
    return n - 1 if n % 4 == 3 else None


def sentence_for(n: int) -> str:
    """A one-sentence standfirst for article ``n``."""
    rng = random.Random(30_000_000 + n)
    return f"{sentence(rng, 14).capitalize()}."
