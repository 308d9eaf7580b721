"""`masthead demo`: fill an empty database with a demo publication written by us."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from masthead.publishing.models import Article


class Command(BaseCommand):
    help = "Create the demo publication (articles, authors, topics, images; later discussions and funding)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when articles already exist.")

    def handle(self, *args: object, **options: object) -> None:
        if options["if_empty"] and Article.objects.exists():
            self.stdout.write("Demo content skipped: the database already has articles.")
            return
        from masthead.publishing.demo import seed_publishing

        with transaction.atomic():
            seed_publishing(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo publication ready."))
