"""The header's topic navigation: placed topics first, then the busiest; refreshed when topics change."""

import re

import pytest

from masthead.publishing import actions
from masthead.testing.articles import make_article, make_topic

pytestmark = pytest.mark.django_db


def _nav(client, url: str = "/") -> list[str]:
    html = client.get(url).content.decode()
    nav = html[html.index('aria-label="Topics"'):html.index("</nav>")]
    return re.findall(r'<a href="[^"]+"[^>]*>([^<]+)</a>', nav)


def test_placed_topics_come_first_then_the_busiest(client):
    quiet, busy = make_topic("Quiet"), make_topic("Busy")
    make_topic("Placed", nav_position=1)
    make_topic("Empty")
    make_article(topics=[quiet])
    for _ in range(3):
        make_article(topics=[busy])

    assert _nav(client) == ["Latest", "Placed", "Busy", "Quiet"]  # "Empty" has no live article


def test_the_current_topic_is_marked(client):
    topic = make_topic("Rivers")
    make_article(topics=[topic])
    html = client.get(topic.get_absolute_url()).content.decode()
    assert f'<a href="{topic.get_absolute_url()}" aria-current="page">Rivers</a>' in html


def test_renaming_a_topic_updates_the_cached_nav(client, django_capture_on_commit_callbacks):
    topic = make_topic("Rivers")
    make_article(topics=[topic])
    assert "Rivers" in _nav(client)

    topic.name = "Waterways"
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_save_topic(topic)

    assert _nav(client) == ["Latest", "Waterways"]


def test_the_header_lists_every_topic_with_articles(client):
    names = [f"Topic {n}" for n in range(1, 10)]  # more than the seven the header used to stop at
    for name in names:
        make_article(topics=[make_topic(name)])

    assert sorted(_nav(client)) == sorted(["Latest", *names])
