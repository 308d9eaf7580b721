import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
django_application = get_asgi_application()

from django.conf import settings  # noqa: E402 - after Django is set up

from masthead.core import sqlite_upkeep  # noqa: E402
from masthead.core.concurrency import ConcurrencyLimit  # noqa: E402
from masthead.core.page_cache import SharedPageCache  # noqa: E402
from masthead.core.warmup import warm_up  # noqa: E402

# Once per server process, before it accepts requests.
warm_up()
sqlite_upkeep.start()

# At most DJANGO_CONCURRENCY requests run Django's synchronous code at once (core/concurrency.py), and shared
# public pages are answered from memory within their second, in front of that bound (core/page_cache.py).
limited = ConcurrencyLimit(django_application, settings.DJANGO_CONCURRENCY)
application = SharedPageCache(limited) if settings.PAGE_CACHE else limited
