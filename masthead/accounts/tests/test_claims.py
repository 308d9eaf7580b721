"""A reader keeps only the guest comments they can be shown to have written: those this browser wrote (its signed
guest cookie), or each listed on the link's page and chosen. Nothing is kept unless asked; an address typed by
someone else proves nothing."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from masthead.accounts.models import CommentClaim
from masthead.discussion.models import Comment
from masthead.testing.discussion import Guest, make_thread

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def _post(browser, thread, body: str, **fields: str) -> Comment:
    response = Guest(client=browser.client).post_comment(thread, body, author_name="Ada", **fields)
    assert response.status_code in (200, 201), response.content
    return Comment.objects.get(body=body)


def _path(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def scene(make_browser):
    """Ada commented as a guest in her own browser; a stranger typed her address into the form elsewhere."""
    thread = make_thread()
    ada = make_browser("198.51.100.20")
    stranger = make_browser("203.0.113.7")
    mine = [_post(ada, thread, f"Mine {i}", author_email="Me@Example.org") for i in range(2)]
    planted = _post(stranger, thread, "Planted in Ada's name", author_email="me@example.org")
    other = _post(ada, thread, "Written for someone else", author_email="other@example.org")
    return {"ada": ada, "stranger": stranger, "mine": mine, "planted": planted, "other": other}


def _owned(user) -> set[int]:
    return set(Comment.objects.filter(user=user).values_list("pk", flat=True))


def test_a_comment_typed_with_someone_elses_address_is_not_attached_to_their_account(make_browser, inbox, scene):
    # Ada signs in from a fresh browser and asks to keep her guest comments: that browser wrote none of them.
    fresh = make_browser("198.51.100.21")
    fresh.post("/account/sign-in", {"email": "me@example.org", "claim": "1"})
    assert fresh.use_link(inbox.last_link("me@example.org", "/account/link/"), claim=True).status_code == 302
    user = get_user_model().objects.get(email="me@example.org")
    assert _owned(user) == set()
    assert Comment.objects.get(pk=scene["planted"].pk).user is None


def test_the_browser_that_wrote_them_keeps_its_comments_but_not_the_planted_one(inbox, scene):
    ada = scene["ada"]
    ada.post("/account/sign-in", {"email": "me@example.org", "claim": "1"})
    link = inbox.last_link("me@example.org", "/account/link/")
    page = ada.get(_path(link)).content.decode()
    assert "Keep the 2 comments this browser wrote" in page
    assert re.search(r'name="claim" value="1" checked', page)  # she asked for it on the sign-in form
    assert ada.use_link(link, claim=True).status_code == 302
    user = get_user_model().objects.get(email="me@example.org")
    assert _owned(user) == {c.pk for c in scene["mine"]}
    assert Comment.objects.get(pk=scene["other"].pk).user is None  # another address


def test_keeping_comments_is_off_by_default(browser, inbox, scene):
    page = browser.get("/account/").content.decode()
    assert 'name="claim" value="1" checked' not in page
    ada = scene["ada"]
    ada.post("/account/sign-in", {"email": "me@example.org"})
    link = inbox.last_link("me@example.org", "/account/link/")
    page = ada.get(_path(link)).content.decode()
    assert "checked" not in page
    assert ada.use_link(link, claim=False).status_code == 302
    assert not Comment.objects.filter(user__isnull=False).exists()


def test_comments_from_elsewhere_are_listed_and_kept_only_when_chosen(make_browser, inbox, scene):
    fresh = make_browser("198.51.100.21")
    fresh.post("/account/sign-in", {"email": "me@example.org"})
    link = inbox.last_link("me@example.org", "/account/link/")
    page = fresh.get(_path(link)).content.decode()
    listed = {int(pk) for pk in re.findall(r'name="comment" value="(\d+)"', page)}
    assert listed == {c.pk for c in scene["mine"]} | {scene["planted"].pk}
    assert "Planted in Ada&#x27;s name" in page
    chosen = scene["mine"][0]
    # A forged id (another address's comment) is ignored: only comments written with the proved address count.
    response = fresh.post(_path(link), {"comment": [str(chosen.pk), str(scene["other"].pk)]})
    assert response.status_code == 302
    user = get_user_model().objects.get(email="me@example.org")
    assert _owned(user) == {chosen.pk}


def test_a_malformed_choice_is_refused_and_the_link_stays_usable(make_browser, inbox, scene):
    fresh = make_browser("198.51.100.21")
    fresh.post("/account/sign-in", {"email": "me@example.org"})
    link = inbox.last_link("me@example.org", "/account/link/")
    assert fresh.post(_path(link), {"comment": ["1; DROP TABLE"]}).status_code == 400
    assert fresh.post(_path(link), {"comment": [str(i) for i in range(51)]}).status_code == 413
    assert not Comment.objects.filter(user__isnull=False).exists()
    assert fresh.use_link(link, claim=False).status_code == 302


def test_a_forged_guest_cookie_proves_nothing(make_browser, inbox, scene):
    forger = make_browser("203.0.113.8")
    forger.client.cookies["mh_reader"] = scene["ada"].client.cookies["mh_reader"].value.split(":")[0] + ":forged"
    forger.post("/account/sign-in", {"email": "me@example.org"})
    forger.use_link(inbox.last_link("me@example.org", "/account/link/"), claim=True)
    assert not Comment.objects.filter(user__isnull=False).exists()


def test_a_verified_reader_keeps_their_comments_and_the_account_takes_them_later(inbox, scene):
    ada = scene["ada"]
    ada.post("/account/verify", {"email": "me@example.org", "claim": "1"})
    ada.use_link(inbox.last_link("me@example.org", "/account/link/"), claim=True)
    assert set(CommentClaim.objects.values_list("comment_id", flat=True)) == {c.pk for c in scene["mine"]}

    # Signing in later moves the claims onto the account.
    ada.post("/account/sign-in", {"email": "me@example.org"})
    inbox.wait_for(2, to="me@example.org")
    ada.use_link(inbox.last_link("me@example.org", "/account/link/"), claim=False)
    user = get_user_model().objects.get(email="me@example.org")
    assert _owned(user) == {c.pk for c in scene["mine"]}
    assert not CommentClaim.objects.exists()
    assert user.first_name == "Ada"  # the name the reader used on their comments
