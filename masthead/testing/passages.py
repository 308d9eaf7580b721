"""Shortcuts for the passages tests: an article with known paragraphs, editing it, a guest posting by the API."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.test import TestCase

from masthead.passages.anchoring import create_anchor
from masthead.publishing import actions as publishing
from masthead.publishing.models import Article
from masthead.testing.articles import make_article
from masthead.testing.discussion import Guest as DiscussionGuest

BODY = (
    "The council met on Tuesday to discuss the river path.\n\n"
    "According to the minutes published by the town clerk, the vote was seven to two. "
    "The path will reopen in May.\n\n"
    "Residents can read the full report at the library."
)


def article(body: str = BODY, **fields: Any) -> Article:
    return make_article(headline=fields.pop("headline", "The river path reopens"), body=body, related=False, **fields)


def edit_body(target: Article, body: str) -> Article:
    """An editor's save through publishing's action (what the admin does)."""
    target.body = body
    with TestCase.captureOnCommitCallbacks(execute=False):
        return publishing.do_save_article(target)


def anchor_payload(target: Article, quote: str, revision: int = 1, occurrence: int = 0) -> dict[str, Any]:
    text = target.body_text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    made = create_anchor(text, start, start + len(quote))
    return {"revision": revision, "exact": made.exact, "prefix": made.prefix, "suffix": made.suffix,
            "start": made.start, "end": made.end}


class Guest(DiscussionGuest):
    """The discussion tests' guest (cookies, CSRF header like the script), posting through the passages API."""

    def call(self, method: str, path: str, payload: dict[str, Any] | None = None) -> Any:
        kwargs: dict[str, Any] = {"HTTP_X_CSRFTOKEN": self.csrf}
        if payload is not None:
            kwargs.update(data=json.dumps(payload), content_type="application/json")
        return getattr(self.client, method)(f"/api/passages{path}", **kwargs)

    def comment_on(
        self, target: Article, anchor: dict[str, Any], body: str = "Which part of the path reopens first?",
        **fields: Any,
    ) -> Any:
        payload = {"anchor": anchor, "body": body, "author_name": "Guest Reader",
                   "idempotency_key": uuid.uuid4().hex, **fields}
        return self.call("post", f"/articles/{target.pk}/comments", payload)
