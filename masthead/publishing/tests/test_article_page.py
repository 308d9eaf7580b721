"""The article page's anatomy (PRODUCT.md), top to bottom, and what lists show."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Thread
from masthead.testing.articles import make_article, make_author, make_topic

pytestmark = pytest.mark.django_db


def _positions(html: str, markers: list[str]) -> list[int]:
    found = []
    for marker in markers:
        index = html.find(marker)
        assert index >= 0, f"{marker!r} missing from the page"
        found.append(index)
    return found


def test_article_page_has_the_anatomy_in_order(client):
    topic = make_topic("Rivers")
    writer = make_author("Ada Quill")
    make_article("Flood wall on the river is finished", "The river flood wall was finished this week.",
                 topics=[topic])
    article = make_article("River flood wall opens to walkers", "The river flood wall opened to walkers.",
                           topics=[topic], authors=[writer], image=True, standfirst="A path along the water.")

    html = client.get(article.get_absolute_url()).content.decode()

    support = reverse("funding:support")
    order = _positions(html, [
        '<h1 class="article__headline" id="article-headline">River flood wall opens to walkers</h1>',
        '<p class="article__standfirst">A path along the water.</p>',
        f'<a rel="author" href="{writer.get_absolute_url()}">Ada Quill</a>',
        'support-cta--top',
        'id="funding-slot"',  # the campaign's bar sits in the top call to action: the headline leads
        "<figure",
        'id="article-body"',
        "The river flood wall opened to walkers.",
        'support-cta--bottom',
        "More on this topic",
        "Flood wall on the river is finished",
        'id="discussion-slot"',
    ])
    assert order == sorted(order)
    for cta in ("support-cta--top", "support-cta--bottom"):
        block = html[html.index(cta):]
        assert f'href="{support}">Support {settings.PUBLICATION_NAME}</a>' in block[:block.index("</aside>")]
    assert html.count(f'href="{support}"') >= 3  # header, before and after the article
    assert html.count("<h1") == 1
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT[^"]+" class="byline__published">', html)
    figure = html[html.index("<figure"):html.index("</figure>")]
    assert 'alt="A calm river under an evening sky."' in figure
    assert 'width="1200" height="675"' in figure
    assert "<figcaption>Illustrative image: a river at dusk.</figcaption>" in figure


def test_home_lists_latest_with_authors_and_topic_links(client):
    topic = make_topic("City hall")
    writer = make_author("Bo Lindqvist")
    old = make_article("Budget passes", topics=[topic], authors=[writer])
    new = make_article("Library hours extended", topics=[topic], authors=[writer], image=True)

    html = client.get("/").content.decode()

    assert html.index(new.headline) < html.index(old.headline)
    assert "Bo Lindqvist" in html
    assert f'href="{topic.get_absolute_url()}"' in html  # kicker and header navigation
    assert '<nav class="topic-nav" aria-label="Topics">' in html
    assert 'class="skip-link" href="#main"' in html
    assert 'comment' not in html.split('class="cards')[1].split("</main>")[0]  # counts shown only when known


def test_topic_and_author_pages_list_only_their_articles(client):
    rivers, roads = make_topic("Rivers"), make_topic("Roads")
    ada, bo = make_author("Ada"), make_author("Bo")
    on_rivers = make_article("Weir repaired", topics=[rivers], authors=[ada])
    on_roads = make_article("Pothole season", topics=[roads], authors=[bo])

    topic_html = client.get(rivers.get_absolute_url()).content.decode()
    author_html = client.get(bo.get_absolute_url()).content.decode()

    assert on_rivers.headline in topic_html
    assert on_roads.headline not in topic_html
    assert on_roads.headline in author_html
    assert on_rivers.headline not in author_html
    assert client.get("/topics/nope/").status_code == 404
    assert client.get("/authors/nope/").status_code == 404


def test_lists_and_articles_show_comment_counts_when_the_discussion_knows_them(client, monkeypatch):
    quiet = make_article("Nobody has commented")
    busy = make_article("Everyone has commented")
    calls = []

    def counts(ids):
        calls.append(list(ids))
        return {busy.pk: 2500}

    monkeypatch.setattr("masthead.publishing.views.comment_counts", counts)

    html = client.get("/").content.decode()
    assert len(calls) == 1  # one call for the whole page
    assert set(calls[0]) == {quiet.pk, busy.pk}
    assert f'href="{busy.get_absolute_url()}#discussion-slot">2,500 comments</a>' in html
    assert f'href="{quiet.get_absolute_url()}#discussion-slot"' not in html
    # The article page reads its own count from the thread it renders (the same version as its discussion).
    Thread.objects.filter(pk=thread_for_article(busy).pk).update(comment_count=2500)
    article_html = client.get(busy.get_absolute_url()).content.decode()
    assert '<a class="byline__comments" href="#discussion-slot">2,500 comments</a>' in article_html
