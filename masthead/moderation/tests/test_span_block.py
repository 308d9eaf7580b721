"""The span block: character n-grams of a comment's words written together, so they cross word boundaries
(``features.span_grams``, ``linear._SpanBlock``; docs/moderation.md, "Features")."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.moderation.features import (
    centred_boundary_grams,
    centred_span_grams,
    joined_crossing_grams,
    joined_crossing_slices,
    prepare,
    span_grams,
    span_text,
)
from masthead.moderation.linear import LinearModel, _SpanBlock
from masthead.moderation.normalise import normalise
from masthead.moderation.tests import reference_scoring as reference


def test_dropped_and_added_spaces_give_the_same_grams():
    plain = span_grams(prepare(normalise("I hate women!").text))
    assert span_grams(prepare(normalise("Ihatewomen").text)) == plain
    assert span_grams(prepare(normalise("I hatewomen.").text)) == plain
    assert span_grams(prepare(normalise("i ha te wom en").text)) == plain
    assert "tewo" in plain  # grams across the boundary between "hate" and "women"


def test_grams_are_distinct_by_size_then_from_the_left_with_digits_and_marks_left_out():
    assert span_text(prepare("no, no!! 42 no")) == " nonono "
    assert span_grams("ab ab", (3,)) == [" ab", "aba", "bab", "ab "]
    assert span_grams("ab ab", (3, 4)) == [" ab", "aba", "bab", "ab ", " aba", "abab", "bab "]
    assert span_grams("ab ab", (3,), joiner=" ") == [" ab", "ab ", "b a"]
    assert span_grams("", (3,)) == []
    assert span_grams("a", (3, 4)) == [" a "]


def _model(sizes: list[int], joiner: str = "") -> LinearModel:
    data = {"format": "masthead-linear-2", "model_id": "t", "version": "1", "intercept": 0.0,
            "blocks": [{"analyzer": "span", "sizes": sizes, "joiner": joiner,
                        "features": [" ab", "aba", "ab ", "xyz"], "idf": [1.5, 2.0, 3.0, 4.0],
                        "weights": [0.25, -1.0, 2.0, 5.0]}]}
    return LinearModel.from_dict(data)


def test_the_block_is_the_binary_tf_idf_cosine_with_its_weights():
    model = _model([3])
    # " abab " has the grams " ab", "aba", "bab", "ab " (and " ab" only once however often it occurs); "bab" is
    # not in the table, so the norm is over the three known ones.
    idf = {" ab": 1.5, "aba": 2.0, "ab ": 3.0}
    weights = {" ab": 0.25, "aba": -1.0, "ab ": 2.0}
    expected = sum(idf[g] * weights[g] for g in idf) / math.sqrt(sum(v * v for v in idf.values()))
    assert model.logit("ab ab") == pytest.approx(expected, rel=1e-12)
    assert model.logit("ab ab ab") == pytest.approx(expected, rel=1e-12)  # binary: repeats change nothing
    assert model.logit("qq") == 0.0  # no known gram
    block = model.blocks[0]
    assert isinstance(block, _SpanBlock)
    for text in ("ab ab", "abab abab", "x y z", "", "ab!"):
        assert block.score(text).hex() == reference.span_score(block, text).hex()


def test_the_sizes_and_joiner_come_from_the_file():
    block = _model([3, 5], " ").blocks[0]
    assert isinstance(block, _SpanBlock)
    assert block.sizes == (3, 5)
    assert block.joiner == " "
    # With one space between the words, "ab ab" has no gram "aba".
    assert block.score("ab ab") == pytest.approx((1.5 * 0.25 + 3.0 * 2.0) / math.sqrt(1.5**2 + 3.0**2), rel=1e-12)


def test_crossing_keeps_only_the_grams_with_a_space_inside():
    assert span_grams("i hate all women a b", (4,), " ", crossing=True) == [
        " i h", "i ha", "te a", "e al", "ll w", "l wo", "en a", "n a ", " a b", "a b "]
    five = span_grams("i hate a b", (5,), " ", crossing=True)
    assert five == [" i ha", "i hat", "ate a", "te a ", "e a b", " a b "]
    assert all(" " in gram[1:-1] for gram in five)
    assert span_grams("word", (4, 5), " ", crossing=True) == []


_WORDS = st.lists(st.sampled_from(["a", "i", "to", "the", "hate", "women", "idiot", "you", "are", "x", "!", "42",
                                   "don't", "b"]), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.sampled_from([(3,), (4,), (5,), (3, 4, 5), (4, 5)]), st.sampled_from(["", " "]), st.booleans())
def test_the_block_equals_the_plain_loop_to_the_last_bit(text: str, sizes: tuple[int, ...], joiner: str,
                                                         crossing: bool) -> None:
    known = span_grams("i hate you women are idiots to the a b x don't", sizes, joiner, crossing)[::2]
    block = _SpanBlock({gram: complex(0.1 * n - 1.3, 1.0 + n / 7) for n, gram in enumerate(known)}, sizes, joiner,
                       crossing)
    assert block.score(text).hex() == reference.span_score(block, text).hex()


@settings(max_examples=400, deadline=None)
@given(_WORDS, st.sampled_from([(3,), (4,), (5,), (3, 4, 5), (4, 5)]), st.sampled_from(["", " "]))
def test_the_counted_block_equals_the_plain_loop_to_the_last_bit(text: str, sizes: tuple[int, ...],
                                                                 joiner: str) -> None:
    known = span_grams("i hate you women are idiots to the a b x don't", sizes, joiner, distinct=False)[::2]
    table = {gram: complex(0.1 * n - 1.3, 1.0 + n / 7) for n, gram in enumerate(known)}
    block = _SpanBlock(table, sizes, joiner, counted=True)
    assert block.score(text).hex() == reference.span_score(block, text).hex()
    assert block.score(text).hex() == block.score(text).hex()  # from the word cache the second time


def test_the_counted_block_counts_every_occurrence():
    model = _model([3], " ")
    model.blocks[0].counted = True
    # " ab ab " has " ab" twice, "ab " twice and "b a" once (not known): idf times weight per occurrence, over the
    # square root of the known occurrences' idf squared.
    dot = 2 * 1.5 * 0.25 + 2 * 3.0 * 2.0
    assert model.logit("ab ab") == pytest.approx(dot / math.sqrt(2 * 1.5**2 + 2 * 3.0**2), rel=1e-12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abcdefghij'", min_size=1, max_size=9), max_size=12), st.sampled_from([3, 4, 5]))
def test_the_crossing_slices_cut_the_crossing_grams(found: list[str], size: int) -> None:
    joined = " " + "".join(found) + " "
    assert [joined[cut] for cut in joined_crossing_slices(found, size)] == joined_crossing_grams(found, (size,))


def test_the_crossing_slices_of_a_long_text_are_made_one_by_one():
    found = ["abcdefg", "hi", "j"] * 300  # 3,000 characters: past the lengths whose slices are kept
    joined = " " + "".join(found) + " "
    for size in (3, 4, 5):
        assert [joined[cut] for cut in joined_crossing_slices(found, size)] == joined_crossing_grams(found, (size,))


def test_the_centred_block_reads_one_gram_per_boundary_and_each_word_s_own_grams():
    # " ihatewomen ": the boundaries start "i", "hate", "women" and the end space; the first two grams, which
    # would start before the text, start at its start.
    assert centred_boundary_grams(["i", "hate", "women"], 4) == [" iha", " iha", "tewo", "men "]
    assert centred_boundary_grams(["abc"], 4) == [" abc", "abc "]
    assert centred_boundary_grams(["a"], 4) == []  # " a " is shorter than a gram
    assert centred_boundary_grams([], 3) == []
    assert centred_boundary_grams(["ab", "cd"], 3) == [" ab", "bcd", "cd "]
    assert centred_span_grams(prepare(normalise("I hate women!").text)) == [
        "hate", "wome", "omen", " iha", " iha", "tewo", "men "]
    # Run together, the boundary's gram is one of the word's own: "tewo" is read either way.
    assert "tewo" in centred_span_grams(prepare(normalise("Ihatewomen").text))


def test_the_centred_grams_of_a_long_text_are_sliced_one_by_one():
    found = ["abcdefg", "hi", "j"] * 300  # 3,000 characters: past the starts whose slices are kept
    joined = " " + "".join(found) + " "
    starts = [1]
    for word in found:
        starts.append(starts[-1] + len(word))
    for size in (3, 4, 5):
        expected = [joined[min(max(at - size // 2, 0), len(joined) - size):][:size] for at in starts]
        assert centred_boundary_grams(found, size) == expected


@settings(max_examples=400, deadline=None)
@given(_WORDS, st.sampled_from([(3,), (4,), (5,), (3, 4, 5), (4, 5)]))
def test_the_centred_block_equals_the_plain_loop_to_the_last_bit(text: str, sizes: tuple[int, ...]) -> None:
    known = centred_span_grams("i hate you women are idiots to the a b x don't", sizes)[::2]
    table = {gram: complex(0.1 * n - 1.3, 1.0 + n / 7) for n, gram in enumerate(known)}
    block = _SpanBlock(table, sizes, "", counted=True, centred=True)
    assert block.score(text).hex() == reference.span_score(block, text).hex()
    assert block.score(text).hex() == block.score(text).hex()  # from the word cache the second time


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abcdefghij'", min_size=1, max_size=9), max_size=12), st.sampled_from([3, 4, 5]))
def test_the_centred_grams_are_the_plain_loop_s(found: list[str], size: int) -> None:
    joined = " " + "".join(found) + " "
    starts = [1]
    for word in found:
        starts.append(starts[-1] + len(word))
    expected = [joined[min(max(at - size // 2, 0), len(joined) - size):][:size] for at in starts]
    assert centred_boundary_grams(found, size) == (expected if len(joined) >= size else [])
