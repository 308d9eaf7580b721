"""Display names: any script and punctuation survive; invisible and direction-changing characters do not."""

import pytest

from masthead.accounts.confusables import names_confusable
from masthead.core.names import MAX_NAME_LENGTH, InvalidName, NameTooLong, normalize_display_name


@pytest.mark.parametrize(
    "name",
    ["Наталья Соколова", "山田 花子", "محمد العلي", "O'Connell, Bríd", "J.-P. Dubois", "Ines ✿", "M. “Mags” Doyle"],
)
def test_names_in_any_script_and_punctuation_are_kept(name):
    assert normalize_display_name(name) == name


def test_decomposed_accents_are_composed_nfc():
    assert normalize_display_name("Zoe\u0308") == "Zoë"


def test_bidi_overrides_and_zero_width_characters_are_removed():
    assert normalize_display_name("admin\u202egnp.exe") == "admingnp.exe"
    assert normalize_display_name("Ada\u200b\u200d\ufeff Lovelace") == "Ada Lovelace"
    assert normalize_display_name("\u2067Eve\u2069") == "Eve"


def test_control_characters_and_odd_whitespace_collapse():
    assert normalize_display_name("  Ada\t\n\u00a0Lovelace\x00\x07 ") == "Ada Lovelace"


def test_length_is_checked_after_normalisation_and_a_longer_name_refused():
    # 120 code points as typed, 60 characters once NFC composes them: allowed.
    assert normalize_display_name("e\u0301" * MAX_NAME_LENGTH) == "\u00e9" * MAX_NAME_LENGTH
    with pytest.raises(NameTooLong):
        normalize_display_name("x" * (MAX_NAME_LENGTH + 1))
    assert normalize_display_name("x" * 100, max_length=80, cut=True) == "x" * 80  # the funding wall cuts


@pytest.mark.parametrize("blank", ["", "   ", "\u200b\u202e", "\x00\x01"])
def test_a_name_with_nothing_visible_is_refused(blank):
    with pytest.raises(InvalidName):
        normalize_display_name(blank)


def test_look_alike_comparison_folds_case_width_and_spaces():
    assert names_confusable("\uff25\uff24\uff29\uff34\uff2f\uff32", "editor")
    assert names_confusable("The  Lantern", "thelantern")
    assert not names_confusable("Ada", "Eve")
