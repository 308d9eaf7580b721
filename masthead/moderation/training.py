"""Fitting linear models with scikit-learn and numpy (training time only: ``pip install 'masthead[train]'``).

Used by ``build_builtin.py`` (the base model shipped in the package), by ``moderation_train`` (site models from
moderators' decisions) and by ``moderation_quality`` (leave-one-source-out evaluation). Inference never imports
any of this: the fitted vocabularies and weights are exported to our JSON format (``linear.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any, cast

from masthead.moderation.features import centred_span_grams, prepare, span_grams, word_features, word_grams, words
from masthead.moderation.hate import GROUP_FORMS, SIGNALS, WORD_FORMS, signals
from masthead.moderation.linear import FORMAT, LinearModel
from masthead.moderation.normalise import normalise


class TrainingUnavailable(RuntimeError):
    pass


def screening_texts(raw: Sequence[str]) -> list[str]:
    return [prepare(normalise(text).text) for text in raw]


# scikit-learn and scipy ship no type information: their modules, estimators and sparse matrices are Any here.
Matrix = Any  # a scipy.sparse CSR matrix


def _sklearn() -> tuple[Any, Any, Any, Any]:
    try:
        import numpy as np
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:  # pragma: no cover - depends on the install
        raise TrainingUnavailable("training needs scikit-learn: pip install 'masthead[train]'") from error
    return np, sparse, TfidfVectorizer, LogisticRegression


class Featurizer:
    """The blocks of ``linear.py`` format 2, fitted on prepared texts: word TF-IDF, and per-word char n-grams
    pooled by the mean over a text's distinct words; with ``spans`` (n-gram sizes), the ``span`` block: binary
    TF-IDF of the character n-grams of the words written together (``features.span_grams``), at most
    ``max_spans`` of them (``span_counted``: every occurrence counts; ``span_centred``: each word's own grams and
    the one gram centred on each boundary, ``features.centred_span_grams``); with ``structure`` (each text's
    ``hate.signals``, read from the normalised text), one binary column per structure signal."""

    def __init__(self, *, max_words: int = 50000, max_grams: int = 50000, min_df: int = 2,
                 structure_scale: float = 1.0, spans: Sequence[int] = (), max_spans: int = 50000,
                 span_joiner: str = "", span_crossing: bool = False, span_counted: bool = False,
                 span_centred: bool = False, groups: str = "", max_groups: int = 20000,
                 group_scale: float = 1.0) -> None:
        np, sparse, tfidf, _ = _sklearn()
        # Structure columns are scaled up before fitting (and their weights down on export): the same L2 penalty
        # then restrains these few hand-written signals less than the 100,000 n-grams.
        self.structure_scale = structure_scale
        self.word = tfidf(analyzer=WORD_FORMS.get(groups, word_features), min_df=min_df, max_features=max_words,
                          dtype=np.float32)
        self.grams = tfidf(analyzer=word_grams, min_df=min_df, max_features=max_grams, dtype=np.float32)
        self.span_sizes = tuple(spans)
        self.span_joiner, self.span_crossing, self.span_counted = span_joiner, span_crossing, span_counted
        self.span_centred = span_centred
        self.spans: Any = None
        if span_centred and not (span_counted and span_joiner == "" and not span_crossing):
            raise ValueError("the centred span block is counted, its words written together")
        if self.span_sizes and span_counted:  # every occurrence counts (linear.py, ``span``, "counted")
            if span_joiner not in ("", " ") or span_crossing:
                raise ValueError("the counted span block reads all the grams of words together or one space apart")
            self.spans = _CountedSpans(self.span_sizes, span_joiner, min_df, max_spans, centred=span_centred)
        elif self.span_sizes:
            self.spans = tfidf(analyzer=partial(span_grams, sizes=self.span_sizes, joiner=span_joiner,
                                                crossing=span_crossing), binary=True, min_df=min_df,
                               max_features=max_spans, dtype=np.float32)
        # The ``group`` block (hate.py, ``GROUP_FORMS``): the contexts of identity-group mentions, the group
        # abstracted to one token; TF-IDF, L2, as the word block.
        self.group_form = groups
        self.group_scale = group_scale  # < 1: the L2 penalty restrains the group block more (weights scaled back)
        self.groups: Any = None
        if groups in GROUP_FORMS:
            self.groups = tfidf(analyzer=GROUP_FORMS[groups], lowercase=False, min_df=min_df,
                                max_features=max_groups, dtype=np.float32)
        self._np, self._sparse = np, sparse
        self.structure = False

    def fit_transform(self, texts: Sequence[str], structure: Sequence[frozenset[str]] | None = None) -> Matrix:
        word_matrix = self.word.fit_transform(texts)
        vocabulary = sorted({word for text in texts for word in set(words(text))})
        self.grams.fit(vocabulary)
        self.structure = structure is not None
        parts = [word_matrix, self._pooled(texts)]
        if self.spans is not None:
            parts.append(self.spans.fit_transform(texts))
        if self.groups is not None:
            parts.append(self.groups.fit_transform(texts) * self.group_scale)
        return self._stack(parts, structure)

    def transform(self, texts: Sequence[str], structure: Sequence[frozenset[str]] | None = None) -> Matrix:
        parts = [self.word.transform(texts), self._pooled(texts)]
        if self.spans is not None:
            parts.append(self.spans.transform(texts))
        if self.groups is not None:
            parts.append(self.groups.transform(texts) * self.group_scale)
        return self._stack(parts, structure)

    def _stack(self, parts: list[Matrix], structure: Sequence[frozenset[str]] | None) -> Matrix:
        if self.structure:
            assert structure is not None, "this featurizer was fitted with structure signals"
            on = self.structure_scale
            dense = self._np.asarray([[on if name in found else 0.0 for name in SIGNALS] for found in structure],
                                     dtype=self._np.float32).reshape(len(structure), len(SIGNALS))
            parts = [*parts, self._sparse.csr_matrix(dense)]
        return self._sparse.hstack(parts).tocsr()

    def _pooled(self, texts: Sequence[str]) -> Matrix:
        np, sparse = self._np, self._sparse
        distinct = [sorted(set(words(text))) for text in texts]
        vocabulary = sorted({word for found in distinct for word in found})
        index = {word: i for i, word in enumerate(vocabulary)}
        rows: list[int] = []
        cols: list[int] = []
        values: list[float] = []
        for row, found in enumerate(distinct):
            for word in found:
                rows.append(row)
                cols.append(index[word])
                values.append(1.0 / len(found))
        incidence = sparse.csr_matrix((values, (rows, cols)), shape=(len(texts), len(vocabulary)), dtype=np.float32)
        word_vectors = self.grams.transform(vocabulary) if vocabulary else sparse.csr_matrix((0, len(
            self.grams.vocabulary_)), dtype=np.float32)
        return incidence @ word_vectors

    def export(self, coefficients: Sequence[float]) -> list[dict[str, Any]]:
        blocks: list[dict[str, Any]] = []
        offset = 0
        vectorizers = [("word", self.word), ("wordchar", self.grams)]
        if self.spans is not None:
            vectorizers.append(("span", self.spans))
        if self.groups is not None:
            vectorizers.append(("group", self.groups))
        for analyzer, vectorizer in vectorizers:
            vocabulary = vectorizer.vocabulary_
            features = sorted(vocabulary, key=vocabulary.__getitem__)
            weights = coefficients[offset : offset + len(features)]
            if analyzer == "group":  # the columns were scaled before fitting (``group_scale``)
                weights = [float(weight) * self.group_scale for weight in weights]
            offset += len(features)
            keep = [i for i, weight in enumerate(weights) if abs(weight) >= 1e-4]  # drop what adds nothing
            blocks.append({
                "analyzer": analyzer,
                "features": [features[i] for i in keep],
                "idf": [round(float(vectorizer.idf_[i]), 4) for i in keep],
                "weights": [round(float(weights[i]), 5) for i in keep],
            })
            if analyzer == "span":
                blocks[-1]["sizes"] = list(self.span_sizes)
                blocks[-1]["joiner"] = self.span_joiner
                blocks[-1]["crossing"] = self.span_crossing
                blocks[-1]["counted"] = self.span_counted
                if self.span_centred:
                    blocks[-1]["centred"] = True
            if analyzer == "group":
                blocks[-1]["form"] = self.group_form
            if analyzer == "word" and self.group_form in WORD_FORMS:
                blocks[-1]["groups"] = self.group_form
        if self.structure:
            weights = coefficients[offset : offset + len(SIGNALS)]
            blocks.append({"analyzer": "structure", "features": list(SIGNALS), "idf": [1.0] * len(SIGNALS),
                           "weights": [round(float(weight) * self.structure_scale, 5) for weight in weights]})
        return blocks


class _CountedSpans:
    """The counted span block's vectorizer: each gram's occurrences times its idf, divided by the square root of
    the sum over the text's known gram occurrences of idf squared (so the block is additive over words and word
    boundaries: linear.py, ``_SpanBlock``)."""

    def __init__(self, sizes: tuple[int, ...], joiner: str, min_df: int, max_features: int, *,
                 centred: bool = False) -> None:
        from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

        analyzer = (partial(centred_span_grams, sizes=sizes) if centred
                    else partial(span_grams, sizes=sizes, joiner=joiner, distinct=False))
        self.counter = CountVectorizer(analyzer=analyzer,
                                       min_df=min_df, max_features=max_features, dtype=_sklearn()[0].float32)
        self.idf = TfidfTransformer(norm=None)

    @property
    def vocabulary_(self) -> dict[str, int]:
        return cast(dict[str, int], self.counter.vocabulary_)

    @property
    def idf_(self) -> Any:
        return self.idf.idf_

    def fit_transform(self, texts: Sequence[str]) -> Matrix:
        counts = self.counter.fit_transform(texts)
        self.idf.fit(counts)
        return self._weigh(counts)

    def transform(self, texts: Sequence[str]) -> Matrix:
        return self._weigh(self.counter.transform(texts))

    def _weigh(self, counts: Matrix) -> Matrix:
        np, sparse, _, _ = _sklearn()
        idf = np.asarray(self.idf.idf_, dtype=np.float64)
        squares = np.asarray(counts @ (idf * idf)).ravel()
        scale = np.divide(1.0, np.sqrt(squares), out=np.zeros_like(squares), where=squares > 0)
        return (sparse.diags(scale) @ counts @ sparse.diags(idf)).astype(np.float32).tocsr()


def fit_prepared(texts: Sequence[str], labels: Sequence[int], *, sample_weight: Sequence[float] | None = None,
                 c: float = 1.0, offsets: Sequence[float] | None = None,
                 structure: Sequence[frozenset[str]] | None = None,
                 **featurizer_options: Any) -> tuple[Featurizer, Any]:
    """Fit on prepared texts; returns (featurizer, classifier). ``offsets`` (a base model's logits) are added as
    one more feature, so its learned weight says how far to trust the base model; ``structure`` (signals per
    text) adds the structure block."""
    np, sparse, _, logistic = _sklearn()
    featurizer = Featurizer(**featurizer_options)
    matrix = featurizer.fit_transform(texts, structure)
    if offsets is not None:
        matrix = sparse.hstack([matrix, sparse.csr_matrix(np.asarray(offsets, dtype=np.float32)[:, None])]).tocsr()
    classifier = logistic(C=c, class_weight="balanced", max_iter=3000, solver="liblinear", random_state=0)
    classifier.fit(matrix, np.asarray(labels), sample_weight=None if sample_weight is None else np.asarray(
        sample_weight, dtype=np.float64))
    return featurizer, classifier


def fit(raw_texts: Sequence[str], labels: Sequence[int], *, model_id: str, version: str, info: dict[str, Any],
        sample_weight: Sequence[float] | None = None, c: float = 1.0, base: LinearModel | None = None,
        base_name: str = "", calibration: Sequence[float] = (), structure: bool = False,
        **featurizer_options: Any) -> dict[str, Any]:
    """Fit a format-2 model from raw texts and return it as our JSON layout. With ``base`` (a LinearModel), the
    new model learns on top of the base model's logits (a site model); with ``structure``, it weighs the
    structure signals of ``hate.py`` too (the base model does; a site model inherits them through its base)."""
    normalised = [normalise(text).text for text in raw_texts]
    texts = [prepare(text) for text in normalised]
    offsets = [base.logit(text) for text in normalised] if base is not None else None
    found = [signals(text) for text in normalised] if structure else None
    featurizer, classifier = fit_prepared(texts, labels, sample_weight=sample_weight, c=c, offsets=offsets,
                                          structure=found, **featurizer_options)
    coefficients = classifier.coef_[0]
    data: dict[str, Any] = {
        "format": FORMAT, "model_id": model_id, "version": version,
        "intercept": float(classifier.intercept_[0]),
        "blocks": featurizer.export(coefficients[:-1] if base is not None else coefficients),
        "info": {**info, "examples": len(texts), "positives": int(sum(labels)), "C": c},
    }
    if base is not None:
        data["base"] = {"model": base_name or "builtin", "weight": round(float(coefficients[-1]), 5)}
    if calibration:
        data["calibration"] = [round(float(score), 5) for score in sorted(calibration)]
    return data
