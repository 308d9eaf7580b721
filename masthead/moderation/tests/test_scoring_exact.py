"""The fast screening gives exactly what the plain code gave: every block's score and the logit equal to the last
bit, the same threat/group-violence/insult matches, the same decisions. ``reference_scoring.py`` keeps the plain
code (as it was before the speed work); these tests run both in the same process, on texts made up by hypothesis
and on a few thousand rows of the public corpora (``../shared/data/moderation``; skipped where it is missing)."""

from __future__ import annotations

import csv
import gzip
import itertools
import math
from collections.abc import Iterator
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.moderation import datasets, features, hate, lexicon, rules
from masthead.moderation.backends.linear import BUILTIN
from masthead.moderation.hate import _GROUP_NOUNS, _NEGATIVE, identity_signals, lexicon_matches
from masthead.moderation.lexicon import TARGET_WORDS
from masthead.moderation.linear import LinearModel, _Block, _SpanBlock, _StructureBlock, _WordCharBlock
from masthead.moderation.links import link_hosts
from masthead.moderation.normalise import _HOMOGLYPH_CHARS, _HOMOGLYPHS, _decode_symbols, _target_reading, normalise
from masthead.moderation.normalise import _TOKEN as _TOKEN_RE
from masthead.moderation.tests import reference_scoring as reference


@cache
def _model() -> LinearModel:
    return LinearModel.load(BUILTIN)


def _same(fast: float, slow: float) -> bool:
    """Equal to the last bit (and the same sign of zero)."""
    return fast.hex() == slow.hex()


def assert_scores_exactly(normalised_text: str) -> None:
    model = _model()
    text = features.prepare(normalised_text)
    for block in model.blocks:
        if isinstance(block, _WordCharBlock):
            fast, slow = block.score(text), reference.wordchar_score(block, text)
        elif isinstance(block, _Block):
            fast, slow = block.score(text), reference.block_score(block, text)
        elif isinstance(block, _SpanBlock):
            fast, slow = block.score(text), reference.span_score(block, text)
        else:
            assert isinstance(block, _StructureBlock)
            continue  # the structure block's signals: compared through the logit and the lexicon matches
        assert _same(fast, slow), (normalised_text, block, fast, slow)
    fast_logit = model.logit(normalised_text)
    assert _same(fast_logit, reference.logit(model, normalised_text)), normalised_text
    assert lexicon_matches(normalised_text) == reference.lexicon_matches(normalised_text), normalised_text


# Words that wake the patterns and the identity structures, besides ordinary letters, symbols and look-alikes.
_TRIGGERS = sorted(lexicon.THREAT_RE.triggers | lexicon.GROUP_VIOLENCE_RE.triggers | lexicon.INSULT_RE.triggers)
_VOCABULARY = [*_TRIGGERS, *sorted(_GROUP_NOUNS), *sorted(_NEGATIVE), "you", "are", "i", "will", "should", "be",
               "the", "all", "them", "a", "not", "to", "of", "people", "where", "live", "your", "legs"]
