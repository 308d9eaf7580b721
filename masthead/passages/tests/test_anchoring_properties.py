"""Property tests of the anchoring core: edits around and inside a passage, re-anchoring twice, forged anchors.

Texts are built from distinct words (so a passage is not accidentally repeated elsewhere), in paragraphs, like
an article's canonical text.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from masthead.passages.anchoring import (
    Anchor,
    AnchorError,
    Status,
    create_anchor,
    follow,
    reanchor,
    verify_anchor,
)

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéß", min_size=1, max_size=8)
# Per test, not a global profile: other apps' property tests keep their own settings.
PROPERTY = settings(max_examples=150, deadline=None)


@st.composite
def article(draw: st.DrawFn, min_words: int = 12) -> tuple[str, list[str]]:
    words = draw(st.lists(WORD, min_size=min_words, max_size=60, unique=True))
    text, separators = words[0], []
    for word in words[1:]:
        sep = draw(st.sampled_from([" ", " ", " ", ", ", "\n\n"]))
        separators.append(sep)
        text += sep + word
    return text, words


@st.composite
def text_with_passage(draw: st.DrawFn) -> tuple[str, int, int]:
    """A text and a passage in it: whole words, at least 3 of them."""
    text, words = draw(article())
    first = draw(st.integers(0, len(words) - 3))
    last = draw(st.integers(first + 2, min(len(words) - 1, first + 8)))
    start = _word_start(text, words[first])
    end = _word_start(text, words[last]) + len(words[last])
    return text, start, end


def _word_start(text: str, word: str) -> int:
    """Where a whole word starts (words are unique, but one may be inside another)."""
    at = text.find(word)
    while at != -1:
        before_ok = at == 0 or not text[at - 1].isalpha()
        after = at + len(word)
        after_ok = after == len(text) or not text[after].isalpha()
        if before_ok and after_ok:
            return at
        at = text.find(word, at + 1)
    raise AssertionError(word)


INSERT = st.text(alphabet="0123456789 XYZ.!", min_size=1, max_size=30)


@PROPERTY
@given(text_with_passage(), st.data())
def test_edits_outside_a_passage_keep_its_anchor_exact(case, data):
    text, start, end = case
    anchor = create_anchor(text, start, end)
    before = data.draw(st.booleans())
    if before:
        cut_from = data.draw(st.integers(0, start))
        cut_to = data.draw(st.integers(cut_from, start))
    else:
        cut_from = data.draw(st.integers(end, len(text)))
        cut_to = data.draw(st.integers(cut_from, len(text)))
    inserted = data.draw(INSERT)
    new_text = text[:cut_from] + inserted + text[cut_to:]
    shift = len(inserted) - (cut_to - cut_from) if before else 0
    assume(new_text.count(anchor.exact) == 1)

    result = reanchor(anchor, new_text)

    assert (result.start, result.end) == (start + shift, end + shift)
    assert new_text[result.start : result.end] == anchor.exact
    assert result.status == (Status.EXACT if shift == 0 else Status.MOVED)


@PROPERTY
@given(text_with_passage(), article(min_words=3), st.integers(0, 10_000))
def test_a_passage_that_occurs_exactly_once_is_found(case, other, where):
    """Wherever the passage ends up, in whatever surroundings, a single exact occurrence is found."""
    text, start, end = case
    anchor = create_anchor(text, start, end)
    surroundings = other[0]
    cut = where % (len(surroundings) + 1)
    new_text = surroundings[:cut] + " " + anchor.exact + " " + surroundings[cut:]
    assume(new_text.count(anchor.exact) == 1)

    result = reanchor(anchor, new_text)

    assert result.status in (Status.EXACT, Status.MOVED)
    assert (result.start, result.end) == (cut + 1, cut + 1 + len(anchor.exact))


@PROPERTY
@given(text_with_passage(), st.data())
@example(("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu", 6, 22), None)
def test_edits_inside_a_passage_find_it_again_or_orphan_it(case, data):
    text, start, end = case
    anchor = create_anchor(text, start, end)
    if data is None:  # the explicit example: one word inside the passage is changed
        cut_from, cut_to, inserted = 11, 16, "GAMMA"
    else:
        cut_from = data.draw(st.integers(start, end - 1))
        cut_to = data.draw(st.integers(cut_from + 1, end))
        inserted = data.draw(st.text(alphabet="abcxyz ", max_size=12))
    new_text = text[:cut_from] + inserted + text[cut_to:]
    new_passage = (start, end - (cut_to - cut_from) + len(inserted))  # where the edited passage now lies
    assume(new_text[new_passage[0] : new_passage[1]] != anchor.exact)

    result = reanchor(anchor, new_text)

    if result.status == Status.ORPHANED:
        return
    # Never an unrelated passage: the match lies on (or touches) the edited passage.
    assert result.start <= new_passage[1], (result, new_passage)
    assert result.end >= new_passage[0], (result, new_passage)
    assert 0 <= result.start < result.end <= len(new_text)
    if data is None:
        assert result.status == Status.FUZZY
        assert new_text[result.start : result.end] == "beta GAMMA delta"


@PROPERTY
@given(text_with_passage(), st.data())
def test_reanchoring_is_idempotent(case, data):
    text, start, end = case
    anchor = create_anchor(text, start, end)
    cut_from = data.draw(st.integers(0, len(text)))
    cut_to = data.draw(st.integers(cut_from, min(len(text), cut_from + 40)))
    new_text = text[:cut_from] + data.draw(INSERT | st.just("")) + text[cut_to:]

    first = reanchor(anchor, new_text)
    assert reanchor(anchor, new_text) == first  # deterministic
    kept = follow(anchor, new_text, first)
    again = reanchor(kept, new_text)
    assert (again.start, again.end) == (first.start, first.end)
    assert follow(kept, new_text, again) == kept
    if first.status != Status.ORPHANED:
        assert again.status == Status.EXACT


@PROPERTY
@given(text_with_passage(), st.data())
def test_anchors_made_by_a_client_are_accepted_and_forged_ones_refused(case, data):
    text, start, end = case
    genuine = create_anchor(text, start, end)
    assert verify_anchor(text, genuine) == genuine
    shortened = Anchor(genuine.exact, genuine.prefix[-5:], genuine.suffix[:5], start, end)
    assert verify_anchor(text, shortened) == genuine

    forgery = data.draw(st.sampled_from(["quote", "offsets", "prefix", "suffix", "html"]))
    if forgery == "quote":
        forged = Anchor(genuine.exact + "x", genuine.prefix, genuine.suffix, start, end)
    elif forgery == "offsets":
        shift = data.draw(st.integers(1, 5))
        forged = Anchor(genuine.exact, genuine.prefix, genuine.suffix, start + shift, end + shift)
        assume(text[forged.start : forged.end] != genuine.exact)
    elif forgery == "prefix":
        forged = Anchor(genuine.exact, "Q" + genuine.prefix[-3:], genuine.suffix, start, end)
    elif forgery == "suffix":
        forged = Anchor(genuine.exact, genuine.prefix, genuine.suffix[:3] + "Q", start, end)
    else:
        forged = Anchor("<img src=x onerror=alert(1)>", genuine.prefix, genuine.suffix, start, end)
    with pytest.raises(AnchorError):
        verify_anchor(text, forged)


def test_out_of_range_and_blank_edged_anchors_are_refused():
    text = "One two three.\n\nFour five six."
    for start, end in [(-1, 3), (5, 5), (10, 4), (0, len(text) + 1)]:
        with pytest.raises(AnchorError):
            verify_anchor(text, Anchor(text[max(start, 0) : max(end, 0)], "", "", start, end))
    with pytest.raises(AnchorError):
        verify_anchor(text, Anchor(text[3:7], "One", "", 3, 7))  # " two": starts with a space


def test_a_rewritten_passage_is_orphaned_and_keeps_its_place():
    text = "The mayor said the bridge would reopen in May.\n\nThe works cost two million."
    anchor = create_anchor(text, 4, 46)
    new_text = "The mayor declined to comment.\n\nThe works cost two million."
    result = reanchor(anchor, new_text)
    assert result.status == Status.ORPHANED
    assert follow(anchor, new_text, result) == anchor


def test_context_chooses_between_repeated_quotes():
    text = "Prices rose sharply in spring. Wages fell.\n\nIn autumn, prices rose sharply again, said the bank."
    second = text.index("prices rose sharply again")
    anchor = create_anchor(text, second, second + len("prices rose sharply"))
    new_text = "Summary first. " + text.replace("Prices rose sharply in", "prices rose sharply in")
    result = reanchor(anchor, new_text)
    assert result.status == Status.MOVED
    assert result.start == new_text.index("prices rose sharply again")
