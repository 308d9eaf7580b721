"""``masthead moderation_screen``: what the pipeline would decide, for one text or a whole file.

    masthead moderation_screen "some text" [--tier guest] [--first]
    masthead moderation_screen --input comments.jsonl --format jsonl > decisions.jsonl
    masthead moderation_screen --input comments.csv --format csv > decisions.csv        # for spreadsheets
    some-export | masthead moderation_screen --input - > decisions.jsonl                 # JSON lines on stdin

Input lines are JSON objects ``{"text": ..., "tier": optional, "id": optional}`` (or a CSV file with a header row
naming a ``text`` column, and optionally ``tier`` and ``id``, when its name ends in .csv or with
``--input-format csv``). Output has one row per input row, in the same order: ``line`` (the line number; for a
CSV file the row number a spreadsheet shows, the header being row 1), the input's ``id`` when it has one,
``decision`` (publish/hold/reject), ``score`` (0-1 toxicity of the active model), ``reasons``; a row that cannot
be read gets an ``error`` saying why instead, and the rest go on. Blank lines (and blank CSV rows) are skipped.
A summary goes to standard error. The exit status is 0 when every row was screened, 2 when some rows could not be
read (all the others were screened and written), 1 when the command could not run at all. Nothing is stored and
no rate limit is counted: texts are screened as an import is (word rules, link limits, the classifier and the
built-in checks), plus the first-comment rule with ``--first``.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from masthead.moderation import rules
from masthead.moderation.batch_files import CSV_FIELD_LIMIT, json_type, lone_surrogate, open_text, undecodable
from masthead.moderation.config import moderation_config, moderation_settings
from masthead.moderation.models import Tier
from masthead.moderation.pipeline import Decision, ScreenContext, screen

ROW_FIELDS = '{"text": "...", "tier": optional, "id": optional}'


@dataclass(frozen=True)
class Row:
    number: int
    text: str | None = None
    tier: str | None = None
    ident: object = None
    has_id: bool = False
    problem: str | None = None


class Command(BaseCommand):
    help = ("Show how the moderation pipeline would treat a text, or screen a file of texts in batch: one JSON "
            f"object per line, {ROW_FIELDS}, or a CSV file with a 'text' column (nothing is stored). Output: "
            "one row per input row, in order, with line, decision (publish/hold/reject), score (0-1) and "
            "reasons, or error for a row that cannot be read.")
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="?", default=None, help="One text to screen (or use --input).")
        parser.add_argument("--input", default="", metavar="FILE",
                            help=f"Screen a file: JSON lines {ROW_FIELDS}, or a .csv file with a header row naming "
                                 "a 'text' column (and optionally 'tier', 'id'). '-' reads standard input (JSON "
                                 "lines, or CSV with --input-format csv). The input's id is echoed in the "
                                 "output.")
        parser.add_argument("--input-format", choices=["auto", "jsonl", "csv"], default="auto",
                            help="How to read --input (default: csv when the name ends in .csv, else JSON lines).")
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl",
                            help="Batch output on standard output: JSON lines (default) or CSV for spreadsheets "
                                 "(line,id,text,decision,score,reasons,error).")
        parser.add_argument("--tier", choices=Tier.values, default=Tier.GUEST,
                            help="Reader tier for rows that name none (default: guest).")
        parser.add_argument("--first", action="store_true", help="Treat each text as its author's first comment.")

    def handle(self, *args: object, **options: Any) -> None:
        _require_database()
        if options["input"]:
            unreadable = self._batch(options)
            if unreadable:  # every row was written; a script still learns that some could not be screened
                rows = "row" if unreadable == 1 else "rows"
                raise CommandError(f"{unreadable} {rows} could not be read (see their 'error'); the others were "
                                   "screened", returncode=2)
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

    def _batch(self, options: dict[str, Any]) -> int:
        """Screen the file's rows onto standard output; the number of rows that could not be read."""
        path = options["input"]
        read_as = options["input_format"]
        as_csv = read_as == "csv" or (read_as == "auto" and path.lower().endswith(".csv"))
        try:
            handle = open_text(path, csv_mode=as_csv, stdin=options.get("stdin"))
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror or error}") from error
        out = self.stdout
        writer = csv.writer(out, lineterminator="\n") if options["format"] == "csv" else None
        if writer:
            # "id" always: a spreadsheet joins the decisions back to its rows by it (empty when the input has none)
            writer.writerow(["line", "id", "text", "decision", "score", "reasons", "error"])
        counts: Counter[str] = Counter()
        model = ""
        with handle:
            for row in (_csv_rows(handle) if as_csv else _json_rows(handle)):
                result: dict[str, Any] = {"line": row.number}
                if row.has_id:
                    result["id"] = row.ident
                if row.problem is None and row.text is not None:
                    decision = self._screen(row.text, row.tier or options["tier"], options["first"])
                    result.update(decision=decision.action, score=decision.scores.get("toxicity", 0.0),
                                  reasons=list(decision.reasons))
                    counts[decision.action] += 1
                    model = model or f"{decision.model_id} {decision.model_version}".strip()
                else:
                    result["error"] = row.problem
                    counts["error"] += 1
                if writer:
                    writer.writerow([row.number, _csv_id(row.ident),
                                     row.text if row.problem is None else "",
                                     result.get("decision", ""), result.get("score", ""),
                                     "; ".join(result.get("reasons", [])), result.get("error", "")])
                else:
                    out.write(json.dumps(result, ensure_ascii=False))
        out.flush()  # the rows before the summary, when both go to one terminal
        if options["verbosity"] > 0:
            screened = sum(counts[action] for action in ("publish", "hold", "reject"))
            rows = "row" if screened == 1 else "rows"
            self.stderr.write(f"screened {screened} {rows}: {counts['publish']} publish, {counts['hold']} hold, "
                              f"{counts['reject']} reject; {counts['error']} could not be read (see their 'error')"
                              + (f"; scored by {model}" if model else ""), style_func=lambda message: message)
        return counts["error"]


