"""Each real Ghost export in the shared sample data (versions 1.20 to 4.1), imported as an operator would: exact
counts of authors, topics and articles, bodies converted the way publishing stores them, pages and paid posts by
policy, a second run that changes nothing, and Ghost's post addresses answering 301."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.test import Client
from PIL import Image

from masthead.importing.tests.conftest import import_data_dir, run_import, snapshot, table_counts
from masthead.publishing.models import Article, Author, Topic

pytestmark = pytest.mark.django_db

V4, V3, V2, V1 = "ghost_v4_export.json", "ghost_v3_export.json", "ghost_v2_export.json", "ghost_valid.json"


@pytest.fixture
def ghost_dir() -> Path:
    return import_data_dir() / "ghost"


@pytest.mark.parametrize(("name", "articles", "authors", "redirects"), [
    (V2, 7, 2, 7 + 2 + 1),
    (V3, 7, 2, 7 + 2 + 1),
    (V4, 7, 2, 7 + 2 + 1),
    (V1, 2, 1, 2 + 1 + 1),
])
def test_each_version(ghost_dir: Path, name: str, articles: int, authors: int, redirects: int) -> None:
    run_import("ghost", str(ghost_dir / name))
    counts = table_counts()
    assert counts["articles"] == articles
    assert counts["authors"] == authors
    assert counts["topics"] == 1
    assert counts["comments"] == 0  # Ghost's export carries none
    assert counts["redirects"] == redirects


def test_v4_posts_authors_tags_pages_and_paid_posts(ghost_dir: Path) -> None:
    output = run_import("ghost", str(ghost_dir / V4))
    assert "page x4: Masthead has no standalone pages" in output
    assert "publication x1: for paid readers only at Ghost: imported as a draft" in output
    assert "image x7: featured image on another site (never fetched)" in output

    welcome = Article.objects.get(slug="welcome")
    assert welcome.headline == "Start here for a quick overview of everything you need to know"
    assert welcome.status == Article.Status.PUBLISHED
    assert welcome.published_at == datetime(2021, 3, 24, 4, 34, 15, tzinfo=UTC)
    assert [a.slug for a in welcome.authors.all()] == ["ghost"]
    assert [t.slug for t in welcome.topics.all()] == ["getting-started"]
    # Stored as publishing stores every body: Markdown, rendered and sanitised again; no Ghost placeholder left.
    assert "__GHOST_URL__" not in welcome.body
    assert "<p>" not in welcome.body
    assert "<p>" in welcome.body_html
    assert welcome.standfirst.startswith("We've crammed the most important information")
    sell = Article.objects.get(slug="sell")
    assert sell.status == Article.Status.DRAFT  # visibility "paid"
    assert Author.objects.get(slug="ghost").name == "Ghost"
    assert Topic.objects.get().name == "Getting Started"
    answer = Client().get("/welcome/")
    assert answer.status_code == 301
    assert answer["Location"] == welcome.get_absolute_url()
    assert Client().get("/tag/getting-started/")["Location"] == Topic.objects.get().get_absolute_url()
    assert Client().get("/author/ghost/")["Location"] == Author.objects.get(slug="ghost").get_absolute_url()


def test_featured_image_from_a_local_copy_of_content_images(ghost_dir: Path, tmp_path: Path) -> None:
    source = (ghost_dir / V1).read_text(encoding="utf-8").replace(
        "https://static.ghost.org/v1.0.0/images/design.jpg", "__GHOST_URL__/content/images/2017/09/design.png")
    export = tmp_path / "ghost.json"
    export.write_text(source, encoding="utf-8")
    uploads = tmp_path / "images"
    (uploads / "2017" / "09").mkdir(parents=True)
    Image.new("RGB", (800, 450), (10, 80, 120)).save(uploads / "2017" / "09" / "design.png")
    run_import("ghost", str(export), "--uploads", str(uploads))
    themed = Article.objects.get(slug="themes")
    assert themed.featured_image
    assert (themed.image_width, themed.image_height) == (800, 450)


@pytest.mark.parametrize("name", [V4, V1])
def test_a_second_run_changes_nothing(ghost_dir: Path, name: str) -> None:
    run_import("ghost", str(ghost_dir / name))
    before = snapshot()
    run_import("ghost", str(ghost_dir / name))
    assert snapshot() == before


def test_not_a_ghost_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"posts": []}')
    with pytest.raises(CommandError, match="not a Ghost export"):
        run_import("ghost", str(path))
    path.write_text('{"db": [{"meta": {"version": "5.2.0"}, "data": {}}]}')
    with pytest.raises(CommandError, match="versions 1 to 4"):
        run_import("ghost", str(path))