_WORD = st.one_of(
    st.sampled_from(_VOCABULARY),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", min_size=1, max_size=12),
    st.text(alphabet="abcdeiost013457@$!*#'-. " + "".join(list(_HOMOGLYPHS)[:12]), min_size=1, max_size=8),
)
_TEXT = st.lists(_WORD, max_size=60).map(" ".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fast_scores_equal_the_plain_code_on_made_up_text(raw: str) -> None:
    assert_scores_exactly(normalise(raw).text)
    assert_scores_exactly(raw.lower())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'\u00e9\u0430", min_size=0, max_size=70))
def test_word_grams_equal_the_plain_slicing(word: str) -> None:
    assert features.word_grams(word) == reference.word_grams(word)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_an_ascii_text_has_no_look_alike_letters(text: str) -> None:
    # normalise skips the look-alike search on ASCII text: it could never find one there.
    assert _HOMOGLYPH_CHARS.search(text) is None


def _corpus_texts(per_file: int = 700) -> Iterator[str]:
    """Every n-th row of each public corpus, up to ``per_file`` each: news comments, talk pages, tweets,
    HateCheck and identity sentences (some 3,500 texts)."""
    files = [(datasets.CIVIL_COMMENTS_FILE, "text"), ("civil_comments_sentences.csv.gz", "text"),
             (datasets.WIKIPEDIA_TALK_FILE, "text"), (datasets.IDENTITY_FILE, "text"),
             ("davidson_labeled_data.csv", "tweet"), ("hatecheck_test_suite_cases.csv", "test_case")]
    for name, column in files:
        path = datasets.data_dir() / name
        if not path.exists():
            continue
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", newline="") as handle:
            rows = [row[column] for row in csv.DictReader(handle) if row.get(column)]
        step = max(1, len(rows) // per_file)
        yield from itertools.islice(rows[::step], per_file)


def test_fast_scores_equal_the_plain_code_on_the_public_corpora() -> None:
    texts = list(_corpus_texts())
    if len(texts) < 1000:
        pytest.skip(f"public corpora not found in {datasets.data_dir()}")
    for raw in texts:
        assert_scores_exactly(normalise(raw).text)


def test_a_long_text_and_repeated_words_score_exactly() -> None:
    # Counts above one (a repeated word, a repeated gram), a word longer than the precomputed gram slices, many
    # distinct words (the word cache emptied while one text is scored).
    model = _model()
    block = next(b for b in model.blocks if isinstance(b, _WordCharBlock))
    limit = block.cache_limit
    block.cache_limit = 500
    try:
        words = [f"w{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}x" for n in range(400)]
        for text in ("the the the idiot idiot the", "a" * 60 + " banana " + "ab" * 40, " ".join(words),
                     "you are an idiot you are an idiot and you are trash " * 20):
            assert_scores_exactly(normalise(text).text)
    finally:
        block.cache_limit = limit
        block.cache.clear()
        block.cached_chars = 0
    assert math.isfinite(model.logit("ordinary text"))


_ANY_TEXT = st.one_of(
    _TEXT,
    st.text(alphabet=st.characters(max_codepoint=127), max_size=200),
    st.text(alphabet="ab'!? .z09_-\n", max_size=40),
    st.lists(st.sampled_from(["http://x.co/a", "www.", "example.com", "a.b", "e.g.", "U.S.", "Www.Site.Org/p",
                              "see", "bit.ly/x", ".com", "x.io", "://", "mail@host.net", "3.14", "co.uk", "_", "\t"]),
             max_size=12).map(" ".join),
)


def assert_text_checks_exactly(raw: str) -> None:
    normalised = normalise(raw).text
    for text in (raw, raw.lower(), normalised):
        assert rules.hashed_words(text) == reference.body_hash_words(text), text
        assert lexicon.text_words(text) == reference.letter_runs(text), text
        assert features._tokens(text) == reference.tokens(text), text
        assert features._tokens(features.prepare(text)) == reference.tokens(features.prepare(text)), text
        assert identity_signals(text) == reference.identity_signals(text), text
    assert link_hosts(raw) == reference.link_hosts(raw), raw


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXT)
def test_text_checks_equal_the_plain_code_on_made_up_text(raw: str) -> None:
    assert_text_checks_exactly(raw)


def test_text_checks_equal_the_plain_code_on_the_public_corpora() -> None:
    texts = list(_corpus_texts())
    if len(texts) < 1000:
        pytest.skip(f"public corpora not found in {datasets.data_dir()}")
    for raw in texts:
        assert_text_checks_exactly(raw)


# Tokens as the normaliser meets them: letters, digits, leetspeak symbols, masks, apostrophes, look-alikes already
# mapped, runs of one letter; and target words with some letters disguised.
_TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789@$!|+*#'\u20ac\u00a3\u00df"
_DISGUISE = {"a": "@4*", "i": "1!|*", "s": "$5*", "o": "0*", "e": "3*", "t": "7+", "l": "1|", "u": "*#", "c": "*"}


@st.composite
def _disguised_target(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(sorted(TARGET_WORDS)))
    chars = [draw(st.sampled_from([char, char, "*", *_DISGUISE.get(char, "")])) for char in word]
    stretch = draw(st.integers(0, len(chars) - 1))
    chars[stretch] *= draw(st.sampled_from([1, 1, 3, 4]))
    return draw(st.sampled_from(["", "*", "1", "'"])) + "".join(chars) + draw(st.sampled_from(["", "*", "!", "'"]))


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(alphabet=_TOKEN_CHARS, min_size=1, max_size=14), _disguised_target()))
def test_decoding_a_token_equals_the_plain_code(token: str) -> None:
    fast_changes: set[str] = set()
    slow_changes: set[str] = set()
    assert _decode_symbols(token, fast_changes) == reference.decode_symbols(token, slow_changes), token
    assert fast_changes == slow_changes, token


