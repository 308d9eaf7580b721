"""Personas and shortcuts for the discussion tests: a guest with a real browser-like client (cookies, CSRF)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.test import Client

from masthead.discussion.actions import NewComment, submit_comment, thread_for_article
from masthead.discussion.models import Comment, Thread
from masthead.discussion.readers import Reader
from masthead.testing.articles import make_article

__all__ = ["Guest", "make_article", "make_thread", "post_as", "reader"]


def make_thread(**article_fields: Any) -> Thread:
    return thread_for_article(make_article(**article_fields))


def reader(name: str = "guest", *, network: str = "net-a", user_id: int | None = None, staff: bool = False) -> Reader:
    """A reader as actions see one; ``name`` stands for their guest cookie."""
    return Reader(user_id=user_id, is_staff=staff, reader_id=f"reader-{name}-0000000000", network_hash=network)


def post_as(thread: Thread, who: Reader | None = None, body: str = "A comment.", **fields: Any) -> Comment:
    who = who or reader()
    fields.setdefault("author_name", "Ada")
    return submit_comment(thread, who, NewComment(body=body, **fields)).comment


class Guest:
    """A guest in a browser: keeps cookies, reads the CSRF token from the page, sends it like the script does."""

    def __init__(self, remote_addr: str = "198.51.100.7", client: Client | None = None) -> None:
        self.client = client or Client(enforce_csrf_checks=True, REMOTE_ADDR=remote_addr)

    def open(self, url: str) -> Any:
        response = self.client.get(url)
        assert response.status_code == 200, response.status_code
        return response

    @property
    def csrf(self) -> str:
        # Article pages are shared by anonymous readers and mint no token; a client without Fetch Metadata
        # headers (this one) gets its csrftoken cookie from a page that does.
        if "csrftoken" not in self.client.cookies:
            assert self.client.get("/account/").status_code == 200
        return self.client.cookies["csrftoken"].value

    def api(self, method: str, path: str, payload: dict[str, Any] | None = None, **extra: Any) -> Any:
        call = getattr(self.client, method)
        kwargs: dict[str, Any] = {"HTTP_X_CSRFTOKEN": self.csrf, **extra}
        if payload is not None:
            kwargs.update(data=json.dumps(payload), content_type="application/json")
        return call(f"/api/discussion{path}", **kwargs)

    def post_comment(self, thread: Thread, body: str = "Hello there.", **fields: Any) -> Any:
        payload = {"body": body, "author_name": "Guest Reader", "idempotency_key": uuid.uuid4().hex, **fields}
        return self.api("post", f"/threads/{thread.pk}/comments", payload)

    def form_post(self, url: str, data: dict[str, Any]) -> Any:
        return self.client.post(url, {"csrfmiddlewaretoken": self.csrf, **data})
