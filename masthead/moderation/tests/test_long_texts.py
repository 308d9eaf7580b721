"""Long texts (an import, a batch file) are read by the threat, insult and profanity checks piece by piece
(``pieces.py``): every piece is read, what any piece finds counts, and no check is handed more than a piece."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.moderation import rules
from masthead.moderation.models import Action
from masthead.moderation.pieces import PIECE_CHARS, pieces
from masthead.moderation.pipeline import screen
from masthead.testing.moderation import regular

T = TypeVar("T")

# Plain benign prose, well past one piece: distinct sentences, as a long letter or an imported essay has (a text
# pasted over and over scores higher with the classifier, docs/moderation.md "Long texts").
_SUBJECTS = ("The planning committee", "A resident of Mill Lane", "The head teacher", "Our ward councillor",
             "The bus company", "A local historian", "The library volunteers", "The parish treasurer")
_ACTS = ("asked again about", "wrote a careful letter on", "gave a short talk about", "published new figures on",
         "raised a sensible question about", "shared old photographs of", "promised a survey of")
_THINGS = ("the bus lane on the high street", "parking near the primary school", "the flower beds by the war "
           "memorial", "opening hours at the swimming baths", "the footpath along the canal", "the autumn fair",
           "the repairs to the church roof", "the cost of the new bins", "street lighting on the estate")
_LONG = " ".join(f"{subject} {act} {thing} on day {day} of the month, and thanked everyone who came."
                 for day, (subject, act, thing) in enumerate(
                     (s, a, t) for s in _SUBJECTS for a in _ACTS for t in _THINGS))  # 504 sentences


def _recording(check: Callable[[str], T], lengths: list[int]) -> Callable[[str], T]:
    """``check``, noting the length of every text it is handed."""
    def recorded(text: str) -> T:
        lengths.append(len(text))
        return check(text)
    return recorded


def _rebuilt(text: str, found: list[str]) -> bool:
    """The pieces are the text in order, with at most the one space at each cut left out."""
    at = 0
    for piece in found:
        if not text.startswith(piece, at):
            return False
        at += len(piece)
        if at < len(text) and text[at] == " ":
            at += 1
    return at == len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", "a", "sentence.", "ends!", "here?", "x" * 30, "…", ""]), max_size=400),
       st.integers(min_value=8, max_value=120))
def test_the_pieces_are_the_whole_text_in_order_and_none_is_longer_than_the_limit(words, size):
    text = " ".join(words)
    found = pieces(text, size)
    assert all(len(piece) <= size for piece in found)
    assert _rebuilt(text, found)


def test_a_long_text_is_cut_at_the_end_of_a_sentence():
    found = pieces(_LONG.strip())
    assert len(found) > 1
    assert all(piece.endswith(".") for piece in found)
    assert all(len(piece) > PIECE_CHARS // 2 for piece in found[:-1])


def test_a_text_within_the_limit_is_one_piece():
    text = ("a " * (PIECE_CHARS // 2)).strip()
    assert pieces(text) == [text]


@pytest.mark.django_db
@pytest.mark.parametrize(("abuse", "reason"), [
    ("I know where you live and I will break your legs.", "looks like threat"),
    ("You are a fucking moron.", "profanity or insult"),
])
def test_abuse_far_into_a_long_text_is_found(abuse, reason):
    decision = screen(_LONG + " " + abuse + " " + _LONG, regular())
    assert decision.action == Action.HOLD
    assert any(found.startswith(reason) for found in decision.reasons), decision.reasons


@pytest.mark.django_db
def test_a_long_benign_text_is_published():
    decision = screen(_LONG, regular())
    assert decision.action == Action.PUBLISH, decision.reasons


@pytest.mark.django_db
def test_what_several_pieces_find_is_one_reason():
    insult = "You are a fucking moron."
    part = len(_LONG) // 4
    decision = screen(" ".join(_LONG[part * n : part * (n + 1)] + " " + insult for n in range(4)), regular())
    assert decision.action == Action.HOLD
    assert len(decision.reasons) == len(set(decision.reasons))
    assert sum(reason.startswith("profanity or insult") for reason in decision.reasons) == 1


@pytest.mark.django_db
def test_the_checks_that_read_around_each_match_are_never_handed_more_than_a_piece(monkeypatch):
    seen: dict[str, list[int]] = {"threat": [], "profanity": [], "insult": []}
    for name, lengths in seen.items():
        monkeypatch.setattr(rules, name, _recording(getattr(rules, name), lengths))
    text = _LONG + " I will find you."
    decision = screen(text, regular())
    assert decision.action == Action.HOLD
    assert all(lengths and max(lengths) <= PIECE_CHARS for lengths in seen.values())
    # Every piece went through the threat check: the characters it read are the whole text but the cut spaces.
    cuts = len(seen["threat"]) - 1
    assert cuts > 0
    assert sum(seen["threat"]) == len(text.strip()) - cuts


@pytest.mark.django_db
def test_a_comment_a_reader_can_post_is_read_whole(monkeypatch):
    seen: list[int] = []
    monkeypatch.setattr(rules, "threat", _recording(rules.threat, seen))
    text = _LONG[: PIECE_CHARS - 100].strip()
    screen(text, regular())
    assert seen == [len(text)]


def test_a_swear_word_repeated_a_thousand_times_is_read_once(monkeypatch):
    calls: list[int] = []
    framed = rules.profanity_framed

    def counted(text: str, start: int, end: int) -> bool:
        calls.append(start)
        return framed(text, start, end)

    monkeypatch.setattr(rules, "profanity_framed", counted)
    found = rules.profanity("fuck off. " * 1000)
    assert found is not None
    assert found.reason == "profanity or insult: fuck"
    assert len(calls) == 1


@pytest.mark.parametrize(("text", "held"), [
    # the first occurrence is quoted speech condemned, the second is the writer's own: held
    ('Calling her a "bitch" on air was vile. Honestly you are a bitch too.', True),
    # every occurrence reported: published
    ('He was fined for calling the referee a "bitch". Another fan said "bitch" as well.', False),
])
def test_a_word_counts_when_any_of_its_occurrences_is_not_framed(text, held):
    assert (rules.profanity(text.lower()) is not None) is held
