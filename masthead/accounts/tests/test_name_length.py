"""A name longer than 60 characters once NFC-normalised is refused with a clear message on every path (the comment
form, the API, the account page), never silently cut; 60 characters are accepted."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from masthead.discussion.models import Comment
from masthead.testing.discussion import Guest, make_thread

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

SIXTY = "e\u0301" * 60  # 120 code points as typed, 60 characters once composed
SIXTY_ONE = "Ada " + "x" * 57  # 61 characters
SIXTY_ONE_COMPOSED = "e\u0301" * 61


@pytest.mark.parametrize("name", [SIXTY_ONE, SIXTY_ONE_COMPOSED])
def test_the_comment_form_refuses_a_61_character_name(name):
    thread = make_thread()
    guest = Guest()
    response = guest.form_post(f"/discussion/threads/{thread.pk}/comments",
                               {"body": "Hello", "author_name": name, "idempotency_key": "k" * 32})
    assert response.status_code == 413
    assert "The name is too long (at most 60 characters)." in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("name", [SIXTY_ONE, SIXTY_ONE_COMPOSED])
def test_the_api_refuses_a_61_character_name(name):
    thread = make_thread()
    response = Guest().post_comment(thread, "Hello", author_name=name)
    assert response.status_code == 413
    assert "The name is too long (at most 60 characters)." in response.content.decode()
    assert not Comment.objects.exists()


def test_sixty_characters_after_normalisation_are_accepted_by_the_api():
    thread = make_thread()
    assert Guest().post_comment(thread, "Hello", author_name=SIXTY).status_code in (200, 201)
    assert Comment.objects.get().author_name == "\u00e9" * 60


def test_the_account_page_refuses_a_61_character_name(browser):
    user = get_user_model().objects.create_user("reader-9", email="r9@example.org", first_name="Ada")
    browser.client.force_login(user)
    response = browser.post("/account/name", {"display_name": SIXTY_ONE_COMPOSED})
    assert response.status_code == 413
    assert "That name is too long (at most 60 characters)." in response.content.decode()
    user.refresh_from_db()
    assert user.first_name == "Ada"
    assert browser.post("/account/name", {"display_name": SIXTY}).status_code == 302
    user.refresh_from_db()
    assert user.first_name == "\u00e9" * 60
