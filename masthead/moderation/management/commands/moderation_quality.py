"""``masthead moderation_quality``: how good and how fast moderation is, written into docs/moderation.md.

Needs the public data (``MODERATION_DATA_DIR`` or ../shared/data/moderation; missing sets are skipped with a
note) and, for the leave-one-source-out and site-learning rows, scikit-learn (they train models: minutes).

    masthead moderation_quality                 # everything, write the doc
    masthead moderation_quality --quick         # no training: shipped model, HateCheck, identity, throughput
    masthead moderation_quality --no-write      # print only
"""

from __future__ import annotations

import csv
import gzip
import platform
import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from masthead.core.singletons import steady
from masthead.moderation import datasets, evaluation, public_corpus
from masthead.moderation.backends.linear import BUILTIN
from masthead.moderation.datasets import Sourced
from masthead.moderation.linear import LinearModel
from masthead.moderation.models import ModerationSettings
from masthead.moderation.normalise import normalise
from masthead.moderation.pipeline import ScreenContext, screen

# Comments an import's worker screens under one settings read: importing.preparing.CHUNK, which this app may not
# import (apps depend in one direction); importing/tests/test_screening_chunk.py keeps the two equal.
IMPORT_CHUNK = 250

START, END = "<!-- quality:start -->", "<!-- quality:end -->"
_WITH_TERMS = "Wikipedia sentences mentioning identity groups, held-out"
_RANDOM = "random Wikipedia sentences, held-out"


def _pct(value: float) -> str:
    return "n/a" if value != value else f"{value:.1%}"


def _auc(value: float) -> str:
    return "n/a" if value != value else f"{value:.3f}"


