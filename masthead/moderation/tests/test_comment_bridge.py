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


def _queries_of(work):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        result = work()
    return result, [q["sql"] for q in queries]


def test_the_ban_the_duplicate_and_the_authors_history_are_one_query():
    from masthead.moderation.models import Ban

    thread = make_thread()
    guest = reader("regular", network="net-regular")
    earlier = post_as(thread, guest, body="An earlier comment, long enough to count as a repeat of itself.")
    do_change_status(earlier, Comment.Status.VISIBLE)
    (decision, context), sql = _queries_of(lambda: screen_comment(
        unsaved(thread, guest, "An earlier comment, long enough to count as a repeat of itself."), is_edit=False))
    assert len(sql) == 1  # settings and word rules are cached; the rate limits live in the cache
    assert context.approved_count == 1  # published before: no first-comment review
    assert decision.action == "hold"
    assert any(reason.startswith("duplicate") for reason in decision.reasons)

    Ban.objects.create(kind=Ban.Kind.NETWORK, value="net-regular", shadow=True)
    decision, _ = screen_comment(unsaved(thread, guest, "Something new and calm."), is_edit=False)
    assert (decision.action, decision.shadow, decision.reasons[0]) == ("hold", True, "shadow-banned (network)")
    Ban.objects.create(kind=Ban.Kind.READER, value=guest.author_key)
    decision, _ = screen_comment(unsaved(thread, guest, "Something else, calm."), is_edit=False)
    assert (decision.action, decision.reasons) == ("reject", ("banned (reader)",))


def test_an_edit_of_the_only_published_comment_is_not_published_before():
    thread = make_thread()
    guest = reader("once", network="net-once")
    only = post_as(thread, guest, body="My only comment.")
    do_change_status(only, Comment.Status.VISIBLE)
    _, context = screen_comment(Comment.objects.get(pk=only.pk), is_edit=True)
    assert context.approved_count == 0
    _, context = screen_comment(unsaved(thread, guest, "A second one."), is_edit=False)
    assert context.approved_count == 1
