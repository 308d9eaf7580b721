"""The in-process cache of shared pages, through the real ASGI server: fresh within a second, never personal."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from email.message import Message

import pytest

from masthead.discussion.actions import NewComment, do_post_comment, thread_for_article
from masthead.discussion.tests.helpers import reader
from masthead.publishing.tests.factories import make_article

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("relaxed_moderation")]


def fetch(url: str, **headers: str) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def post_visible_comment(article, body: str) -> None:
    do_post_comment(thread_for_article(article), reader("page-cache"), NewComment(body=body, author_name="Ada"))


def test_a_shared_page_is_served_from_memory_for_one_second(live_site):
    article = make_article("Ferry timetable")
    url = f"{live_site.url}{article.get_absolute_url()}"
    status, headers, first = fetch(url)
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=0, s-maxage=1"

    post_visible_comment(article, "The early ferry is back.")
    _, _, cached = fetch(url)
    assert cached == first  # the same bytes, answered without rendering
    time.sleep(1.1)
    _, _, fresh = fetch(url)
    assert b"The early ferry is back." in fresh  # shown within the one-second bound


def test_personal_readers_and_other_pages_are_never_served_from_it(live_site):
    article = make_article("Bridge tolls")
    url = f"{live_site.url}{article.get_absolute_url()}"
    fetch(url)  # fills the cache
    post_visible_comment(article, "Tolls should stay.")
    _, headers, personal = fetch(url, Cookie="mh_reader=someone")
    assert b"Tolls should stay." in personal  # a reader with a personal cookie always gets a fresh page
    assert headers["Cache-Control"] == "private, max-age=0"
    status, _, _ = fetch(f"{live_site.url}/healthz")
    assert status == 200


def test_a_cached_page_answers_if_none_match_with_304(live_site):
    article = make_article("Library hours")
    url = f"{live_site.url}{article.get_absolute_url()}"
    _, headers, _ = fetch(url)
    status, again, body = fetch(url, **{"If-None-Match": headers["ETag"]})
    assert status == 304
    assert body == b""
    assert again["ETag"] == headers["ETag"]


def test_the_cache_can_be_switched_off(settings):
    from importlib import reload

    import masthead.asgi
    from masthead.core.page_cache import SharedPageCache

    assert isinstance(masthead.asgi.application, SharedPageCache)
    settings.PAGE_CACHE = False
    try:
        assert not isinstance(reload(masthead.asgi).application, SharedPageCache)
    finally:
        settings.PAGE_CACHE = True
        reload(masthead.asgi)
