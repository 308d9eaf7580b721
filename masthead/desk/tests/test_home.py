"""The desk's home: my drafts, what is scheduled, recent stories with their comments and held comments, and the
funding bar's state."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.desk.tests.helpers import autosave, new_draft
from masthead.discussion.actions import do_change_status, thread_for_article
from masthead.discussion.models import Comment
from masthead.funding.models import Campaign
from masthead.testing.articles import make_article
from masthead.testing.discussion import post_as, reader

pytestmark = pytest.mark.django_db


def test_home_lists_drafts_schedule_recent_comments_and_funding(editor, contributor, relaxed_moderation):
    mine = new_draft(editor)
    autosave(editor, mine, mine.version, headline="My own draft", body="Words.")
    theirs = new_draft(contributor)
    autosave(contributor, theirs, theirs.version, headline="Someone else's draft", body="Words.")
    make_article("Tomorrow's story", "Later.", published_at=timezone.now() + timedelta(days=1))
    live = make_article("Yesterday's story", "Earlier.")
    thread = thread_for_article(live)
    post_as(thread, reader("a", network="net-1"), "First.")
    post_as(thread, reader("b", network="net-2"), "Second.")
    held = post_as(thread, reader("c", network="net-3"), "Held one.")
    do_change_status(held, Comment.Status.PENDING)
    Campaign.objects.create(name="Winter drive", goal=500_000, currency="usd", is_active=True,
                            min_amount=300, max_amount=500_000)

    page = editor.get("/desk/").content.decode()
    drafts = page.split('id="drafts-heading"')[1].split("</section>")[0]
    assert "My own draft" in drafts
    assert "Someone else" not in drafts
    scheduled = page.split('id="scheduled-heading"')[1].split("</section>")[0]
    assert "Tomorrow&#x27;s story" in scheduled
    recent = page.split('id="recent-heading"')[1].split("</section>")[0]
    row = recent.split("Yesterday&#x27;s story")[1].split("</tr>")[0]
    assert "<td>2</td>" in row
    assert "1 held" in row
    funding = page.split('id="funding-heading"')[1].split("</section>")[0]
    assert "Winter drive" in funding
    assert "raised of" in funding


def test_home_lists_syndicated_stories_marked_as_such(editor, settings):
    """Editors manage syndicated stories (canonical on the site that published them first) like any other: the
    desk lists them among recent stories, marked, with their original's address; our own stories are not marked."""
    settings.SITE_URL = "https://news.example"
    wire = make_article("Wire story about the harbour", canonical_url="https://wire.example/harbour")
    ours = make_article("Our harbour story", canonical_url="https://news.example/articles/our-harbour-story/")

    recent = editor.get("/desk/").content.decode().split('id="recent-heading"')[1].split("</section>")[0]
    wire_row = recent.split(wire.headline)[1].split("</tr>")[0]
    assert "syndicated: canonical at" in wire_row
    assert 'href="https://wire.example/harbour"' in wire_row
    assert f'href="/desk/articles/{wire.pk}/"' in recent
    assert "syndicated" not in recent.split(ours.headline)[1].split("</tr>")[0]
