"""Short comments carry little evidence: their score stays near the benign baseline unless a word in them is
strong evidence by itself ("idiot") or a check finds a threat or a slur (linear.py, ``evidence``)."""

from __future__ import annotations

import math

import pytest

from masthead.moderation.linear import LinearModel
from masthead.moderation.models import Action
from masthead.moderation.pipeline import screen
from masthead.testing.moderation import regular

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ["a", "wow", "ok", "Thanks!", "this", "Agreed.", "Source?", "no", "lol", "Yes."])
def test_very_short_benign_comments_are_published(text):
    decision = screen(text, regular())
    assert decision.action == Action.PUBLISH, (decision.reasons, decision.scores)


@pytest.mark.parametrize("text", ["kill yourself", "you idiot", "die", "die, bitch", "idiot", "moron", "faggot",
                                  "you are trash", "f u c k off", "kys"])
def test_short_abuse_is_still_held(text):
    decision = screen(text, regular())
    assert decision.action == Action.HOLD, decision.scores


def _model(evidence: dict[str, float] | None) -> LinearModel:
    data: dict[str, object] = {
        "format": "masthead-linear-2", "model_id": "t", "version": "1", "intercept": -1.0,
        "blocks": [{"analyzer": "word", "features": ["a", "fine", "point"], "idf": [1.0, 1.0, 1.0],
                    "weights": [3.0, -1.0, -1.0]}],
    }
    if evidence:
        data["evidence"] = evidence
    return LinearModel.from_dict(data)


def test_the_word_block_of_a_one_word_text_is_shrunk_toward_the_baseline_by_its_evidence():
    plain, shrunk = _model(None), _model({"prior": 3.0, "baseline": 0.5})
    assert plain.logit("a") == pytest.approx(-1.0 + 3.0)
    # One word of evidence against a prior worth three: a quarter of the way from the baseline.
    assert shrunk.logit("a") == pytest.approx(-1.0 + 0.5 + (3.0 - 0.5) * 1 / 4)
    assert shrunk.word_block_score("a") == pytest.approx(3.0)


def test_many_words_keep_most_of_their_score():
    plain, shrunk = _model(None), _model({"prior": 3.0, "baseline": 0.5})
    text = "a fine point " + " ".join(f"x{chr(97 + i)}" for i in range(26)) + " yy"  # 30 distinct, 3 known
    word = plain.logit(text) + 1.0
    assert shrunk.logit(text) == pytest.approx(-1.0 + 0.5 + (word - 0.5) * 30 / 33)
    assert math.isclose(shrunk.logit(""), -1.0 + 0.5)  # no words at all: the baseline
