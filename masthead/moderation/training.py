"""Fitting a linear model with scikit-learn (training time only: `pip install masthead[train]`).

Used by ``build_builtin.py`` (the model shipped in the package, from the Davidson training split) and by the
``moderation_train`` command (a site model from moderators' decisions plus the public data). Inference never
imports scikit-learn: the fitted vectorizers and weights are exported to our JSON format (``linear.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from masthead.moderation.features import char_features, prepare, word_features
from masthead.moderation.linear import export_sklearn
from masthead.moderation.normalise import normalise


class TrainingUnavailable(RuntimeError):
    pass


def screening_texts(raw: Sequence[str]) -> list[str]:
    return [prepare(normalise(text).text) for text in raw]


def fit(raw_texts: Sequence[str], labels: Sequence[int], *, model_id: str, version: str, info: dict[str, Any],
        sample_weight: Sequence[float] | None = None, c: float = 4.0, max_words: int = 40000,
        max_chars: int = 60000) -> dict[str, Any]:
    """Fit word and character TF-IDF blocks and a class-balanced logistic regression; return the model dict."""
    try:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:  # pragma: no cover - depends on the install
        raise TrainingUnavailable("training needs scikit-learn: pip install 'masthead[train]'") from error

    texts = screening_texts(raw_texts)
    parts = [
        ("word", TfidfVectorizer(analyzer=word_features, min_df=2, max_features=max_words)),
        ("char", TfidfVectorizer(analyzer=char_features, min_df=3, max_features=max_chars)),
    ]
    matrix = hstack([vectorizer.fit_transform(texts) for _, vectorizer in parts]).tocsr()
    classifier = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear", random_state=0)
    classifier.fit(matrix, list(labels), sample_weight=None if sample_weight is None else list(sample_weight))
    return export_sklearn(parts, classifier, model_id=model_id, version=version,
                          info={**info, "examples": len(texts), "positives": int(sum(labels)), "C": c})