class Command(BaseCommand):
    help = "Measure moderation quality and speed; write the table into docs/moderation.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-write", action="store_true", help="Print only; leave docs/moderation.md alone.")
        parser.add_argument("--quick", action="store_true", help="Skip the rows that train models.")
        parser.add_argument("--doc", default=str(Path(settings.BASE_DIR).parent / "docs" / "moderation.md"))
        parser.add_argument("--seconds", type=float, default=5.0, help="How long to measure throughput.")

    def handle(self, *args: object, **options: Any) -> None:
        model = LinearModel.load(BUILTIN)
        share = ModerationSettings._meta.get_field("benign_hold_share").default
        threshold = model.threshold_for_share(share)
        assert threshold is not None, "the shipped model is calibrated"
        lines = [
            f"Base model `{model.model_id}` version `{model.version}`; publisher setting `benign_hold_share` = "
            f"{share:g} (the default), which for this model is a score of {threshold:.3f}. Measured by "
            f"`masthead moderation_quality` on {platform.machine()}, Python {platform.python_version()}. "
            "\"Held\" is the share held by the classifier at that threshold; \"+ checks\" adds the built-in "
            "threat, group-violence, dehumanisation, insult and profanity checks.", ""]
        if not datasets.available(datasets.CIVIL_SENTENCES_FILE):
            lines.append(f"Public data not found in {datasets.data_dir()}: only throughput measured.")
            lines += ["", *self._throughput(options["seconds"])]
        else:
            rows = public_corpus.all_examples()
            # The quick rows first (a mistake shows before the long training), the table in reading order.
            shipped = self._shipped(model, rows, threshold)
            hatecheck = self._hatecheck(model, threshold)
            identity = self._identity(model, rows, threshold)
            speed = self._throughput(options["seconds"])
            self.stderr.write("\n".join(shipped + hatecheck + identity + speed))
            lines += self._loso(share, options) + shipped + hatecheck + identity
            lines += speed
        table = "\n".join(lines) + "\n"
        self.stdout.write(table)
        if not options["no_write"]:
            self._write(Path(options["doc"]), table)

    def _loso(self, share: float, options: dict[str, Any]) -> list[str]:
        if options["quick"]:
            return []
        self.stderr.write("leave-one-source-out: training one model per source ...")
        results = evaluation.leave_one_source_out(share, progress=self.stderr.write)
        lines = ["**By source, left out of training** (a base model trained by the same recipe on the other "
                 "sources; measured on all rows of the left-out one: Civil Comments = its 14,327 sentences, "
                 "identity = the non-fuzzed identity test set; written = the comments written for Masthead, "
                 "`masthead/moderation/written`; threshold from that model's calibration):", "",
                 "| left-out source | examples | toxic | ROC-AUC | toxic held | benign held |",
                 "|---|---:|---:|---:|---:|---:|"]
        for row, _ in results.values():
            lines.append(f"| {row.name} | {row.examples} | {row.positives} | {_auc(row.roc_auc)} | "
                         f"{_pct(row.recall)} | {_pct(row.benign_held)} |")
        civil_rows = [row for row in public_corpus.all_examples() if row.source == "civil" and row.group == "sentence"]
        base_row, site_row, tested = evaluation.site_learning(results["civil"][1], civil_rows, share)
        lines += ["", "**Site learning, simulated**: a site whose comments the base model never saw (the base model "
                  "trained without Civil Comments), 500 of its sentences as moderators' decisions to learn from "
                  f"(`moderation_train`), the other {tested} to test:", "",
                  "| model | ROC-AUC | toxic held | benign held |", "|---|---:|---:|---:|"]
        for row in (base_row, site_row):
            lines.append(f"| {row.name} | {_auc(row.roc_auc)} | {_pct(row.recall)} | {_pct(row.benign_held)} |")
        return [*lines, ""]

    def _shipped(self, model: LinearModel, rows: list[Sourced], threshold: float) -> list[str]:
        lines = ["**The shipped model on the held-out fifth of each source** (never trained on; same sources as "
                 "its training, so easier than the rows above):", "",
                 "| set | examples | toxic | ROC-AUC | toxic held | + checks | benign held | + checks |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|"]
        sets = [("Davidson tweets (held-out 20%)", [r for r in rows if r.source == "davidson" and r.held_out]),
                ("Civil Comments sentences (held-out 20%)",
                 [r for r in rows if r.source == "civil" and r.group == "sentence" and r.held_out]),
                ("Wikipedia talk (held-out 20%)", [r for r in rows if r.source == "wikipedia_talk" and r.held_out]),
                ("Written for Masthead (held-out 20%)", [r for r in rows if r.source == "written" and r.held_out])]
        for name, chosen in sets:
            texts, labels = [r.text for r in chosen], [r.label for r in chosen]
            alone = evaluation.measure(name, model, texts, labels, threshold, with_checks=False)
            both = evaluation.measure(name, model, texts, labels, threshold, with_checks=True)
            lines.append(f"| {name} | {alone.examples} | {alone.positives} | {_auc(alone.roc_auc)} | "
                         f"{_pct(alone.recall)} | {_pct(both.recall)} | {_pct(alone.benign_held)} | "
                         f"{_pct(both.benign_held)} |")
        return [*lines, ""]

    def _hatecheck(self, model: LinearModel, threshold: float) -> list[str]:
        if not datasets.available(datasets.HATECHECK_FILE):
            return ["HateCheck skipped: not found.", ""]
        cases = list(datasets.hatecheck())
        overall = evaluation.measure("all", model, [c.text for c in cases], [c.label for c in cases], threshold,
                                     with_checks=True)
        alone = evaluation.measure("all", model, [c.text for c in cases], [c.label for c in cases], threshold,
                                   with_checks=False)
        lines = [f"**HateCheck** (Röttger et al. 2021; never trained on; {overall.examples} cases): ROC-AUC "
                 f"{_auc(alone.roc_auc)}; hateful held {_pct(alone.recall)} by the classifier, "
                 f"{_pct(overall.recall)} with the checks; non-hateful held {_pct(alone.benign_held)} / "
                 f"{_pct(overall.benign_held)}. By functionality:", "",
                 "| functionality | gold | cases | held: classifier | held: + checks |", "|---|---|---:|---:|---:|"]
        for functionality, gold, count, by_model, by_both in evaluation.hatecheck_by_functionality(model, threshold):
            lines.append(f"| {functionality} | {gold} | {count} | {by_model:.0%} | {by_both:.0%} |")
        return [*lines, ""]

    def _identity(self, model: LinearModel, rows: list[Sourced], threshold: float) -> list[str]:
        debias = [r for r in rows if r.source == "identity" and r.held_out]
        with_terms = [r.text for r in debias if "w/ identity" in r.group]
        random_sentences = [r.text for r in debias if "random" in r.group]
        lines = ["**Identity terms and benign news text** (benign rows only: the share held):", "",
                 "| benign set | examples | held: classifier | held: + checks |", "|---|---:|---:|---:|"]
        news = [r.text for r in public_corpus.benign_news_sentences(rows)]
        calibration = [r.text for r in public_corpus.calibration_comments(rows)]
        sets = [("the calibration set: held-out benign Civil Comments sentences, Wikipedia talk comments and comments "
                 "written for Masthead, as many of each", calibration),
                ("Civil Comments benign sentences, held-out (a third of the calibration set)", news),
                (_WITH_TERMS, with_terms),
                (_RANDOM, random_sentences)]
        for fuzzed in (False, True):
            name = "toxicity_fuzzed" if fuzzed else "toxicity_nonfuzzed"
            sets.append((f"identity test set, {'terms swapped' if fuzzed else 'original'}: benign comments",
                         [r.text for r in datasets.identity(name) if r.label == 0]))
        if datasets.available(datasets.HATECHECK_FILE):
            sets.append(("HateCheck neutral and positive group mentions",
                         [c.text for c in datasets.hatecheck() if c.group in ("ident_neutral_nh", "ident_pos_nh")]))
        shares = {}
        for name, texts in sets:
            normalised = [normalise(text).text for text in texts]
            alone = [evaluation.classifier_holds(model, text, model.probability(text), threshold)
                     for text in normalised]
            both = [a or evaluation.content_checks(t) for a, t in zip(alone, normalised, strict=True)]
            shares[name] = sum(both) / len(both)
            lines.append(f"| {name} | {len(texts)} | {sum(alone) / len(texts):.1%} | {shares[name]:.1%} |")
        gap = shares[_WITH_TERMS] - shares[_RANDOM]
        lines += ["", f"Identity-term gap (identity sentences minus random sentences, held with checks): "
                  f"{gap:+.1%}.", ""]
        return lines

    def _throughput(self, seconds: float) -> list[str]:
        texts = []
        if datasets.available(datasets.CIVIL_COMMENTS_FILE) and datasets.available(datasets.WIKIPEDIA_TALK_FILE):
            with gzip.open(datasets.data_dir() / datasets.CIVIL_COMMENTS_FILE, "rt", encoding="utf-8") as handle:
                texts += [r["text"] for r in csv.DictReader(handle) if 300 <= len(r["text"]) <= 400][:500]
            with gzip.open(datasets.data_dir() / datasets.WIKIPEDIA_TALK_FILE, "rt", encoding="utf-8") as handle:
                texts += [r["text"] for r in csv.DictReader(handle) if 300 <= len(r["text"]) <= 400][:500]
        else:
            texts = [("The council published the figures this morning and they do not match what the mayor "
                      "said last week. ") * 3] * 100
        context = ScreenContext(tier="account", source="import", approved_count=3)
        screen(texts[0], context)  # load the model and settings first
        # As an import's workers screen: in chunks, the settings' version read once per chunk (``steady``).
        chunks = [texts[start : start + IMPORT_CHUNK] for start in range(0, len(texts), IMPORT_CHUNK)]

        def screen_chunk(chunk: list[str]) -> None:
            with steady():
                for text in chunk:
                    screen(text, context)

        per_second = evaluation.throughput(chunks, screen_chunk, seconds) * len(texts) / len(chunks)
        average = sum(map(len, texts)) / len(texts)
        return [f"Throughput, full content pipeline (`pipeline.screen` as for an import: normalise, word rules, "
                f"links, classifier, threat/insult/profanity checks; ban, rate-limit and duplicate queries "
                f"excluded; settings read once per chunk of {IMPORT_CHUNK} as an import's workers do) on "
                f"{len(texts)} comments of 300-400 characters (mean {average:.0f}; half toxic news comments, half "
                f"Wikipedia talk), one core: **{per_second:,.0f} comments per CPU-second**."]

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
