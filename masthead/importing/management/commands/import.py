"""``masthead import <source> PATH [--dry-run] [source options]``: move a site's archive in (docs/import.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

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
        if summary.error_count:
            raise CommandError(f"{summary.error_count} item(s) could not be imported (listed above); "
                               "everything else was. Fix them and run the same command again: it resumes.")


