"""Which origins may embed: the ``EMBED_ALLOWED_ORIGINS`` setting plus the admin's list, cached briefly."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

from masthead.core.env import parse_origin
from masthead.embed.models import AllowedOrigin

_CACHE_KEY = "embed:allowed-origins"
_CACHE_SECONDS = 30


def allowed_origins() -> frozenset[str]:
    stored = cache.get(_CACHE_KEY)
    if stored is None:
        stored = sorted(AllowedOrigin.objects.values_list("origin", flat=True))
        cache.set(_CACHE_KEY, stored, _CACHE_SECONDS)
    return frozenset(settings.EMBED_ALLOWED_ORIGINS) | frozenset(stored)


def forget() -> None:
    cache.delete(_CACHE_KEY)


def is_allowed(origin: str | None) -> bool:
    """True when ``origin`` (as a browser sends it, or as a page gave it) is one of the allowed origins."""
    if not origin:
        return False
    parsed = parse_origin(origin)
    # Exactly as listed: the value goes into the frame's Content-Security-Policy header as it came.
    return parsed is not None and parsed == origin and parsed in allowed_origins()


def origin_of(url: str) -> str | None:
    """The origin of an absolute http(s) address (already normalised by ``pages.normalise_url``)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return None
    host = rest.split("/", 1)[0].split("?", 1)[0]
    return parse_origin(f"{scheme}://{host}")
