"""SECURITY.md, mass assignment: input schemas accept only client-settable fields, never approval, staff, score,
author or timestamps.

Every write operation the API publishes is sent a valid body plus each field a client must not set, on every
nesting level; each must answer 400 and change nothing. The plain forms (which Django would let carry any field)
must ignore such fields. ``discussion/tests/test_security.py`` and ``passages/tests/test_passage_comments_api.py``
check the comment bodies; this covers every operation, nested objects, and the forms.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment, DiscussionSettings, Vote
from masthead.passages.models import PassageAnchor, PassageQuestion
from masthead.testing.passages import Guest, anchor_payload, article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]

QUOTE = "the vote was seven to two"
FORBIDDEN: dict[str, Any] = {
    "status": "visible", "approved": True, "is_approved": True, "is_staff": True, "staff": True, "score": 99,
    "upvotes": 99, "downvotes": 0, "reply_count": 7, "author": "Editor", "user": 1, "user_id": 1,
    "author_id": 1, "created_at": "2001-01-01T00:00:00Z", "edited_at": None, "updated_at": "2001-01-01",
    "published_at": "2001-01-01", "id": 1, "thread_id": 1, "article_id": 1, "network_hash": "x", "reader_key": "x",
    "edit_token_hash": "x", "is_open": True, "depth": 0, "path": "0001",
}


@pytest.fixture
def scene(settings) -> dict[str, Any]:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    target = article()
    thread = thread_for_article(target)
    guest = Guest()
    guest.open(target.get_absolute_url())
    own = guest.post_comment(thread, "My own comment.").json()["id"]
    other = Guest(remote_addr="203.0.113.8")
    other.open(target.get_absolute_url())
    theirs = other.post_comment(thread, "Someone else's comment.").json()["id"]
    editor = Guest()
    editor.client.force_login(get_user_model().objects.create_user("desk", "desk@example.org", "pw-desk-1234",
                                                                    is_staff=True))
    return {"article": target, "thread": thread, "guest": guest, "editor": editor, "own": own, "theirs": theirs}


def _writes(scene: dict[str, Any]) -> dict[tuple[str, str], tuple[Guest, str, dict[str, Any]]]:
    """A valid call of every write operation: (method, schema path) -> (who, path, body)."""
    target, thread, guest = scene["article"], scene["thread"], scene["guest"]
    anchor = anchor_payload(target, QUOTE)
    return {
        ("post", "/api/discussion/threads/{thread_id}/comments"):
            (guest, f"/api/discussion/threads/{thread.pk}/comments",
             {"body": "A new comment.", "author_name": "Guest Reader"}),
        ("put", "/api/discussion/comments/{comment_id}"):
            (guest, f"/api/discussion/comments/{scene['own']}", {"body": "My edited comment."}),
        ("post", "/api/discussion/comments/{comment_id}/vote"):
            (guest, f"/api/discussion/comments/{scene['theirs']}/vote", {"value": 1}),
        ("post", "/api/passages/articles/{article_id}/comments"):
            (guest, f"/api/passages/articles/{target.pk}/comments",
             {"anchor": anchor, "body": "On this passage.", "author_name": "Guest Reader"}),
        ("post", "/api/passages/articles/{article_id}/questions"):
            (scene["editor"], f"/api/passages/articles/{target.pk}/questions", {"anchor": anchor, "text": "Right?"}),
    }


def _send(who: Guest, method: str, path: str, body: dict[str, Any]) -> Any:
    return getattr(who.client, method)(path, data=json.dumps(body), content_type="application/json",
                                       HTTP_X_CSRFTOKEN=who.csrf)


def _state() -> tuple[Any, ...]:
    comments = tuple(Comment.objects.order_by("pk").values_list("pk", "status", "score", "body", "user_id",
                                                                  "created_at", "edited_at"))
    return comments, Vote.objects.count(), PassageAnchor.objects.count(), PassageQuestion.objects.count()


def test_every_write_operation_refuses_fields_a_client_may_not_set(scene):
    schema = json.loads(Client().get("/api/openapi.json").content)
    writes = _writes(scene)
    published = {(method, path) for path, operations in schema["paths"].items() for method, operation in
                 operations.items() if "requestBody" in operation}
    assert published == set(writes), f"teach this test a valid call of {published ^ set(writes)}"
    before = _state()
    for (method, _), (who, path, body) in writes.items():
        nested = [key for key, value in body.items() if isinstance(value, dict)]
        for field, value in FORBIDDEN.items():
            for where in [None, *nested]:
                sent = {**body, field: value} if where is None else {**body, where: {**body[where], field: value}}
                response = _send(who, method, path, sent)
                assert response.status_code == 400, (path, where, field, response.status_code)
    assert _state() == before
    for (method, _), (who, path, body) in writes.items():  # the same calls without the extras are accepted
        assert _send(who, method, path, body).status_code in (200, 201), path


def _properties(schema: dict[str, Any], node: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every object schema reachable from ``node``, with its name."""
    found, stack, seen = [], [node], set()
    while stack:
        current = stack.pop()
        if "$ref" in current:
            name = current["$ref"].rsplit("/", 1)[1]
            if name not in seen:
                seen.add(name)
                target = schema["components"]["schemas"][name]
                found.append((name, target))
                stack.extend(target.get("properties", {}).values())
            continue
        for key in ("anyOf", "allOf", "oneOf"):
            stack.extend(current.get(key, []))
        if "items" in current:
            stack.append(current["items"])
        stack.extend(current.get("properties", {}).values())
    return found


def test_input_schemas_forbid_unknown_fields_and_name_no_server_field():
    schema = json.loads(Client().get("/api/openapi.json").content)
    inputs = []
    for operations in schema["paths"].values():
        for operation in operations.values():
            content = operation.get("requestBody", {}).get("content", {})
            for media in content.values():
                inputs.extend(_properties(schema, media["schema"]))
    assert {"CommentIn", "AnchorIn"} <= {name for name, _ in inputs}
    for name, input_schema in inputs:
        assert input_schema.get("additionalProperties") is False, name
        assert not set(input_schema.get("properties", {})) & set(FORBIDDEN), name


def test_plain_forms_ignore_status_and_author_fields(scene, django_user_model):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    thread, guest = scene["thread"], scene["guest"]
    sneaky = {"status": "visible", "score": "99", "user": "1", "user_id": "1", "created_at": "2001-01-01"}
    response = guest.form_post(f"/discussion/threads/{thread.pk}/comments",
                               {"body": "Held, whatever I say.", "author_name": "Guest Reader", **sneaky})
    assert response.status_code == 302
    posted = Comment.objects.get(body="Held, whatever I say.")
    assert (posted.status, posted.score, posted.user_id) == (Comment.Status.PENDING, 0, None)
    assert posted.created_at.year != 2001

    reader = Client()
    user = django_user_model.objects.create_user("plain", "plain@example.org", "pw-plain-1234")
    reader.force_login(user)
    assert reader.post("/account/name", {"display_name": "Plain Reader", "is_staff": "1", "is_superuser": "1",
                                         "email": "boss@example.org"}).status_code == 302
    user.refresh_from_db()
    assert (user.is_staff, user.is_superuser, user.email) == (False, False, "plain@example.org")
