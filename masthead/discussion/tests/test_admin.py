"""The admin: publisher settings edited in one row; comments viewed read-only and approved through actions."""

import pytest

from masthead.discussion.config import discussion_settings
from masthead.discussion.models import Comment, DiscussionSettings, Thread
from masthead.testing.discussion import make_thread, post_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "x" * 12)
    client.force_login(admin)
    return client


def test_publisher_turns_on_premoderation_in_the_admin(staff_client):
    assert discussion_settings().premoderation is False
    DiscussionSettings.objects.get_or_create(pk=1)
    response = staff_client.post("/admin/discussion/discussionsettings/1/change/", {
        "premoderation": "on", "edit_window_minutes": "30", "max_depth": "2", "page_size": "10",
        "guest_votes_per_network": "2"})
    assert response.status_code == 302
    options = discussion_settings()
    assert (options.premoderation, options.edit_window_minutes, options.max_depth) == (True, 30, 2)
    assert options.guest_votes_per_network == 2
    assert staff_client.post("/admin/discussion/discussionsettings/1/change/", {
        "edit_window_minutes": "30", "max_depth": "99", "page_size": "10",
        "guest_votes_per_network": "1"}).status_code == 200  # refused: cap
    assert staff_client.post("/admin/discussion/discussionsettings/1/change/", {
        "edit_window_minutes": "30", "max_depth": "2", "page_size": "10",
        "guest_votes_per_network": "11"}).status_code == 200  # refused: at most 10
    assert discussion_settings().guest_votes_per_network == 2


def test_comments_are_read_only_in_the_admin_and_approved_through_actions(staff_client):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    thread = make_thread()
    held = post_as(thread, body="<b>waiting</b>", author_email="secret@example.org")
    page = staff_client.get(f"/admin/discussion/comment/{held.pk}/change/").content.decode()
    assert "edit_token_hash" not in page
    assert "<b>waiting</b>" not in page
    staff_client.post("/admin/discussion/comment/", {"action": "approve", "_selected_action": [held.pk]})
    assert Comment.objects.get(pk=held.pk).status == Comment.Status.VISIBLE
    assert Thread.objects.get(pk=thread.pk).comment_count == 1
    assert staff_client.get("/admin/discussion/comment/?status=visible").status_code == 200
