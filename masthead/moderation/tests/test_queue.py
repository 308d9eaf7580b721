"""The moderators' queue: who may see it, what each row shows, the actions, bulk actions, and its query count."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from masthead.discussion.actions import do_change_status
from masthead.discussion.models import Comment
from masthead.moderation import roles
from masthead.moderation.comments import context_for
from masthead.moderation.models import AuditLog, Ban, ModerationDecision
from masthead.moderation.pipeline import record, screen
from masthead.testing.discussion import make_thread, post_as, reader
from masthead.testing.moderation import staff_user

# Comments here are posted to be flagged or queued by hand; the publisher's automatic rules stay out of the way.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]


def held(thread, body: str, name: str = "troll", network: str = "net-t") -> Comment:
    comment = post_as(thread, reader(name, network=network), body=body, author_name=name.title())
    context = context_for(comment, is_edit=False)
    decision = screen(body, context)
    record(decision, "comment", comment.pk, context, comment=comment)
    return do_change_status(comment, "pending", list(decision.reasons))


@pytest.fixture
def moderator() -> User:
    return staff_user("mod", roles.MODERATORS)


@pytest.fixture
def moderator_client(moderator) -> Client:
    client = Client()
    client.force_login(moderator)
    return client


def test_queue_is_for_moderators_only():
    assert Client().get("/moderation/").status_code == 302
    client = Client()
    client.force_login(User.objects.create_user("reader", password="pw-for-tests-only"))
    assert client.get("/moderation/").status_code == 403
    client.force_login(staff_user("writer", None))
    assert client.get("/moderation/").status_code == 403


def test_pending_row_shows_article_parent_history_scores_and_reasons(moderator_client):
    thread = make_thread(headline="Bridge repairs delayed")
    parent = post_as(thread, reader("ada"), body="The bridge was due in May.")
    comment = post_as(thread, reader("troll", network="net-t"), body="You are a fucking idiot",
                      author_name="Troll", parent_id=parent.pk)
    assert comment.status == "pending"  # posting ran the pipeline and recorded its decision
    page = moderator_client.get("/moderation/?tab=pending").content.decode()
    assert "Bridge repairs delayed" in page
    assert "In reply to Ada: The bridge was due in May." in page
    assert "You are a fucking idiot" in page
    assert re.search(r"toxicity (?:0\.9\d*|1\.0)\b", page)  # a score of 0.99997 is stored rounded: 1.0
    assert page.count("profanity or insult: fucking, idiot") == 1  # the decision's reason, shown once
    assert "masthead-linear" in page
    assert "1 held" in page  # the author's history


def test_approve_and_reject_change_status_store_labels_and_audit(moderator_client, moderator):
    thread = make_thread()
    first = held(thread, "You are a fucking idiot")
    second = held(thread, "Perfectly fine remark about the bridge budget, held by mistake", name="ada")
    response = moderator_client.post(f"/moderation/comments/{second.pk}/decide", {"action": "approve"},
                                     HTTP_ACCEPT="application/json")
    assert response.json() == {"id": second.pk, "status": "visible"}
    response = moderator_client.post(f"/moderation/comments/{first.pk}/decide", {"action": "reject"})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("rejected", "visible")
    labels = ModerationDecision.objects.filter(source="moderator").order_by("id")
    assert [(d.comment_id, d.action, d.actor_id) for d in labels] == [
        (second.pk, "publish", moderator.pk), (first.pk, "reject", moderator.pk)]
    assert labels[1].text == "You are a fucking idiot"
    assert list(AuditLog.objects.order_by("id").values_list("action", flat=True)) == ["comment.publish",
                                                                                        "comment.reject"]
    thread.refresh_from_db()
    assert thread.comment_count == 1


def test_ban_author_bans_cookie_and_network_and_rejects(moderator_client):
    thread = make_thread()
    comment = held(thread, "I know where you live", name="menace", network="net-menace")
    response = moderator_client.post(f"/moderation/comments/{comment.pk}/ban", HTTP_ACCEPT="application/json")
    assert response.json()["bans"] == ["reader", "network"]
    comment.refresh_from_db()
    assert comment.status == "rejected"
    assert set(Ban.objects.values_list("kind", "value")) == {("reader", comment.reader_key),
                                                              ("network", "net-menace")}
    decision = screen("A calm remark now", context_for(comment, is_edit=False))
    assert decision.action == "reject"


def test_editor_may_approve_but_not_ban():
    editor = staff_user("ed", roles.EDITORS)
    client = Client()
    client.force_login(editor)
    comment = held(make_thread(), "I know where you live")
    assert client.post(f"/moderation/comments/{comment.pk}/ban", HTTP_ACCEPT="application/json").status_code == 403
    assert not Ban.objects.exists()
    assert client.post(f"/moderation/comments/{comment.pk}/decide", {"action": "reject"}).status_code == 302


def test_bulk_reject(moderator_client):
    thread = make_thread()
    comments = [held(thread, f"spam number {n} at www.spam{n}.example.com", name=f"s{n}") for n in range(3)]
    response = moderator_client.post("/moderation/bulk", {"action": "reject", "ids": [c.pk for c in comments[:2]]},
                                     HTTP_ACCEPT="application/json")
    assert response.json()["done"] == 2
    assert list(Comment.objects.order_by("pk").values_list("status", flat=True)) == ["rejected", "rejected",
                                                                                     "pending"]


def test_actions_need_post_and_csrf(moderator):
    comment = held(make_thread(), "You are a fucking idiot")
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    assert client.get(f"/moderation/comments/{comment.pk}/decide").status_code == 405
    assert client.post(f"/moderation/comments/{comment.pk}/decide", {"action": "approve"}).status_code == 403
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_queue_page_query_count_does_not_grow_with_the_queue(moderator_client):
    thread = make_thread()
    for n in range(3):
        held(thread, f"You are a fucking idiot number {n}", name=f"t{n}")
    with CaptureQueriesContext(connection) as few:
        assert moderator_client.get("/moderation/").status_code == 200
    for n in range(3, 30):
        held(thread, f"You are a fucking idiot number {n}", name=f"t{n}")
    with CaptureQueriesContext(connection) as many:
        page = moderator_client.get("/moderation/").content.decode()
    assert page.count('class="mq__item"') == 30
    assert len(many) == len(few) <= 12


def test_keyset_pages(moderator_client, monkeypatch):
    from masthead.moderation import queue

    monkeypatch.setattr(queue, "PAGE_SIZE", 2)
    thread = make_thread()
    ids = [held(thread, f"Comment number {n} from a new guest", name=f"g{n}").pk for n in range(5)]
    first = moderator_client.get("/moderation/").content.decode()
    assert f"after={ids[1]}" in first
    second = moderator_client.get(f"/moderation/?after={ids[1]}").content.decode()
    assert f'data-id="{ids[2]}"' in second
    assert f'data-id="{ids[0]}"' not in second


def test_flagged_tab_lists_open_flags_until_a_moderator_decides(moderator_client):
    from masthead.moderation import actions

    comment = post_as(make_thread(), reader("ada"), body="A visible remark someone disliked.")
    actions.do_flag(comment, "g:one", "off_topic", note="not about the ferry", network_hash="net-1")
    page = moderator_client.get("/moderation/?tab=flagged").content.decode()
    assert "A visible remark someone disliked." in page
    assert "flag: Off topic — not about the ferry" in page
    moderator_client.post(f"/moderation/comments/{comment.pk}/decide", {"action": "approve"})
    page = moderator_client.get("/moderation/?tab=flagged").content.decode()
    assert "A visible remark someone disliked." not in page


def test_flagged_tab_lists_only_comments_with_open_flags(moderator_client, monkeypatch):
    from masthead.moderation import actions, queue

    thread = make_thread(headline="Ferry timetable")
    quiet = [post_as(thread, reader(f"q{n}"), body=f"An unreported remark number {n}.") for n in range(3)]
    reported = [post_as(thread, reader(f"r{n}"), body=f"A reported remark number {n}.") for n in range(3)]
    settled = post_as(thread, reader("s"), body="A remark reported, then approved.")
    for n, comment in enumerate([*reported, settled]):
        actions.do_flag(comment, f"g:flagger-{n}", "off_topic", network_hash=f"net-f{n}")
    moderator_client.post(f"/moderation/comments/{settled.pk}/decide", {"action": "approve"})

    page = moderator_client.get("/moderation/?tab=flagged").content.decode()
    for comment in reported:
        assert f'data-id="{comment.pk}"' in page
    for comment in [*quiet, settled]:
        assert f'data-id="{comment.pk}"' not in page
    assert queue.counts()["flagged"] == 3
    assert '>Flagged <span class="mq__count">3</span>' in page

    monkeypatch.setattr(queue, "PAGE_SIZE", 2)  # pages hold only reported comments too
    items, after = queue.load("flagged")
    more, end = queue.load("flagged", after)
    assert [item.comment.pk for item in [*items, *more]] == [comment.pk for comment in reported]
    assert end is None
