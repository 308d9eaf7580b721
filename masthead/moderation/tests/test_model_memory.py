"""The loaded model's memory: weights held compactly, the per-word score cache bounded by the characters it holds."""

from __future__ import annotations

import gzip
import json
import math

from masthead.moderation.backends.linear import BUILTIN
from masthead.moderation.linear import LinearModel, _WordCharBlock
from masthead.moderation.normalise import normalise


def test_every_feature_keeps_the_files_idf_and_weight_exactly() -> None:
    with gzip.open(BUILTIN, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    model = LinearModel.from_dict(data)
    for stored, block in zip(data["blocks"], model.blocks, strict=True):
        assert len(block.table) == len(stored["features"])
        for feature, idf, weight in zip(stored["features"], stored["idf"], stored["weights"], strict=True):
            pair = block.table[feature]
            if stored["analyzer"] == "span":  # the span block holds the two products its sums add
                assert (pair.real, pair.imag) == (idf * weight, idf * idf)
            else:
                assert (pair.real, pair.imag) == (idf, weight)


def test_a_block_scores_as_the_tf_idf_cosine_with_its_weights() -> None:
    from masthead.moderation.features import word_features

    data = {"format": "masthead-linear-2", "model_id": "t", "version": "1", "intercept": 0.0,
            "blocks": [{"analyzer": "word", "features": ["ferry", "late", "ferry late"], "idf": [1.5, 2.0, 3.0],
                        "weights": [0.25, -1.0, 2.0]}]}
    model = LinearModel.from_dict(data)
    counts = {"ferry": 2, "late": 1, "ferry late": 1}
    assert {f: word_features("ferry late ferry").count(f) for f in counts} == counts
    values = {"ferry": 2 * 1.5, "late": 1 * 2.0, "ferry late": 1 * 3.0}
    weights = {"ferry": 0.25, "late": -1.0, "ferry late": 2.0}
    expected = sum(values[f] * weights[f] for f in values) / math.sqrt(sum(v * v for v in values.values()))
    assert model.logit("ferry late ferry") == expected


def test_the_word_cache_never_holds_more_characters_than_its_bound() -> None:
    model = LinearModel.load(BUILTIN)
    block = next(b for b in model.blocks if isinstance(b, _WordCharBlock))
    block.cache_limit = 2_000
    block.cache.clear()
    block.cached_chars = 0
    text = " ".join(f"word{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}{chr(97 + n // 676 % 26)}" for n in range(3000))
    scored = model.probability(normalise(text).text)
    assert block.cached_chars == sum(map(len, block.cache)) <= 2_000
    assert block.cache  # it still keeps the latest words
    # The scores do not depend on what the cache held: a fresh model gives the same probability.
    assert LinearModel.load(BUILTIN).probability(normalise(text).text) == scored
    long_word = "a" * 2_500  # longer than the whole bound: scored, never kept
    block.word_score(long_word)
    assert long_word not in block.cache
    assert block.cached_chars <= 2_000
