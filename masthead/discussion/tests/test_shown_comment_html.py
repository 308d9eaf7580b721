"""Each process reuses a comment's rendered HTML while nothing the template shows has changed, and only then."""

from __future__ import annotations

import pytest

from masthead.discussion import render
from masthead.discussion.actions import do_vote
from masthead.discussion.models import Comment
from masthead.testing.discussion import make_thread, post_as, reader

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


def test_the_copies_are_bounded_by_the_characters_they_hold(monkeypatch):
    thread = make_thread()
    first = render.shown_comment_html(_fresh(post_as(thread, reader("r0", network="net-0"), "Comment 0.")))
    monkeypatch.setattr(render, "SHOWN_CACHE_CHARS", len(first) * 3 + len(first) // 2)  # room for three of them
    render.forget_shown_comments()
    for n in range(6):
        render.shown_comment_html(_fresh(post_as(thread, reader(f"s{n}", network=f"net-s{n}"), f"Comment {n}.")))
        held = sum(map(len, render._shown.values()))
        assert held == render._shown_chars[0] <= render.SHOWN_CACHE_CHARS
    assert 2 <= len(render._shown) <= 3  # the latest are kept, the oldest went
    long = _fresh(post_as(thread, reader("long", network="net-long"), "A long comment about the weir. " * 60))
    monkeypatch.setattr(render, "SHOWN_CACHE_CHARS", len(render.comment_html(long)) - 1)
    render.forget_shown_comments()
    html = render.shown_comment_html(long)
    assert "A long comment" in html  # served, though larger than the whole bound
    assert not render._shown
    assert render._shown_chars[0] == 0


def test_any_field_of_the_row_is_part_of_the_key():
    """No hand-kept list of shown fields: a change to any column (here one the template does not show today)
    gives a new key, so a template that starts showing it can never be served an old copy."""
    comment = _fresh(post_as(make_thread(), reader("ada"), "The weir is repaired."))
    before = render._shown_key(comment)
    for field in Comment._meta.concrete_fields:
        if field.name in ("id", "thread"):
            continue
        changed = _fresh(comment)
        value = getattr(changed, field.attname)
        if field.is_relation:  # a row that exists (the key reads the comment answered)
            setattr(changed, field.attname, comment.pk if value != comment.pk else None)
        else:
            setattr(changed, field.attname, _other(value))
        assert render._shown_key(changed) != before, field.name


def _other(value):
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, list):
        return [*value, "x"]
    if value is None:
        return 1
    from datetime import timedelta

    return value + timedelta(seconds=1)


def test_the_replied_to_comment_is_part_of_the_key():
    thread = make_thread()
    parent = post_as(thread, reader("ada"), "Question?")
    reply = _fresh(post_as(thread, reader("bo", network="net-b"), "Answer.", parent_id=parent.pk))
    reply.in_reply_to_id, reply.in_reply_to = parent.pk, _fresh(parent)  # as a reply past the depth cap has it
    before = render._shown_key(reply)
    reply.in_reply_to.author_name = "Ada L."
    assert render._shown_key(reply) != before


def test_cached_pages_are_keyed_by_the_templates_as_loaded():
    digest = render.templates_digest()
    assert digest in render.first_page_key(1, "newest", 1)
    assert len(digest) == 16
