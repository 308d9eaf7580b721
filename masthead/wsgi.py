"""The WSGI application, for a threaded WSGI server in front of pages and writes (gunicorn's ``gthread`` worker or
Granian in WSGI mode; ``python -m benchmarks.servers`` compares them with ``masthead serve``).

Each server process does the same start-up work as ``masthead.asgi`` (warming, the SQLite checkpoint thread).
The live event streams are asynchronous views: under WSGI each open stream would hold a thread for as long as the
reader stays, so a deployment that serves pages through WSGI routes the streams to ``masthead serve`` (ASGI).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
application = get_wsgi_application()

from masthead.core import sqlite_upkeep  # noqa: E402 - after Django is set up
from masthead.core.warmup import warm_up  # noqa: E402

warm_up()
sqlite_upkeep.start()
