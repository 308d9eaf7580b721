"""`masthead worker`: a task worker process for scaled deployments (run with EMBEDDED_WORKER=false on servers).

Besides the task queue it runs the scheduled jobs (core/schedule.py), once per interval across all workers.
"""

import os
import socket
import uuid
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from masthead.core.schedule import Scheduler


class Command(BaseCommand):
    help = "Run background tasks (mail, related articles, ...) and scheduled jobs until SIGTERM."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args: object, **options: Any) -> None:
        # One id for the tasks this process claims and its heartbeat (core/task_recovery.py), unique even when a
        # restarted container has the same host name and process id as the one it replaces.
        worker_id = f"worker-{socket.gethostname()[:32]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        scheduler = Scheduler(worker_id)
        scheduler.start()  # a daemon thread: it ends with the process when db_worker exits on SIGTERM
        call_command("db_worker", "--queue-name=*", f"--interval={options['interval']}", "--no-reload",
                     f"--worker-id={worker_id}")
