"""Who may use the desk and who may publish: contributors write but never publish; moderators do neither."""

from __future__ import annotations

import pytest

from masthead.desk.tests.helpers import autosave, new_draft
from masthead.publishing.models import Article

pytestmark = pytest.mark.django_db


def test_contributor_writes_a_draft_but_cannot_publish_schedule_or_unpublish_it(contributor):
    article = new_draft(contributor)
    assert autosave(contributor, article, article.version, headline="Council vote", body="Words.").status_code == 200
    article.refresh_from_db()
    page = contributor.get(f"/desk/articles/{article.pk}/")
    assert page.status_code == 200
    assert b"Publish now" not in page.content
    assert b"An editor publishes your story" in page.content
    for action in ("now", "schedule", "unpublish"):
        refused = contributor.post(f"/desk/articles/{article.pk}/publish",
                                   {"action": action, "version": article.version, "at": "2099-01-01T06:00"})
        assert refused.status_code == 403
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None


def test_contributor_cannot_publish_through_the_admin_either(contributor):
    article = new_draft(contributor)
    response = contributor.get(f"/admin/publishing/article/{article.pk}/change/")
    assert response.status_code == 200
    # status and the publication time are read-only for someone without publishing.publish_article
    assert b'name="status"' not in response.content
    assert b'name="published_at_0"' not in response.content


def test_moderator_cannot_open_the_desk_nor_publish(moderator, editor):
    article = new_draft(editor)
    assert moderator.get("/desk/").status_code == 403
    assert moderator.get(f"/desk/articles/{article.pk}/").status_code == 403
    assert moderator.post("/desk/new").status_code == 403
    refused = moderator.post(f"/desk/articles/{article.pk}/publish", {"action": "now", "version": article.version})
    assert refused.status_code == 403
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_editor_publishes(editor):
    article = new_draft(editor)
    autosave(editor, article, article.version, headline="Bridge reopens", body="It reopened.")
    article.refresh_from_db()
    response = editor.post(f"/desk/articles/{article.pk}/publish", {"action": "now", "version": article.version})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_live
    assert article.slug == "bridge-reopens"


def test_signed_out_visitors_are_sent_to_sign_in(client, editor):
    article = new_draft(editor)
    response = client.get(f"/desk/articles/{article.pk}/")
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client.post(f"/desk/articles/{article.pk}/publish", {"action": "now", "version": "1"}).status_code == 302


def test_a_contributor_cannot_change_a_published_story(contributor, editor):
    article = new_draft(contributor)
    autosave(contributor, article, article.version, headline="Ready", body="Words.")
    article.refresh_from_db()
    editor.post(f"/desk/articles/{article.pk}/publish", {"action": "now", "version": article.version})
    article.refresh_from_db()
    assert article.is_live
    refused = autosave(contributor, article, article.version, headline="Changed after publication", body="New.")
    assert refused.status_code == 403
    assert contributor.post(f"/desk/articles/{article.pk}/revisions/1/restore",
                            {"version": article.version}).status_code == 403
    article.refresh_from_db()
    assert article.headline == "Ready"
    assert autosave(editor, article, article.version, headline="Ready, revised", body="Words.").status_code == 200
