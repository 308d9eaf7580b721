"""Settings rows are added once and never deleted; action-written records are read-only, through the real admin."""

import pytest
from django.contrib.auth import get_user_model

from masthead.discussion.models import DiscussionSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.org", "a-long-password-1")
    client.force_login(user)
    return client


def test_a_settings_row_is_added_once_and_never_deleted(admin_client):
    add = "/admin/discussion/discussionsettings/add/"
    assert admin_client.get(add).status_code == 200
    DiscussionSettings.objects.create()
    assert admin_client.get(add).status_code == 403
    delete = f"/admin/discussion/discussionsettings/{DiscussionSettings.objects.get().pk}/delete/"
    assert admin_client.get(delete).status_code == 403


def test_decisions_are_read_only(admin_client):
    assert admin_client.get("/admin/moderation/moderationdecision/").status_code == 200
    assert admin_client.get("/admin/moderation/moderationdecision/add/").status_code == 403
