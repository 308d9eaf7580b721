"""Every write from the frame, without cookies: the frame token stands in for them, and nothing else can use it.

Writes: post, reply, edit, delete, vote (the discussion's JSON API), and the frame's identity in each. The CSRF and
clickjacking side: a request naming another site in ``Sec-Fetch-Site`` or ``Origin`` is refused with or without a
token; a forged, altered or expired token is refused; cookies a hostile page might have planted are ignored.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.discussion.models import Comment, Thread, Vote
from masthead.embed import frame_identity
from masthead.embed.tests.conftest import HOST
from masthead.testing.discussion import post_as

pytestmark = pytest.mark.django_db

PAGE = HOST + "/2026/budget-vote/"
SAME = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def browser() -> Client:
    """A client held to the CSRF policy, as a browser is (Django's test client skips it by default)."""
    return Client(enforce_csrf_checks=True)


def open_frame(client: Client) -> tuple[str, Thread]:
    response = client.get("/embed/frame/", {"url": PAGE, "origin": HOST, "title": "Budget vote"})
    assert response.status_code == 200
    found = re.search(r'data-frame-token="([^"]+)"', response.content.decode())
    assert found is not None
    return found.group(1), Thread.objects.get(article__external_url=PAGE)


def api(client: Client, method: str, path: str, token: str | None, body: dict | None = None, edit: str = "",
        **headers: str):
    extra = dict(SAME)
    extra.update(headers)
    if token is not None:
        extra["HTTP_X_MASTHEAD_FRAME"] = token
    if edit:
        extra["HTTP_X_MASTHEAD_EDIT"] = edit
    return getattr(client, method)(f"/api/discussion{path}", body, content_type="application/json", **extra)


def test_guest_posts_edits_votes_and_deletes_with_no_cookie_at_all(allowed):
    client = browser()
    token, thread = open_frame(client)
    client.cookies.clear()
    posted = api(client, "post", f"/threads/{thread.pk}/comments", token,
                 {"body": "From the frame.", "author_name": "Ada", "idempotency_key": "k" * 32})
    assert posted.status_code == 201, posted.content
    assert not posted.cookies.get("mh_reader")
    assert not posted.cookies.get("mh_edit")
    edit = posted["X-Masthead-Edit"]
    comment_id = posted.json()["id"]
    assert edit.startswith(f"{comment_id}.")
    comment = Comment.objects.get(pk=comment_id)
    assert comment.author_name == "Ada"
    assert comment.thread == thread

    # Edit needs the edit token the frame kept; without it the comment is not the reader's.
    assert api(client, "put", f"/comments/{comment_id}", token, {"body": "Not mine."}).status_code == 403
    edited = api(client, "put", f"/comments/{comment_id}", token, {"body": "Edited in the frame."}, edit=edit)
    assert edited.status_code == 200
    assert "Edited in the frame." in Comment.objects.get(pk=comment_id).body

    # The frame's reader is one voter: votes change and are withdrawn, and their own comment is refused.
    other = post_as(thread, body="Someone else.")
    assert api(client, "post", f"/comments/{comment_id}/vote", token, {"value": 1}).status_code == 403
    assert api(client, "post", f"/comments/{other.pk}/vote", token, {"value": 1}).json()["score"] == 1
    assert api(client, "post", f"/comments/{other.pk}/vote", token, {"value": -1}).json()["score"] == -1
    assert Vote.objects.filter(comment=other).count() == 1
    assert api(client, "post", f"/comments/{other.pk}/vote", token, {"value": 0}).json()["score"] == 0

    deleted = api(client, "delete", f"/comments/{comment_id}", token, edit=edit)
    assert deleted.status_code == 200
    assert Comment.objects.get(pk=comment_id).status == Comment.Status.DELETED


def test_two_frames_are_two_readers(allowed):
    first, thread = open_frame(browser())
    second, _ = open_frame(browser())
    target = post_as(thread, body="Vote on me.")
    client = browser()
    assert api(client, "post", f"/comments/{target.pk}/vote", first, {"value": 1}).status_code == 200
    # Another frame on the same network: the guest-per-network allowance (discussion's rule) still applies.
    refused = api(client, "post", f"/comments/{target.pk}/vote", second, {"value": 1})
    assert refused.status_code == 403
    assert refused.json()["code"] == "network_voted"


@pytest.mark.parametrize("site", ["cross-site", "same-site", "none"])
def test_token_refused_from_anywhere_but_the_frame(allowed, site):
    token, thread = open_frame(browser())
    response = api(browser(), "post", f"/threads/{thread.pk}/comments", token,
                   {"body": "Forged.", "author_name": "Mallory"}, HTTP_SEC_FETCH_SITE=site, HTTP_ORIGIN=HOST)
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_hostile_page_cannot_post_with_or_without_a_token(allowed):
    """A page on another site posting to the API (a form or fetch): the browser names it cross-site."""
    token, thread = open_frame(browser())
    for with_token in (token, None):
        response = api(browser(), "post", f"/threads/{thread.pk}/comments", with_token,
                       {"body": "From evil.", "author_name": "Mallory"},
                       HTTP_SEC_FETCH_SITE="cross-site", HTTP_ORIGIN="https://evil.example")
        assert response.status_code == 403
    # Even the allowed host page itself cannot write directly: only the frame (Masthead's origin) can.
    direct = api(browser(), "post", f"/threads/{thread.pk}/comments", None,
                 {"body": "From the host.", "author_name": "Host"}, HTTP_SEC_FETCH_SITE="cross-site", HTTP_ORIGIN=HOST)
    assert direct.status_code == 403
    # Older browsers without Sec-Fetch-Site: Origin decides.
    old = browser().post(
        f"/api/discussion/threads/{thread.pk}/comments", {"body": "x", "author_name": "M"},
        content_type="application/json", HTTP_ORIGIN="https://evil.example")
    assert old.status_code == 403
    assert not Comment.objects.exists()


def test_forged_altered_and_expired_tokens_are_refused(allowed):
    token, thread = open_frame(browser())
    forged = frame_identity.sign(frame_identity.new_identity(HOST, thread.pk))[:-4] + "AAAA"
    altered = token.replace(token[5], "x" if token[5] != "x" else "y", 1)
    for bad in (forged, altered, "", "x" * 700):
        response = api(browser(), "post", f"/threads/{thread.pk}/comments", bad, {"body": "x", "author_name": "M"})
        assert response.status_code == 403, bad
    with _later(86400 + 60):
        response = api(browser(), "post", f"/threads/{thread.pk}/comments", token, {"body": "x", "author_name": "M"})
        assert response.status_code == 403
        assert "reload" in response.json()["detail"]
    assert not Comment.objects.exists()


def _later(seconds: int) -> time_machine.travel:
    return time_machine.travel(datetime.now(UTC) + timedelta(seconds=seconds), tick=True)


def test_frame_identity_overrides_cookies_a_page_might_have_planted(allowed):
    """A signed-in reader's session cookie (were it sent) does not sign the frame in: only the popup does."""
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw-for-tests-only")
    client = browser()
    client.force_login(user)
    token, thread = open_frame(client)
    posted = api(client, "post", f"/threads/{thread.pk}/comments", token,
                 {"body": "Hello.", "author_name": "Guest name"})
    assert posted.status_code == 201
    assert Comment.objects.get().user is None
    assert Comment.objects.get().author_name == "Guest name"


def test_sign_in_popup_hands_an_account_token(allowed):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw-for-tests-only",
                                                first_name="Rea")
    _, thread = open_frame(browser())
    anonymous = browser().get("/embed/signin/", {"thread": str(thread.pk), "origin": HOST})
    assert "data-frame-token" not in anonymous.content.decode()
    assert "Sign in" in anonymous.content.decode()
    client = browser()
    client.force_login(user)
    popup = client.get("/embed/signin/", {"thread": str(thread.pk), "origin": HOST})
    assert popup["X-Frame-Options"] == "DENY"
    found = re.search(r'data-frame-token="([^"]+)"', popup.content.decode())
    assert found is not None
    token = found.group(1)
    identity = frame_identity.read(token)
    assert identity is not None
    assert identity.user_id == user.pk
    # Not for an origin that may not embed.
    refused = client.get("/embed/signin/", {"thread": str(thread.pk), "origin": "https://evil.example"})
    assert "data-frame-token" not in refused.content.decode()
    # With it, the frame posts as the account, without any cookie.
    posted = api(browser(), "post", f"/threads/{thread.pk}/comments", token, {"body": "Signed in."})
    assert posted.status_code == 201
    assert Comment.objects.get().user == user
