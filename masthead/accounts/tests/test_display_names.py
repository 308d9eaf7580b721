# ruff: noqa: RUF001, RUF003 - look-alike characters are what these tests are about
"""Display names: NFC, bidi and invisible characters removed, refused when too long, when confusable with staff or
reserved names (Unicode skeletons); any script otherwise."""

from __future__ import annotations

import unicodedata

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from masthead.accounts.actions import AccountsError, check_display_name
from masthead.accounts.confusables import forget_protected_names, is_protected_name, names_confusable, skeleton
from masthead.accounts.models import ReaderIdentity

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


@pytest.mark.parametrize("name", [
    "admin", "ADMIN", "Аdmin",  # Cyrillic А
    "adm1n", "ADMlN", "adrnin", "a d m i n", "ａｄｍｉｎ",  # fullwidth
    "Moderator", "m0derat0r", "Тhе Lаntеrn",  # Cyrillic Т, е, а
    "𝐚𝐝𝐦𝐢𝐧",  # mathematical bold
])
def test_reserved_names_and_their_look_alikes_are_refused(name, settings):
    settings.PUBLICATION_NAME = "The Lantern"
    forget_protected_names()
    with pytest.raises(AccountsError) as refused:
        check_display_name(name)
    assert refused.value.code == "name_reserved"


@pytest.mark.parametrize("name", ["Ваня", "李小龙", "محمد", "Zoë O'Neil-Smith", "Ada “the reader”", "अनु", "Ádám"])
def test_any_script_is_otherwise_allowed(name):
    assert check_display_name(name) == unicodedata.normalize("NFC", name)


def test_staff_names_are_protected_including_group_members():
    forget_protected_names()
    mod = get_user_model().objects.create_user("jdoe", first_name="Jane", last_name="Doe")
    mod.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    forget_protected_names()
    for copy in ("Jane Doe", "JANE DOE", "Jаnе Dое", "jdoe", "J\u200bane Doe"):
        with pytest.raises(AccountsError):
            check_display_name(copy)
    assert check_display_name("Jane Roe") == "Jane Roe"
    # Staff themselves may use such names.
    assert check_display_name("Jane Doe", staff=True) == "Jane Doe"


def test_bidi_overrides_and_invisible_characters_are_removed_and_length_checked():
    assert check_display_name("Ev\u202eil\u202c Bob\u200b\u2066") == "Evil Bob"
    assert check_display_name("e\u0301mile") == "\u00e9mile"  # NFC
    with pytest.raises(AccountsError) as over:
        check_display_name("x" * 500)
    assert (over.value.status, over.value.code) == (413, "too_long")
    with pytest.raises(AccountsError):
        check_display_name("\u200b\u202e\u2066 ")
    with pytest.raises(AccountsError) as too_long:
        check_display_name("y" * 5000)
    assert too_long.value.status == 413
    # Controls are stripped before the confusable check, so they cannot split a reserved name.
    with pytest.raises(AccountsError):
        check_display_name("ad\u202emi\u200dn")


def test_skeleton_follows_unicode_prototypes():
    assert skeleton("раура1") == skeleton("paypal".replace("l", "1"))
    assert names_confusable("paypal", "рaypal")
    assert not names_confusable("Ada", "Bob")
    assert is_protected_name("Administrator")


def test_account_display_name_is_checked_and_shown(browser, inbox):
    browser.post("/account/sign-in", {"email": "n@example.org"})
    browser.use_link(inbox.last_link("n@example.org", "/account/link/"))
    assert browser.post("/account/name", {"display_name": "Аdmin"}).status_code == 400
    assert browser.post("/account/name", {"display_name": "Nadia \u202eK"}).status_code == 302
    user = get_user_model().objects.get(email="n@example.org")
    assert user.get_full_name() == "Nadia K"
    assert ReaderIdentity.objects.get(user=user).display_name == "Nadia K"
