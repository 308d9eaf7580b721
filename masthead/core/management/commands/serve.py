"""`masthead serve`: the production server (uvicorn, ASGI) with static files and the embedded task worker.

SIGTERM or SIGINT stops accepting connections, lets in-flight requests finish (live streams are closed after a
short grace period) and stops the worker between tasks.
"""

from __future__ import annotations

import logging
import os

import uvicorn
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from masthead.core.worker import EmbeddedWorker

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Serve Masthead with a production-grade ASGI server."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "1")),
                            help="Server processes (each holds its own live-event streams).")
        parser.add_argument("--no-worker", action="store_true",
                            help="Do not run the embedded task worker (run `masthead worker` instead).")
        parser.add_argument("--no-collectstatic", action="store_true")

    def handle(self, *args: object, **options: object) -> None:
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        worker = None
        if settings.EMBEDDED_WORKER and not options["no_worker"]:
            worker = EmbeddedWorker()
            worker.start()
        workers = int(options["workers"])  # type: ignore[call-overload]
        config = uvicorn.Config(
            "masthead.asgi:application",
            host=str(options["host"]),
            port=int(options["port"]),  # type: ignore[call-overload]
            workers=workers if workers > 1 else None,
            lifespan="off",
            proxy_headers=False,  # client addresses come from TRUSTED_PROXIES in masthead.core.network
            server_header=False,
            timeout_graceful_shutdown=5,
            timeout_keep_alive=5,
            access_log=os.environ.get("ACCESS_LOG", "") == "1",
            log_level="info",
        )
        self.stdout.write(f"Masthead serving at http://{options['host']}:{options['port']}")
        self.stdout.flush()
        try:
            if workers > 1:
                sock = config.bind_socket()
                uvicorn.supervisors.Multiprocess(config, target=uvicorn.Server(config).run, sockets=[sock]).run()
            else:
                uvicorn.Server(config).run()
        finally:
            if worker is not None:
                worker.stop()
        self.stdout.write("Masthead stopped")
