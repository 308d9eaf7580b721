"""Readers see published articles and scheduled ones whose time has come; drafts and future ones are 404."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from masthead.publishing import actions
from masthead.publishing.models import Article
from masthead.testing.articles import make_article, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor() -> User:
    user = User.objects.create_user("editor", password="x" * 12, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_draft_and_future_articles_are_404_and_absent_from_lists(client):
    topic = make_topic("Rivers")
    draft = make_article("Draft story", status=Article.Status.DRAFT, topics=[topic])
    future = make_article("Future story", status=Article.Status.SCHEDULED, topics=[topic],
                          published_at=timezone.now() + timedelta(hours=2))
    live = make_article("Live story", topics=[topic])

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(future.get_absolute_url()).status_code == 404
    assert client.get(live.get_absolute_url()).status_code == 200
    for url in ["/", topic.get_absolute_url(), "/feed/", "/sitemaps/articles-1.xml"]:
        body = client.get(url).content.decode()
        assert "Live story" in body or "live-story" in body, url
        for hidden in ("Draft story", "draft-story", "Future story", "future-story"):
            assert hidden not in body, url


def test_a_scheduled_article_appears_when_its_time_comes(client):
    article = make_article("Embargoed report", status=Article.Status.SCHEDULED,
                           published_at=timezone.now() + timedelta(minutes=5))
    assert client.get(article.get_absolute_url()).status_code == 404

    # No job has to flip the status: visibility is computed from the time.
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))

    assert client.get(article.get_absolute_url()).status_code == 200
    assert "Embargoed report" in client.get("/").content.decode()


def test_published_with_a_future_time_is_stored_as_scheduled():
    article = make_article("Tomorrow", published_at=timezone.now() + timedelta(days=1))
    assert article.status == Article.Status.SCHEDULED
    assert not article.is_live


def test_scheduling_needs_a_time():
    article = Article(headline="No time", body="x", status=Article.Status.SCHEDULED)
    with pytest.raises(actions.ValidationError):
        actions.do_save_article(article)


def test_unpublishing_hides_the_article(client):
    article = make_article("Retracted")
    actions.do_unpublish_article(article)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editors_may_preview_a_draft_which_is_not_indexed(client, editor):
    draft = make_article("Work in progress", status=Article.Status.DRAFT)
    client.force_login(editor)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "Preview: readers cannot see this" in response.content.decode()


def test_staff_without_the_publishing_permission_cannot_preview(client):
    draft = make_article("Secret draft", status=Article.Status.DRAFT)
    client.force_login(User.objects.create_user("staffer", password="x" * 12, is_staff=True))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_changed_slug_redirects_from_the_old_url(client):
    article = make_article("Weir repaired", slug="weir-repaired")
    article.slug = "weir-repaired-and-reopened"
    actions.do_save_article(article)

    response = client.get("/articles/weir-repaired/")

    assert response.status_code == 301
    assert response["Location"] == "/articles/weir-repaired-and-reopened/"
    assert client.get(response["Location"]).status_code == 200


def test_an_old_slug_taken_by_a_new_article_serves_the_new_article(client):
    first = make_article("Weir repaired", slug="weir")
    first.slug = "weir-2024"
    actions.do_save_article(first)
    second = make_article("Weir again", slug="weir")

    assert client.get("/articles/weir/").status_code == 200
    assert "Weir again" in client.get(second.get_absolute_url()).content.decode()


def test_an_old_slug_of_an_unpublished_article_is_404(client):
    article = make_article("Retracted", slug="retracted")
    article.slug = "retracted-story"
    actions.do_save_article(article)
    actions.do_unpublish_article(article)
    assert client.get("/articles/retracted/").status_code == 404
