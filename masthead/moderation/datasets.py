"""The public labelled data in ``../shared/data/moderation`` (never copied into the repository), and our splits.

Davidson et al. (2017): tweets labelled hate speech (0), offensive (1) or neither (2). For comment screening both
hate and offensive count as "should not be published as is" (label 1). Rows whose id hashes into the held-out
fifth are never trained on; the benchmark evaluates only on them. HateCheck (Röttger et al., 2021) is used for
evaluation only.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

DAVIDSON_FILE = "davidson_labeled_data.csv"
HATECHECK_FILE = "hatecheck_test_suite_cases.csv"


@dataclass(frozen=True)
class Example:
    text: str
    label: int  # 1 = should be held or rejected, 0 = fine
    group: str = ""  # HateCheck functionality, or Davidson class name


def data_dir() -> Path:
    """``MODERATION_DATA_DIR`` if set, else ``../shared/data/moderation`` next to the repository."""
    configured = os.environ.get("MODERATION_DATA_DIR")
    if configured:
        return Path(configured)
    return Path(settings.BASE_DIR).parent.parent / "shared" / "data" / "moderation"


def is_held_out(key: str) -> bool:
    """A stable 20% of rows, chosen by hash so the split never depends on file order or a random seed."""
    return hashlib.sha256(f"masthead-holdout:{key}".encode()).digest()[0] < 52  # 52/256 ≈ 20%


def davidson(*, held_out: bool) -> Iterator[Example]:
    path = data_dir() / DAVIDSON_FILE
    names = {"0": "hate", "1": "offensive", "2": "neither"}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if is_held_out(row[""]) == held_out:
                yield Example(row["tweet"], 0 if row["class"] == "2" else 1, names[row["class"]])


def hatecheck() -> Iterator[Example]:
    path = data_dir() / HATECHECK_FILE
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield Example(row["test_case"].strip(), 1 if row["label_gold"] == "hateful" else 0, row["functionality"])


def available(name: str) -> bool:
    return (data_dir() / name).is_file()
