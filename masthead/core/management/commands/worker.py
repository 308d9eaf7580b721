"""`masthead worker`: a task worker process for scaled deployments (run with EMBEDDED_WORKER=false on servers)."""

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Run background tasks (mail, related articles, ...) until SIGTERM."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args: object, **options: Any) -> None:
        call_command("db_worker", "--queue-name=*", f"--interval={options['interval']}", "--no-reload")
