"""Editing and deleting one's own comment within the publisher's window; tombstones keep replies in place."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.discussion.actions import DiscussionError, do_delete_comment, do_edit_comment, thread_for_article
from masthead.discussion.models import Comment, DiscussionSettings, Thread
from masthead.testing.discussion import make_article, make_thread, post_as, reader

pytestmark = pytest.mark.django_db


def test_guest_edits_own_comment_through_the_api(guest):
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    comment_id = guest.post_comment(thread, "Frist!").json()["id"]
    response = guest.api("put", f"/comments/{comment_id}", {"body": "First, *properly*."})
    assert response.status_code == 200
    data = response.json()
    assert data["body_html"] == "<p>First, <em>properly</em>.</p>\n"
    assert data["edited_at"]
    assert "First, <em>properly</em>." in guest.open(article.get_absolute_url()).content.decode()


def test_guest_edits_and_deletes_with_plain_forms(guest):
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    comment_id = guest.post_comment(thread, "typo heer").json()["id"]
    page = guest.open(article.get_absolute_url()).content.decode()
    assert f'href="/discussion/comments/{comment_id}/edit"' in page
    assert "typo heer" in guest.client.get(f"/discussion/comments/{comment_id}/edit").content.decode()
    response = guest.form_post(f"/discussion/comments/{comment_id}/edit", {"body": "typo here"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment_id}")
    assert Comment.objects.get(pk=comment_id).body == "typo here"
    response = guest.form_post(f"/discussion/comments/{comment_id}/delete", {})
    assert response.status_code == 302
    assert Comment.objects.get(pk=comment_id).status == Comment.Status.DELETED
    assert Thread.objects.get(pk=thread.pk).comment_count == 0


def test_the_edit_window_closes(guest):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"edit_window_minutes": 15})
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    comment_id = guest.post_comment(thread, "soon too late").json()["id"]
    Comment.objects.filter(pk=comment_id).update(
        created_at=timezone.now() - timedelta(minutes=16), edit_token_expires=timezone.now() - timedelta(minutes=1)
    )
    assert guest.api("put", f"/comments/{comment_id}", {"body": "changed"}).status_code == 403
    assert guest.api("delete", f"/comments/{comment_id}").status_code == 403


def test_accounts_edit_their_own_comments_within_the_window(django_user_model):
    user = django_user_model.objects.create_user("kim", password="x" * 12)
    other = django_user_model.objects.create_user("lee", password="x" * 12)
    thread = make_thread()
    comment = post_as(thread, reader("kim", user_id=user.pk), body="mine")
    with pytest.raises(DiscussionError):
        do_edit_comment(comment, reader("lee", user_id=other.pk), "theirs")
    assert do_edit_comment(comment, reader("kim", user_id=user.pk), "still mine").body == "still mine"
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(DiscussionError):
        do_edit_comment(Comment.objects.get(pk=comment.pk), reader("kim", user_id=user.pk), "late")


def test_staff_can_edit_and_delete_any_comment_at_any_time():
    thread = make_thread()
    comment = post_as(thread, body="<b>rude</b> words")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(days=3))
    staff = reader("mod", user_id=999, staff=True)
    edited = do_edit_comment(Comment.objects.get(pk=comment.pk), staff, "[edited by a moderator] <script>x</script>")
    assert "<script>" not in edited.body_html
    assert edited.status == Comment.Status.VISIBLE
    do_delete_comment(edited, staff)


def test_a_deleted_comment_with_replies_stays_as_a_tombstone(guest):
    article = make_article()
    thread = thread_for_article(article)
    staff = reader("mod", user_id=999, staff=True)
    parent = post_as(thread, body="parent text", author_name="Parent Person")
    reply = post_as(thread, body="reply text", parent_id=parent.pk)
    lonely = post_as(thread, body="lonely text")
    do_delete_comment(parent, staff)
    do_delete_comment(lonely, staff)
    page = guest.open(article.get_absolute_url()).content.decode()
    assert "parent text" not in page
    assert "Parent Person" not in page
    assert "This comment was deleted." in page
    assert "reply text" in page
    assert f'id="comment-{reply.pk}"' in page
    assert f'id="comment-{lonely.pk}"' not in page
    assert Thread.objects.get(pk=thread.pk).comment_count == 1
    # When the last reply goes, the tombstone goes too.
    do_delete_comment(reply, staff)
    page = guest.open(article.get_absolute_url()).content.decode()
    assert f'id="comment-{parent.pk}"' not in page


def test_deleted_comments_cannot_be_edited_again(guest):
    article = make_article()
    guest.open(article.get_absolute_url())
    thread = thread_for_article(article)
    comment_id = guest.post_comment(thread, "gone soon").json()["id"]
    assert guest.api("delete", f"/comments/{comment_id}").status_code == 200
    assert guest.api("put", f"/comments/{comment_id}", {"body": "back"}).status_code == 403
