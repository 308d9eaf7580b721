"""Each process reuses a comment's rendered HTML while nothing the template shows has changed, and only then."""

from __future__ import annotations

import pytest

from masthead.discussion import render
from masthead.discussion.actions import do_vote
from masthead.discussion.models import Comment
from masthead.discussion.tests.helpers import make_thread, post_as, reader

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]


def _fresh(comment: Comment) -> Comment:
    return Comment.objects.select_related("in_reply_to").get(pk=comment.pk)


def test_the_same_comment_renders_once_and_matches_the_template():
    comment = post_as(make_thread(), reader("ada"), "The weir is repaired.")
    first = render.shown_comment_html(_fresh(comment))
    assert first == render.comment_html(_fresh(comment))
    assert render.shown_comment_html(_fresh(comment)) is first  # the kept copy, not a new render


def test_a_vote_a_new_text_and_a_reply_each_show_at_once():
    ada = reader("ada")
    comment = post_as(make_thread(), ada, "The weir is repaired.")
    before = render.shown_comment_html(_fresh(comment))

    do_vote(_fresh(comment), reader("bo", network="net-b"), 1)
    voted = render.shown_comment_html(_fresh(comment))
    assert voted != before
    assert 'class="comment-score" title="1 up, 0 down">1<' in voted

    Comment.objects.filter(pk=comment.pk).update(body_html="<p>The weir is repaired at last.</p>")  # an edit
    assert "repaired at last" in render.shown_comment_html(_fresh(comment))

    post_as(comment.thread, reader("cy", network="net-c"), "Good news.", parent_id=comment.pk)
    assert "1 reply" in render.shown_comment_html(_fresh(comment))


def test_the_copies_are_bounded(monkeypatch):
    monkeypatch.setattr(render, "SHOWN_CACHE_ENTRIES", 3)
    thread = make_thread()
    for n in range(6):
        render.shown_comment_html(_fresh(post_as(thread, reader(f"r{n}", network=f"net-{n}"), f"Comment {n}.")))
    assert len(render._shown) <= 3
