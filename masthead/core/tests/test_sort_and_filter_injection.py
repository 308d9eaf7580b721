"""SECURITY.md, SQL injection through sort or filter parameters: every query parameter any page or endpoint reads is
mapped from a fixed set (or parsed as a bounded number) before it reaches the ORM.

Each hostile value is sent to every page that reads query parameters, readers' and staff's. The test watches every
statement the database receives (its SQL text and its parameters) and asserts the value never arrives there, and
that the answer is a page, a 4xx or a redirect, never a 500. ``discussion/tests/test_security.py`` checks the
discussion's sort fallback itself; this covers the remaining filters and the staff pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import Client

from masthead.discussion.actions import thread_for_article
from masthead.testing.articles import make_article, make_author, make_topic
from masthead.testing.discussion import post_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]

MARK = "zqxj"  # in every hostile value, so it can be looked for in what the database receives
HOSTILE = [
    f"{MARK}'; DROP TABLE auth_user; --",
    f"{MARK}' OR '1'='1",
    f"(SELECT password FROM auth_user) {MARK}",  # noqa: S608 - hostile input, sent as a query parameter
    f"{MARK}__gt",
    f"-{MARK}",
    f"author_email,{MARK}",
    f"1 UNION SELECT 1 {MARK}",
    f"{MARK}%27%20OR%201%3D1",
    f"{MARK}\x00",
    f"{MARK}" * 200,
]
# Column names a careless view would hand to order_by(): refused or ignored, never a 500.
FIELD_NAMES = ["author_email", "-network_hash", "edit_token_hash", "pk", "?", "user__password"]
OK = {200, 302, 400, 404}


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every SQL text and every parameter the database is sent while the block runs."""
    seen: list[str] = []

    def watch(execute, sql, params, many, context):
        seen.append(str(sql))
        for row in (params or []) if many else [params or []]:
            seen.extend(str(value) for value in (row.values() if isinstance(row, dict) else row))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        yield seen


def _superuser():
    from django.contrib.auth.models import User

    return User.objects.create_superuser("boss", "boss@example.org", "pw-for-tests-only")


@pytest.fixture
def site():
    author, topic = make_author("Ines Ortiz"), make_topic("Transport")
    article = make_article("Buses return to Mill Road", authors=[author], topics=[topic])
    thread = thread_for_article(article)
    post_as(thread, body="First thoughts on the buses.")
    return {"article": article, "thread": thread, "author": author, "topic": topic}


def reader_requests(site) -> list[tuple[str, str]]:
    article, thread = site["article"], site["thread"]
    page = article.get_absolute_url()
    return [
        (page, "sort"), (page, "after"), (page, "pages"), (page, "replyto"), (page, "filter"), (page, "notify"),
        (f"/discussion/threads/{thread.pk}/page", "sort"), (f"/discussion/threads/{thread.pk}/page", "after"),
        (f"/api/discussion/threads/{thread.pk}/comments", "sort"),
        (f"/api/discussion/threads/{thread.pk}/comments", "after"),
        ("/api/discussion/counts", "article"),
        (f"/api/passages/articles/{article.pk}/passages", "filter"),
        ("/", "page"), (f"/topics/{site['topic'].slug}/", "page"), (f"/authors/{site['author'].slug}/", "page"),
        ("/support/", "article"),
    ]


STAFF_REQUESTS = [
    ("/moderation/", "tab"), ("/moderation/", "after"),
    ("/support/staff/export.csv", "campaign"),
    ("/admin/discussion/comment/", "o"),
    ("/admin/publishing/article/", "o"),
    ("/admin/funding/donation/", "o"),
]


def _assert_never_reaches_sql(client: Client, path: str, param: str, value: str) -> None:
    with statements() as seen:
        response = client.get(path, {param: value})
    assert response.status_code in OK, (path, param, value, response.status_code)
    leaked = [text for text in seen if MARK in text]
    assert not leaked, (path, param, leaked[:2])


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_reader_parameters_never_reach_the_database(site, value):
    client = Client()
    for path, param in reader_requests(site):
        _assert_never_reaches_sql(client, path, param, value)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_staff_parameters_never_reach_the_database(site, value):
    client = Client()
    client.force_login(_superuser())
    for path, param in STAFF_REQUESTS:
        _assert_never_reaches_sql(client, path, param, value)


@pytest.mark.parametrize("value", FIELD_NAMES)
def test_column_names_as_sort_or_filter_values_are_refused_or_ignored(site, value):
    readers, staff = Client(), Client()
    staff.force_login(_superuser())
    for client, requests in ((readers, reader_requests(site)), (staff, STAFF_REQUESTS)):
        for path, param in requests:
            response = client.get(path, {param: value})
            assert response.status_code in OK, (path, param, value, response.status_code)


def test_the_watch_sees_client_text_that_does_reach_the_database(site):
    """The control for the tests above: a free-text admin search is sent (as a bound parameter) and is seen."""
    client = Client()
    client.force_login(_superuser())
    with statements() as seen:
        assert client.get("/admin/discussion/comment/", {"q": MARK}).status_code == 200
    assert any(MARK in text for text in seen)
