"""Learning from the publisher: moderators' approve/reject decisions become a site-specific model.

The latest moderator decision on each comment is one labelled example (reject = 1, publish = 0; holds are
undecided and skipped). A fixed fifth of comments, chosen by hash of the comment id, is held out: the candidate
and the active model are both measured on it, and the candidate is promoted only when it is better on precision
*and* recall (neither lower, F1 higher). See docs/moderation.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from masthead.moderation import datasets, quality
from masthead.moderation.backends import forget_classifiers, get_classifier
from masthead.moderation.backends.linear import model_path
from masthead.moderation.linear import save
from masthead.moderation.models import Action, ModerationDecision
from masthead.moderation.normalise import normalise

SITE_WEIGHT = 3.0  # a moderator's decision on this site counts more than a tweet from the public set
MIN_HELD_OUT = 20


@dataclass(frozen=True)
class Labelled:
    target_id: int
    text: str
    label: int


@dataclass(frozen=True)
class TrainingReport:
    name: str
    train_examples: int
    held_out: int
    candidate: quality.Metrics | None
    active: quality.Metrics | None
    better: bool


def moderator_examples() -> list[Labelled]:
    latest: dict[int, Labelled] = {}
    rows = (ModerationDecision.objects.filter(source=ModerationDecision.Source.MODERATOR, target_type="comment",
                                              action__in=[Action.PUBLISH, Action.REJECT])
            .exclude(text="").order_by("created_at", "id").values_list("target_id", "text", "action"))
    for target_id, text, action in rows.iterator():
        latest[target_id] = Labelled(target_id, text, 1 if action == Action.REJECT else 0)
    return list(latest.values())


def split(examples: list[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    held = [e for e in examples if datasets.is_held_out(f"comment:{e.target_id}")]
    train = [e for e in examples if not datasets.is_held_out(f"comment:{e.target_id}")]
    return train, held


def evaluate(model_name: str, held: list[Labelled], threshold: float) -> quality.Metrics | None:
    if len(held) < MIN_HELD_OUT or len({e.label for e in held}) < 2:
        return None
    classifier = get_classifier(model_name)
    scores = [classifier.score_one(normalise(e.text).text).probability for e in held]
    return quality.measure(model_name or "builtin", [e.label for e in held], scores, threshold)


def train(*, active_model: str, threshold: float, use_public: bool = True, name: str = "") -> TrainingReport:
    from masthead.moderation.training import fit

    train_set, held = split(moderator_examples())
    texts = [e.text for e in train_set]
    labels = [e.label for e in train_set]
    weights = [SITE_WEIGHT] * len(texts)
    if use_public and datasets.available(datasets.DAVIDSON_FILE):
        public = list(datasets.davidson(held_out=False))
        texts += [e.text for e in public]
        labels += [e.label for e in public]
        weights += [1.0] * len(public)
    if len(set(labels)) < 2:
        raise ValueError("Not enough decisions yet: training needs both approved and rejected comments.")
    name = name or "site-" + datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    model = fit(texts, labels, sample_weight=weights, model_id="masthead-site", version=name,
                info={"trained_on": "moderator decisions" + (" + Davidson training split" if use_public else ""),
                      "site_examples": len(train_set), "held_out": len(held)})
    save(model_path(name), model)
    forget_classifiers()
    candidate = evaluate(name, held, threshold)
    active = evaluate(active_model, held, threshold)
    better = bool(candidate and active and candidate.precision >= active.precision
                  and candidate.recall >= active.recall and candidate.f1 > active.f1)
    return TrainingReport(name, len(texts), len(held), candidate, active, better)
