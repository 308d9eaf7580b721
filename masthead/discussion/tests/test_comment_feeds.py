"""Per-article comment feeds (RSS 2.0 and Atom): visible comments only, newest first, sanitised, live articles only."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from masthead.discussion.actions import do_change_status
from masthead.discussion.models import Comment, Thread
from masthead.publishing.models import Article
from masthead.testing.discussion import make_article, make_thread, post_as, reader

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


def rss_url(article: Article | None) -> str:
    assert article is not None
    return f"/articles/{article.slug}/comments/feed/"


def atom_url(article: Article | None) -> str:
    assert article is not None
    return f"/articles/{article.slug}/comments/feed/atom/"


def fetch(url: str):
    response = Client().get(url)
    assert response.status_code == 200, response.status_code
    return response, ElementTree.fromstring(response.content)  # noqa: S314 - our own server's output


def article_url(article: Article) -> str:
    return settings.SITE_URL.rstrip("/") + f"/articles/{article.slug}/"


def rss_items(url: str) -> list[dict]:
    _, root = fetch(url)
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "guid": item.findtext("guid"),
            "permalink": item.find("guid").get("isPermaLink"),
            "description": item.findtext("description"),
            "creator": item.findtext(f"{DC}creator"),
        }
        for item in root.iter("item")
    ]


def atom_entries(url: str) -> list[dict]:
    _, root = fetch(url)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "id": entry.findtext(f"{ATOM}id"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


def test_rss_lists_visible_comments_newest_first_with_anchored_links():
    thread = make_thread()
    article = thread.article
    assert article is not None
    first = post_as(thread, reader("a"), body="The first word.", author_name="Ada")
    second = post_as(thread, reader("b"), body="A reply.", author_name="Grace", parent_id=first.pk)
    third = post_as(thread, reader("c"), body="The *last* word.", author_name="Linus")
    post_as(make_thread(), reader("d"), body="Elsewhere.", author_name="Other")  # another article's thread

    response, root = fetch(rss_url(article))
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    channel = root.find("channel")
    assert article.headline in channel.findtext("title")
    assert channel.findtext("link") == article_url(article) + "#discussion-slot"

    items = rss_items(rss_url(article))
    base = article_url(article)
    assert [i["link"] for i in items] == [f"{base}#comment-{c.pk}" for c in (third, second, first)]
    assert [i["guid"] for i in items] == [i["link"] for i in items]
    assert {i["permalink"] for i in items} == {"true"}
    assert [i["title"] for i in items] == ["Comment by Linus", "Comment by Grace", "Comment by Ada"]
    assert [i["creator"] for i in items] == ["Linus", "Grace", "Ada"]
    assert "<em>last</em>" in items[0]["description"]
    assert all(i.find("pubDate") is not None for i in root.iter("item"))


def test_atom_lists_the_same_entries():
    thread = make_thread()
    article = thread.article
    assert article is not None
    older = post_as(thread, reader("a"), body="Older.", author_name="Ada")
    newer = post_as(thread, reader("b"), body="Newer.", author_name="Grace")

    response, root = fetch(atom_url(article))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "max-age=300" in response["Cache-Control"]
    assert root.tag == f"{ATOM}feed"
    entries = atom_entries(atom_url(article))
    base = article_url(article)
    assert [e["link"] for e in entries] == [f"{base}#comment-{newer.pk}", f"{base}#comment-{older.pk}"]
    assert [e["id"] for e in entries] == [e["link"] for e in entries]
    assert [e["title"] for e in entries] == ["Comment by Grace", "Comment by Ada"]
    assert [e["author"] for e in entries] == ["Grace", "Ada"]
    assert "Newer." in entries[0]["summary"]


def test_held_rejected_and_deleted_comments_never_appear():
    thread = make_thread()
    article = thread.article
    assert article is not None
    kept = post_as(thread, reader("a"), body="Stays.", author_name="Ada")
    held = post_as(thread, reader("b"), body="Held back.", author_name="Held")
    rejected = post_as(thread, reader("c"), body="Rejected text.", author_name="Rejected")
    deleted = post_as(thread, reader("d"), body="Deleted text.", author_name="Deleted")
    do_change_status(held, Comment.Status.PENDING, ["test"])
    do_change_status(rejected, Comment.Status.REJECTED, ["test"])
    do_change_status(deleted, Comment.Status.DELETED)

    for url in (rss_url(article), atom_url(article)):
        body = Client().get(url).content.decode()
        assert f"#comment-{kept.pk}" in body
        for gone in (held, rejected, deleted):
            assert f"#comment-{gone.pk}" not in body
        for text in ("Held back.", "Rejected text.", "Deleted text.", "Comment by Held", "Comment by Rejected"):
            assert text not in body
    assert len(rss_items(rss_url(article))) == 1
    assert len(atom_entries(atom_url(article))) == 1


def test_script_in_markdown_is_sanitised_in_the_description():
    thread = make_thread()
    post_as(thread, body='Hello <script>alert("x")</script> <img src=x onerror=alert(1)> world', author_name="Eve")
    for descriptions in (
        [i["description"] for i in rss_items(rss_url(thread.article))],
        [e["summary"] for e in atom_entries(atom_url(thread.article))],
    ):
        (html,) = descriptions
        assert "Hello" in html
        assert "<script" not in html.lower()
        assert "<img" not in html.lower()  # raw HTML stays text (escaped), never markup


def test_author_name_is_plain_text_and_private_fields_stay_out():
    thread = make_thread()
    comment = post_as(thread, body="Hi.", author_name="<b>Ada</b> & co", author_email="ada@example.org")
    stored = Comment.objects.get(pk=comment.pk)
    for url in (rss_url(thread.article), atom_url(thread.article)):
        body = Client().get(url).content.decode()
        assert "ada@example.org" not in body
        assert "example.org" not in body
        for secret in (stored.network_hash, stored.reader_key):
            if secret:
                assert secret not in body
        assert "<b>Ada</b>" not in body  # escaped as text, not markup
    assert rss_items(rss_url(thread.article))[0]["title"] == "Comment by <b>Ada</b> & co"
    assert atom_entries(atom_url(thread.article))[0]["author"] == "<b>Ada</b> & co"


def test_article_without_thread_or_comments_gives_an_empty_feed():
    bare = make_article()  # nobody opened its discussion: no thread row
    quiet = make_thread()  # a thread, no comments
    for article in (bare, quiet.article):
        assert rss_items(rss_url(article)) == []
        assert atom_entries(atom_url(article)) == []
    assert not Thread.objects.filter(article=bare).exists()  # reading the feed made no thread


def test_only_live_articles_have_a_comment_feed():
    draft = make_article(status=Article.Status.DRAFT)
    scheduled = make_article(status=Article.Status.SCHEDULED, published_at=timezone.now() + timedelta(days=1))
    client = Client()
    for article in (draft, scheduled):
        assert client.get(rss_url(article)).status_code == 404
        assert client.get(atom_url(article)).status_code == 404
    assert client.get("/articles/no-such-article/comments/feed/").status_code == 404
    assert client.get("/articles/no-such-article/comments/feed/atom/").status_code == 404


def test_at_most_fifty_items():
    thread = make_thread()
    for n in range(55):
        post_as(thread, reader(f"r{n}"), body=f"Comment {n}.")
    items = rss_items(rss_url(thread.article))
    assert len(items) == 50
    assert "Comment 54." in items[0]["description"]


def test_query_count_does_not_grow_with_comments(django_assert_max_num_queries):
    thread = make_thread()
    for n in range(20):
        post_as(thread, reader(f"r{n}"), body=f"Comment {n}.", author_name=f"Reader {n}")
    client = Client()
    # Article, thread, deepest level, then one query per level (here only top level).
    with django_assert_max_num_queries(4):
        assert client.get(rss_url(thread.article)).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(atom_url(thread.article)).status_code == 200


def test_replies_are_listed_among_top_level_comments_newest_first():
    thread = make_thread()
    first = post_as(thread, reader("a"), body="Top level first.", author_name="Ada")
    post_as(thread, reader("b", network="net-b"), body="A reply.", author_name="Bo", parent_id=first.pk)
    post_as(thread, reader("c", network="net-c"), body="Top level last.", author_name="Cy")
    descriptions = [item["description"] for item in rss_items(rss_url(thread.article))]
    assert ["last" in descriptions[0], "reply" in descriptions[1], "first" in descriptions[2]] == [True] * 3


def test_no_query_of_the_feed_walks_a_whole_table():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from masthead.testing.plans import whole_table_walks

    thread = make_thread()
    first = post_as(thread, reader("a"), body="Top level.", author_name="Ada")
    post_as(thread, reader("b", network="net-b"), body="A reply.", author_name="Bo", parent_id=first.pk)
    other = make_thread()
    post_as(other, reader("c", network="net-c"), body="Elsewhere.", author_name="Cy")
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(rss_url(thread.article)).status_code == 200
    walks = whole_table_walks(queries.captured_queries, ("discussion_comment",))
    assert not walks, "\n\n".join(walks)


def test_article_page_links_its_comment_feeds():
    article = make_article()
    html = Client().get(article.get_absolute_url()).content.decode()
    title = f"Comments on {article.headline}"
    assert f'type="application/rss+xml" title="{title} (RSS)" href="{rss_url(article)}"' in html
    assert f'type="application/atom+xml" title="{title} (Atom)" href="{atom_url(article)}"' in html
