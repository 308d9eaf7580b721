"""`masthead privacy_retention`: clear network hashes older than the retention period (run daily from cron),
or `--schedule` to start the self-renewing daily task on the queue instead."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from masthead.accounts.retention import do_clear_expired_networks
from masthead.accounts.tasks import schedule_daily


class Command(BaseCommand):
    help = "Clear stored network hashes older than the publisher's retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--schedule", action="store_true",
                            help="Enqueue the daily retention task (it re-enqueues itself) instead of running now.")

    def handle(self, *args: object, **options: Any) -> None:
        if options["schedule"]:
            started = schedule_daily()
            self.stdout.write("Daily retention task scheduled." if started else "Already scheduled.")
            return
        with transaction.atomic():
            cleared = do_clear_expired_networks()
        for label, count in cleared.items():
            self.stdout.write(f"{label}: {count}")
