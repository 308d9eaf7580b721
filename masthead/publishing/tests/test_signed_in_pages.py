"""A signed-in reader's article page: rendered once per version and filled with each reader's own parts.

What must hold (core/personal_parts.py, publishing/views.py): no reader ever sees another's parts (votes, CSRF
token, idempotency key, their own comments, messages), the page is what a full render gives, every change of
the discussion shows at once (no page older than its version), CSRF still works, errors are never kept.

Each test runs twice: with sessions in the database (one server, no Redis) and with sessions and signed-in users
read from Redis (the scaled shape's core/shared_sessions.py; the machine's Redis, under a key prefix of the test's
own).
"""

from __future__ import annotations

import re
import uuid

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token  # type: ignore[attr-defined]
from django.test import Client
from django.test.utils import CaptureQueriesContext

from masthead.core.personal_parts import SkeletonCache
from masthead.discussion.actions import do_change_status, do_edit_comment, do_vote, thread_for_article
from masthead.discussion.models import Comment, Thread
from masthead.publishing import actions as publishing_actions
from masthead.publishing import page_version, views
from masthead.publishing.hooks import conversation_columns
from masthead.publishing.views import SKELETONS
from masthead.testing.articles import make_article
from masthead.testing.discussion import post_as, reader

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
IDEMPOTENCY = re.compile(r'name="idempotency_key" value="([0-9a-f]*)"')
VOTES = re.compile(r'data-votes="([^"]*)"')
MINE = re.compile(r'data-mine="([^"]*)"')


REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(autouse=True)
def _relaxed(relaxed_moderation) -> None:
    """Comments posted here are published at once; the moderation rules have their own tests."""


