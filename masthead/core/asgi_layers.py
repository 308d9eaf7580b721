"""What the pure-ASGI layers in front of Django share: the ASGI types, state kept per event loop, and what each
layer needs to know about the view a path leads to.

asyncio locks and semaphores belong to the event loop that first waits on them; a server process runs one loop,
but a test process starts many servers, each with its own.
"""

from __future__ import annotations

import asyncio
import weakref
from collections import OrderedDict
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


class RouteFacts:
    """A fact about the view a request's path resolves to (``fact(view)``), looked up once per path.

    The paths seen most recently are remembered, at most ``entries`` of them, so a crawler asking for endless
    made-up paths cannot grow it without bound. A path that resolves to nothing has the fact ``False``.
    """

    def __init__(self, fact: Callable[[Callable[..., Any]], bool], entries: int = 4096) -> None:
        self.fact = fact
        self.entries = entries
        self.known: OrderedDict[str, bool] = OrderedDict()

    def __call__(self, scope: Scope) -> bool:
        from django.urls import Resolver404, resolve

        path = scope["path"]
        root = scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root):]
        value = self.known.get(path)
        if value is None:
            try:
                value = bool(self.fact(resolve(path).func))
            except Resolver404:
                value = False
            self.known[path] = value
            if len(self.known) > self.entries:
                self.known.popitem(last=False)
        return value