def _csv_id(ident: object) -> str:
    """A row's id as a spreadsheet cell: a string as it is, anything else as its JSON (never Python's repr)."""
    if ident is None:
        return ""
    return ident if isinstance(ident, str) else json.dumps(ident, ensure_ascii=False)


def _require_database() -> None:
    """The settings and word rules come from the database: say how to set it up rather than show a traceback."""
    try:
        moderation_config()
    except DatabaseError as error:
        raise CommandError(f"cannot read the moderation settings from the database ({error}); "
                           "set it up first with: masthead migrate") from error


def _tier(value: object) -> tuple[str | None, str | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    tier = value.strip().lower() if isinstance(value, str) else value
    if tier not in Tier.values:
        return None, f"unknown tier {value!r} (one of {', '.join(Tier.values)})"
    return str(tier), None


def _text_problem(text: str) -> str | None:
    if not text.strip():
        return "empty text: nothing to screen"
    return lone_surrogate(text)


def _json_rows(handle: TextIO) -> Iterator[Row]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        problem = undecodable(line)
        if problem:
            yield Row(number, problem=problem)
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield Row(number, problem=f"not JSON: {error.msg.removesuffix(' at')} at character {error.colno}")
            continue
        except RecursionError:
            yield Row(number, problem="not JSON this command reads: nested too deeply")
            continue
        if not isinstance(row, dict):
            yield Row(number, problem=f"not a JSON object but {json_type(row)}: expected {ROW_FIELDS}")
            continue
        has_id, ident = "id" in row, row.get("id")
        text = row.get("text")
        if "text" not in row:
            yield Row(number, ident=ident, has_id=has_id, problem=f'no "text" field: expected {ROW_FIELDS}')
            continue
        if not isinstance(text, str):
            yield Row(number, ident=ident, has_id=has_id, problem=f'"text" must be a string, not {json_type(text)}')
            continue
        tier, problem = _tier(row.get("tier"))
        yield Row(number, text, tier, ident, has_id, problem or _text_problem(text))


def _csv_rows(handle: TextIO) -> Iterator[Row]:
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    reader = csv.reader(handle)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise CommandError(f"cannot read the CSV header: {error}") from error
    columns = {name.strip().lower(): index for index, name in reversed(list(enumerate(header or [])))}
    if "text" not in columns:
        found = ", ".join(repr(name) for name in (header or [])[:10]) or "nothing"
        raise CommandError(f"the CSV file needs a header row with a 'text' column (its first row has {found})")
    text_at, tier_at, id_at = columns["text"], columns.get("tier"), columns.get("id")
    number = 1
    try:
        for number, fields in enumerate(reader, 2):
            ident = fields[id_at] if id_at is not None and id_at < len(fields) else None
            has_id = id_at is not None
            if not any(field.strip() for field in fields):
                continue  # a blank row (a spreadsheet's trailing empty rows)
            if text_at >= len(fields):
                yield Row(number, ident=ident, has_id=has_id, problem="no 'text' value in this row")
                continue
            text = fields[text_at]
            problem = undecodable(",".join(fields))
            if problem:
                yield Row(number, ident=ident, has_id=has_id, problem=problem)
                continue
            tier, problem = _tier(fields[tier_at] if tier_at is not None and tier_at < len(fields) else None)
            yield Row(number, text, tier, ident, has_id, problem or _text_problem(text))
    except csv.Error as error:
        raise CommandError(f"cannot read the CSV file after row {number} (line {reader.line_num}): {error}; "
                           "the rows after it were not screened") from error
