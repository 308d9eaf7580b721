"""How a lower app calls a higher one without importing it: a named hook the lower app declares and a higher app
fills in its ``AppConfig.ready()`` (docs/architecture.md, "One direction").

- ``Hook``: one provider, with a default for when no app registered one (moderation screens comments; without
  the app, comments are shown as posted).
- ``Listeners``: any number of callbacks told that something happened (a comment became visible; an article's
  text changed), called in registration order.

Both are typed by the callable they hold, so the caller and the registered function agree on the signature.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class Hook(Generic[P, R]):
    def __init__(self, name: str, default: Callable[P, R]) -> None:
        self.name = name
        self.default = default
        self.provider: Callable[P, R] | None = None

    def register(self, provider: Callable[P, R]) -> None:
        """Called once, from the providing app's ``ready()``; a second provider is a wiring mistake."""
        if self.provider is not None and self.provider is not provider:
            raise RuntimeError(f"hook {self.name!r} already has a provider: {self.provider!r}")
        self.provider = provider

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return (self.provider or self.default)(*args, **kwargs)


class Listeners(Generic[P]):
    def __init__(self, name: str) -> None:
        self.name = name
        self.callbacks: list[Callable[P, object]] = []

    def connect(self, callback: Callable[P, object]) -> None:
        if callback not in self.callbacks:  # ready() may run twice in tests that reload apps
            self.callbacks.append(callback)

    def send(self, *args: P.args, **kwargs: P.kwargs) -> None:
        for callback in self.callbacks:
            callback(*args, **kwargs)
