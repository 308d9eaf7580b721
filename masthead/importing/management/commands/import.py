"""``masthead import <source> PATH [--dry-run] [source options]``: move a site's archive in (docs/import.md)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.importing.decisions import advice, count_decisions, write_decisions
from masthead.importing.loader import Loader
from masthead.importing.progress import Progress
from masthead.importing.sources.base import ImportInputError
from masthead.importing.sources.registry import SOURCES


class Command(BaseCommand):
    help = "Import articles, authors, topics, comments and redirects from another system's export."

    def add_arguments(self, parser: CommandParser) -> None:
        sources = parser.add_subparsers(dest="source", required=True, metavar="SOURCE",
                                        parser_class=type(parser))
        for name, source in SOURCES.items():
            sub = sources.add_parser(name, help=source.help, description=source.help,
                                     called_from_command_line=getattr(parser, "called_from_command_line", None))
            sub.add_argument("path", metavar="PATH" if source.path_is_file else "DATABASE",
                             help="The export file." if source.path_is_file else "The database name.")
            sub.add_argument("--dry-run", action="store_true",
                             help="Report what would be created, updated and skipped, and why; write nothing.")
            sub.add_argument("--no-progress", action="store_true", help="No progress display on stderr.")
            sub.add_argument("--train-moderation", action="store_true",
                             help="After the import, train a candidate site moderation model from the archive's "
                                  "approved/spam/trash decisions (never made active by this command).")
            sub.add_argument("--decisions", metavar="FILE",
                             help="Write the archive's decisions as moderation_train --input lines to FILE.")
            sub.add_argument("--workers", type=int, default=None, metavar="N",
                             help="Processes preparing comments (rendering, screening) while this one writes "
                                  "(default: one per CPU core beyond the first; 0: none).")
            source.add_arguments(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        source_class = SOURCES[options["source"]]
        path = Path(options["path"])
        if source_class.path_is_file and not path.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            source = source_class(path, options)
        except ImportInputError as error:
            raise CommandError(str(error)) from None
        progress = None if options["no_progress"] else Progress(sys.stderr)
        try:
            summary = Loader(source, dry_run=options["dry_run"], progress=progress,
                             workers=options["workers"]).run()
        except ImportInputError as error:
            raise CommandError(f"{error}\nNothing was imported.") from None
        summary.write(self.stdout)
        if not options["dry_run"]:
            self._decisions(source.key, options, new_comments=summary.count("comment", "created"))
        if summary.error_count:
            raise CommandError(f"{summary.error_count} item(s) could not be imported (listed above); "
                               "everything else was. Fix them and run the same command again: it resumes.")

    def _decisions(self, key: str, options: dict[str, Any], *, new_comments: int) -> None:
        """What the archive's moderators decided: offered to the site's moderation model (docs/moderation.md)."""
        if not (options["train_moderation"] or options["decisions"]):
            if new_comments:
                self.stdout.write(advice(key, count_decisions(key)))
            return
        with tempfile.TemporaryDirectory(prefix="masthead-decisions-") as folder:
            path = Path(options["decisions"] or Path(folder) / "decisions.jsonl")
            try:
                with path.open("w", encoding="utf-8") as out:
                    written = write_decisions(key, out)
            except OSError as error:
                raise CommandError(f"cannot write {path}: {error.strerror}") from None
            self.stdout.write(f"\nModeration: {written.decisions} decisions of the archive's moderators "
                              f"({written.publish} publish, {written.reject} reject)"
                              + (f" written to {path}.\n" if options["decisions"] else ".\n"))
            if not options["train_moderation"]:
                self.stdout.write(f"Train a candidate model from them: masthead moderation_train --input {path} "
                                  "--dry-run\n")
                return
            try:
                call_command("moderation_train", "--input", str(path), "--dry-run", stdout=self.stdout)
            except CommandError as error:
                self.stdout.write(f"No model trained: {error}\n")
                return
        self.stdout.write("The new model is a candidate, not active: compare it with the active one under "
                          "Moderation > Models and promote it there (docs/moderation.md).\n")
