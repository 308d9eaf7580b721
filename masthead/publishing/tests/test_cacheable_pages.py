"""An anonymous article page is the same bytes for every reader, sets no cookie and says caches may share it."""

import pytest
from django.test import Client

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment, DiscussionSettings
from masthead.testing.articles import make_article

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"}


def _anonymous_get(url: str):
    response = Client(enforce_csrf_checks=True).get(url)  # a new client each time: no cookie is ever sent
    assert response.status_code == 200
    return response


def _assert_shareable(response) -> None:
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in response
    assert "Cookie" not in response.get("Vary", "")
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert response["X-Accel-Expires"].startswith("@")  # nginx ends its copy at a second boundary
    assert b"csrfmiddlewaretoken" not in response.content


def _post_comment_as_a_browser(thread_id: int, body: str, remote_addr: str):
    browser = Client(enforce_csrf_checks=True, REMOTE_ADDR=remote_addr)
    return browser.post(f"/discussion/threads/{thread_id}/comments", {"body": body, "author_name": "Ada"},
                        headers=SAME_ORIGIN)


def test_two_anonymous_readers_get_identical_bytes_until_a_visible_comment(relaxed_moderation,
                                                                          django_capture_on_commit_callbacks):
    article = make_article("Weir repaired")
    thread = thread_for_article(article)
    url = article.get_absolute_url()
    first, second = _anonymous_get(url), _anonymous_get(url)
    _assert_shareable(first)
    _assert_shareable(second)
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert b'name="idempotency_key" value=""' in first.content  # no key shared by every reader

    with django_capture_on_commit_callbacks(execute=True):
        posted = _post_comment_as_a_browser(thread.pk, "The weir looks solid now.", "198.51.100.31")
    assert posted.status_code == 302
    after = _anonymous_get(url)
    _assert_shareable(after)
    assert b"The weir looks solid now." in after.content
    assert after.content != first.content
    assert after["ETag"] != first["ETag"]
    assert _anonymous_get(url).content == after.content
    # The poster's own next view is personal (their guest cookie): not shared, and the cache is told so.
    assert posted.cookies["mh_reader"].value


def test_a_comment_held_for_review_changes_nothing_anonymous_readers_see(relaxed_moderation,
                                                                        django_capture_on_commit_callbacks):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    article = make_article("Weir repaired")
    thread = thread_for_article(article)
    url = article.get_absolute_url()
    before = _anonymous_get(url)

    with django_capture_on_commit_callbacks(execute=True):
        posted = _post_comment_as_a_browser(thread.pk, "Held until a moderator looks.", "198.51.100.32")
    assert posted.status_code == 302
    assert Comment.objects.get(thread=thread).status == Comment.Status.PENDING

    after = _anonymous_get(url)
    _assert_shareable(after)
    assert after.content == before.content
    assert after["ETag"] == before["ETag"]
    assert _anonymous_get(url).status_code == 200


def test_a_reader_with_a_personal_cookie_gets_a_private_page(django_capture_on_commit_callbacks):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    article = make_article("Weir repaired")
    thread = thread_for_article(article)
    browser = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.33")
    with django_capture_on_commit_callbacks(execute=True):
        assert browser.post(f"/discussion/threads/{thread.pk}/comments",
                            {"body": "Mine, awaiting review.", "author_name": "Ada"},
                            headers=SAME_ORIGIN).status_code == 302
    mine = browser.get(article.get_absolute_url())
    assert mine.status_code == 200
    assert mine["Cache-Control"] == "private, max-age=0"
    assert "X-Accel-Expires" not in mine


def test_a_revalidation_of_a_shared_page_is_shareable_too():
    article = make_article("Weir repaired")
    thread_for_article(article)  # otherwise the first view creates the thread, and the page changes
    url = article.get_absolute_url()
    etag = _anonymous_get(url)["ETag"]
    again = Client().get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert not again.cookies


def test_home_topic_and_author_pages_are_shared_too():
    from masthead.publishing.models import Author, Topic

    article = make_article("Weir repaired")
    topic = Topic.objects.create(name="Rivers", slug="rivers")
    author = Author.objects.create(name="Ada Reporter", slug="ada-reporter")
    article.topics.add(topic)
    article.authors.add(author)
    for url in ("/", topic.get_absolute_url(), author.get_absolute_url()):
        first, second = _anonymous_get(url), _anonymous_get(url)
        _assert_shareable(first)
        assert first.content == second.content, url


def test_the_thread_json_is_shared_by_anonymous_readers_and_private_with_a_personal_cookie(relaxed_moderation):
    thread = thread_for_article(make_article("Weir repaired"))
    url = f"/api/discussion/threads/{thread.pk}/comments"
    shared = Client().get(url)
    assert shared.status_code == 200
    assert shared["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert shared["X-Accel-Expires"].startswith("@")
    assert not shared.cookies
    assert "Cookie" not in shared.get("Vary", "")
    personal = Client().get(url, HTTP_COOKIE="mh_reader=someone")
    assert personal["Cache-Control"] == "private, max-age=0"
    assert "X-Accel-Expires" not in personal
