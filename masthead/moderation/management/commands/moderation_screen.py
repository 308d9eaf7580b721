"""``masthead moderation_screen``: what the pipeline would decide, for one text or a whole file.

    masthead moderation_screen "some text" [--tier guest] [--first]
    masthead moderation_screen --input comments.jsonl --format jsonl > decisions.jsonl
    masthead moderation_screen --input comments.jsonl --format csv > decisions.csv      # for spreadsheets

Input lines are JSON objects ``{"text": ..., "tier": ...optional}`` (or a CSV file with a ``text`` column, and
optionally ``tier``, when its name ends in .csv). Output has one row per input row, in the same order:
``decision`` (publish/hold/reject), ``score`` (0-1 toxicity), ``reasons``; a row that cannot be read gets an
``error`` instead and the rest go on. Nothing is stored and no rate limit is counted (texts are screened as an
import is, plus the first-comment rule with ``--first``).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.moderation import rules
from masthead.moderation.config import moderation_settings
from masthead.moderation.models import Tier
from masthead.moderation.pipeline import Decision, ScreenContext, screen


class Command(BaseCommand):
    help = "Show how the moderation pipeline would treat a text, or screen a file of texts (nothing is stored)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="?", default=None)
        parser.add_argument("--input", default="", help="A file of JSON lines (or .csv) to screen in batch.")
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="Batch output format.")
        parser.add_argument("--tier", choices=Tier.values, default=Tier.GUEST)
        parser.add_argument("--first", action="store_true", help="Treat it as the author's first comment.")

    def handle(self, *args: object, **options: Any) -> None:
        if options["input"]:
            self._batch(options)
            return
        if options["text"] is None:
            raise CommandError("give a text, or --input FILE")
        decision = self._screen(options["text"], options["tier"], options["first"])
        self.stdout.write(f"decision:   {decision.action}")
        for reason in decision.reasons:
            self.stdout.write(f"reason:     {reason}")
        self.stdout.write(f"scores:     {json.dumps(decision.scores, ensure_ascii=False)}")
        self.stdout.write(f"model:      {decision.model_id} {decision.model_version}")
        self.stdout.write(f"normalised: {decision.normalised}")

    def _screen(self, text: str, tier: str, first: bool) -> Decision:
        decision = screen(text, ScreenContext(tier=tier, source="import", approved_count=1))
        if first:
            finding = rules.first_comment(moderation_settings(), tier, 0)
            if finding and decision.action == "publish":
                decision = replace(decision, action=finding.action, reasons=(*decision.reasons, finding.reason))
            elif finding:
                decision = replace(decision, reasons=(*decision.reasons, finding.reason))
        return decision

    def _batch(self, options: dict[str, Any]) -> None:
        try:
            handle = open(options["input"], encoding="utf-8", newline="")  # noqa: SIM115 - closed below
        except OSError as error:
            raise CommandError(f"cannot read {options['input']}: {error.strerror}") from error
        out = self.stdout
        writer = csv.writer(out, lineterminator="\n") if options["format"] == "csv" else None
        if writer:
            writer.writerow(["line", "text", "decision", "score", "reasons", "error"])
        with handle:
            rows = _csv_rows(handle) if options["input"].lower().endswith(".csv") else _json_rows(handle)
            for number, text, tier, problem in rows:
                result: dict[str, Any] = {"line": number}
                if problem is None and text is not None:
                    decision = self._screen(text, tier or options["tier"], options["first"])
                    result.update(decision=decision.action, score=decision.scores.get("toxicity", 0.0),
                                  reasons=list(decision.reasons))
                else:
                    result["error"] = problem
                if writer:
                    writer.writerow([number, text or "", result.get("decision", ""), result.get("score", ""),
                                     "; ".join(result.get("reasons", [])), result.get("error", "")])
                else:
                    out.write(json.dumps(result, ensure_ascii=False))


def _tier(value: object) -> tuple[str | None, str | None]:
    if value in (None, ""):
        return None, None
    if value not in Tier.values:
        return None, f"unknown tier {value!r} (one of {', '.join(Tier.values)})"
    return str(value), None


def _json_rows(handle: TextIO) -> Iterator[tuple[int, str | None, str | None, str | None]]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, None, None, f"not JSON: {error.msg}"
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield number, None, None, 'expected {"text": "...", "tier": optional}'
            continue
        tier, problem = _tier(row.get("tier"))
        yield number, row["text"], tier, problem


def _csv_rows(handle: TextIO) -> Iterator[tuple[int, str | None, str | None, str | None]]:
    reader = csv.DictReader(handle)
    if not reader.fieldnames or "text" not in reader.fieldnames:
        raise CommandError("the CSV file needs a header row with a 'text' column")
    try:
        for number, row in enumerate(reader, 2):
            tier, problem = _tier(row.get("tier"))
            yield number, row.get("text") or "", tier, problem
    except csv.Error as error:
        print(f"CSV error: {error}", file=sys.stderr)
