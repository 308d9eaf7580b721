"""A TF-IDF + logistic regression model in our own JSON format, scored in plain Python (no numpy, no pickle).

File layout (gzip-compressed JSON)::

    {"format": "masthead-linear-1", "model_id": ..., "version": ..., "intercept": float,
     "blocks": [{"analyzer": "word" | "char", "features": [...], "idf": [...], "weights": [...]}, ...],
     "info": {...training facts...}}

Each block is one TF-IDF vectorizer (raw counts times idf, L2-normalised over the block's known features) and its
slice of the logistic regression weights. The probability is the logistic of the summed block scores plus the
intercept — exactly what scikit-learn computes for a FeatureUnion of TfidfVectorizers and LogisticRegression.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from masthead.moderation.features import char_features, prepare, word_features

FORMAT = "masthead-linear-1"
ANALYZERS: dict[str, Callable[[str], list[str]]] = {"word": word_features, "char": char_features}


@dataclass
class _Block:
    analyzer: Callable[[str], list[str]]
    table: dict[str, tuple[float, float]]  # feature -> (idf, weight)

    def score(self, text: str) -> float:
        table = self.table
        counts = Counter(feature for feature in self.analyzer(text) if feature in table)
        if not counts:
            return 0.0
        dot = 0.0
        squares = 0.0
        for feature, count in counts.items():
            idf, weight = table[feature]
            value = count * idf
            dot += value * weight
            squares += value * value
        return dot / math.sqrt(squares)


@dataclass
class LinearModel:
    model_id: str
    version: str
    intercept: float
    blocks: list[_Block]
    info: dict[str, Any] = field(default_factory=dict)

    def probability(self, normalised_text: str) -> float:
        text = prepare(normalised_text)
        z = self.intercept + sum(block.score(text) for block in self.blocks)
        if z < -35:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model file")
        blocks = [
            _Block(
                ANALYZERS[block["analyzer"]],
                {f: (i, w) for f, i, w in zip(block["features"], block["idf"], block["weights"], strict=True)},
            )
            for block in data["blocks"]
        ]
        return cls(data["model_id"], data["version"], float(data["intercept"]), blocks, data.get("info", {}))


def save(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        json.dump(data, handle, separators=(",", ":"))


def export_sklearn(pipeline_parts: list[tuple[str, Any]], classifier: Any, *, model_id: str, version: str,
                   info: dict[str, Any]) -> dict[str, Any]:
    """Our JSON layout from fitted scikit-learn TfidfVectorizers (analyzer name, vectorizer) and a classifier."""
    weights = classifier.coef_[0]
    blocks, offset = [], 0
    for analyzer, vectorizer in pipeline_parts:
        vocabulary = vectorizer.vocabulary_
        features = sorted(vocabulary, key=vocabulary.__getitem__)
        size = len(features)
        idf = vectorizer.idf_
        block_weights = weights[offset : offset + size]
        offset += size
        blocks.append({
            "analyzer": analyzer,
            "features": features,
            "idf": [round(float(value), 4) for value in idf],
            "weights": [round(float(value), 5) for value in block_weights],
        })
    return {"format": FORMAT, "model_id": model_id, "version": version,
            "intercept": float(classifier.intercept_[0]), "blocks": blocks, "info": info}
