import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
django_application = get_asgi_application()

from django.conf import settings  # noqa: E402 - after Django is set up

from masthead.core.page_cache import SharedPageCache  # noqa: E402

# Shared public pages are answered from memory for their s-maxage (one second); see core/page_cache.py.
application = SharedPageCache(django_application) if settings.PAGE_CACHE else django_application
