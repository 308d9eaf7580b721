"""Comments in the admin: read-only, and approve / hold / reject are a moderator's decisions made through
moderation's actions (role checked, decision recorded, open flags closed, audited), as in the queue."""

from __future__ import annotations

import pytest
from django.test import Client

from masthead.discussion.actions import do_change_status
from masthead.discussion.models import Comment, DiscussionSettings, Thread
from masthead.moderation.models import Action, AuditLog, Flag, ModerationDecision
from masthead.moderation.roles import MODERATORS
from masthead.testing.discussion import make_thread, post_as
from masthead.testing.moderation import staff_user

pytestmark = pytest.mark.django_db


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def moderator_client() -> Client:
    user = staff_user("mod", MODERATORS)
    user.is_superuser = False
    # The admin needs the model permission to list comments; the moderation role decides the action.
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="view_comment"))
    return _client_for(user)


def test_comments_are_read_only_in_the_admin(moderator_client):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    held = post_as(make_thread(), body="<b>waiting</b>", author_email="secret@example.org")
    page = moderator_client.get(f"/admin/discussion/comment/{held.pk}/change/").content.decode()
    assert "edit_token_hash" not in page
    assert "<b>waiting</b>" not in page
    assert moderator_client.get("/admin/discussion/comment/?status=visible").status_code == 200


def test_approving_in_the_admin_is_a_recorded_audited_moderator_decision(moderator_client):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    thread = make_thread()
    held = post_as(thread, body="waiting for a moderator")
    Flag.objects.create(comment=held, reader_key="g:someone", reason=Flag.Reason.SPAM)

    response = moderator_client.post("/admin/discussion/comment/",
                                     {"action": "approve", "_selected_action": [held.pk]})
    assert response.status_code == 302

    assert Comment.objects.get(pk=held.pk).status == Comment.Status.VISIBLE
    assert Thread.objects.get(pk=thread.pk).comment_count == 1
    decision = ModerationDecision.objects.get(comment=held, source=ModerationDecision.Source.MODERATOR)
    assert decision.actor is not None
    assert (decision.action, decision.actor.username) == (Action.PUBLISH, "mod")
    assert not Flag.objects.filter(comment=held, resolved_at__isnull=True).exists()
    entry = AuditLog.objects.get(action="comment.publish", target_id=str(held.pk))
    assert (entry.actor_name, entry.reason) == ("mod", "in the admin")


def test_rejecting_in_the_admin_hides_the_comment_and_is_audited(moderator_client):
    thread = make_thread()
    shown = do_change_status(post_as(thread, body="visible until rejected"), Comment.Status.VISIBLE)
    assert Thread.objects.get(pk=thread.pk).comment_count == 1
    moderator_client.post("/admin/discussion/comment/", {"action": "reject", "_selected_action": [shown.pk]})
    assert Comment.objects.get(pk=shown.pk).status == Comment.Status.REJECTED
    assert Thread.objects.get(pk=thread.pk).comment_count == 0
    assert ModerationDecision.objects.filter(comment=shown, action=Action.REJECT, actor__username="mod").exists()
    assert AuditLog.objects.filter(action="comment.reject", target_id=str(shown.pk)).exists()


def test_staff_without_a_moderation_role_cannot_decide_in_the_admin():
    outsider = staff_user("clerk", None)
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(Permission.objects.get(codename="view_comment"))
    thread = make_thread()
    shown = do_change_status(post_as(thread, body="stays visible"), Comment.Status.VISIBLE)
    response = _client_for(outsider).post("/admin/discussion/comment/",
                                          {"action": "reject", "_selected_action": [shown.pk]}, follow=True)
    assert "You are not allowed to do that." in response.content.decode()
    assert Comment.objects.get(pk=shown.pk).status == Comment.Status.VISIBLE
    assert not ModerationDecision.objects.filter(comment=shown, source=ModerationDecision.Source.MODERATOR).exists()
    assert not AuditLog.objects.filter(target_id=str(shown.pk)).exists()


