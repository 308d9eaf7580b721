"""``masthead media_backup DEST_DIR``: copy the uploaded media (the S3 bucket, or the media folder) into a folder.

Run it again to bring the copy up to date: only new and changed objects are copied (core/media_backup.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.core.media_backup import BackupError, backup, store_for


class Command(BaseCommand):
    help = "Copy every media object into DEST_DIR (resumable: unchanged objects are skipped), with a manifest."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dest_dir", type=Path, help="Backup folder (created if missing).")

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["dest_dir"]
        try:
            store = store_for(storages["default"])
            tally = backup(store, folder, say=self._progress(options["verbosity"]))
        except (BackupError, OSError, BotoCoreError, ClientError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Media backup of the {store.label} in {folder}: {tally.copied} objects copied "
                          f"({tally.bytes_copied} bytes), {tally.unchanged} unchanged")

    def _progress(self, verbosity: int) -> Any:
        return self.stdout.write if verbosity > 1 else (lambda line: None)
