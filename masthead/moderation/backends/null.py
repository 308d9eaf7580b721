"""No classifier: every text scores 0, so only the publisher's rules decide. For sites that want rules only."""

from __future__ import annotations

from collections.abc import Sequence

from masthead.moderation.backends import Score


class NullBackend:
    model_id = "none"
    version = "0"

    def __init__(self, model: str = "") -> None:
        del model

    def score(self, texts: Sequence[str]) -> list[Score]:
        return [self.score_one(text) for text in texts]

    def score_one(self, text: str) -> Score:
        return Score(0.0, self.model_id, self.version)
