"""Schemathesis fuzzes the passages part of the OpenAPI schema in-process: no input makes a server error."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret  # type: ignore[attr-defined]  # private
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok

from masthead.testing.passages import Guest, anchor_payload, article


@pytest.fixture
def commented(db):
    target = article()
    guest = Guest()
    guest.open(target.get_absolute_url())
    response = guest.comment_on(target, anchor_payload(target, "the vote was seven to two"))
    return target, response.json()["passage"]["id"]


def test_passages_api_has_no_server_errors(commented):
    request_started.disconnect(close_old_connections)  # keep the test's connection, like the test client
    request_finished.disconnect(close_old_connections)
    try:
        _fuzz(*commented)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _fuzz(target, anchor_id):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    results = list(schema.include(path_regex="^/api/passages/").get_all_operations())
    operations = [result.ok() for result in results if isinstance(result, Ok)]
    assert len(operations) == len(results), [result for result in results if not isinstance(result, Ok)]
    assert len(operations) == 5

    def call(case):
        params = case.path_parameters or {}
        if "article_id" in params and params["article_id"] % 3:
            params["article_id"] = target.pk
        if "anchor_id" in params and params["anchor_id"] % 3:
            params["anchor_id"] = anchor_id
        if isinstance(case.body, dict) and isinstance(case.body.get("anchor"), dict) and len(str(case.body)) % 2:
            case.body["anchor"].update(anchor_payload(target, "The path will reopen in May."))  # deep paths too
        secret = _get_new_csrf_string()
        response = case.call(headers={"X-CSRFToken": _mask_cipher_secret(secret)}, cookies={"csrftoken": secret})
        case.validate_response(response, checks=[not_a_server_error])

    for operation in operations:
        run = settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))(
            given(case=operation.as_strategy())(call)
        )
        run()
