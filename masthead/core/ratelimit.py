"""Fixed-window rate limits on the shared cache (local memory by default, Redis when scaled)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    allowed: bool
    retry_after: int  # seconds until the window resets; 0 when allowed


def hit(scope: str, key: str, *, limit: int, window: int) -> Limit:
    """Count one attempt for ``key`` in ``scope`` and say whether it is within ``limit`` per ``window`` seconds."""
    now = int(time.time())
    window_start = now - now % window
    cache_key = f"rl:{scope}:{key}:{window_start}"
    if cache.add(cache_key, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.add(cache_key, 1, timeout=window + 1)
            count = 1
    if count > limit:
        return Limit(False, window_start + window - now)
    return Limit(True, 0)
