"""The comments written for this project (``masthead/moderation/written``): well-formed, both labels in every
writer's slice, no text twice, a stable held-out fifth, and a source's share of the weight in training."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict

import pytest

from masthead.moderation import datasets, public_corpus
from masthead.moderation.datasets import Sourced

FILES = sorted(datasets.WRITTEN_DIR.glob("*.jsonl"))


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def test_there_are_written_files():
    assert len(FILES) >= 4
    assert (datasets.WRITTEN_DIR / "SOURCE.md").is_file()


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_line_is_a_labelled_comment(path):
    labels: Counter[int] = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        row = json.loads(line)
        assert set(row) == {"text", "label", "kind"}, (path.name, number)
        assert row["label"] in (0, 1), (path.name, number)
        assert row["text"].strip(), (path.name, number)
        assert len(row["text"]) <= 2000, (path.name, number)
        assert isinstance(row["kind"], str), (path.name, number)
        assert row["kind"], (path.name, number)
        labels[row["label"]] += 1
    # Each slice teaches both sides: abuse, and benign comments that share its words.
    assert labels[0] >= 100, labels
    assert labels[1] >= 100, labels


def test_no_comment_is_written_twice():
    seen: Counter[str] = Counter(_normalised(row.text) for row in datasets.written())
    assert [text for text, count in seen.items() if count > 1] == []


def test_held_out_fifth_is_stable_and_about_a_fifth():
    first = [row.held_out for row in datasets.written()]
    second = [row.held_out for row in datasets.written()]
    assert first == second
    assert 0.15 < sum(first) / len(first) < 0.25
    rows = list(datasets.written())
    assert all(row.source == "written" for row in rows)
    trained = public_corpus.training_rows(rows)
    assert len(trained) == len(rows) - sum(first)
    assert not any(row.held_out for row in trained)


def test_written_rows_weigh_their_share_of_a_source():
    rows = [Sourced(f"c{index}", index % 2, "civil", f"c{index}") for index in range(400)]
    rows += [Sourced(f"w{index}", index % 2, "written", f"w{index}") for index in range(40)]
    weights = public_corpus.balanced_weights(rows)
    by_cell: dict[tuple[str, int], float] = defaultdict(float)
    for row, weight in zip(rows, weights, strict=True):
        by_cell[(row.source, row.label)] += weight
    assert by_cell[("written", 1)] == pytest.approx(by_cell[("written", 0)])
    assert by_cell[("written", 1)] == pytest.approx(public_corpus.WRITTEN_SHARE * by_cell[("civil", 1)])
