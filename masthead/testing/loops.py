"""Running a coroutine to its end from a test, whatever loop the test's thread already has."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T], timeout: float = 30) -> T:
    """asyncio.run on a thread of its own: Playwright's tests leave an event loop running on the main thread."""
    result: list[T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(coroutine))
        except BaseException as error:  # handed to the test's thread below
            failure.append(error)

    worker = threading.Thread(target=target)
    worker.start()
    worker.join(timeout)
    if failure:
        raise failure[0]
    assert result, f"the coroutine did not finish within {timeout:.0f} s"
    return result[0]
