"""`masthead export OUTDIR [--include-private] [--format jsonl|wxr]`: the whole site, to move out (docs/export.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.exporting import bundle, kinds
from masthead.exporting.wxr import write_wxr

WXR_FILE = "wordpress.xml"


class Command(BaseCommand):
    help = ("Export the site into OUTDIR (new or empty): JSON Lines by kind, media and a manifest; or, with "
            "--format wxr, a WordPress WXR 1.2 file of articles and comments. Personal data only with "
            "--include-private.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("outdir", help="A folder that does not exist yet, or is empty.")
        parser.add_argument("--include-private", action="store_true",
                            help="Also write personal data: emails of commenters, subscribers and donors, donor "
                                 "names, voters' keyed hashes, staff notes.")
        parser.add_argument("--format", choices=("jsonl", "wxr"), default="jsonl")
        parser.add_argument("--chunk-size", type=int, default=kinds.DEFAULT_CHUNK,
                            help="Rows read from the database at a time (memory use, not the output).")

    def handle(self, *args: object, **options: object) -> None:
        outdir = Path(str(options["outdir"]))
        private = bool(options["include_private"])
        chunk = int(str(options["chunk_size"]))
        if chunk < 1:
            raise CommandError("--chunk-size must be at least 1.")
        try:
            bundle.check_outdir(outdir)
        except bundle.ExportError as error:
            raise CommandError(str(error)) from None
        if options["format"] == "wxr":
            outdir.mkdir(parents=True, exist_ok=True)
            with bundle.snapshot(), (outdir / WXR_FILE).open("x", encoding="utf-8", newline="\n") as out:
                summary = write_wxr(out, private=private, chunk=chunk)
            self.stdout.write(
                f"Wrote {outdir / WXR_FILE}: {summary.posts} posts, {summary.comments} comments, "
                f"{summary.authors} authors, {summary.categories} categories, {summary.attachments} attachments.")
            if summary.replaced_characters:
                self.stdout.write(f"{summary.replaced_characters} characters that XML cannot carry were written "
                                  "as U+FFFD.")
            return
        manifest = bundle.export(outdir, private=private, chunk=chunk)
        for written in manifest.files:
            self.stdout.write(f"{written.path}: {written.records} records")
        self.stdout.write(f"media: {manifest.media['files']} files copied, {manifest.media['missing']} missing")
        self.stdout.write(f"Export complete: {outdir / 'manifest.json'}"
                          + (" (includes private data: keep it safe)" if private else ""))
