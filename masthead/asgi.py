import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
django_application = get_asgi_application()

from django.conf import settings  # noqa: E402 - after Django is set up

from masthead.core import sqlite_upkeep  # noqa: E402
from masthead.core.concurrency import ConcurrencyLimit  # noqa: E402
from masthead.core.page_cache import SharedPageCache  # noqa: E402
from masthead.core.threaded_django import ThreadedDjango  # noqa: E402
from masthead.core.warmup import warm_up  # noqa: E402

# Once per server process, before it accepts requests.
warm_up()
sqlite_upkeep.start()

# Asynchronous views (the live event streams) run in Django's ASGI handler, at most DJANGO_CONCURRENCY at once
# until their stream starts (core/concurrency.py).
# (asgi_layers types scopes and messages as mutable mappings; Django's handler says dict and Mapping.)
limited = ConcurrencyLimit(django_application, settings.DJANGO_CONCURRENCY)  # type: ignore[arg-type]
# Synchronous views run on long-lived threads that keep their database connection, reads on DJANGO_CONCURRENCY
# of them and writes on DJANGO_WRITE_CONCURRENCY others (core/threaded_django.py).
threaded = ThreadedDjango(limited, settings.DJANGO_CONCURRENCY, settings.DJANGO_WRITE_CONCURRENCY)
# Shared public pages are answered from memory within their second, in front of both (core/page_cache.py).
application = SharedPageCache(threaded) if settings.PAGE_CACHE else threaded
