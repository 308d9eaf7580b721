"""Learning from the publisher: moderators' decisions become a site model built on top of the base model.

Labelled examples come from the queue (the latest moderator decision on each comment: reject = 1, approve = 0)
or from a file (``moderation_train --input``: JSON lines ``{"text": ..., "decision": "publish"|"hold"|"reject"}``,
hold and reject = 1 — what the moderators did not publish as it was; the approved/spam/trash states of an
imported WordPress or Disqus archive are exactly that).

The site model adds its own word and character weights to the base model's logit (``linear.py``: ``base``), so
a few hundred decisions teach it this newsroom's readers without forgetting what the base model knows. A fixed
fifth of the examples (by hash) is held out: candidate and active model are measured on it, each at the hold
threshold the publisher's ``benign_hold_share`` gives it. The candidate's calibration comes from 5-fold
cross-validated scores of the site's own published comments, so "share of benign comments held" means this
site's benign comments. See docs/moderation.md.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from masthead.moderation import quality
from masthead.moderation.backends import forget_classifiers, get_classifier
from masthead.moderation.backends.linear import LinearBackend, model_path, site_models_dir
from masthead.moderation.batch_files import lone_surrogate, undecodable
from masthead.moderation.linear import LinearModel, save
from masthead.moderation.models import Action, ModerationDecision
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import hold_threshold
from masthead.moderation.training import fit

MIN_HELD_OUT = 20
BASE = "builtin"
_LABELS = {"publish": 0, "published": 0, "approve": 0, "approved": 0,
           "hold": 1, "held": 1, "reject": 1, "rejected": 1, "spam": 1, "trash": 1}


@dataclass(frozen=True)
class Labelled:
    key: str
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


class BadInput(ValueError):
    pass


def moderator_examples() -> list[Labelled]:
    latest: dict[int, Labelled] = {}
    rows = (ModerationDecision.objects.filter(source=ModerationDecision.Source.MODERATOR, target_type="comment",
                                              action__in=[Action.PUBLISH, Action.REJECT])
            .exclude(text="").order_by("created_at", "id").values_list("target_id", "text", "action"))
    for target_id, text, action in rows.iterator():
        if target_id is None:
            continue
        latest[target_id] = Labelled(f"comment:{target_id}", text, 1 if action == Action.REJECT else 0)
    return list(latest.values())


def file_examples(lines: Iterable[str]) -> list[Labelled]:
    """JSON lines ``{"text": ..., "decision": ...}``; a bad line stops with its number (nothing is trained).
    Lines as ``batch_files.open_text`` reads them: bytes that are not UTF-8 come as lone surrogates."""
    examples = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        problem = undecodable(line)
        if problem:
            raise BadInput(f"line {number}: {problem}")
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise BadInput(f"line {number}: not JSON ({error.msg.removesuffix(' at')} at character "
                           f"{error.colno})") from error
        except RecursionError as error:
            raise BadInput(f"line {number}: not JSON this command reads (nested too deeply)") from error
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise BadInput(f'line {number}: needs {{"text": ..., "decision": ...}}')
        problem = lone_surrogate(row["text"])
        if problem:
            raise BadInput(f"line {number}: {problem}")
        decision = str(row.get("decision", "")).strip().lower()
        if decision not in _LABELS:
            raise BadInput(f"line {number}: decision must be publish, hold or reject (or approved, spam, trash), "
                           f"not {row.get('decision')!r}")
        examples.append(Labelled(f"text:{hashlib.sha256(row['text'].encode()).hexdigest()}", row["text"],
                                 _LABELS[decision]))
    return examples


def is_held_out(key: str) -> bool:
    return hashlib.sha256(f"masthead-site-holdout:{key}".encode()).digest()[0] < 52  # ≈ 20%


def split(examples: list[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    held = [e for e in examples if is_held_out(e.key)]
    train = [e for e in examples if not is_held_out(e.key)]
    return train, held


def evaluate(model_name: str, held: list[Labelled], share: float, fallback: float) -> quality.Metrics | None:
    if len(held) < MIN_HELD_OUT or len({e.label for e in held}) < 2:
        return None

    classifier = get_classifier(model_name)
    threshold = hold_threshold(classifier, _Share(share, fallback))
    scores = [classifier.score_one(normalise(e.text).text).probability for e in held]
    return quality.measure(model_name or BASE, [e.label for e in held], scores, threshold)


@dataclass(frozen=True)
class _Share:
    benign_hold_share: float
    hold_threshold: float


def fit_site_model(train_set: list[Labelled], *, name: str, base_name: str = BASE, c: float = 1.0,
                   base_model: LinearModel | None = None) -> dict:
    """A model on top of ``base_name`` from labelled site examples, calibrated on cross-validated scores of the
    site's benign examples."""

    base = base_model or _linear_model(base_name)
    texts = [e.text for e in train_set]
    labels = [e.label for e in train_set]
    if len(set(labels)) < 2:
        raise BadInput("Not enough decisions yet: training needs both approved and rejected comments.")
    min_df = 1 if len(texts) < 2000 else 2
    calibration: list[float] = []
    folds = 5 if min(labels.count(0), labels.count(1)) >= 5 else 0
    for fold in range(folds):
        inside = [e for i, e in enumerate(train_set) if i % folds != fold]
        outside = [e for i, e in enumerate(train_set) if i % folds == fold and e.label == 0]
        if len({e.label for e in inside}) < 2 or not outside:
            continue
        part = LinearModel.from_dict(
            fit([e.text for e in inside], [e.label for e in inside], model_id="masthead-site", version="fold",
                info={}, base=base, base_name=base_name, c=c, min_df=min_df),
            resolve_base=lambda _name: base)
        calibration += [part.probability(normalise(e.text).text) for e in outside]
    return fit(texts, labels, model_id="masthead-site", version=name, base=base, base_name=base_name, c=c,
               calibration=calibration,
               info={"trained_on": "this site's moderation decisions", "site_examples": len(texts),
                     "calibrated_on": f"{len(calibration)} cross-validated scores of this site's published comments"},
               min_df=min_df)


