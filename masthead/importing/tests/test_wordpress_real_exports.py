"""Each real WXR export in the shared sample data, imported as an operator would: exact counts of what was made,
the reply tree and dates of sample comments, a second run that changes nothing, a dry run that writes nothing,
and the old addresses answering 301."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.test import Client
from PIL import Image

from masthead.discussion.models import Comment
from masthead.importing.models import Redirect
from masthead.importing.tests.conftest import run_import, snapshot, table_counts
from masthead.moderation.models import ModerationDecision
from masthead.publishing.models import Article, Author, Topic

pytestmark = pytest.mark.django_db

REMARK42 = "remark42_wordpress_test_xmlTestWP.xml"
ISSO = "isso_tests_wordpress.xml"
COMPREHENSIVE = "wordpress-importer_e2e_wxr-comprehensive.xml"
SERIALIZED_META = "wordpress-importer_test-serialized-comment-meta.xml"
JEKYLL = "jekyll-import_sitetitle.wordpress.2025-01-19.000.xml"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def comment_by_body(text: str) -> Comment:
    return Comment.objects.get(body__contains=text)


def test_a_real_blog_with_a_pingback_and_an_unapproved_comment(wxr_dir):
    output = run_import("wordpress", str(wxr_dir / REMARK42))

    counts = table_counts()
    assert counts["articles"] == 1
    assert counts["authors"] == 2  # SuperAdmin and admin
    # 1 category and 1 tag declared; 1 category and 3 tags named only by the post
    assert counts["topics"] == 6
    assert counts["comments"] == 3  # 4 in the export, the pingback skipped
    assert counts["decisions"] == 3  # each comment screened, the decision recorded
    # 2 authors x (path, ?author=); 6 topics x (path, feed); ?cat= for the declared category (the only one with
    # a term id) and ?tag= for the 4 tags; the post's link, ?p=100 and its feed.
    assert counts["redirects"] == 2 * 2 + 6 * 2 + 1 + 4 + 3
    assert "a pingback: a notice from another site" in output
    assert "comment x1: its parent is not in the export" in output

    article = Article.objects.get()
    assert article.slug == "do-you-rp"
    assert article.headline == "Post with comments. One is not approved"
    assert article.published_at == at("2010-07-19 14:24:22")
    assert article.status == Article.Status.PUBLISHED
    assert [a.name for a in article.authors.all()] == ["SuperAdmin"]
    assert sorted(article.topics.values_list("slug", flat=True)) == [
        "alts", "role-playing", "stuff", "weird-in-a-cant-quite-help-myself-way"]

    first = comment_by_body("I do catch myself")
    assert (first.status, first.depth, first.created_at) == ("visible", 0, at("2010-07-20 12:08:08"))
    assert (first.author_name, first.author_email, first.author_website) == (
        "SuperUser1", "superuser1@aol.com", "http://superuser1.blogspot.com")
    unapproved = comment_by_body("inherent in the game")
    assert unapproved.status == Comment.Status.PENDING  # waits for review here as it did there
    answer_to_pingback = comment_by_body("Mekkatorque")
    assert (answer_to_pingback.parent_id, answer_to_pingback.depth) == (None, 0)  # kept, at the top level
    assert answer_to_pingback.created_at == at("2010-08-18 15:19:14")
    thread = article.thread
    assert thread.comment_count == 2  # the visible ones

    decision = ModerationDecision.objects.get(comment=first)
    assert decision.tier == "guest"


def test_an_old_wxr_1_0_with_a_reply_tree_two_deep_and_a_duplicate_comment_id(wxr_dir):
    output = run_import("wordpress", str(wxr_dir / ISSO))

    counts = table_counts()
    assert counts["articles"] == 3
    assert counts["authors"] == 1  # "Tester", named by the post though the export declares no authors
    assert counts["topics"] == 0
    assert counts["comments"] == 7  # 8 in the file; the second comment 11 (another post) is a duplicate id
    assert counts["redirects"] == 5
    assert "the same id as a comment of another article: kept the first" in output
    assert "body x3: no text in the export" in output

    article = Article.objects.get(slug="test")
    assert article.headline == "Hello, World\u2026"
    assert article.published_at == at("2014-01-14 17:31:03")
    zweiter = comment_by_body("Zweiter.")
    drolfter = comment_by_body("Drölfter!")
    another = comment_by_body("Yet another reply.")
    assert drolfter.parent_id == zweiter.pk
    assert drolfter.depth == 1
    assert another.parent_id == drolfter.pk
    assert another.depth == 2
    assert another.root_id == zweiter.pk
    assert zweiter.reply_count == 3  # 7, 8 and 9 answer it, directly or below
    assert drolfter.created_at == at("2014-04-29 15:21:35")  # only the GMT date is given
    multiline = comment_by_body("multiple lines")
    assert multiline.created_at == at("2022-06-06 02:13:14")  # GMT, not the site's local time
    assert multiline.author_email == "multiline@example.org"  # the export's stray newline is not part of it
    assert "<br" in multiline.body_html  # WordPress's single line break stays one
    assert Comment.objects.filter(thread__article__slug="article").count() == 0  # the duplicate went nowhere


def test_a_wordpress_6_export_with_nested_categories_a_page_and_an_excerpt(wxr_dir):
    output = run_import("wordpress", str(wxr_dir / COMPREHENSIVE))

    counts = table_counts()
    assert (counts["articles"], counts["authors"], counts["topics"], counts["comments"]) == (1, 2, 4, 1)
    assert counts["redirects"] == 17
    assert "page x1: Masthead has no standalone pages" in output

    article = Article.objects.get()
    assert article.standfirst == "An excerpt for comprehensive post"
    assert "<p>This is a comprehensive post body used to validate the importer.</p>" in article.body_html
    assert "wp:paragraph" not in article.body  # block-editor markers are gone
    assert [a.slug for a in article.authors.all()] == ["alice"]
    assert sorted(article.topics.values_list("slug", flat=True)) == ["news", "t1", "t2", "updates"]
    assert Author.objects.get(slug="bob").articles.count() == 0  # the page was his
    assert Topic.objects.get(slug="news").description == "News category"
    assert Redirect.objects.get(old_path="/site/category/news/updates/").target == "/topics/updates/"
    great = comment_by_body("Great post!")
    assert (great.status, great.created_at) == ("visible", at("2024-06-06 10:00:00"))


def test_a_draft_with_serialized_comment_meta(wxr_dir):
    run_import("wordpress", str(wxr_dir / SERIALIZED_META))

    counts = table_counts()
    assert (counts["articles"], counts["authors"], counts["topics"], counts["comments"]) == (1, 1, 1, 1)
    assert counts["redirects"] == 2 + 3  # the undeclared category's path and feed; the post's link, ?p=, feed
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None
    comment = Comment.objects.get()
    assert comment.author_website == "https://wordpress.org/"
    assert '<a href="https://gravatar.com" rel="nofollow ugc noopener">Gravatar</a>' in comment.body_html
    assert (comment.upvotes, comment.downvotes) == (0, 0)  # its meta is not wpDiscuz's


def _png(path: Path, color: tuple[int, int, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), color).save(path, format="PNG")


def test_a_modern_wordpress_com_export_with_featured_and_inline_images_from_the_uploads_copy(wxr_dir, tmp_path):
    uploads = tmp_path / "uploads"
    for name, color in [("0565b-tt4_post_1.jpg", (200, 0, 0)), ("1ceb1-tt4_post_2.jpg", (0, 200, 0)),
                        ("a-bright-night-sky-full-of-stars-and-the-milky.png", (0, 0, 200))]:
        _png(uploads / "2025" / "01" / name, color)  # post 3's featured image is left out of the copy

    output = run_import("wordpress", str(wxr_dir / JEKYLL), "--uploads", str(uploads))

    counts = table_counts()
    assert (counts["articles"], counts["authors"], counts["topics"], counts["comments"]) == (7, 1, 6, 0)
    assert counts["redirects"] == 41  # author x2, 6 topics x3, 7 posts x3
    assert "attachment x6: a media file" in output
    assert "wp_global_styles x1" in output
    assert "wp_navigation x1" in output
    assert "page x1" in output
    assert "image x1: featured image not in the uploads copy" in output

    with_images = Article.objects.exclude(featured_image="").order_by("slug")
    assert [a.slug for a in with_images] == ["beyond-the-obstacle", "the-art-of-connection"]
    connection = with_images.get(slug="the-art-of-connection")
    assert connection.image_alt  # required by the article rules: the headline stands in when WordPress had none
    assert Path(connection.featured_image.path).read_bytes()[:4] == b"\x89PNG"
    post = Article.objects.get(slug="blog-post-1")
    assert "<img src=\"/media/articles/imported/a-bright-night-sky-full-of-stars-and-the-milky" in post.body_html
    assert "wordpress.com" not in post.body_html  # nothing points at the old host
    assert "puts AIBot.new(query).execute.result" in post.body_html  # the code block survived
    assert sorted(post.topics.values_list("slug", flat=True)) == ["code", "foo", "ruby", "ship", "stars"]


@pytest.mark.parametrize("name", [REMARK42, ISSO, COMPREHENSIVE, SERIALIZED_META, JEKYLL])
def test_a_second_run_changes_nothing(wxr_dir, name):
    run_import("wordpress", str(wxr_dir / name))
    before = snapshot()
    output = run_import("wordpress", str(wxr_dir / name))
    assert snapshot() == before
    assert "already imported" in output or "already redirects" in output


@pytest.mark.parametrize("name", [REMARK42, ISSO, COMPREHENSIVE, SERIALIZED_META, JEKYLL])
def test_a_dry_run_writes_nothing_and_reports_what_a_real_run_does(wxr_dir, name):
    empty = snapshot()
    dry = run_import("wordpress", str(wxr_dir / name), "--dry-run")
    assert snapshot() == empty
    assert "dry run: nothing was written" in dry
    real = run_import("wordpress", str(wxr_dir / name))
    # The same table: a dry run is the real work, rolled back. (Only a real run ends with what the imported
    # comments can teach the moderation model: a dry run imported none.)
    assert dry.split("\n", 1)[1] == real.split("\n", 1)[1].split("\nModeration: ", 1)[0]


def test_old_wordpress_addresses_answer_301_to_the_new_pages(wxr_dir):
    run_import("wordpress", str(wxr_dir / REMARK42))
    run_import("wordpress", str(wxr_dir / COMPREHENSIVE))
    client = Client()
    expected = {
        "/2010/07/do-you-rp/": "/articles/do-you-rp/",
        "/2010/07/do-you-rp": "/articles/do-you-rp/",  # without the slash too
        "/?p=100": "/articles/do-you-rp/",
        "/2010/07/do-you-rp/feed/": "/articles/do-you-rp/comments/feed/",
        "/category/stuff/": "/topics/stuff/",
        "/category/cataclysm/feed/": "/topics/cataclysm/feed/",
        "/tag/role-playing/": "/topics/role-playing/",
        "/author/SuperAdmin/": "/authors/superadmin/",
        "/site/?p=1000": "/articles/comprehensive-post/",  # a site in a subfolder
        "/site/?cat=101": "/topics/updates/",
    }
    for old, new in expected.items():
        response = client.get(old)
        assert (old, response.status_code, response.headers.get("Location")) == (old, 301, new)
        assert response.headers.get("Cache-Control") is None  # never marked as a shared page
    assert client.get("/?p=999").status_code == 200  # an unknown post id: the home page, as before
    assert client.get("/2010/07/never-existed/").status_code == 404
    assert client.get("/articles/do-you-rp/").status_code == 200
