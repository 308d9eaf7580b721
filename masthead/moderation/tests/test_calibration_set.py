"""The hold threshold's calibration set (``public_corpus.calibration_comments``): held-out benign comments of three
kinds in equal numbers, never a trained-on or toxic row, and without a source left out of training."""

from __future__ import annotations

from collections import Counter
from itertools import count

from masthead.moderation import public_corpus
from masthead.moderation.datasets import Sourced


def _rows(source: str, number: int, *, held_out: bool, label: int = 0, group: str = "") -> list[Sourced]:
    """``number`` rows of the source, all in the held-out fifth or all outside it (keys found by trying)."""
    rows = []
    for key in count():
        row = Sourced(f"{source} comment {key} label {label}", label, source, str(key), group)
        if row.held_out == held_out:
            rows.append(row)
            if len(rows) == number:
                return rows
    raise AssertionError("unreachable")


CORPUS = [
    *_rows("civil", 20, held_out=True, group="sentence"),
    *_rows("civil", 15, held_out=True, label=1, group="sentence"),
    *_rows("civil", 30, held_out=False, group="sentence"),
    *_rows("wikipedia_talk", 50, held_out=True),
    *_rows("wikipedia_talk", 40, held_out=False),
    *_rows("written", 12, held_out=True),  # fewer than the Civil sentences: all of them are taken
    *_rows("written", 9, held_out=True, label=1),
    *_rows("davidson", 30, held_out=True),
]


def test_three_kinds_as_many_of_each_as_there_are_civil_sentences():
    chosen = public_corpus.calibration_comments(CORPUS)
    assert Counter(row.source for row in chosen) == {"civil": 20, "wikipedia_talk": 20, "written": 12}
    assert all(row.label == 0 and row.held_out for row in chosen)
    assert len(set(chosen)) == len(chosen)


def test_the_choice_does_not_depend_on_the_rows_order():
    assert public_corpus.calibration_comments(CORPUS) == public_corpus.calibration_comments(CORPUS[::-1])


def test_a_source_left_out_of_training_is_left_out_of_calibration():
    chosen = public_corpus.calibration_comments(CORPUS, leave_out="wikipedia_talk")
    assert Counter(row.source for row in chosen) == {"civil": 20, "written": 12}
    assert set(public_corpus.CALIBRATION_SOURCES) == {"civil", "wikipedia_talk", "written"}
