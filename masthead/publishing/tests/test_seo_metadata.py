"""NewsArticle JSON-LD, Open Graph and Twitter cards, canonical URLs: what search engines and previews read."""

import json
import re
from html.parser import HTMLParser

import pytest

from masthead.testing.articles import make_article, make_author, make_topic

pytestmark = pytest.mark.django_db
SITE = "https://news.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        key = a.get("property") or a.get("name")
        rel = a.get("rel")
        if tag == "meta" and key:
            self.meta.setdefault(key, a.get("content") or "")
        elif tag == "link" and rel:
            self.links.setdefault(rel, a.get("href") or "")
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld[-1] += data


def _head(client, url: str) -> _Head:
    parser = _Head()
    parser.feed(client.get(url).content.decode())
    return parser


def test_article_jsonld_names_headline_dates_authors_image_and_publisher(client, settings):
    ada, bo = make_author("Ada Quill"), make_author("Bo Lindqvist")
    article = make_article("Weir repaired", authors=[ada, bo], topics=[make_topic("Rivers")], image=True)
    assert article.published_at is not None

    head = _head(client, article.get_absolute_url())

    data = json.loads(head.jsonld[0])
    url = f"{SITE}{article.get_absolute_url()}"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Weir repaired"
    assert data["datePublished"] == article.published_at.isoformat()
    assert data["dateModified"] == article.published_at.isoformat()
    assert [a["name"] for a in data["author"]] == ["Ada Quill", "Bo Lindqvist"]
    assert data["author"][0]["url"] == f"{SITE}{ada.get_absolute_url()}"
    assert data["image"]["url"] == f"{SITE}{article.featured_image.url}"
    assert (data["image"]["width"], data["image"]["height"]) == (1200, 675)
    assert data["publisher"]["name"] == settings.PUBLICATION_NAME
    assert data["mainEntityOfPage"]["@id"] == url
    assert data["articleSection"] == "Rivers"


def test_open_graph_twitter_and_canonical(client):
    article = make_article("Weir repaired", image=True, standfirst="The weir is fixed.")
    assert article.published_at is not None

    head = _head(client, article.get_absolute_url())

    url = f"{SITE}{article.get_absolute_url()}"
    assert head.links["canonical"] == url
    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == "Weir repaired"
    assert head.meta["og:description"] == "The weir is fixed."
    assert head.meta["og:url"] == url
    assert head.meta["og:image"] == f"{SITE}{article.featured_image.url}"
    assert head.meta["og:image:alt"] == article.image_alt
    assert head.meta["article:published_time"] == article.published_at.isoformat()
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["twitter:image"] == head.meta["og:image"]


def test_jsonld_cannot_be_broken_out_of_by_a_headline(client):
    hostile = 'Pipes </script><script>alert("x")</script> & <!-- more'
    article = make_article(hostile, standfirst=hostile)

    html = client.get(article.get_absolute_url()).content.decode()

    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found is not None
    block = found.group(1)
    assert "<" not in block
    assert ">" not in block
    assert json.loads(block)["headline"] == hostile
    assert "<script>alert" not in html


def test_listing_pages_have_canonical_urls_and_website_jsonld(client):
    make_article("One")
    head = _head(client, "/")
    assert head.links["canonical"] == f"{SITE}/"
    assert json.loads(head.jsonld[0])["@type"] == "WebSite"
    topic = make_topic("Rivers")
    assert _head(client, topic.get_absolute_url()).links["canonical"] == f"{SITE}/topics/rivers/"


def test_without_a_standfirst_the_first_paragraph_describes_the_article(client):
    article = make_article("Weir repaired", body="The weir is **fixed**.\n\nMore later.", standfirst="")
    head = _head(client, article.get_absolute_url())
    assert head.meta["description"] == "The weir is fixed."
    assert head.meta["og:description"] == "The weir is fixed."
    assert json.loads(head.jsonld[0])["description"] == "The weir is fixed."


def test_topic_and_author_pages_describe_themselves(client):
    topic = make_topic("Rivers", description="The Wend and its banks.")
    author = make_author("Ada Quill", bio="Covers the river.")
    make_article(topics=[topic], authors=[author])

    collection = json.loads(_head(client, topic.get_absolute_url()).jsonld[0])
    profile = json.loads(_head(client, author.get_absolute_url()).jsonld[0])

    assert collection["@type"] == "CollectionPage"
    assert collection["name"] == "Rivers"
    assert profile["@type"] == "ProfilePage"
    assert profile["mainEntity"] == {"@type": "Person", "name": "Ada Quill", "url": f"{SITE}/authors/ada-quill/",
                                     "description": "Covers the river."}
