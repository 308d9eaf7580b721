"""Posting comments and replies through the API and the plain form: tree, depth cap, quotes, idempotency."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from masthead.discussion.actions import (
    _IDEMPOTENCY_KEY,
    FORM_KEY_MINUTES,
    DiscussionError,
    NewComment,
    submit_comment,
    thread_for_article,
    with_form_key,
)
from masthead.discussion.models import Comment, DiscussionSettings, Thread
from masthead.testing.discussion import Guest, make_article, make_thread, post_as, reader

pytestmark = pytest.mark.django_db


def test_guest_posts_through_the_api_and_sees_it_on_the_page(guest):
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    response = guest.post_comment(thread, "Hello *river* people")
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "visible"
    assert data["body_html"] == "<p>Hello <em>river</em> people</p>\n"
    assert f'id="comment-{data["id"]}"' in data["html"]
    page = guest.open(article.get_absolute_url()).content.decode()
    assert "Hello <em>river</em> people" in page
    assert '<span class="comment-count">1</span> Comment' in page
    thread.refresh_from_db()
    assert thread.comment_count == 1


def test_guest_posts_with_the_plain_form_and_is_sent_back_to_the_comment(guest):
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    response = guest.form_post(
        f"/discussion/threads/{thread.pk}/comments",
        {"body": "No script needed.", "author_name": "Plain Form", "idempotency_key": uuid.uuid4().hex},
    )
    comment = Comment.objects.get(thread=thread)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{article.get_absolute_url()}?sort=newest&seen=")
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    assert "No script needed." in guest.open(article.get_absolute_url()).content.decode()


def test_plain_form_reply_link_prepares_the_form_for_that_comment(guest):
    article = make_article()
    thread = thread_for_article(article)
    parent = post_as(thread, body="The parent says hello.", author_name="Parent Person")
    page = guest.open(f"{article.get_absolute_url()}?replyto={parent.pk}").content.decode()
    assert "Replying to <strong class=\"reply-name\">Parent Person</strong>" in page
    assert f'name="parent" value="{parent.pk}"' in page
    guest.form_post(f"/discussion/threads/{thread.pk}/comments",
                    {"body": "A reply.", "author_name": "Replier", "parent": str(parent.pk)})
    reply = Comment.objects.get(thread=thread, parent=parent)
    assert reply.depth == 1
    assert reply.root_id == parent.pk


def test_replies_form_a_tree_with_paths_and_reply_counts():
    thread = make_thread()
    root = post_as(thread, body="root")
    child = post_as(thread, body="child", parent_id=root.pk)
    grandchild = post_as(thread, body="grandchild", parent_id=child.pk)
    assert (child.parent_id, child.root_id, child.depth) == (root.pk, root.pk, 1)
    assert grandchild.path.startswith(child.path)
    assert grandchild.depth == 2
    root.refresh_from_db()
    child.refresh_from_db()
    assert root.reply_count == 2
    assert child.reply_count == 1


def test_replies_deeper_than_the_cap_attach_at_the_cap_and_name_whom_they_answer(guest):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"max_depth": 2})
    article = make_article()
    thread = thread_for_article(article)
    a = post_as(thread, body="level 0")
    b = post_as(thread, body="level 1", parent_id=a.pk)
    c = post_as(thread, body="level 2", parent_id=b.pk, author_name="Deep Diver")
    d = post_as(thread, body="would be level 3", parent_id=c.pk)
    assert d.depth == 2
    assert d.parent_id == b.pk
    assert d.in_reply_to_id == c.pk
    page = guest.open(article.get_absolute_url()).content.decode()
    assert f'href="#comment-{c.pk}">@Deep Diver</a>' in page
    # Display order: a, b, c, d (d sits after c under b).
    order = [page.index(f'id="comment-{x.pk}"') for x in (a, b, c, d)]
    assert order == sorted(order)


def test_a_reply_can_quote_part_of_its_parent(guest):
    article = make_article()
    thread = thread_for_article(article)
    parent = post_as(thread, body="The bridge **reopens** on Monday, the council says.")
    guest.open(article.get_absolute_url())
    ok = guest.post_comment(thread, "Which Monday?", parent_id=parent.pk, quote="bridge reopens on Monday")
    assert ok.status_code == 201
    assert ok.json()["quote"] == "bridge reopens on Monday"
    assert '<blockquote class="comment-quote">bridge reopens on Monday</blockquote>' in ok.json()["html"]
    forged = guest.post_comment(thread, "Made up", parent_id=parent.pk, quote="the bridge is closed forever")
    assert forged.status_code == 400
    assert forged.json()["code"] == "bad_quote"


def test_replies_only_to_a_visible_comment_of_the_same_thread():
    thread, other = make_thread(), make_thread()
    elsewhere = post_as(other)
    with pytest.raises(DiscussionError) as error:
        post_as(thread, parent_id=elsewhere.pk)
    assert error.value.status == 400


def test_a_retried_submission_returns_the_first_result_never_a_duplicate(guest):
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    key = uuid.uuid4().hex
    first = guest.post_comment(thread, "Only once", idempotency_key=key)
    again = guest.post_comment(thread, "Only once", idempotency_key=key)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Comment.objects.filter(thread=thread).count() == 1
    assert Thread.objects.get(pk=thread.pk).comment_count == 1


def test_someone_else_replaying_a_key_gets_a_conflict_not_the_comment(guest, other_guest):
    article = make_article()
    thread = thread_for_article(article)
    for person in (guest, other_guest):
        person.open(article.get_absolute_url())
    key = uuid.uuid4().hex
    assert guest.post_comment(thread, "Mine", idempotency_key=key).status_code == 201
    replay = other_guest.post_comment(thread, "Theirs", idempotency_key=key)
    assert replay.status_code == 409
    assert "Mine" not in replay.content.decode()


def test_posting_in_a_closed_discussion_is_refused(guest):
    article = make_article(discussion_open=False)
    page = guest.open(article.get_absolute_url()).content.decode()
    assert "Comments are closed." in page
    response = guest.post_comment(thread_for_article(article), "Let me in")
    assert response.status_code == 403


def test_a_draft_articles_discussion_does_not_exist_for_readers(guest):
    article = make_article()
    thread = thread_for_article(article)
    guest.open(article.get_absolute_url())
    type(article).objects.filter(pk=article.pk).update(status="draft")
    assert guest.post_comment(thread, "Early").status_code == 404
    assert guest.client.get(f"/api/discussion/threads/{thread.pk}/comments").status_code == 404
    assert guest.client.get(f"/discussion/threads/{thread.pk}/page").status_code == 404


def test_signed_in_readers_post_under_their_account_name():
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("sam", password="x" * 12, first_name="Sam", last_name="Okoro")
    thread = make_thread()
    who = reader("sam", user_id=user.pk)
    who.display_name = "Sam Okoro"
    result = submit_comment(thread, who, NewComment(body="As myself", author_name="Somebody Else"))
    assert result.comment.author_name == "Sam Okoro"
    assert result.comment.user_id == user.pk
    assert result.edit_token is None


def test_with_no_nesting_allowed_every_reply_is_top_level_and_names_whom_it_answers():
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"max_depth": 0})
    thread = make_thread()
    first = post_as(thread, body="first")
    answer = post_as(thread, body="answer", parent_id=first.pk)
    assert (answer.depth, answer.parent_id, answer.root_id, answer.in_reply_to_id) == (0, None, answer.pk, first.pk)


def test_guests_cannot_post_under_an_authors_byline(guest):
    from masthead.testing.articles import make_author

    make_author("Rosa Delgado")
    article = make_article()
    guest.open(article.get_absolute_url())
    response = guest.post_comment(thread_for_article(article), "As Rosa", author_name="rosa  DELGADO")
    assert response.status_code == 400
    assert response.json()["code"] == "name_reserved"


def _form(client, thread, body: str, **fields):
    """The plain form as a browser without JavaScript sends it: no idempotency key (the page is shared)."""
    guest = Guest(client=client)
    guest.open(thread.article.get_absolute_url())
    return guest.form_post(f"/discussion/threads/{thread.pk}/comments",
                           {"body": body, "author_name": "Plain Form", "idempotency_key": "", **fields})


def test_a_form_sent_twice_without_javascript_posts_once(relaxed_moderation):
    # A double click, or a browser resending the form: the second request carries no cookie yet either (the
    # first answer, which would set it, is the one the browser dropped).
    thread = make_thread()
    first = _form(Client(REMOTE_ADDR="198.51.100.7"), thread, "The ferry left twenty minutes late again.")
    second = _form(Client(REMOTE_ADDR="198.51.100.7"), thread, "The ferry left twenty minutes late again.")
    comment = Comment.objects.get(thread=thread)
    assert first.status_code == second.status_code == 302
    assert first["Location"].endswith(f"#comment-{comment.pk}")
    assert second["Location"].endswith(f"#comment-{comment.pk}")
    thread.refresh_from_db()
    assert thread.comment_count == 1
    assert comment.idempotency_key.startswith("form-")


def test_the_same_words_from_someone_else_or_elsewhere_in_the_thread_are_a_new_comment(relaxed_moderation):
    thread = make_thread()
    words = "The ferry left twenty minutes late again."
    _form(Client(REMOTE_ADDR="198.51.100.7"), thread, words)
    _form(Client(REMOTE_ADDR="203.0.113.9"), thread, words)  # another reader, another network
    parent = Comment.objects.filter(thread=thread).order_by("pk").first()
    assert parent is not None
    _form(Client(REMOTE_ADDR="198.51.100.7"), thread, words, parent=str(parent.pk))  # as a reply
    assert Comment.objects.filter(thread=thread).count() == 3


def test_a_form_key_holds_across_the_turn_of_its_window_and_not_beyond():
    thread = make_thread()
    who = reader("plain")
    data = NewComment(body="The ferry left twenty minutes late again.", author_name="Plain Form")
    start = datetime(2026, 11, 25, 10, 9, 59, tzinfo=UTC)  # one second before a ten-minute window turns
    posted = submit_comment(thread, who, with_form_key(thread, who, data, start)).comment
    retry = with_form_key(thread, who, data, start + timedelta(seconds=2))  # in the next window
    assert retry.idempotency_key == posted.idempotency_key
    assert submit_comment(thread, who, retry).created is False
    later = with_form_key(thread, who, data, start + timedelta(minutes=FORM_KEY_MINUTES * 2))
    assert later.idempotency_key != posted.idempotency_key  # the same words later are a new comment


def test_a_derived_key_names_its_sender_and_is_a_valid_key():
    thread = make_thread()
    data = NewComment(body="The ferry left twenty minutes late again.", author_name="Plain Form")
    now = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    mine = with_form_key(thread, reader("a", network="net-a"), data, now).idempotency_key
    theirs = with_form_key(thread, reader("b", network="net-b"), data, now).idempotency_key
    signed_in = with_form_key(thread, reader("c", network="net-a", user_id=7), data, now).idempotency_key
    assert len({mine, theirs, signed_in}) == 3  # another network, or an account on the same one: another key
    # The guest's cookie is not part of it (a retry may come without the cookie the first answer set).
    assert with_form_key(thread, reader("a2", network="net-a"), data, now).idempotency_key == mine
    assert all(_IDEMPOTENCY_KEY.match(key) for key in (mine, theirs, signed_in))  # what submit_comment accepts
