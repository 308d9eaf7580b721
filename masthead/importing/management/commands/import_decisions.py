"""``masthead import_decisions SOURCE FILE``: an imported archive's moderation decisions as the JSON lines
``masthead moderation_train --input FILE`` reads (``importing/decisions.py`` says what becomes what).

SOURCE is the import's source key, as its summary's first line names it ("wordpress:https://example.org").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.importing.decisions import DEFAULT_LIMIT, write_decisions
from masthead.importing.models import ImportedObject


class Command(BaseCommand):
    help = "Write an imported archive's approved/spam/trash decisions as training lines for moderation_train."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="The import's source key, e.g. wordpress:https://example.org.")
        parser.add_argument("output", help="The JSON lines file to write.")
        parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                            help=f"Only the newest N decisions (default {DEFAULT_LIMIT:,}).")

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["source"]
        if not ImportedObject.objects.filter(source=source).exists():
            known = sorted(set(ImportedObject.objects.values_list("source", flat=True).distinct()[:20]))
            raise CommandError(f"nothing was imported from {source!r}; imported sources: {', '.join(known) or 'none'}")
        path = Path(options["output"])
        try:
            with path.open("w", encoding="utf-8") as out:
                counts = write_decisions(source, out, limit=max(1, options["limit"]))
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror}") from None
        self.stdout.write(f"wrote {counts.decisions} decisions ({counts.publish} publish, {counts.reject} reject) "
                          f"to {path}; train with: masthead moderation_train --input {path} --dry-run\n")
