"""The default backend: our linear model (``linear.py``), scored on CPU in plain Python.

With no model named it loads the weights shipped in the package (``data/builtin.json.gz``, trained on the
Davidson training split). A site model trained by ``masthead moderation_train`` lives in
``DATA_DIR/moderation/models/<name>.json.gz`` and is named by its file stem; it is JSON, never a pickle.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings

from masthead.moderation.backends import Score
from masthead.moderation.linear import LinearModel

BUILTIN = Path(__file__).resolve().parent.parent / "data" / "builtin.json.gz"
_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,80}$")


def site_models_dir() -> Path:
    return Path(settings.DATA_DIR) / "moderation" / "models"


def model_path(name: str) -> Path:
    if not name or name == "builtin":
        return BUILTIN
    if not _SAFE_NAME.match(name):
        raise ValueError(f"invalid model name {name!r}")
    return site_models_dir() / f"{name}.json.gz"


class LinearBackend:
    def __init__(self, model: str = "") -> None:
        self.model = LinearModel.load(model_path(model), resolve_base=_base_model)
        self.model_id = self.model.model_id
        self.version = self.model.version

    def score(self, texts: Sequence[str]) -> list[Score]:
        return [self.score_one(text) for text in texts]

    def score_one(self, text: str) -> Score:
        return Score(self.model.probability(text), self.model_id, self.version)

    def threshold_for_share(self, share: float) -> float | None:
        """The score that holds ``share`` of the model's benign calibration comments (None: not calibrated)."""
        return self.model.threshold_for_share(share)


def _base_model(name: str) -> LinearModel:
    # Local: the backends package imports this module.
    from masthead.moderation.backends import get_classifier

    backend = get_classifier(name)
    if not isinstance(backend, LinearBackend):
        raise ValueError(f"model {name!r} is not a linear model")
    return backend.model
