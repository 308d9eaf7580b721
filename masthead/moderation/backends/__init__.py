"""Classifier backends behind one small interface, chosen by the ``MODERATION_CLASSIFIER`` setting.

A backend is a class with ``model_id`` and ``version`` attributes and ``score(texts) -> list[Score]`` (batch) and
``score_one(text) -> Score``. Texts given to a backend are already normalised (``normalise.py``). Like Django's
session backends, the setting holds a dotted path, so a publisher can plug in another model without touching
the pipeline::

    MODERATION_CLASSIFIER = "masthead.moderation.backends.linear.LinearBackend"   # default, built-in weights
    MODERATION_CLASSIFIER = "masthead.moderation.backends.null.NullBackend"        # no classifier, rules only
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULT_BACKEND = "masthead.moderation.backends.linear.LinearBackend"


@dataclass(frozen=True)
class Score:
    probability: float  # 0..1, how likely the text should not be published as is
    model_id: str
    version: str
    categories: dict[str, float] = field(default_factory=dict)


class Classifier(Protocol):
    model_id: str
    version: str

    def score(self, texts: Sequence[str]) -> list[Score]: ...

    def score_one(self, text: str) -> Score: ...


@cache
def _backend(path: str, model: str) -> Classifier:
    backend_class = import_string(path)
    return backend_class(model) if model else backend_class()


def get_classifier(model: str = "") -> Classifier:
    """The configured backend; ``model`` names a model file for backends that load one ("" = the default)."""
    path = getattr(settings, "MODERATION_CLASSIFIER", DEFAULT_BACKEND)
    return _backend(path, model)


def forget_classifiers() -> None:
    _backend.cache_clear()
