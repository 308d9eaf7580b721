"""The bridge the discussion hook calls: a Comment about to be saved becomes a screening context and decision."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from masthead.discussion.actions import do_change_status
from masthead.discussion.models import Comment
from masthead.moderation import actions, roles
from masthead.moderation.comments import email_hash, record_comment_decision, screen_comment
from masthead.moderation.models import ModerationDecision
from masthead.testing.discussion import make_thread, post_as, reader
from masthead.testing.moderation import staff_user

pytestmark = pytest.mark.django_db


def unsaved(thread, who, body: str, **fields) -> Comment:
    return Comment(thread=thread, user_id=who.user_id, network_hash=who.network_hash, reader_key=who.author_key,
                   body=body, author_name="Ada", created_at=timezone.now(), **fields)


def test_new_guest_is_held_then_published_after_an_approved_comment():
    thread = make_thread()
    guest = reader("newcomer", network="net-new")
    decision, context = screen_comment(unsaved(thread, guest, "Hello, first time here."), is_edit=False)
    assert (decision.action, context.tier, context.approved_count) == ("hold", "guest", 0)
    earlier = post_as(thread, guest, body="An earlier comment that was published.")
    assert earlier.status == Comment.Status.PENDING  # held as the guest's first comment, until approved
    do_change_status(earlier, Comment.Status.VISIBLE)
    decision, _ = screen_comment(unsaved(thread, guest, "Hello again."), is_edit=False)
    assert decision.action == "publish"


def test_account_holder_and_staff_tiers():
    thread = make_thread()
    user = User.objects.create_user("reader", password="pw-for-tests-only")
    decision, context = screen_comment(unsaved(thread, reader("acct", user_id=user.pk), "Fine words."),
                                       is_edit=False)
    assert (context.tier, context.account_id, decision.action) == ("account", user.pk, "publish")
    decision, context = screen_comment(unsaved(thread, reader("boss"), "fuck it"), is_edit=False, is_staff=True)
    assert (context.tier, decision.action) == ("staff", "publish")


def test_posting_through_the_discussion_stores_the_decision_against_the_comment():
    thread = make_thread()
    comment = post_as(thread, reader("ada"), body="Something calm and kind.")
    stored = ModerationDecision.objects.get()
    assert (stored.comment, stored.action, stored.tier) == (comment, "hold", "guest")
    assert stored.model_id
    assert stored.model_version
    decision, context = screen_comment(comment, is_edit=True)
    record_comment_decision(decision, comment, context)
    assert ModerationDecision.objects.filter(comment=comment).count() == 2


def test_banning_from_a_comment_covers_email_too():
    thread = make_thread()
    comment = post_as(thread, reader("spammer", network="net-spam"), body="Buy things", author_email="s@example.com")
    actions.do_ban_comment_author(staff_user("mod", roles.MODERATORS), comment)
    fresh = unsaved(thread, reader("spammer-new-cookie", network="net-elsewhere"), "hi again",
                    author_email="S@Example.com")
    decision, _ = screen_comment(fresh, is_edit=False)
    assert decision.reasons == ("banned (email)",)
    assert email_hash("s@example.com") == email_hash(" S@EXAMPLE.COM ")
