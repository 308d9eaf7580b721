"""A guest who verifies or signs in keeps their earlier comments when the address matches and they confirm."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from masthead.accounts.models import CommentClaim
from masthead.discussion.models import Comment
from masthead.discussion.tests.helpers import make_thread, post_as, reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def guest_comments():  # type: ignore[no-untyped-def]
    thread = make_thread()
    mine = [post_as(thread, reader("me"), f"Mine {i}", author_email="Me@Example.org") for i in range(2)]
    other = post_as(thread, reader("other"), "Not mine", author_email="other@example.org")
    anonymous = post_as(thread, reader("me"), "No address given")
    return mine, other, anonymous


def test_verified_reader_claims_matching_comments_when_confirming(browser, inbox, guest_comments):
    mine, other, anonymous = guest_comments
    browser.post("/account/verify", {"email": "me@example.org"})
    browser.use_link(inbox.last_link("me@example.org", "/account/link/"), claim=True)
    assert set(CommentClaim.objects.values_list("comment_id", flat=True)) == {c.pk for c in mine}

    # Signing in later moves the claims onto the account.
    browser.post("/account/sign-in", {"email": "me@example.org"})
    inbox.wait_for(2, to="me@example.org")
    browser.use_link(inbox.last_link("me@example.org", "/account/link/"), claim=False)
    user = get_user_model().objects.get(email="me@example.org")
    assert set(Comment.objects.filter(user=user).values_list("pk", flat=True)) == {c.pk for c in mine}
    assert not CommentClaim.objects.exists()
    assert Comment.objects.get(pk=other.pk).user is None
    assert Comment.objects.get(pk=anonymous.pk).user is None
    assert user.first_name == "Ada"  # the name the reader used on their comments


def test_without_confirmation_nothing_is_claimed(browser, inbox, guest_comments):
    browser.post("/account/sign-in", {"email": "me@example.org"})
    browser.use_link(inbox.last_link("me@example.org", "/account/link/"), claim=False)
    assert not Comment.objects.filter(user__isnull=False).exists()
    assert not CommentClaim.objects.exists()


def test_sign_in_with_confirmation_links_comments_to_the_account(browser, inbox, guest_comments):
    mine, _other, _anonymous = guest_comments
    browser.post("/account/sign-in", {"email": "me@example.org"})
    browser.use_link(inbox.last_link("me@example.org", "/account/link/"), claim=True)
    user = get_user_model().objects.get(email="me@example.org")
    assert set(Comment.objects.filter(user=user).values_list("pk", flat=True)) == {c.pk for c in mine}
