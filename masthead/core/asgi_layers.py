"""What the pure-ASGI layers in front of Django share: the ASGI types, and state kept per event loop.

asyncio locks and semaphores belong to the event loop that first waits on them; a server process runs one loop,
but a test process starts many servers, each with its own.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Generic, TypeVar

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

T = TypeVar("T")


class LoopLocal(Generic[T]):
    """One value per running event loop, made by ``factory`` on first use and forgotten with its loop."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self.factory = factory
        self.values: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, T] = weakref.WeakKeyDictionary()

    def get(self) -> T:
        loop = asyncio.get_running_loop()
        value = self.values.get(loop)
        if value is None:
            value = self.values[loop] = self.factory()
        return value
