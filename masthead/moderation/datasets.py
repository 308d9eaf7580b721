"""The public labelled data in ``../shared/data/moderation`` (never copied into the repository), and our splits.

Davidson et al. (2017): tweets labelled hate speech (0), offensive (1) or neither (2). For comment screening both
hate and offensive count as "should not be published as is" (label 1). Rows whose id hashes into the held-out
fifth are never trained on; the benchmark evaluates only on them. HateCheck (Röttger et al., 2021) is used for
evaluation only.
"""

from __future__ import annotations

import csv
import hashlib
import json
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


# The news-comment, Wikipedia and identity sets (see each .SOURCE.md beside them). ``source`` names the set so
# evaluation can leave one out; ``key`` is what the held-out split hashes (sentences of one post share a key).
CIVIL_SENTENCES_FILE = "civil_comments_sentences.csv.gz"
CIVIL_COMMENTS_FILE = "civil_comments_toxicspans.csv.gz"
WIKIPEDIA_TALK_FILE = "wikipedia_talk_toxicity_context.csv.gz"
IDENTITY_FILE = "wikipedia_identity_eval_and_debias.csv.gz"


@dataclass(frozen=True)
class Sourced:
    text: str
    label: int
    source: str  # davidson, civil, wikipedia_talk, identity, written
    key: str
    group: str = ""

    @property
    def held_out(self) -> bool:
        return is_held_out(f"{self.source}:{self.key}")


def _rows(name: str) -> Iterator[dict[str, str]]:
    import gzip

    with gzip.open(data_dir() / name, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def sourced_davidson() -> Iterator[Sourced]:
    path = data_dir() / DAVIDSON_FILE
    names = {"0": "hate", "1": "offensive", "2": "neither"}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            # The same hash as ``davidson()``, so its held-out fifth stays held out.
            yield Sourced(row["tweet"], 0 if row["class"] == "2" else 1, "davidson", row[""], names[row["class"]])


def civil_sentences() -> Iterator[Sourced]:
    """Sentences of toxic-rated news comments: the toxic ones raters marked, and unmarked benign prose."""
    for row in _rows(CIVIL_SENTENCES_FILE):
        yield Sourced(row["sentence"], int(row["toxic"]), "civil", row["comment_id"], "sentence")


def civil_comments() -> Iterator[Sourced]:
    """Whole news comments, all rated toxic (positives only)."""
    for row in _rows(CIVIL_COMMENTS_FILE):
        yield Sourced(row["text"], 1, "civil", row["comment_id"], "comment")


def wikipedia_talk() -> Iterator[Sourced]:
    for row in _rows(WIKIPEDIA_TALK_FILE):
        yield Sourced(row["text"], int(row["toxic"]), "wikipedia_talk", f"{row['subset'][:12]}:{row['id']}")


WRITTEN_DIR = Path(__file__).resolve().parent / "written"


def written() -> Iterator[Sourced]:
    """Comments written for this project (``written/SOURCE.md``): abuse as news readers phrase it, each kind with
    benign comments that share its words. Kept in the repository (our own text), read at build time only."""
    for path in sorted(WRITTEN_DIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    key = hashlib.sha256(row["text"].encode()).hexdigest()[:16]  # stable under reordering
                    yield Sourced(row["text"], int(row["label"]), "written", key, f"{path.stem}:{row['kind']}")


def identity(subset_prefix: str) -> Iterator[Sourced]:
    """``toxicity_debiasing`` (benign sentences: with identity terms, and random ones) or ``toxicity_*_testset``."""
    for row in _rows(IDENTITY_FILE):
        if row["subset"].startswith(subset_prefix):
            yield Sourced(row["text"], int(row["toxic"]), "identity", f"{row['subset']}:{row['rev_id']}",
                          row["subset"])
