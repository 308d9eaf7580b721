"""Error pages wear the site frame (header, footer, viewport, the publication's name); the 500 page renders with
the database down, and a database that cannot be reached is a 503 to retry rather than a 500."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

FRAME = ('<meta name="viewport" content="width=device-width, initial-scale=1">', 'class="site-header"',
         'class="site-footer"', "The Lantern", 'href="/"')


def assert_framed(html: str) -> None:
    for part in FRAME:
        assert part in html, f"{part!r} missing from the error page"


def test_not_found_is_a_page_of_the_site():
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert_framed(html)
    assert "We could not find that page" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "<title>Page not found — The Lantern</title>" in html


def test_forbidden_is_a_page_of_the_site(settings):
    settings.ROOT_URLCONF = "masthead.core.tests.error_urls"
    response = Client().get("/test-errors/forbidden")
    assert response.status_code == 403
    assert_framed(response.content.decode())


def test_bad_request_is_a_page_of_the_site():
    response = Client(HTTP_HOST="not-our-site.example").get("/")
    assert response.status_code == 400
    assert_framed(response.content.decode())


def test_server_error_renders_in_the_frame_with_the_database_down(settings, django_db_blocker):
    settings.ROOT_URLCONF = "masthead.core.tests.error_urls"
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    with django_db_blocker.block():  # any query, by the view or by the error page, would now raise
        response = client.get("/test-errors/broken")
    assert response.status_code == 500
    html = response.content.decode()
    assert_framed(html)
    assert "Something went wrong on our side" in html
    assert 'class="topic-nav' not in html  # the topic links need the database: left out
    assert response["Cache-Control"] == "no-store"
    assert "Retry-After" not in response


def test_a_database_that_cannot_be_reached_is_a_503_to_retry(settings, django_db_blocker):
    # Refused, restarting, or the pool's wait over (core/unavailable.py): the request may be repeated as it is.
    settings.ROOT_URLCONF = "masthead.core.tests.error_urls"
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    with django_db_blocker.block():
        page = client.get("/test-errors/database-gone")
        api = client.get("/api/test-errors/database-gone")
    assert page.status_code == 503
    assert page["Retry-After"] == "5"
    assert page["Cache-Control"] == "no-store"
    html = page.content.decode()
    assert_framed(html)
    assert "We are back in a moment" in html
    assert 'class="topic-nav' not in html
    assert api.status_code == 503
    assert api["Retry-After"] == "5"
    assert api.json() == {"detail": "The site is briefly unavailable; please try again in a few seconds."}
