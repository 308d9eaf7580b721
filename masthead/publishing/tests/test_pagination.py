"""Lists page newest first with "Newer" and "Older" links and no COUNT query; pages past the end are 404."""

import pytest

from masthead.testing.articles import make_article, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven(settings):
    settings.ARTICLES_PER_PAGE = 3
    topic = make_topic("Rivers")
    return [make_article(f"Story {i:02d}", topics=[topic]) for i in range(7)]


def _headlines(html: str) -> list[str]:
    return [f"Story {i:02d}" for i in range(7) if f"Story {i:02d}</a></h2>" in html]


def test_pages_walk_back_in_time(client, seven):
    first = client.get("/").content.decode()
    second = client.get("/?page=2").content.decode()
    last = client.get("/?page=3").content.decode()

    assert _headlines(first) == ["Story 04", "Story 05", "Story 06"]  # all three, newest first below
    assert first.index("Story 06") < first.index("Story 04")
    assert _headlines(second) == ["Story 01", "Story 02", "Story 03"]
    assert _headlines(last) == ["Story 00"]
    assert 'href="/?page=2" rel="next">Older stories' in first
    assert "Newer stories" not in first
    assert 'href="/" rel="prev">← Newer stories' in second
    assert 'href="/?page=3" rel="next"' in second
    assert 'href="/?page=2" rel="prev"' in last
    assert "Older stories" not in last


def test_topic_pages_page_too(client, seven):
    html = client.get("/topics/rivers/?page=2").content.decode()
    assert 'href="/topics/rivers/" rel="prev"' in html
    assert 'href="/topics/rivers/?page=3" rel="next"' in html


@pytest.mark.parametrize("page", ["0", "4", "-1", "abc", "99999"])
def test_bad_or_empty_pages_are_404(client, seven, page):
    assert client.get(f"/?page={page}").status_code == 404