@pytest.fixture(autouse=True, params=["database sessions", "redis sessions"])
def sessions(request, settings) -> str:
    if request.param == "redis sessions":
        settings.CACHES = {**settings.CACHES, "default": {
            "BACKEND": "masthead.core.resilient_cache.ResilientRedisCache", "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"masthead-test-{uuid.uuid4().hex[:10]}"}}
        settings.SESSION_ENGINE = "masthead.core.shared_sessions"
    return str(request.param)


def _first(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    assert match is not None, pattern.pattern
    return match.group(1)


def _signed_in(name: str) -> tuple[Client, User]:
    user = User.objects.create_user(name, email=f"{name}@example.org")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client, user


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Cache-Control"] == "private, max-age=0"
    return response.content.decode()


def _normalized(html: str) -> str:
    """The page without its per-request values (the CSRF token's mask, the idempotency key)."""
    return IDEMPOTENCY.sub('name="idempotency_key" value=""', TOKEN.sub('name="csrfmiddlewaretoken" value=""', html))


@pytest.fixture
def discussed():
    article = make_article("Ferry timetable changes")
    thread = thread_for_article(article)
    comments = [post_as(thread, reader(f"writer{n}"), f"Comment number {n} on the ferry.") for n in range(4)]
    return article, thread, comments


def test_two_signed_in_readers_never_see_each_others_parts(discussed, settings):
    article, _thread, comments = discussed
    url = article.get_absolute_url()
    ada, ada_user = _signed_in("ada")
    bob, bob_user = _signed_in("bob")
    do_vote(comments[0], reader("ada", user_id=ada_user.pk), 1)
    do_vote(comments[1], reader("bob", user_id=bob_user.pk), -1)

    ada_page = _page(ada, url)  # renders the skeleton of this version
    bob_page = _page(bob, url)  # filled from it
    assert len(SKELETONS) == 1
    ada_again = _page(ada, url)

    assert _first(VOTES, ada_page) == f"{{&quot;{comments[0].pk}&quot;:1}}"
    assert _first(VOTES, bob_page) == f"{{&quot;{comments[1].pk}&quot;:-1}}"
    assert _first(VOTES, ada_again) == _first(VOTES, ada_page)
    # Each page's CSRF tokens belong to its own reader's cookie, and no key for posting is shared.
    for client, page in ((ada, ada_page), (bob, bob_page), (ada, ada_again)):
        tokens = TOKEN.findall(page)
        assert len(tokens) >= 2
        secret = client.cookies["csrftoken"].value
        assert {_unmask_cipher_token(token) for token in tokens} == {secret}
    assert ada.cookies["csrftoken"].value != bob.cookies["csrftoken"].value
    keys = [_first(IDEMPOTENCY, page) for page in (ada_page, bob_page, ada_again)]
    assert all(len(key) == 32 for key in keys)
    assert len(set(keys)) == 3
    assert "mhpersonal" not in ada_page + bob_page + ada_again
    # Apart from those parts, the page is the very one a full render gives.
    settings.PERSONAL_PAGE_SKELETONS = False
    full = _page(bob, url)
    assert _normalized(full) == _normalized(bob_page)


def test_a_guests_own_comments_stay_theirs(discussed):
    """A guest who commented has edit links for their comments; another guest's page from the same skeleton has
    none, and neither has the other's votes."""
    article, thread, _comments = discussed
    url = article.get_absolute_url()
    author = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.40")
    other = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.41")
    assert other.get(url).status_code == 200
    assert author.get("/account/").status_code == 200  # a csrftoken cookie, as a browser without Fetch Metadata
    posted = author.post(f"/discussion/threads/{thread.pk}/comments",
                         {"body": "My own remark about the ferry.", "author_name": "Cy",
                          "csrfmiddlewaretoken": author.cookies["csrftoken"].value,
                          "idempotency_key": uuid.uuid4().hex})
    assert posted.status_code == 302
    mine = Comment.objects.get(body__contains="My own remark")
    other.cookies["mh_reader"] = "not-a-valid-signed-reader"  # a personal cookie: no shared page for them

    author_page = _page(author, url)
    other_page = _page(other, url)
    assert _first(MINE, author_page) == str(mine.pk)
    assert f"/discussion/comments/{mine.pk}/edit" in author_page
    assert _first(MINE, other_page) == ""
    assert f"/discussion/comments/{mine.pk}/edit" not in other_page
    assert "My own remark about the ferry." in other_page


def test_changes_show_at_once_to_signed_in_readers(discussed, django_capture_on_commit_callbacks):
    """Within the same second as the kept skeleton: a new comment, an edit, a vote, a moderation decision."""
    article, thread, comments = discussed
    url = article.get_absolute_url()
    ada, _ = _signed_in("ada")
    first = _page(ada, url)
    assert _page(ada, url)  # kept

    with django_capture_on_commit_callbacks(execute=True):
        post_as(thread, reader("newcomer"), "A brand new comment about tides.")
    assert "A brand new comment about tides." in _page(ada, url)

    editor = reader("moderator", staff=True)  # the author's token is theirs alone; staff may edit any comment
    with django_capture_on_commit_callbacks(execute=True):
        do_edit_comment(comments[0], editor, "Comment number 0, corrected.")
    assert "Comment number 0, corrected." in _page(ada, url)

    def score(page: str, comment: Comment) -> str:
        block = page[page.index(f'id="comment-{comment.pk}"'):]
        return _first(re.compile(r'class="comment-score"[^>]*>(-?\d+)<'), block)

    before = score(_page(ada, url), comments[2])
    with django_capture_on_commit_callbacks(execute=True):
        do_vote(comments[2], reader("voter"), 1)
    assert int(score(_page(ada, url), comments[2])) == int(before) + 1

    with django_capture_on_commit_callbacks(execute=True):
        do_change_status(comments[3], Comment.Status.REJECTED, ["spam"])
    page = _page(ada, url)
    assert "Comment number 3 on the ferry." not in page
    with django_capture_on_commit_callbacks(execute=True):
        do_change_status(comments[3], Comment.Status.VISIBLE)
    assert "Comment number 3 on the ferry." in _page(ada, url)
    assert first != page


def test_a_kept_page_reads_its_version_and_its_discussion_in_one_query(discussed, sessions, monkeypatch):
    # A skeleton is fresh until the end of the second its render began in: with the real clock, a second boundary
    # between the loads below would render the page again. The clock is held: the kept copy stays fresh.
    monkeypatch.setattr(views, "last_shared_second", lambda rendered_at: int(rendered_at) + 3600)
    article, _thread, _comments = discussed
    url = article.get_absolute_url()
    ada, _ = _signed_in("ada")
    _page(ada, url)
    _page(ada, url)
    with CaptureQueriesContext(connection) as captured:
        _page(ada, url)
    sql = [query["sql"] for query in captured]
    # On PostgreSQL the query is a prepared statement (core/prepared.py): its text is the statement's.
    texts = [text if not text.startswith("EXECUTE masthead_page_version(") else page_version._sql(
        connection.vendor, conversation_columns()) for text in sql]
    with_thread = [text for text in texts if "discussion_thread" in text]
    assert len(with_thread) == 1
    assert "publishing_article" in with_thread[0]  # the page's version, in the same query
    # The version with the discussion, and ada's votes; with database sessions also the session and the user.
    assert len(sql) == (2 if sessions == "redis sessions" else 4), sql


def test_a_signed_in_readers_first_look_at_an_article_without_a_discussion_yet(django_capture_on_commit_callbacks):
    article = make_article("Harbour lights are back")
    assert not Thread.objects.filter(article=article).exists()
    url = article.get_absolute_url()
    ada, _ = _signed_in("ada")
    assert "Harbour lights are back" in _page(ada, url)
    thread = Thread.objects.get(article=article)  # made by the first look, as on any page
    assert "Harbour lights are back" in _page(ada, url)
    with django_capture_on_commit_callbacks(execute=True):
        post_as(thread, reader("first"), "The very first comment on the lights.")
    assert "The very first comment on the lights." in _page(ada, url)


def test_an_edited_article_shows_at_once(discussed):
    article, _thread, _comments = discussed
    url = article.get_absolute_url()
    ada, _ = _signed_in("ada")
    assert "Ferry timetable changes" in _page(ada, url)
    article.headline = "Ferry timetable changes again"
    publishing_actions.do_save_article(article)
    assert "Ferry timetable changes again" in _page(ada, url)


def test_a_signed_in_reader_posts_with_the_token_of_their_page(discussed):
    """No Fetch Metadata, no Origin: Django's token check, with the token the filled page carries."""
    article, thread, _comments = discussed
    url = article.get_absolute_url()
    other, _ = _signed_in("other")
    _page(other, url)  # the skeleton comes from another reader's request
    ada, ada_user = _signed_in("ada")
    token = _first(TOKEN, _page(ada, url))
    post = f"/discussion/threads/{thread.pk}/comments"

    refused = ada.post(post, {"body": "Without a token.", "csrfmiddlewaretoken": "x" * 64,
                              "idempotency_key": uuid.uuid4().hex})
    assert refused.status_code == 403
    other_token = _first(TOKEN, _page(other, url))
    refused = ada.post(post, {"body": "With someone else's token.", "csrfmiddlewaretoken": other_token,
                              "idempotency_key": uuid.uuid4().hex})
    assert refused.status_code == 403
    accepted = ada.post(post, {"body": "Signed in and posting.", "csrfmiddlewaretoken": token,
                               "idempotency_key": uuid.uuid4().hex})
    assert accepted.status_code == 302
    assert Comment.objects.get(body__contains="Signed in and posting").user_id == ada_user.pk
    assert "Signed in and posting." in _page(ada, url)


def test_a_signed_in_reader_sees_their_flash_message_once(discussed):
    article, thread, _comments = discussed
    url = article.get_absolute_url()
    ada, _ = _signed_in("ada")
    token = _first(TOKEN, _page(ada, url))
    posted = ada.post(f"/discussion/threads/{thread.pk}/comments",
                      {"body": "My own view of the ferry.", "csrfmiddlewaretoken": token,
                       "idempotency_key": uuid.uuid4().hex})
    assert posted.status_code == 302
    mine = Comment.objects.get(body__contains="My own view")
    refused = ada.post(f"/discussion/threads/{thread.pk}/vote",
                       {"vote": f"{mine.pk}:1", "csrfmiddlewaretoken": _first(TOKEN, _page(ada, url))})
    assert refused.status_code == 302
    shown = _page(ada, url)
    assert shown.count('class="discussion-message discussion-message--error"') == 1
    assert "You cannot vote on your own comment." in shown
    assert "discussion-message--error" not in _page(ada, url)  # shown once
    bob, _ = _signed_in("bob")
    assert "discussion-message--error" not in _page(bob, url)


def test_a_sign_out_ends_the_session_for_every_copy_of_its_cookie(discussed, sessions):
    """Another browser (or a thief) holding the same session cookie is signed out with it."""
    article, _thread, _comments = discussed
    url = article.get_absolute_url()
    ada, _ = _signed_in("ada")
    copy = Client(enforce_csrf_checks=True)
    copy.cookies["sessionid"] = ada.cookies["sessionid"].value
    page = _page(copy, url)
    assert 'autocomplete="nickname"' not in page  # signed in: the form asks no name
    signed_out = ada.post("/account/sign-out", {"csrfmiddlewaretoken": _first(TOKEN, _page(ada, url))})
    assert signed_out.status_code == 302
    for client in (copy, ada):
        assert 'autocomplete="nickname"' in client.get(url).content.decode()  # a guest's form again


def test_errors_are_not_kept(discussed):
    article, _thread, _comments = discussed
    url = article.get_absolute_url()
    ada, _ = _signed_in("ada")
    assert ada.get("/articles/no-such-story/").status_code == 404
    assert len(SKELETONS) == 0
    assert "Ferry timetable" in _page(ada, url)
    assert len(SKELETONS) == 1
    # Unpublished after its skeleton was kept: gone at once, for this reader too.
    publishing_actions.do_unpublish_article(article)
    assert ada.get(url).status_code == 404


def test_staff_pages_are_rendered_whole(discussed):
    article, _thread, _comments = discussed
    staff = User.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client = Client()
    client.force_login(staff)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Edit this article" in page
    assert len(SKELETONS) == 0
    ada, _ = _signed_in("ada")
    assert "Edit this article" not in _page(ada, article.get_absolute_url())


def test_a_render_that_fails_is_not_kept(discussed, monkeypatch):
    article, _thread, _comments = discussed
    url = article.get_absolute_url()
    ada, _ = _signed_in("ada")
    ada.raise_request_exception = False
    real = views.article_context

    def broken(*args, **kwargs):
        raise RuntimeError("the template's data could not be read")

    monkeypatch.setattr(views, "article_context", broken)
    assert ada.get(url).status_code == 500
    assert len(SKELETONS) == 0
    monkeypatch.setattr(views, "article_context", real)
    assert "Ferry timetable" in _page(ada, url)
    assert len(SKELETONS) == 1


def test_one_request_renders_a_key_again_while_the_others_use_the_copy_of_that_version():
    cache: SkeletonCache[str] = SkeletonCache(max_entries=2)
    assert cache.claim("v1", now=10.0) == (None, True)  # the first renders
    assert cache.claim("v1", now=10.0) == (None, False)  # nothing to use yet: renders too, keeps nothing
    cache.put("v1", "page v1", until=11.0)
    assert cache.claim("v1", now=10.5) == ("page v1", False)
    assert cache.claim("v1", now=11.0) == ("page v1", True)  # past its second: this one renders again
    assert cache.claim("v1", now=11.1) == ("page v1", False)  # meanwhile the others use the same version
    cache.release("v1")  # that render failed
    assert cache.claim("v1", now=11.2) == ("page v1", True)
    cache.put("v1", "page v1 again", until=12.0)
    cache.put("v2", "page v2", until=12.0)
    cache.put("v3", "page v3", until=12.0)
    assert len(cache) == 2  # the least recently used went
    assert cache.claim("v1", now=11.5) == (None, True)


@pytest.mark.parametrize("kept", [True, False], ids=["kept-skeleton", "full-render"])
def test_a_reader_with_a_message_waiting_gets_the_page_not_a_304(discussed, settings, kept):
    """A plain-form action that changes nothing but leaves a message (a refused vote) and a browser that then asks
    for the article with the ETag it holds: the page with the message, never a 304 of the copy without it; and the
    copy that showed the message is never revalidated as current afterwards (it has no ETag)."""
    settings.PERSONAL_PAGE_SKELETONS = kept
    article, thread, _comments = discussed
    url = article.get_absolute_url()
    ada, ada_user = _signed_in("ada")
    own = post_as(thread, reader("ada", user_id=ada_user.pk), "Ada's own view of the ferry.")
    held = ada.get(url)
    etag = held["ETag"]
    assert ada.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304  # nothing changed: the copy is current

    voted = ada.post(f"/discussion/threads/{thread.pk}/vote", {"vote": f"{own.pk}:1"},
                     HTTP_SEC_FETCH_SITE="same-origin")
    assert voted.status_code == 302
    with_message = ada.get(url, HTTP_IF_NONE_MATCH=etag)
    assert with_message.status_code == 200
    assert "You cannot vote on your own comment." in with_message.content.decode()
    assert "ETag" not in with_message

    after = ada.get(url)  # the message was shown once
    assert after.status_code == 200
    assert "You cannot vote on your own comment." not in after.content.decode()
    assert ada.get(url, HTTP_IF_NONE_MATCH=after["ETag"]).status_code == 304  # current again


@pytest.mark.parametrize("kept", [True, False], ids=["kept-skeleton", "full-render"])
def test_another_reader_on_the_same_browser_never_gets_a_304_of_the_first_readers_copy(discussed, settings, kept):
    """Ada signs out and Bob signs in on the same browser: the copy filled for Ada (her votes, her CSRF token) is
    not current for Bob. A guest's copy is not current once the guest signs in either."""
    settings.PERSONAL_PAGE_SKELETONS = kept
    article, _thread, comments = discussed
    url = article.get_absolute_url()
    ada, ada_user = _signed_in("ada")
    bob_user = User.objects.create_user("bob", email="bob@example.org")
    do_vote(comments[0], reader("ada", user_id=ada_user.pk), 1)
    etag = ada.get(url)["ETag"]
    assert ada.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    ada.logout()
    ada.force_login(bob_user)
    bobs = ada.get(url, HTTP_IF_NONE_MATCH=etag)
    assert bobs.status_code == 200
    assert _first(VOTES, bobs.content.decode()) == "{}"
    assert bobs["ETag"] != etag

    guest = Client(enforce_csrf_checks=True)
    guest.cookies["mh_reader"] = "not-a-valid-signed-reader"  # a personal cookie: a guest's personal page
    guest_etag = guest.get(url)["ETag"]
    guest.force_login(ada_user)
    assert ada.get(url, HTTP_IF_NONE_MATCH=guest_etag).status_code == 200
    assert guest.get(url, HTTP_IF_NONE_MATCH=guest_etag).status_code == 200
