"""`masthead notifications_prune`: forget old mail records, ended and never-confirmed subscriptions (daily cron)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from masthead.notifications.privacy import RETENTION_DAYS, prune


class Command(BaseCommand):
    help = "Delete finished mail records and ended subscriptions older than --days, and expired requests."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=RETENTION_DAYS)

    def handle(self, *args: object, days: int, **options: Any) -> None:
        counts = prune(days)
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
