"""Editors (staff in the "Editors" group) write and publish in the admin; saves go through the actions."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from masthead.publishing.models import Article, RelatedArticle
from masthead.testing.articles import make_article, make_author, make_png, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client) -> User:
    user = User.objects.create_user("editor", password="x" * 12, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def _form(**overrides):
    author, topic = make_author("Ada Quill"), make_topic("Rivers")
    data = {
        "headline": "Weir repaired after the floods",
        "slug": "weir-repaired",
        "standfirst": "The weir is fixed.",
        "body": "The **weir** on the river is repaired.\n\n<script>alert(1)</script>",
        "status": Article.Status.PUBLISHED,
        "published_at_0": "",
        "published_at_1": "",
        "discussion_open": "on",
        "image_caption": "",
        "image_alt": "",
        "authors": [author.pk],
        "topics": [topic.pk],
        "related_entries-TOTAL_FORMS": "0",
        "related_entries-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_the_editors_group_has_the_publishing_permissions():
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert {"add_article", "change_article", "delete_article", "add_topic", "change_author"} <= codenames


def test_an_editor_saves_an_article_and_it_is_rendered_and_related(client, editor, django_capture_on_commit_callbacks):
    make_article("Weir damaged by the floods", "The weir on the river was damaged by the floods.")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:publishing_article_add"), _form())

    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="weir-repaired")
    assert article.body_html.startswith("<p>The <strong>weir</strong> on the river is repaired.</p>")
    assert "<script" not in article.body_html
    assert article.body_text.startswith("The weir on the river is repaired.")
    assert article.published_at is not None
    assert [a.name for a in article.authors.all()] == ["Ada Quill"]
    related = RelatedArticle.objects.filter(article=article).select_related("related")
    assert [r.related.headline for r in related] == ["Weir damaged by the floods"]
    assert client.get(article.get_absolute_url()).status_code == 200


def test_an_editor_schedules_with_an_image(client, editor):
    when = timezone.localtime(timezone.now() + timedelta(days=1))
    image = make_png()
    image.name = "weir.png"
    data = _form(status=Article.Status.SCHEDULED, published_at_0=when.strftime("%Y-%m-%d"),
                 published_at_1=when.strftime("%H:%M:%S"), image_caption="The weir in March.",
                 image_alt="Water pouring over a concrete weir.", featured_image=image)

    response = client.post(reverse("admin:publishing_article_add"), data)

    assert response.status_code == 302
    article = Article.objects.get(slug="weir-repaired")
    assert article.status == Article.Status.SCHEDULED
    assert (article.image_width, article.image_height) == (1200, 675)
    # The upload's narrower copies were made in the same save, named after the stored file (images.py).
    assert article.image_variants["source"] == article.featured_image.name
    assert sorted(article.image_variants["widths"]) == ["480", "960"]
    assert all(default_storage.exists(name) for name in article.image_variants["widths"].values())
    assert client.get(article.get_absolute_url()).status_code == 200  # the editor's preview
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_an_image_without_alt_text_is_refused(client, editor):
    image = make_png()
    image.name = "weir.png"
    response = client.post(reverse("admin:publishing_article_add"), _form(featured_image=image))
    assert response.status_code == 200
    assert "Describe the featured image" in response.content.decode()
    assert not Article.objects.exists()


def test_the_article_list_and_filters_load(client, editor):
    make_article("One", topics=[make_topic("Rivers")])
    for query in ["", "?status__exact=published", "?q=One", "?discussion_open__exact=1"]:
        assert client.get(reverse("admin:publishing_article_changelist") + query).status_code == 200


def test_the_article_list_shows_our_own_articles_unless_asked_for_external_ones(client, editor):
    from masthead.publishing.actions import do_register_external_article

    ours = make_article("Harbour wall repaired")
    external = do_register_external_article("https://partner.example/column", "A partner's column")
    changelist = reverse("admin:publishing_article_changelist")

    def listed(query: str) -> set[int]:
        response = client.get(changelist + query)
        assert response.status_code == 200
        return {article.pk for article in response.context["cl"].result_list}

    assert listed("") == {ours.pk}
    assert listed("?origin=ours") == {ours.pk}
    assert listed("?origin=external") == {external.pk}
    assert listed("?origin=all") == {ours.pk, external.pk}
    page = client.get(changelist).content.decode()
    assert "?origin=external" in page  # the filter offers the external ones
    assert "External (embedded discussions)" in page


def test_bulk_unpublish_goes_through_the_actions(client, editor, django_capture_on_commit_callbacks):
    article = make_article("Retract me")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:publishing_article_changelist"),
                    {"action": "unpublish", "_selected_action": [article.pk]})
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT


def test_readers_and_plain_staff_cannot_edit(client):
    assert client.get(reverse("admin:publishing_article_add")).status_code == 302  # to the login page
    client.force_login(User.objects.create_user("staffer", password="x" * 12, is_staff=True))
    assert client.get(reverse("admin:publishing_article_add")).status_code == 403
