"""One error for every app's refusals (core/errors.py), answered the same way by every JSON endpoint."""

from __future__ import annotations

import pytest
from django.http import HttpResponse

from masthead.accounts.actions import AccountsError
from masthead.core.errors import ActionError, answer_headers
from masthead.discussion.actions import DiscussionError
from masthead.discussion.vote_limits import VoteLimitReached
from masthead.funding.actions import FundingError
from masthead.moderation.actions import ModerationError
from masthead.notifications.actions import NotificationError
from masthead.passages.actions import PassageError
from masthead.testing.discussion import make_thread


@pytest.mark.parametrize("error_class", [AccountsError, DiscussionError, FundingError, ModerationError,
                                         NotificationError, PassageError, VoteLimitReached])
def test_every_apps_refusal_is_an_action_error_with_the_same_fields(error_class):
    error = error_class("Wait a little.", 429, "rate_limited", field="body", retry_after=7)
    assert isinstance(error, ActionError)
    assert str(error) == error.message == "Wait a little."
    assert error.as_json() == {"detail": "Wait a little.", "code": "rate_limited", "field": "body"}
    assert answer_headers(HttpResponse(status=429), error)["Retry-After"] == "7"


def test_defaults_and_no_retry_after_header_without_a_wait():
    error = FundingError("No.")
    assert (error.status, error.code, error.field, error.retry_after) == (400, "invalid", None, None)
    assert error.as_json() == {"detail": "No.", "code": "invalid"}
    assert "Retry-After" not in answer_headers(HttpResponse(status=400), error)


def test_a_passage_error_keeps_what_the_discussion_said():
    said = DiscussionError("Too fast.", 429, "rate_limited", field="body", retry_after=3)
    passed_on = PassageError.from_discussion(said)
    assert passed_on.as_json() == said.as_json()
    assert (passed_on.status, passed_on.retry_after) == (429, 3)


@pytest.mark.django_db
def test_the_api_answers_a_refusal_it_did_not_catch_with_status_detail_and_code(client):
    thread = make_thread(status="draft")  # an unpublished article's discussion is not readable
    response = client.get(f"/api/discussion/threads/{thread.pk}/comments")
    assert response.status_code == 404
    assert response.json() == {"detail": "No such discussion.", "code": "not_found"}
