"""`masthead worker`: a task worker process for scaled deployments (run with EMBEDDED_WORKER=false on servers).

Besides the task queue it runs the scheduled jobs (core/schedule.py), once per interval across all workers.
"""

import os
import socket
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from masthead.core.schedule import Scheduler


class Command(BaseCommand):
    help = "Run background tasks (mail, related articles, ...) and scheduled jobs until SIGTERM."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args: object, **options: Any) -> None:
        scheduler = Scheduler(f"worker-{socket.gethostname()}-{os.getpid()}")
        scheduler.start()  # a daemon thread: it ends with the process when db_worker exits on SIGTERM
        call_command("db_worker", "--queue-name=*", f"--interval={options['interval']}", "--no-reload")
