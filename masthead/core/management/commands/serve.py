"""`masthead serve`: the production server (uvicorn, ASGI) with static files and the embedded task worker.

SIGTERM or SIGINT stops accepting connections, lets in-flight requests finish (open live streams are cut after
``GRACE_SECONDS``), stops the worker between tasks, and exits with status 0, which is what systemd, Docker and
`make run` expect from a clean stop. See docs/operations.md.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from types import FrameType
from typing import Any

import uvicorn
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from masthead.core import health
from masthead.core.env import (
    SettingError,
    env_bool,
    env_int,
    env_listen_address,
    env_str,
    local_site_url,
    parse_listen_address,
)
from masthead.core.worker import EmbeddedWorker

log = logging.getLogger(__name__)

GRACE_SECONDS = 5
MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def _use_manifest_storage() -> None:
    """Serve hashed, pre-compressed static files that browsers and CDNs may cache for a year.

    settings.py chooses this storage only once a manifest exists (so a checkout and the tests need no build
    step). On the first `serve` of a data folder there is none yet, so switch here, before anything has
    loaded the storage or the ASGI app, and let the collectstatic below write the manifest.
    """
    if settings.DEBUG:
        return
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    settings.WHITENOISE_USE_FINDERS = False
    from django.contrib.staticfiles.storage import staticfiles_storage
    from whitenoise.storage import CompressedManifestStaticFilesStorage

    if not isinstance(staticfiles_storage, CompressedManifestStaticFilesStorage):  # loaded before we got here
        log.warning("Static files keep unhashed names until the next start (the storage was already loaded)")


class DrainingServer(uvicorn.Server):
    """uvicorn's server, which on the first SIGTERM first drains: /readyz answers 503 for ``drain_seconds`` while
    everything else is still served, so a balancer that probes it takes this server out of rotation before it
    stops accepting connections. A second signal stops at once."""

    def __init__(self, config: uvicorn.Config, drain_seconds: int) -> None:
        super().__init__(config)
        self.drain_seconds = drain_seconds
        self._drain_timer: threading.Timer | None = None

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.drain_seconds <= 0 or self._drain_timer is not None:
            if self._drain_timer is not None:
                self._drain_timer.cancel()
            super().handle_exit(sig, frame)
            return
        health.draining.set()
        log.info("Draining for %ss before stopping (/readyz answers 503)", self.drain_seconds)
        self._drain_timer = threading.Timer(self.drain_seconds, super().handle_exit, args=(sig, frame))
        self._drain_timer.daemon = True
        self._drain_timer.start()


def _unapplied_migrations() -> int:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    connection.close()  # the server's threads open their own connections
    return len(plan)


class Command(BaseCommand):
    help = "Serve Masthead with a production-grade ASGI server (uvicorn), static files and a task worker."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=None,
                            help="Address to listen on (HOST, default 127.0.0.1; 0.0.0.0 for every interface).")
        parser.add_argument("--port", type=int, default=env_int("PORT", 8000), help="Port (PORT).")
        parser.add_argument("--workers", type=int, default=env_int("WEB_CONCURRENCY", 1),
                            help="Server processes (WEB_CONCURRENCY); each holds its own live-event streams.")
        parser.add_argument("--no-worker", action="store_true",
                            help="Do not run the embedded task worker (run `masthead worker` instead).")
        parser.add_argument("--no-collectstatic", action="store_true",
                            help="Skip collecting static files (they were collected at deploy time).")

    def handle(self, *args: object, **options: Any) -> None:
        stop_requested: list[int] = []

        def note_stop(signum: int, frame: FrameType | None) -> None:
            # Before uvicorn runs, a stop request ends start-up; afterwards uvicorn handles the signal and
            # re-raises it once it has shut down, landing here instead of killing the process with it.
            stop_requested.append(signum)

        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, note_stop)

        try:
            host = (parse_listen_address("--host", options["host"]) if options["host"] is not None
                    else env_listen_address("HOST", "127.0.0.1"))
            access_log = env_bool("ACCESS_LOG", False)
        except SettingError as error:
            raise CommandError(str(error)) from None
        port = int(options["port"])
        if not env_str("SITE_URL", ""):
            # The default address follows the port served on: here, and in every process uvicorn starts (they read
            # the settings again from the environment).
            os.environ["PORT"] = str(port)
            settings.SITE_URL = local_site_url(port)
        workers = int(options["workers"])
        if workers < 1:
            raise CommandError("--workers must be at least 1")
        if not options["no_collectstatic"]:
            _use_manifest_storage()
            call_command("collectstatic", interactive=False, verbosity=0)
        if stop_requested:
            self.stdout.write("Masthead stopped before serving")
            return
        pending = _unapplied_migrations()
        if pending:
            self.stderr.write(f"Warning: {pending} database migrations are not applied; run `masthead migrate`.")
        if workers > 1 and not settings.REDIS_URL:
            self.stderr.write(
                f"Warning: {workers} processes without REDIS_URL: live updates (new comments, the funding bar) reach "
                "only the readers connected to the process that made the change; set REDIS_URL to share them.")

        worker = None
        if settings.EMBEDDED_WORKER and not options["no_worker"]:
            worker = EmbeddedWorker()
            worker.start()
        config = uvicorn.Config(
            "masthead.asgi:application",
            host=host,
            port=port,
            workers=workers if workers > 1 else None,
            lifespan="off",
            proxy_headers=False,  # client addresses come from TRUSTED_PROXIES in masthead.core.network
            server_header=False,
            timeout_graceful_shutdown=GRACE_SECONDS,
            timeout_keep_alive=5,
            access_log=access_log,
            log_level=settings.LOG_LEVEL.lower(),
        )
        shown_host = f"[{host}]" if ":" in host else host
        self.stdout.write(f"Masthead serving at http://{shown_host}:{port}")
        if settings.EMAIL_BACKEND == "masthead.notifications.outbox.OutboxBackend":
            self.stdout.write(f"No SMTP server set (EMAIL_HOST): mail is written to this log and kept for superusers "
                              f"at {settings.SITE_URL}/notifications/outbox/")
        self.stdout.flush()
        try:
            if workers > 1:
                sock = config.bind_socket()
                # The supervisor builds each worker's Server itself (uvicorn 0.54 takes no `target`).
                uvicorn.supervisors.Multiprocess(config, sockets=[sock]).run()
            else:
                DrainingServer(config, env_int("DRAIN_SECONDS", 0)).run()
        finally:
            if worker is not None:
                worker.stop()
        self.stdout.write("Masthead stopped")