def _linear_model(name: str) -> LinearModel:
    """The linear model a site model builds on (only the linear backend has one to extend)."""
    backend = get_classifier(name)
    if not isinstance(backend, LinearBackend):
        raise BadInput("Site models build on the linear backend's models.")
    return backend.model


def check_both_kinds(examples: list[Labelled], *, after_split: bool = False) -> None:
    """Training needs published and not-published decisions; say what the publisher gave, not only that it is
    not enough."""
    rejected = sum(example.label for example in examples)
    published = len(examples) - rejected
    if published and rejected:
        return
    if not examples and not after_split:
        raise BadInput("No decisions to learn from: training needs both published and held or rejected comments.")
    have = f"{published} published and {rejected} held or rejected"
    if after_split:
        raise BadInput(f"Too few decisions: after a fifth is set aside to measure the model, {have} are left to "
                       "learn from; training needs both kinds (a few hundred of each is a good start).")
    raise BadInput(f"Training needs both published and held or rejected comments; there are {have}.")


def train(*, active_model: str, share: float, fallback_threshold: float, examples: list[Labelled] | None = None,
          name: str = "") -> TrainingReport:
    examples = moderator_examples() if examples is None else examples
    check_both_kinds(examples)
    train_set, held = split(examples)
    check_both_kinds(train_set, after_split=True)
    name = name or "site-" + datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    model = fit_site_model(train_set, name=name)
    save(model_path(name), model)
    forget_classifiers()
    candidate = evaluate(name, held, share, fallback_threshold)
    active = evaluate(active_model, held, share, fallback_threshold)
    better = bool(candidate and active and candidate.precision >= active.precision
                  and candidate.recall >= active.recall and candidate.f1 > active.f1)
    report = TrainingReport(name, len(train_set), len(held), candidate, active, better)
    save_report(report)
    return report


def report_path(name: str) -> Path:
    return model_path(name).with_name(f"{name}.report.json")


def save_report(report: TrainingReport) -> None:
    """Kept beside the model, so the moderation screens can show what promoting it would change."""
    data = {"name": report.name, "train_examples": report.train_examples, "held_out": report.held_out,
            "candidate": asdict(report.candidate) if report.candidate else None,
            "active": asdict(report.active) if report.active else None, "better": report.better}
    report_path(report.name).write_text(json.dumps(data))


def candidate_reports() -> list[dict]:
    """Every trained site model's report, newest first (the models screen)."""

    reports = []
    for path in sorted(site_models_dir().glob("*.report.json"), key=lambda p: p.stat().st_mtime, reverse=True):
        report = load_report(path.name.removesuffix(".report.json"))
        if report and model_path(report["name"]).exists():
            reports.append(report)
    return reports


def load_report(name: str) -> dict | None:
    try:
        model_path(name)  # refuses names that are not model names
    except ValueError:
        return None
    try:
        return json.loads(report_path(name).read_text())
    except (OSError, ValueError):
        return None
