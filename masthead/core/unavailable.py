"""Which errors mean "the database cannot be reached right now" rather than a fault in the code.

PostgreSQL refusing connections (stopped, restarting, failing over), a connection it closed under us, or the
connection pool's wait running out (``DATABASE_POOL_TIMEOUT``: psycopg_pool's PoolTimeout, an OperationalError)
all reach Django as ``OperationalError`` or ``InterfaceError``. A request that meets one is answered 503 with a
Retry-After by the error handler (core/views.server_error): the request can be repeated as it is once the database
is back, and the pool reconnects by itself, so no restart is needed.

On SQLite, "database is locked" once a writer's wait is over (core/sqlite_backend/turns.py) is an
``OperationalError`` too, and a 503 to retry is the right answer to it as well. A misspelt column or a violated
constraint are ``ProgrammingError``/``IntegrityError``: real faults, still 500.
"""

from __future__ import annotations

from django.db import InterfaceError, OperationalError

RETRY_AFTER_SECONDS = 5
UNAVAILABLE_MESSAGE = "The site is briefly unavailable; please try again in a few seconds."


def database_unavailable(error: BaseException | None) -> bool:
    """Whether ``error`` (or an error it was raised from) is the database being unreachable."""
    seen = 0
    while error is not None and seen < 10:  # a bounded walk down __cause__/__context__
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False
