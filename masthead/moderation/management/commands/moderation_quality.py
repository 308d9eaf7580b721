"""``masthead moderation_quality``: how good and how fast the default classifier is, written to docs/moderation.md.

Reports precision, recall, F1 (at the hold threshold) and ROC-AUC on the Davidson held-out split and HateCheck
(each skipped with a message when ../shared/data/moderation lacks it) and on our own disguised-spelling set; then
comments per second on one core. ``--no-write`` prints the table without touching the doc.
"""

from __future__ import annotations

import platform
import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from masthead.moderation import datasets, quality
from masthead.moderation.backends import get_classifier
from masthead.moderation.models import ModerationSettings

START, END = "<!-- quality:start -->", "<!-- quality:end -->"


class Command(BaseCommand):
    help = "Measure the moderation classifier's quality and speed; write the table into docs/moderation.md."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--model", default="", help="Model name (default: the built-in model).")
        parser.add_argument("--no-write", action="store_true", help="Print only; leave docs/moderation.md alone.")
        parser.add_argument("--doc", default=str(Path(settings.BASE_DIR).parent / "docs" / "moderation.md"))
        parser.add_argument("--seconds", type=float, default=3.0, help="How long to measure throughput.")

    def handle(self, *args, **options) -> None:
        classifier = get_classifier(options["model"])
        threshold = ModerationSettings._meta.get_field("hold_threshold").default
        rows: list[quality.Metrics] = []
        notes: list[str] = []

        sets = []
        if datasets.available(datasets.DAVIDSON_FILE):
            sets.append(("Davidson held-out (20%)", list(datasets.davidson(held_out=True))))
        else:
            notes.append(f"Davidson skipped: {datasets.DAVIDSON_FILE} not found in {datasets.data_dir()}.")
        if datasets.available(datasets.HATECHECK_FILE):
            cases = list(datasets.hatecheck())
            sets.append(("HateCheck (all cases)", cases))
            sets.append(("HateCheck threats (threat_dir_h, threat_norm_h)",
                         [case for case in cases if case.group.startswith("threat_")]))
            sets.append(("HateCheck neutral/positive group mentions (ident_neutral_nh, ident_pos_nh)",
                         [case for case in cases if case.group in ("ident_neutral_nh", "ident_pos_nh")]))
        else:
            notes.append(f"HateCheck skipped: {datasets.HATECHECK_FILE} not found in {datasets.data_dir()}.")
        disguised = [datasets.Example(text, label) for text, label in quality.DISGUISED]

        for name, examples in sets:
            labels = [e.label for e in examples]
            texts = [e.text for e in examples]
            rows.append(quality.measure(f"{name}: classifier", labels,
                                        list(map(quality.scorer(classifier), texts)), threshold))
            rows.append(quality.measure(f"{name}: classifier + built-in lists", labels,
                                        list(map(quality.scorer(classifier, lexicons=True), texts)), threshold))
        labels = [e.label for e in disguised]
        texts = [e.text for e in disguised]
        rows.append(quality.measure("Disguised spellings (ours): raw text", labels,
                                    list(map(quality.scorer(classifier, normalised=False), texts)), threshold))
        rows.append(quality.measure("Disguised spellings (ours): normalised", labels,
                                    list(map(quality.scorer(classifier), texts)), threshold))
        rows.append(quality.measure("Disguised spellings (ours): normalised + lists", labels,
                                    list(map(quality.scorer(classifier, lexicons=True), texts)), threshold))

        sample = [e.text for e in sets[0][1][:2000]] if sets else texts * 50
        per_second = quality.throughput(classifier, sample, minimum_seconds=options["seconds"])
        table = self._table(classifier, threshold, rows, per_second, notes)
        self.stdout.write(table)
        if not options["no_write"]:
            self._write(Path(options["doc"]), table)

    def _table(self, classifier, threshold: float, rows, per_second: float, notes: list[str]) -> str:
        lines = [
            f"Model `{classifier.model_id}` version `{classifier.version}`; hold threshold {threshold:.2f}. "
            f"Measured by `masthead moderation_quality` on {platform.machine()}, Python {platform.python_version()}.",
            "",
            "| set | examples | positives | held | precision | recall | F1 | ROC-AUC |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in rows:
            auc = "n/a" if r.roc_auc != r.roc_auc else f"{r.roc_auc:.3f}"  # NaN: one class only
            lines.append(f"| {r.name} | {r.examples} | {r.positives} | {r.flagged:.1%} | {r.precision:.3f} | "
                         f"{r.recall:.3f} | {r.f1:.3f} | {auc} |")
        lines += ["", f"Throughput (normalise + score, one core): **{per_second:,.0f} comments/s**."]
        lines += [f"\n{note}" for note in notes]
        return "\n".join(lines) + "\n"

    def _write(self, doc: Path, table: str) -> None:
        if not doc.exists():
            self.stderr.write(f"{doc} not found; table not written")
            return
        text = doc.read_text()
        if START not in text or END not in text:
            self.stderr.write(f"{doc} has no {START} … {END} markers; table not written")
            return
        updated = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: f"{START}\n{table}{END}", text,
                         flags=re.DOTALL)
        doc.write_text(updated)
        self.stdout.write(f"wrote the table into {doc}")
