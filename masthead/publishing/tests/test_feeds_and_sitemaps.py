"""RSS, Atom, sitemap.xml, the Google News sitemap and robots.txt parse as XML/text with the expected parts."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.publishing.feeds import SLASH_NS, THREAD_NS
from masthead.testing.articles import make_article, make_author, make_topic

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
SITE = "https://news.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE
    settings.PUBLICATION_NAME = "The Lantern & Co"


@pytest.fixture
def articles():
    rivers, arts = make_topic("Rivers"), make_topic("Arts")
    writer = make_author("Ada Quill")
    return {
        "river": make_article("Weir <repaired> & reopened", topics=[rivers], authors=[writer], image=True),
        "arts": make_article("Gallery opens", topics=[arts], authors=[writer]),
        "old": make_article("Old news", topics=[rivers], published_at=timezone.now() - timedelta(days=5)),
    }


def _xml(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert "xml" in response["Content-Type"]
    return ET.fromstring(response.content)  # noqa: S314 - our own server's output


def _one(element: ET.Element, path: str) -> ET.Element:
    found = element.find(path)
    assert found is not None, path
    return found


def test_rss_feed(client, articles):
    rss = _xml(client, "/feed/")

    channel = _one(rss, "channel")
    assert rss.tag == "rss"
    assert rss.get("version") == "2.0"
    assert channel.findtext("title") == "The Lantern & Co"
    assert channel.findtext("link") == f"{SITE}/"
    assert channel.findtext("language") == "en"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Gallery opens", "Weir <repaired> & reopened", "Old news"]
    first = items[1]
    assert first.findtext("link") == f"{SITE}{articles['river'].get_absolute_url()}"
    assert first.findtext("pubDate")
    assert first.findtext("category") == "Rivers"
    assert (first.findtext("comments") or "").endswith("#discussion-slot")
    assert "{http://purl.org/rss/1.0/modules/content/}encoded" in [c.tag for c in first]


def test_rss_items_carry_comment_counts_when_the_discussion_knows_them(client, articles, monkeypatch):
    monkeypatch.setattr("masthead.publishing.feeds.comment_counts", lambda ids: {articles["river"].pk: 7})
    channel = _one(_xml(client, "/feed/"), "channel")
    counts = {i.findtext("title"): i.findtext(f"{{{SLASH_NS}}}comments") for i in channel.findall("item")}
    assert counts == {"Gallery opens": None, "Weir <repaired> & reopened": "7", "Old news": None}


def test_atom_feed(client, articles, monkeypatch):
    monkeypatch.setattr("masthead.publishing.feeds.comment_counts", lambda ids: {articles["arts"].pk: 2})
    feed = _xml(client, "/feed/atom/")

    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    arts = entries[0]
    assert arts.findtext(f"{ATOM}title") == "Gallery opens"
    assert _one(arts, f"{ATOM}link").get("href") == f"{SITE}{articles['arts'].get_absolute_url()}"
    assert arts.findtext(f"{ATOM}published")
    assert arts.findtext(f"{ATOM}updated")
    assert _one(arts, f"{ATOM}author").findtext(f"{ATOM}name") == "Ada Quill"
    replies = [link for link in arts.findall(f"{ATOM}link") if link.get("rel") == "replies"]
    assert replies[0].get(f"{{{THREAD_NS}}}count") == "2"


def test_rss_items_carry_the_featured_image_as_an_enclosure(client, articles):
    river = articles["river"]
    items = {i.findtext("title"): i for i in _one(_xml(client, "/feed/"), "channel").findall("item")}
    [enclosure] = items["Weir <repaired> & reopened"].findall("enclosure")
    assert enclosure.get("url") == f"{SITE}{river.featured_image.url}"
    assert enclosure.get("type") == "image/png"
    assert enclosure.get("length") == str(river.featured_image.size)
    assert int(enclosure.get("length", "")) > 0
    assert items["Gallery opens"].findall("enclosure") == []  # no image, no enclosure


def test_atom_entries_link_the_featured_image_as_an_enclosure(client, articles):
    river = articles["river"]
    entries = {e.findtext(f"{ATOM}title"): e for e in _xml(client, "/feed/atom/").findall(f"{ATOM}entry")}
    [link] = [x for x in entries["Weir <repaired> & reopened"].findall(f"{ATOM}link") if x.get("rel") == "enclosure"]
    assert link.get("href") == f"{SITE}{river.featured_image.url}"
    assert link.get("type") == "image/png"
    assert link.get("length") == str(river.featured_image.size)


def test_an_image_missing_from_storage_gives_no_enclosure(client, articles):
    articles["river"].featured_image.storage.delete(articles["river"].featured_image.name)
    items = _one(_xml(client, "/feed/"), "channel").findall("item")
    assert all(i.findall("enclosure") == [] for i in items)


def test_topic_feeds_list_only_that_topic(client, articles):
    rss = _xml(client, "/topics/rivers/feed/")
    titles = [i.findtext("title") for i in _one(rss, "channel").findall("item")]
    assert titles == ["Weir <repaired> & reopened", "Old news"]
    atom = _xml(client, "/topics/arts/feed/atom/")
    assert [e.findtext(f"{ATOM}title") for e in atom.findall(f"{ATOM}entry")] == ["Gallery opens"]
    assert client.get("/topics/nope/feed/").status_code == 404


def test_sitemap_index_pages_and_articles(client, articles):
    index = _xml(client, "/sitemap.xml")
    assert index.tag == f"{SM}sitemapindex"
    locs = [s.findtext(f"{SM}loc") for s in index.findall(f"{SM}sitemap")]
    assert locs == [f"{SITE}/sitemaps/pages.xml", f"{SITE}/sitemaps/articles-1.xml", f"{SITE}/news-sitemap.xml"]

    pages = _xml(client, "/sitemaps/pages.xml")
    page_locs = {u.findtext(f"{SM}loc") for u in pages.findall(f"{SM}url")}
    assert {f"{SITE}/", f"{SITE}/topics/rivers/", f"{SITE}/authors/ada-quill/"} <= page_locs

    urlset = _xml(client, "/sitemaps/articles-1.xml")
    urls = urlset.findall(f"{SM}url")
    assert {u.findtext(f"{SM}loc") for u in urls} == {f"{SITE}{a.get_absolute_url()}" for a in articles.values()}
    assert all(u.findtext(f"{SM}lastmod") for u in urls)
    images = urlset.findall(".//{http://www.google.com/schemas/sitemap-image/1.1}loc")
    assert len(images) == 1
    assert (images[0].text or "").startswith(f"{SITE}/media/articles/")
    assert client.get("/sitemaps/articles-2.xml").status_code == 404


def test_news_sitemap_has_the_last_two_days(client, articles):
    urlset = _xml(client, "/news-sitemap.xml")

    urls = urlset.findall(f"{SM}url")
    assert {u.findtext(f"{SM}loc") for u in urls} == {
        f"{SITE}{articles['river'].get_absolute_url()}", f"{SITE}{articles['arts'].get_absolute_url()}",
    }
    news = _one(urls[0], f"{NEWS}news")
    assert _one(news, f"{NEWS}publication").findtext(f"{NEWS}name") == "The Lantern & Co"
    assert _one(news, f"{NEWS}publication").findtext(f"{NEWS}language") == "en"
    assert news.findtext(f"{NEWS}publication_date")
    assert news.findtext(f"{NEWS}title") in {"Weir <repaired> & reopened", "Gallery opens"}


def test_robots_txt_points_at_the_sitemaps(client):
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()
    assert response["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/news-sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_syndicated_and_external_articles_stay_out_of_the_sitemaps(client, articles):
    from masthead.publishing.actions import do_register_external_article

    syndicated = make_article("Wire story, first published elsewhere", canonical_url="https://wire.example/story")
    ours_anyway = make_article("Canonical here, written out", canonical_url=f"{SITE}/articles/canonical-here/")
    do_register_external_article("https://partner.example/column", "A partner's column")
    expected = {f"{SITE}{a.get_absolute_url()}" for a in [*articles.values(), ours_anyway]}

    urlset = _xml(client, "/sitemaps/articles-1.xml")
    assert {u.findtext(f"{SM}loc") for u in urlset.findall(f"{SM}url")} == expected
    news = {u.findtext(f"{SM}loc") or "" for u in _xml(client, "/news-sitemap.xml").findall(f"{SM}url")}
    assert f"{SITE}{syndicated.get_absolute_url()}" not in news
    assert f"{SITE}{ours_anyway.get_absolute_url()}" in news
    assert not any("external" in loc or "partner" in loc for loc in news)


def test_syndicated_stories_stay_out_of_the_feeds_but_not_off_the_site(client, articles):
    """A feed lists our own stories: a story first published elsewhere (canonical on another site) is not offered
    to feed readers and aggregators as ours; one whose canonical address is written out on this site is.
    Readers still find the syndicated story on the home and topic pages, where its page points at the original."""
    rivers = articles["river"].topics.get()
    syndicated = make_article("Wire story, first published elsewhere", topics=[rivers],
                              canonical_url="https://wire.example/story")
    ours_anyway = make_article("Canonical here, written out", topics=[rivers],
                               canonical_url=f"{SITE}/articles/canonical-here/")

    for url in ("/feed/", f"/topics/{rivers.slug}/feed/"):
        titles = [i.findtext("title") for i in _one(_xml(client, url), "channel").findall("item")]
        assert syndicated.headline not in titles, url
        assert ours_anyway.headline in titles, url
    for url in ("/feed/atom/", f"/topics/{rivers.slug}/feed/atom/"):
        titles = [e.findtext(f"{ATOM}title") for e in _xml(client, url).findall(f"{ATOM}entry")]
        assert syndicated.headline not in titles, url
        assert ours_anyway.headline in titles, url
    assert syndicated.headline in client.get("/").content.decode()
    assert syndicated.headline in client.get(f"/topics/{rivers.slug}/").content.decode()
