"""`masthead worker`: a task worker process for scaled deployments (run with EMBEDDED_WORKER=false on servers).

Besides the task queue it runs the scheduled jobs (core/schedule.py), once per interval across all workers.
"""

import os
import socket
import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connections
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from masthead.core.schedule import Scheduler
from masthead.core.worker import ProcessWorker


class Command(BaseCommand):
    help = "Run background tasks (mail, related articles, ...) and scheduled jobs until SIGTERM."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args: object, **options: Any) -> None:
        # One id for the tasks this process claims and its heartbeat (core/task_recovery.py), unique even when a
        # restarted container has the same host name and process id as the one it replaces.
        worker_id = f"worker-{socket.gethostname()[:32]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        # The package's `db_worker` loop, but stopped by SIGTERM only between polls (ProcessWorker says why).
        DBWorkerCommand().configure_logging(options["verbosity"])
        worker = ProcessWorker(interval=options["interval"], worker_id=worker_id)
        worker.configure_signals()
        scheduler = Scheduler(worker_id)
        scheduler.start()
        worker.run()  # returns after SIGTERM or SIGINT, once the poll or task in progress is done
        scheduler.stop()  # lets a tick in progress (heartbeat, a scheduled job) end before the process does
        connections.close_all()
