"""``masthead media_restore SRC_DIR``: write a media backup (``masthead media_backup``) into the site's media store.

The store (the S3 bucket, or the media folder) must be empty; ``--resume`` finishes an interrupted restore.
Every file is checked against the manifest's SHA-256 before anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.core.media_backup import BackupError, restore, store_for


class Command(BaseCommand):
    help = "Restore the media objects of the backup in SRC_DIR into the (empty) media store."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("src_dir", type=Path, help="A folder written by `masthead media_backup`.")
        parser.add_argument("--resume", action="store_true",
                            help="The store is not empty because a restore was interrupted: skip the objects it "
                                 "already holds with the same size.")

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["src_dir"]
        try:
            store = store_for(storages["default"])
            say = self.stdout.write if options["verbosity"] > 1 else (lambda line: None)
            tally = restore(store, folder, resume=options["resume"], say=say)
        except (BackupError, OSError, BotoCoreError, ClientError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Media restored into the {store.label} from {folder}: {tally.copied} objects written "
                          f"({tally.bytes_copied} bytes), {tally.unchanged} already there")
