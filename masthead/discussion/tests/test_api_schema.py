"""Schemathesis fuzzes the discussion's part of the OpenAPI schema in-process: no input makes a server error."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from masthead.discussion.actions import thread_for_article
from masthead.discussion.tests.helpers import make_article, post_as, reader


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
    operations = [result.ok() for result in schema.include(path_regex="^/api/discussion/").get_all_operations()]
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
