"""The fragments cache's bound in bytes (core/byte_bounded_cache.py): what it holds never passes it."""

from __future__ import annotations

import pickle
import uuid

import pytest
from django.conf import settings
from django.core.cache import caches

from masthead.core.byte_bounded_cache import ByteBoundedLocMemCache


def bounded(max_bytes: int, max_entries: int = 300) -> ByteBoundedLocMemCache:
    # A name of its own: Django keeps a local-memory cache's contents per name, for the whole process.
    return ByteBoundedLocMemCache(f"test-bounded-{uuid.uuid4().hex}",
                                  {"OPTIONS": {"MAX_BYTES": max_bytes, "MAX_ENTRIES": max_entries}})


def page(kb: int) -> str:
    return "x" * (kb * 1024)


def size(value: object) -> int:
    return len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def test_the_least_recently_used_pages_go_first_when_the_bytes_pass_the_bound() -> None:
    cache = bounded(max_bytes=100 * 1024)
    for n in range(3):
        cache.set(f"page-{n}", page(30))
    assert cache.get("page-0") is not None  # read: now the most recently used
    cache.set("page-3", page(30))  # 4 x 30 kB > 100 kB: one must go, the least recently used (page-1)
    assert cache.get("page-1") is None
    assert all(cache.get(f"page-{n}") is not None for n in (0, 2, 3))
    assert cache.held_bytes == 3 * size(page(30)) <= 100 * 1024


def test_many_pages_of_varying_sizes_never_pass_the_bound() -> None:
    cache = bounded(max_bytes=64 * 1024)
    for n in range(200):
        cache.set(f"page-{n}", page(1 + n % 17))
        assert cache.held_bytes <= 64 * 1024
    kept = [n for n in range(200) if cache.get(f"page-{n}") is not None]
    assert kept[-1:] == [199]  # the newest is kept
    assert cache.held_bytes == sum(size(page(1 + n % 17)) for n in kept)


def test_a_page_larger_than_the_bound_is_not_kept_and_pushes_nothing_out() -> None:
    cache = bounded(max_bytes=50 * 1024)
    cache.set("small", page(10))
    cache.set("huge", page(10))
    cache.set("huge", page(80))  # replaces the key's older value: that one must not be served instead
    assert cache.get("huge") is None
    assert cache.get("small") == page(10)
    assert cache.held_bytes == size(page(10))


def test_overwriting_deleting_and_clearing_keep_the_count_true() -> None:
    cache = bounded(max_bytes=100 * 1024)
    cache.set("a", page(40))
    cache.set("a", page(5))
    assert cache.held_bytes == size(page(5))
    cache.set("b", page(40))
    cache.set("c", page(40))  # fits now that "a" is small: nothing goes
    assert all(cache.get(key) is not None for key in "abc")
    cache.delete("b")
    assert cache.held_bytes == size(page(5)) + size(page(40))
    cache.set("n", 1)
    cache.incr("n", 10**30)  # a value that grows in place is counted at its new size
    assert cache.held_bytes == size(page(5)) + size(page(40)) + size(10**30 + 1)
    cache.clear()
    assert cache.held_bytes == 0
    assert cache.get("c") is None


def test_the_entry_bound_still_applies_and_its_culls_are_counted() -> None:
    cache = bounded(max_bytes=10 * 2**20, max_entries=8)
    for n in range(40):
        cache.set(f"k{n}", page(1))
    held = [n for n in range(40) if cache.get(f"k{n}") is not None]
    assert len(held) <= 8
    assert cache.held_bytes == len(held) * size(page(1))


def test_the_fragments_cache_is_bounded_in_bytes_unless_it_lives_in_redis() -> None:
    if settings.REDIS_URL:
        pytest.skip("in Redis the fragments follow Redis's own memory policy, not a per-process bound")
    fragments = caches["fragments"]
    assert isinstance(fragments, ByteBoundedLocMemCache)
    assert settings.CACHES["fragments"]["OPTIONS"]["MAX_BYTES"] == 4 * 2**20
