"""A Redis of the test's own (never the machine's, which the whole suite shares), and a TCP proxy in front of it
that a test cuts and restores to play an outage. Fixtures, loaded by the root conftest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from masthead.testing.private_services import PrivateRedis
from masthead.testing.tcp_proxy import TcpProxy


@pytest.fixture(scope="module")
def private_redis() -> Iterator[PrivateRedis]:
    with PrivateRedis() as server:
        yield server


@pytest.fixture
def redis_proxy(private_redis: PrivateRedis) -> Iterator[TcpProxy]:
    proxy = TcpProxy("127.0.0.1", private_redis.port)
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.stop()
