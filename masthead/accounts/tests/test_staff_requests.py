"""Staff handle a request received by mail from the admin: export and erase a reader's data."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from masthead.accounts.models import ReaderIdentity
from masthead.discussion.models import Comment
from masthead.testing.discussion import make_thread, post_as, reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "an admin passphrase")
    client.force_login(admin)
    return client


def test_admin_exports_and_erases_selected_readers(admin_client):
    identity = ReaderIdentity.objects.create(email="mail@example.org", verified_at=timezone.now())
    comment = post_as(make_thread(), reader("m"), "Please delete me", author_name="Mailer Person",
                      author_email="mail@example.org")
    url = "/admin/accounts/readeridentity/"
    response = admin_client.post(url, {"action": "export_selected", "_selected_action": [identity.pk]})
    assert response.status_code == 200
    exported = json.loads(response.content)
    assert [c["body"] for c in exported[0]["comments"]] == ["Please delete me"]

    response = admin_client.post(url, {"action": "erase_selected", "_selected_action": [identity.pk]})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED
    assert (comment.author_name, comment.author_email, comment.body) == ("", "", "")
    assert not ReaderIdentity.objects.exists()


def test_readers_cannot_reach_the_admin_actions(client):
    user = get_user_model().objects.create_user("r", email="r@example.org", password="a reader passphrase")
    client.force_login(user)
    assert client.get("/admin/accounts/readeridentity/").status_code == 302
