"""Schemathesis fuzzes the discussion's part of the OpenAPI schema in-process: no input makes a server error."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret  # type: ignore[attr-defined]  # private
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok

from masthead.discussion.actions import thread_for_article
from masthead.testing.discussion import make_article, post_as, reader


@pytest.fixture
def discussion(db):
    thread = thread_for_article(make_article())
    parent = post_as(thread, reader("someone"), body="A parent to reply to and vote on.")
    return thread, parent


def test_discussion_api_has_no_server_errors(discussion):
    # Like Django's test client: the WSGI handler must not close the test's connection after each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        _fuzz(*discussion)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _fuzz(thread, parent):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    results = list(schema.include(path_regex="^/api/discussion/").get_all_operations())
    operations = [result.ok() for result in results if isinstance(result, Ok)]
    assert len(operations) == len(results), [result for result in results if not isinstance(result, Ok)]
    assert len(operations) >= 6

    def call(case):
        # Point most generated ids at real rows so the write paths run deep, not only into 404s.
        if "thread_id" in (case.path_parameters or {}) and case.path_parameters["thread_id"] % 3:
            case.path_parameters["thread_id"] = thread.pk
        if "comment_id" in (case.path_parameters or {}) and case.path_parameters["comment_id"] % 3:
            case.path_parameters["comment_id"] = parent.pk
        secret = _get_new_csrf_string()
        response = case.call(headers={"X-CSRFToken": _mask_cipher_secret(secret)}, cookies={"csrftoken": secret})
        case.validate_response(response, checks=[not_a_server_error])

    for operation in operations:
        run = settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))(
            given(case=operation.as_strategy())(call)
        )
        run()


def test_a_page_of_comments_is_exactly_the_documented_shape(db, relaxed_moderation):
    """The list endpoint builds its answer without ninja's output check: it must still be CommentPageOut, field
    for field, for roots, replies, edited comments and tombstones."""
    from django.test import Client

    from masthead.discussion.actions import do_delete_comment, do_edit_comment
    from masthead.discussion.api import CommentOut, CommentPageOut

    thread = thread_for_article(make_article())
    author = reader("author")
    root = post_as(thread, author, body="A root that will be deleted.")
    post_as(thread, reader("other"), body="A reply that keeps the root as a tombstone.", parent_id=root.pk)
    edited = post_as(thread, author, body="Written once.")
    moderator = reader("moderator", staff=True)
    do_edit_comment(edited, moderator, "Written twice.")
    do_delete_comment(root, moderator)

    answer = Client().get(f"/api/discussion/threads/{thread.pk}/comments", {"sort": "oldest", "limit": "1"})
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/json; charset=utf-8"
    data = answer.json()
    page = CommentPageOut.model_validate(data)  # raises on a missing field or a wrong type
    assert set(data) == set(CommentPageOut.model_fields)
    assert all(set(comment) == set(CommentOut.model_fields) for comment in data["comments"])
    assert [c.status for c in page.comments] == ["deleted", "visible"]  # the tombstone, then its reply
    assert page.comments[0].body_html == ""
    assert page.comments[0].author_name == ""
    assert page.next  # one root per page: a cursor to the next
    rest = Client().get(f"/api/discussion/threads/{thread.pk}/comments",
                        {"sort": "oldest", "limit": "1", "after": page.next or ""}).json()
    (second,) = CommentPageOut.model_validate(rest).comments
    assert second.edited_at is not None
    assert "twice" in second.body_html
    assert rest["comments"][0]["created_at"].endswith("Z")  # ninja's JSON encoding of datetimes, as before
