"""Who may do what (moderator, editor, admin, outsider), and that every action lands in the audit log."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User

from masthead.moderation import actions, roles
from masthead.moderation.models import AuditLog, Ban, ModerationSettings, WordRule
from masthead.testing.moderation import staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator() -> User:
    return staff_user("mod", roles.MODERATORS)


@pytest.fixture
def editor() -> User:
    return staff_user("ed", roles.EDITORS)


@pytest.fixture
def admin() -> User:
    return staff_user("boss", roles.ADMINS)


@pytest.fixture
def outsider() -> User:
    return User.objects.create_user("reader", password="pw-for-tests-only")


def test_groups_exist_once_with_their_permissions():
    from django.core.management import call_command

    from masthead.core.staff_roles import ensure_staff_roles

    ensure_staff_roles()  # running it again changes nothing
    assert Group.objects.filter(name="Moderators").count() == 1
    assert Group.objects.filter(name="Admins").count() == 1
    assert Group.objects.get(name="Admins").permissions.filter(codename="change_wordrule").exists()
    # A flush (as between transactional tests) empties the tables; the groups come back after it.
    call_command("flush", interactive=False, verbosity=0)
    groups = set(Group.objects.values_list("name", flat=True))
    assert groups == {"Editors", "Moderators", "Admins", "Funding", "Contributors"}
    assert Group.objects.get(name="Editors").permissions.filter(codename="change_article").exists()


def test_role_matrix(moderator, editor, admin, outsider):
    assert [roles.can_moderate(u) for u in (moderator, editor, admin, outsider)] == [True, True, True, False]
    assert [roles.can_ban(u) for u in (moderator, editor, admin, outsider)] == [True, False, True, False]
    assert [roles.can_configure(u) for u in (moderator, editor, admin, outsider)] == [False, False, True, False]


def test_group_without_staff_flag_is_not_enough():
    user = User.objects.create_user("sneaky", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=roles.ADMINS))
    assert not roles.can_moderate(user)


def test_moderator_bans_and_lifts_with_audit(moderator):
    ban = actions.do_ban(moderator, "network", "net-x", reason="spam wave", shadow=True)
    assert Ban.objects.get().shadow
    actions.do_lift_ban(moderator, ban, reason="appeal")
    ban.refresh_from_db()
    assert ban.lifted_at is not None
    log = list(AuditLog.objects.order_by("id").values_list("actor_name", "action", "target_type", "reason"))
    assert log == [("mod", "ban.create", "ban", "spam wave"), ("mod", "ban.lift", "ban", "appeal")]


def test_editor_and_outsider_cannot_ban(editor, outsider):
    for user in (editor, outsider):
        with pytest.raises(actions.ModerationError) as error:
            actions.do_ban(user, "network", "net-x")
        assert error.value.status == 403
    assert not Ban.objects.exists()
    assert not AuditLog.objects.exists()


def test_only_admins_change_rules_and_settings(moderator, admin):
    with pytest.raises(actions.ModerationError):
        actions.do_add_word_rule(moderator, "lizard", "hold")
    with pytest.raises(actions.ModerationError):
        actions.do_update_settings(moderator, hold_threshold=0.5)
    actions.do_add_word_rule(admin, "lizard", "hold")
    actions.do_update_settings(admin, hold_threshold=0.6)
    assert WordRule.objects.get().pattern == "lizard"
    assert ModerationSettings.objects.get().hold_threshold == 0.6
    entry = AuditLog.objects.get(action="settings.change")
    assert entry.details == {"before": {"hold_threshold": 0.85}, "after": {"hold_threshold": 0.6}}


def test_invalid_rule_is_refused(admin):
    with pytest.raises(actions.ModerationError):
        actions.do_add_word_rule(admin, "([unclosed", "hold", is_regex=True)
    with pytest.raises(actions.ModerationError):
        actions.do_add_word_rule(admin, "fine", "delete-everything")


def test_admin_pages_audit_every_save():
    from django.test import Client

    admin_user = User.objects.create_superuser("root", password="pw-for-tests-only")
    client = Client()
    client.force_login(admin_user)
    response = client.post("/admin/moderation/wordrule/add/",
                           {"pattern": "lizard people", "action": "hold", "note": "", "enabled": "on"})
    assert response.status_code == 302
    rule = WordRule.objects.get()
    entry = AuditLog.objects.get()
    assert (entry.actor_name, entry.action, entry.target_id) == ("root", "wordrule.create", str(rule.pk))
    assert client.post(f"/admin/moderation/wordrule/{rule.pk}/delete/", {"post": "yes"}).status_code == 302
    assert AuditLog.objects.filter(action="wordrule.delete").exists()


def test_settings_out_of_bounds_are_refused(admin):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.do_update_settings(admin, hold_threshold=3)
    with pytest.raises(ValidationError):
        actions.do_update_settings(admin, rate_window_seconds=0)
    assert not AuditLog.objects.exists()
