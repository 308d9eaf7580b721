"""The group contexts: identity-group mentions abstracted to one token, so what is learned about the words around
one group holds for every group (``hate.GROUP_FORMS``, ``hate.WORD_FORMS``, ``linear.py``; docs/moderation.md,
"Group contexts"). Written from general knowledge, not from any evaluation set."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.moderation.features import prepare, word_features
from masthead.moderation.hate import (
    _GROUP_ADJECTIVES,
    _GROUP_NOUNS,
    _PERSON_NOUNS,
    GROUP_FORMS,
    WORD_FORMS,
    abstracted_tokens,
    group_ngrams,
    group_windows,
)
from masthead.moderation.linear import LinearModel, _Block
from masthead.moderation.normalise import normalise
from masthead.moderation.tests import reference_scoring as reference


def prepared(text: str) -> str:
    return prepare(normalise(text).text)


def test_every_group_reads_the_same():
    muslims = group_windows(prepared("Muslims are a disease."))
    assert muslims == ["GRP", "GRP are", "GRP>are", "GRP>a", "GRP>disease"]
    for text in ("Trans people are a disease.", "Buddhists are a disease.", "Deaf women are a disease.",
                 "Asylum seekers are a disease!"[:-1]):
        assert group_windows(prepared(text)) == muslims, text
    assert group_ngrams(prepared("I hate sikhs")) == group_ngrams(prepared("I hate mormons")) == [
        "GRP", "hate GRP", "i hate GRP"]


def test_a_text_that_names_no_group_has_no_group_features():
    for text in ("The council met on Tuesday.", "Black coffee and white bread.", "They are a disease.", ""):
        assert abstracted_tokens(prepared(text)) is None
        for form in GROUP_FORMS.values():
            assert form(prepared(text)) == []
    assert WORD_FORMS["abstract"](prepared("The council met.")) == word_features(prepared("The council met."))


def test_a_misspelt_group_name_is_read_as_the_group():
    assert abstracted_tokens(prepared("imigrants are vermin")) == ["GRP", "are", "vermin"]


def test_each_mention_is_one_token_and_its_neighbours_are_seen_from_it():
    assert abstracted_tokens(prepared("gay men and black women met")) == ["GRP", "and", "GRP", "met"]
    assert group_windows(prepared("i hate gay men")) == ["GRP", "hate GRP", "i<GRP", "hate<GRP"]


_VOCABULARY = [*sorted(_GROUP_NOUNS)[:40], *sorted(_GROUP_ADJECTIVES)[:20], *sorted(_PERSON_NOUNS), "imigrants",
               "mulsims", "asylum", "seekers", "are", "a", "disease", "i", "hate", "should", "be", "banned", "they",
               "not", "the", "and", "!", "?", "don't", "42"]
_TEXT = st.lists(st.sampled_from(_VOCABULARY) | st.text(alphabet="abcdegimnorstuw'", min_size=1, max_size=9),
                 max_size=40).map(" ".join)


def _model(analyzer: str, form: str, features: list[str]) -> LinearModel:
    block: dict[str, object] = {"analyzer": analyzer, "features": features,
                                "idf": [1.0 + (n % 7) / 4 for n in range(len(features))],
                                "weights": [((n * 37) % 11 - 5) / 3 for n in range(len(features))]}
    block["form" if analyzer == "group" else "groups"] = form
    return LinearModel.from_dict({"format": "masthead-linear-2", "model_id": "t", "version": "1",
                                  "intercept": 0.0, "blocks": [block]})


_KNOWN = ["GRP", "GRP are", "hate GRP", "GRP>disease", "GRP>a", "hate<GRP", "i<GRP", "GRP are a", "i hate GRP",
          "GRP should", "GRP and", "and GRP", "GRP>GRP", "GRP<GRP", "are", "disease", "a disease", "hate", "i hate",
          "women", "muslims", "gay", "people", "gay people", "the", "!"]


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_every_form_scores_as_the_plain_loop_to_the_last_bit(raw: str) -> None:
    text = prepared(raw)
    for form in GROUP_FORMS:
        block = _model("group", form, _KNOWN).blocks[0]
        assert isinstance(block, _Block)
        assert block.score(text).hex() == reference.group_score(block, text).hex()
    for form in WORD_FORMS:
        model = _model("word", form, _KNOWN)
        block = model.blocks[0]
        assert block.score(text).hex() == reference.word_block_score(block, text).hex()
        assert model.logit(text).hex() == reference.logit(model, text).hex()


def test_the_file_says_the_form():
    assert _model("group", "ngrams", _KNOWN).blocks[0].analyzer is GROUP_FORMS["ngrams"]
    assert _model("word", "words+ngrams", _KNOWN).blocks[0].analyzer is WORD_FORMS["words+ngrams"]
    with pytest.raises(KeyError):
        _model("group", "sentences", _KNOWN)


# Groups that name no toxic row of the training data (Somalis, Albanians and deaf people are in none), so what the
# model knows of hate against them comes through the group token.
_UNSEEN_HATEFUL = ["Somalis are a plague on this town.", "Albanians are filth.", "Deaf people are a burden.",
                   "Somalis are animals!", "Albanians are scum."]
_UNSEEN_BENIGN = ["Somalis opened a bakery on Main Street.", "Albanians and Greeks share a border.",
                  "Deaf people are welcome at the theatre.", "The festival was run by deaf people and their families.",
                  "Somalis are a small community in the city."]


def _shipped() -> tuple[LinearModel, _Block, float]:
    from masthead.moderation.backends.linear import BUILTIN

    model = LinearModel.load(BUILTIN)
    word_block = next(b for b in model.blocks if isinstance(b, _Block) and b.analyzer in WORD_FORMS.values())
    threshold = model.threshold_for_share(0.02)
    assert threshold is not None
    return model, word_block, threshold


def test_the_shipped_word_block_reads_the_group_pairs():
    _, block, _ = _shipped()
    assert block.analyzer is WORD_FORMS["words+pairs"]
    assert {"GRP", "GRP are", "hate GRP"} <= set(block.table)


def test_hate_against_a_group_never_seen_hateful_in_training_is_held_and_the_group_pairs_raise_it():
    model, block, threshold = _shipped()
    plain = _Block(word_features, block.table)  # the same weights without the group pairs
    for text in _UNSEEN_HATEFUL:
        normalised = normalise(text).text
        assert model.probability(normalised) >= threshold, text
        assert block.score(prepare(normalised)) > plain.score(prepare(normalised)), text


def test_benign_mentions_of_those_groups_are_not_held():
    model, _, threshold = _shipped()
    for text in _UNSEEN_BENIGN:
        assert model.probability(normalise(text).text) < threshold / 2, text
