"""Readers flag comments with a reason; enough flags from different readers hold a visible comment."""

from __future__ import annotations

import pytest

from masthead.moderation import actions
from masthead.moderation.models import AuditLog, Flag, ModerationDecision, ModerationSettings
from masthead.testing.discussion import make_thread, post_as, reader

# Comments here are posted to be flagged or queued by hand; the publisher's automatic rules stay out of the way.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]


@pytest.fixture
def comment():
    return post_as(make_thread(), reader("author", network="net-author"), body="A sharp but legal opinion.")


def test_three_readers_on_different_networks_hold_the_comment(comment):
    assert not actions.do_flag(comment, "g:one", "abuse", network_hash="net-1")
    assert not actions.do_flag(comment, "g:two", "hate", note="slur in the last line", network_hash="net-2")
    assert actions.do_flag(comment, "g:three", "abuse", network_hash="net-3")
    comment.refresh_from_db()
    assert comment.status == "pending"
    assert comment.moderation_reasons == ["flagged by 3 readers"]
    assert ModerationDecision.objects.get(source="flags").action == "hold"
    assert AuditLog.objects.get().action == "comment.hold_by_flags"
    comment.thread.refresh_from_db()
    assert comment.thread.comment_count == 0


def test_one_reader_flags_once(comment):
    actions.do_flag(comment, "g:one", "abuse", network_hash="net-1")
    actions.do_flag(comment, "g:one", "spam", network_hash="net-1")
    assert Flag.objects.count() == 1


def test_many_cookies_on_one_network_cannot_hold_alone(comment):
    for n in range(5):
        actions.do_flag(comment, f"g:sock{n}", "abuse", network_hash="net-sock")
    comment.refresh_from_db()
    assert comment.status == "visible"


def test_threshold_is_a_setting(comment):
    ModerationSettings.objects.update_or_create(pk=1, defaults={"flags_to_hold": 1})
    assert actions.do_flag(comment, "g:one", "threat", network_hash="net-1")


@pytest.mark.parametrize(("reader_key", "reason", "status"), [
    ("g:one", "not-a-reason", 400), ("", "abuse", 400), ("AUTHOR", "abuse", 403)])
def test_invalid_flags_are_refused(comment, reader_key, reason, status):
    with pytest.raises(actions.ModerationError) as error:
        actions.do_flag(comment, comment.reader_key if reader_key == "AUTHOR" else reader_key, reason)
    assert error.value.status == status


def test_moderator_decision_resolves_open_flags(comment):
    from masthead.moderation.roles import MODERATORS
    from masthead.testing.moderation import staff_user

    actions.do_flag(comment, "g:one", "abuse", network_hash="net-1")
    actions.do_decide_comment(staff_user("mod", MODERATORS), comment, "publish")
    assert Flag.objects.get().resolved_at is not None


def test_flag_endpoint_for_readers(comment):
    from django.test import Client

    client = Client(REMOTE_ADDR="198.51.100.20")
    url = f"/moderation/comments/{comment.pk}/flag"
    response = client.post(url, {"reason": "spam"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json() == {"flagged": True}
    assert Flag.objects.get().reason == "spam"
    assert client.post(url, {"reason": "??"}, HTTP_ACCEPT="application/json").status_code == 400


def test_readers_without_javascript_report_through_a_form(comment):
    from django.test import Client

    client = Client(REMOTE_ADDR="198.51.100.21", enforce_csrf_checks=True)
    url = f"/moderation/comments/{comment.pk}/flag"
    form = client.get(url)
    assert form.status_code == 200
    page = form.content.decode()
    assert 'value="threat"' in page
    assert "noindex" in page
    token = form.cookies["csrftoken"].value
    assert client.post(url, {"reason": "threat"}).status_code == 403  # no CSRF token
    done = client.post(url, {"reason": "threat", "csrfmiddlewaretoken": token})
    assert done.status_code == 200
    assert "Thank you" in done.content.decode()
    assert Flag.objects.get().reason == "threat"


def test_hidden_comments_cannot_be_reported(comment):
    from django.test import Client

    from masthead.discussion.actions import do_change_status

    do_change_status(comment, "pending", ["held"])
    assert Client().get(f"/moderation/comments/{comment.pk}/flag").status_code == 404
