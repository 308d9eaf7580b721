"""An article edit re-finds every passage on the server; nothing is detached or deleted; staff see a summary."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from masthead.discussion.models import Comment
from masthead.passages import reading
from masthead.passages.actions import current_revision, on_article_changed
from masthead.passages.models import ArticleRevision, PassageAnchor
from masthead.publishing.actions import render_body
from masthead.publishing.models import Article
from masthead.testing.passages import BODY, Guest, anchor_payload, article, edit_body

pytestmark = pytest.mark.django_db

QUOTE = "the minutes published by the town clerk"


def _commented(quote: str = QUOTE):
    target = article()
    guest = Guest()
    guest.open(target.get_absolute_url())
    response = guest.comment_on(target, anchor_payload(target, quote))
    assert response.status_code == 201, response.content
    return target, PassageAnchor.objects.get(comment_id=response.json()["comment"]["id"])


def test_an_edit_before_the_passage_moves_its_anchor():
    target, anchor = _commented()
    edit_body(target, "A new first paragraph, added later.\n\n" + BODY)
    revision = on_article_changed(target)

    anchor.refresh_from_db()
    assert revision.number == 2
    assert target.body_text[anchor.start : anchor.end] == QUOTE
    assert anchor.status == PassageAnchor.Status.MOVED
    assert anchor.revision == 2
    assert (revision.exact, revision.moved, revision.fuzzy, revision.orphaned) == (0, 1, 0, 0)
    assert revision.summary[0]["comment"] == anchor.comment_id


def test_an_edit_inside_the_passage_finds_it_again_and_keeps_the_original_quote():
    target, anchor = _commented()
    edit_body(target, BODY.replace("town clerk", "city clerk"))
    on_article_changed(target)

    anchor.refresh_from_db()
    assert anchor.status == PassageAnchor.Status.FUZZY
    assert anchor.exact == "the minutes published by the city clerk"
    assert target.body_text[anchor.start : anchor.end] == anchor.exact
    assert anchor.original_exact == QUOTE
    assert anchor.passage_changed


def test_a_removed_passage_is_orphaned_never_detached_or_deleted():
    target, anchor = _commented()
    comment_id = anchor.comment_id
    edit_body(target, BODY.replace("According to the minutes published by the town clerk, the vote", "The vote"))
    revision = on_article_changed(target)

    anchor.refresh_from_db()
    assert anchor.status == PassageAnchor.Status.ORPHANED
    assert anchor.original_exact == QUOTE
    assert Comment.objects.get(pk=comment_id).status == Comment.Status.VISIBLE
    assert revision.orphaned == 1
    assert revision.summary[0]["status"] == "orphaned"
    data = reading.marks(target)
    assert data["passages"] == []
    assert data["orphaned"] == [{"quote": QUOTE, "comments": [comment_id]}]

    # The editor puts the sentence back: the passage is found again.
    edit_body(target, BODY)
    on_article_changed(target)
    anchor.refresh_from_db()
    assert anchor.status == PassageAnchor.Status.EXACT
    assert (anchor.start, anchor.end) == (BODY.index(QUOTE), BODY.index(QUOTE) + len(QUOTE))


def test_calling_the_hook_again_without_a_text_change_changes_nothing():
    target, anchor = _commented()
    edit_body(target, "Intro.\n\n" + BODY)
    first = on_article_changed(target)
    anchor.refresh_from_db()
    before = (anchor.start, anchor.end, anchor.status, anchor.revision)

    again = on_article_changed(target)
    target.headline = "A new headline only"
    edit_body(target, target.body)
    on_article_changed(target)

    anchor.refresh_from_db()
    assert again.pk == first.pk
    assert ArticleRevision.objects.filter(article=target).count() == 2
    assert (anchor.start, anchor.end, anchor.status, anchor.revision) == before


def test_a_missed_hook_is_caught_up_when_the_passages_are_next_read():
    target, anchor = _commented()
    # A write that bypasses publishing's actions (so the hook never ran), e.g. a raw data fix.
    target.body = "Intro.\n\n" + BODY
    render_body(target)
    Article.objects.filter(pk=target.pk).update(body=target.body, body_html=target.body_html,
                                                body_text=target.body_text, updated_at=timezone.now())
    target.refresh_from_db()
    assert ArticleRevision.objects.filter(article=target).count() == 1

    data = reading.marks(target)

    anchor.refresh_from_db()
    assert data["revision"] == 2
    assert target.body_text[anchor.start : anchor.end] == QUOTE
    assert [(p["start"], p["end"], p["count"]) for p in data["passages"]] == [(anchor.start, anchor.end, 1)]
    assert current_revision(target).number == 2


def test_staff_see_what_moved_or_was_orphaned_and_quotes_are_escaped(django_user_model):
    target = article(body="Say <b>bold</b> things & mean them.\n\nSecond paragraph stays.")
    assert "<b>bold</b>" in target.body_text
    guest = Guest()
    guest.open(target.get_absolute_url())
    assert guest.comment_on(target, anchor_payload(target, "Say <b>bold</b> things")).status_code == 201
    edit_body(target, "Second paragraph stays.")
    revision = on_article_changed(target)

    staff = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-editor-123")
    client = Client()
    client.force_login(staff)
    page = client.get(f"/admin/passages/articlerevision/{revision.pk}/change/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "orphaned" in html
    assert "Say &lt;b&gt;bold&lt;/b&gt; things" in html
    assert "<b>bold</b>" not in html
    listing = client.get("/admin/passages/articlerevision/")
    assert listing.status_code == 200
