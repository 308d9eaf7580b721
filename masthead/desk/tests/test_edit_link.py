"""The article page's "Edit this article" link opens the desk's writing screen for the staff who can use the desk,
and is shown to nobody else (a moderator is staff too, but writes no stories)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from masthead.testing.articles import make_article

pytestmark = pytest.mark.django_db


def _edit_links(client: Client, url: str) -> list[str]:
    page = client.get(url)
    assert page.status_code == 200
    return re.findall(r'<a href="([^"]+)">Edit this article</a>', page.content.decode())


@pytest.mark.parametrize("role", ["editor", "contributor"])
def test_a_writer_on_the_article_page_is_sent_to_the_desk(request, role):
    client = request.getfixturevalue(role)
    article = make_article("Ferry timetable changes")
    links = _edit_links(client, article.get_absolute_url())
    assert links == [f"/desk/articles/{article.pk}/"]
    assert client.get(links[0]).status_code == 200  # the link opens the writing screen for them


def test_readers_and_moderators_get_no_edit_link(moderator):
    article = make_article("Library hours")
    assert _edit_links(moderator, article.get_absolute_url()) == []
    assert _edit_links(Client(), article.get_absolute_url()) == []
