"""The in-process cache of shared pages, through the real ASGI server: fresh within a second, never personal."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from email.message import Message

import pytest

from masthead.discussion.actions import NewComment, submit_comment, thread_for_article
from masthead.testing.articles import make_article
from masthead.testing.discussion import reader

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("relaxed_moderation")]


def fetch(url: str, **headers: str) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def post_visible_comment(article, body: str) -> None:
    submit_comment(thread_for_article(article), reader("page-cache"), NewComment(body=body, author_name="Ada"))


def sleep_until_next_second() -> int:
    """Sleep to just after the next whole-second boundary; return that second."""
    time.sleep(1 - time.time() % 1 + 0.01)
    return int(time.time())


def test_a_shared_page_is_served_from_memory_until_the_end_of_its_second(live_site):
    article = make_article("Ferry timetable")
    url = f"{live_site.url}{article.get_absolute_url()}"
    second = sleep_until_next_second()
    status, headers, first = fetch(url)
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=0, s-maxage=1"
    # nginx keeps its copy while its whole-second clock has not passed this: to the same boundary.
    assert headers["X-Accel-Expires"] == f"@{second}"

    post_visible_comment(article, "The early ferry is back.")
    _, again, cached = fetch(url)
    assert cached == first  # the same bytes, answered without rendering
    assert again["X-Accel-Expires"] == f"@{second}"
    assert int(time.time()) == second, "the machine was too slow for this test's timing"
    sleep_until_next_second()
    _, fresh_headers, fresh = fetch(url)
    assert b"The early ferry is back." in fresh  # shown from the next second on: always under a second later
    assert fresh_headers["X-Accel-Expires"] == f"@{second + 1}"


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
    sleep_until_next_second()
    _, headers, _ = fetch(url)
    status, again, body = fetch(url, **{"If-None-Match": headers["ETag"]})
    assert status == 304
    assert body == b""
    assert again["ETag"] == headers["ETag"]
    # A revalidating nginx takes the new lifetime from the 304: it must end at the same boundary.
    assert again["X-Accel-Expires"] == headers["X-Accel-Expires"]


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


def test_a_revalidation_that_misses_fills_the_cache_for_everyone(live_site):
    article = make_article("Tram depot")
    thread_for_article(article)  # otherwise the first view creates the thread, and the page (and ETag) changes
    url = f"{live_site.url}{article.get_absolute_url()}"
    sleep_until_next_second()
    _, headers, _ = fetch(url)
    etag = headers["ETag"]
    second = sleep_until_next_second()  # the copy is gone; the next request finds the cache empty
    status, again, body = fetch(url, **{"If-None-Match": etag})
    assert status == 304  # still answered as a revalidation
    assert body == b""
    assert again["X-Accel-Expires"] == f"@{second}"
    post_visible_comment(article, "The depot reopens in May.")
    _, _, page = fetch(url)
    assert b"The depot reopens in May." not in page  # the full page was kept by the revalidation's render
    assert int(time.time()) == second, "the machine was too slow for this test's timing"


# --- every kind of request that passes through the cache ----------------------------------------------------


def test_a_signed_in_readers_page_is_neither_served_from_nor_kept_in_the_cache(live_site, settings):
    from django.contrib.auth.models import User
    from django.test import Client

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # a persona, not a login test
    article = make_article("Harbour dredging")
    url = f"{live_site.url}{article.get_absolute_url()}"
    staff = Client()
    staff.force_login(User.objects.create_superuser("editor", password="pw-for-tests-only"))
    session = f"sessionid={staff.cookies['sessionid'].value}"
    sleep_until_next_second()
    _, headers, page = fetch(url, Cookie=session)
    assert headers["Cache-Control"] == "private, max-age=0"
    assert b"Edit this article" in page  # the editor's own page
    _, headers, anonymous = fetch(url)
    assert headers["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert b"Edit this article" not in anonymous  # the editor's copy was not kept for everyone
    post_visible_comment(article, "Dredging starts Monday.")
    _, _, fresh = fetch(url, Cookie=f"theme=dark; {session}")
    assert b"Dredging starts Monday." in fresh  # not the anonymous copy of this second either


def test_an_error_is_never_kept(live_site):
    from masthead.publishing.actions import do_publish_article
    from masthead.publishing.models import Article

    article = make_article("Night market", status=Article.Status.DRAFT)
    url = f"{live_site.url}{article.get_absolute_url()}"
    sleep_until_next_second()
    status, headers, _ = fetch(url)
    assert status == 404
    assert "public" not in (headers["Cache-Control"] or "")
    do_publish_article(article)
    status, _, page = fetch(url)
    assert status == 200  # within the same second: the 404 was passed on, not kept
    assert b"Night market" in page


def test_head_is_answered_from_the_cache_without_a_body(live_site):
    article = make_article("Ferry fares")
    url = f"{live_site.url}{article.get_absolute_url()}"
    sleep_until_next_second()
    _, get_headers, body = fetch(url)
    answers = []
    for _ in range(2):  # the first fills the cache for HEAD, the second is answered from it
        request = urllib.request.Request(url, method="HEAD")
        with urllib.request.urlopen(request, timeout=10) as response:
            answers.append((response.status, response.headers, response.read()))
    for status, headers, head_body in answers:
        assert (status, head_body) == (200, b"")
        assert headers["ETag"] == get_headers["ETag"]
        assert headers["Cache-Control"] == "public, max-age=0, s-maxage=1"
        assert headers["Content-Length"] == str(len(body))


def test_every_anonymous_reader_of_the_funding_bar_gets_its_own_stream(live_site, settings):
    """Three anonymous readers stream one campaign's totals at once (as curl: no cookie, no Accept header): each
    gets the current totals at once, then the change. The page cache once held every stream but the first."""
    from masthead.funding.models import Campaign
    from masthead.testing import stripe_fakes as fakes
    from masthead.testing.streams import close_all, open_streams

    settings.STRIPE_WEBHOOK_SECRET = fakes.SECRET
    campaign = Campaign.objects.create(name="Monthly goal", goal=500_000, is_active=True)
    streams = open_streams(f"{live_site.url}/support/live/{campaign.pk}/", 3, timeout=5)
    try:
        for stream in streams:
            [(name, first)] = stream.wait_for(1)
            assert (name, first["raised"]) == ("totals", 0)
        payload = fakes.body(fakes.event("checkout.session.completed",
                                         fakes.checkout_session("pi_three", 25_000, campaign.pk)))
        request = urllib.request.Request(f"{live_site.url}/support/webhooks/stripe/", data=payload, method="POST",
                                         headers={"Content-Type": "application/json",
                                                  "Stripe-Signature": fakes.sign(payload)})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
        for stream in streams:
            events = stream.wait_for(2)
            assert [(name, data["raised"]) for name, data in events] == [("totals", 0), ("totals", 25_000)]
    finally:
        close_all(streams)