def test_decoding_the_corpora_tokens_equals_the_plain_code() -> None:
    tokens = {"*necessarily*", "132x3169449", "*gasp*", "a**", "sh**", "sh*#", "f***", "**", "a$$", "@ss", "1d10t",
              "sh1t", "fuuuuck", "f*ck", "c#nt", "**ck", "d**d", "*a*", "k*ll*ng", "4chan", "mp3", "$100", "@editor",
              "b!tch", "a**hole", "sh!!!t"}
    for raw in _corpus_texts():
        tokens.update(match.group(0) for match in _TOKEN_RE.finditer(raw.casefold()))
    for token in sorted(tokens):
        fast_changes: set[str] = set()
        slow_changes: set[str] = set()
        assert _decode_symbols(token, fast_changes) == reference.decode_symbols(token, slow_changes), token
        assert fast_changes == slow_changes, token


@st.composite
def _positions(draw: st.DrawFn) -> list[str]:
    """Each position's characters, near a target word's letters (so that several words may fit)."""
    word = draw(st.sampled_from(sorted(TARGET_WORDS)))
    expanded = []
    for char in word:
        others = draw(st.text(alphabet="abcdefiklnorstu*1", max_size=3))
        expanded.append("".join(dict.fromkeys(draw(st.permutations([char, *others])))))
    return expanded


@settings(max_examples=800, deadline=None)
@given(_positions())
def test_the_first_target_reading_is_the_plain_codes(expanded: list[str]) -> None:
    assert _target_reading(expanded) == reference.target_reading(expanded), expanded


def test_the_first_target_reading_when_several_words_fit() -> None:
    assert _target_reading(["fdc", "uio", "c", "k"]) == reference.target_reading(["fdc", "uio", "c", "k"]) == "fuck"
    assert _target_reading(["cdf", "oiu", "c", "k"]) == "cock"


_SPAN_VOCABULARY = sorted(hate._GROUP_NOUNS | hate._GROUP_ADJECTIVES | hate._PRONOUNS | hate._PERSON_NOUNS)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SPAN_VOCABULARY), st.sampled_from(_VOCABULARY)), max_size=20))
def test_a_sentence_without_a_group_word_or_pronoun_has_no_span(tokens: list[str]) -> None:
    # _sentence_signals stops early on such a sentence: every signal it finds needs a span.
    if hate._SPAN_STARTS.isdisjoint(tokens):
        assert hate._group_spans(tokens, pronouns=True) == []
    if hate._TRIGGERS.isdisjoint(tokens):
        assert hate._group_spans(tokens, pronouns=False) == []
    spans = hate._group_spans(tokens, pronouns=True)
    assert all(tokens[start] in hate._SPAN_STARTS for start, _ in spans)
