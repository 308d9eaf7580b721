"""`masthead demo` fills an empty database with the demo publication; `--if-empty` never touches a full one."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from masthead.publishing.models import Article, Author, Topic

pytestmark = pytest.mark.django_db


def demo(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def test_demo_creates_a_publication_on_an_empty_database(settings, client):
    demo("--if-empty")

    live = Article.objects.live()
    assert live.count() >= 40
    assert Topic.objects.filter(articles__in=live).distinct().count() >= 6
    assert Author.objects.filter(articles__in=live).distinct().count() >= 3
    assert Author.objects.exclude(bio="").count() == Author.objects.count()
    for article in live.prefetch_related("authors", "topics"):
        assert article.featured_image, article.slug
        assert (article.image_width, article.image_height) == (1200, 675)
        assert article.image_alt.strip(), article.slug
        assert article.image_caption.strip(), article.slug
        assert article.body_html.count("<p>") >= 4, article.slug
        assert article.authors.all(), article.slug
        assert article.topics.all(), article.slug
        assert "{publication}" not in article.body_html + article.standfirst + article.image_caption
    assert settings.PUBLICATION_NAME in "".join(live.values_list("body_html", flat=True))

    # Every state an editor meets: fresh news for the Google News sitemap, a schedule, a draft, a closed thread.
    now = timezone.now()
    assert 2 <= live.filter(published_at__gte=now - timedelta(days=2)).count() <= 3
    assert live.filter(published_at__lt=now - timedelta(days=18)).exists()
    assert Article.objects.filter(status=Article.Status.SCHEDULED, published_at__gt=now).count() == 1
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 1
    assert live.filter(discussion_open=False).count() == 1

    editor = get_user_model().objects.get(username="editor")
    assert editor.is_staff
    assert editor.groups.filter(name="Editors").exists()
    assert client.login(username="editor", password="masthead-demo")
    assert client.get("/admin/publishing/article/").status_code == 200


def test_if_empty_is_a_no_op_the_second_time_and_demo_never_duplicates():
    demo("--if-empty")
    before = set(Article.objects.values_list("pk", "updated_at"))

    assert "skipped" in demo("--if-empty")
    assert set(Article.objects.values_list("pk", "updated_at")) == before

    demo()  # without --if-empty: adds only what is missing, which is nothing
    assert set(Article.objects.values_list("pk", "updated_at")) == before
