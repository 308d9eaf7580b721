"""`masthead demo`: fill the database with a demo publication written by us (see masthead/publishing/demo).

Each domain contributes its own demo content through a ``<domain>.demo`` module with a ``seed(stdout)``
function; they run in the order below, all in one transaction, so a failure leaves no half-made demo.
"""

from __future__ import annotations

import importlib
import importlib.util
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from masthead.publishing.models import Article

# Publishing first: the other domains' demo content hangs off its articles.
DEMO_MODULES = [
    "masthead.publishing.demo",
    "masthead.discussion.demo",
    "masthead.funding.demo",
    "masthead.moderation.demo",
]


def _installed(module: str) -> bool:
    """True when the domain ships a demo module (an error inside an existing module still raises)."""
    return importlib.util.find_spec(module) is not None


class Command(BaseCommand):
    help = "Create the demo publication (articles, authors, topics, images; discussion and funding when present)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--if-empty", action="store_true",
                            help="Do nothing when the database already has articles (what `make run` uses).")

    def handle(self, *args: object, **options: Any) -> None:
        if options["if_empty"] and Article.objects.exists():
            self.stdout.write("Demo content skipped: the database already has articles.")
            return
        started = time.monotonic()
        with transaction.atomic():
            for name in DEMO_MODULES:
                if _installed(name):
                    importlib.import_module(name).seed(self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo publication ready in {time.monotonic() - started:.1f}s."))
