"""The one error an action raises when it refuses a change, and the one way entry points answer it.

Every app's ``check_*`` and ``do_*`` functions raise a subclass of ``ActionError`` (``DiscussionError``,
``FundingError`` ...; the subclass only says which app refused). It carries what every entry point needs: a message
meant for the person acting, the HTTP status to answer, a short machine ``code`` for scripts, the input ``field`` it
is about when there is one, and ``retry_after`` seconds with a 429. The JSON API answers any of them in one handler
(``api/api.py``: ``{"detail", "code"[, "field"]}``); HTML views render their own page and pass the response through
``answer_headers`` so a 429 always says when to try again.
"""

from __future__ import annotations

from django.http import HttpResponseBase


class ActionError(Exception):
    """A refused change, worded for the person who asked."""

    def __init__(self, message: str, status: int = 400, code: str = "invalid", *, field: str | None = None,
                 retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.field = field
        self.retry_after = retry_after  # seconds, with 429

    def as_json(self) -> dict[str, str]:
        body = {"detail": self.message, "code": self.code}
        if self.field:
            body["field"] = self.field
        return body


def answer_headers(response: HttpResponseBase, error: ActionError) -> HttpResponseBase:
    """The headers every answer to ``error`` carries (``Retry-After`` with a 429); returns ``response``."""
    if error.retry_after:
        response["Retry-After"] = str(error.retry_after)
    return response
