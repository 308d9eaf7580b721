"""An imported comment's author is cleaned and hashed once per process (``_imported_author``, ``email_hash``):
the same fields as cleaning each comment's the long way, for any text (hypothesis), and a new SECRET_KEY gives
new hashes rather than the cached ones."""

from __future__ import annotations

import pytest
from django.test import override_settings
from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead.core.network import keyed_hash
from masthead.discussion.actions import (
    DiscussionError,
    _imported_author,
    _imported_name,
    _lenient,
    check_unicode,
    clean_email,
    clean_website,
)
from masthead.moderation.comments import email_hash


def long_way(name: str, email: str, website: str) -> tuple[str, str, str, str]:
    check_unicode(name, email, website)
    clean = _lenient(clean_email, email)
    reader_key = ("i:" + keyed_hash(clean.casefold(), "imported-author")) if clean else ""
    return _imported_name(name), clean, _lenient(clean_website, website), reader_key


def outcome(clean: object, *args: str) -> object:
    try:
        return clean(*args)  # type: ignore[operator]
    except DiscussionError as error:
        return ("error", error.message)


names = st.one_of(st.text(max_size=30), st.sampled_from(["Reader 1", " Ann\u202e ", "\u200b", "", "\ud800x"]))
emails = st.one_of(st.text(max_size=30), st.sampled_from(["r1@example.org", " R1@Example.org ", "not an address",
                                                          "", "a@b\ud800.org"]))
websites = st.one_of(st.text(max_size=30), st.sampled_from(["https://example.org/", "ftp://example.org", "",
                                                            "http://\ud800"]))


@settings(max_examples=300, deadline=None)
@given(names, emails, websites)
@example("Reader 1", "r1@example.org", "https://example.org/")
def test_an_author_is_cleaned_as_the_long_way_cleans_it(name: str, email: str, website: str) -> None:
    from django.conf import settings as django_settings

    expected = outcome(long_way, name, email, website)
    for _ in range(2):  # the second answer from the cache
        assert outcome(_imported_author, name, email, website, django_settings.SECRET_KEY) == expected
    if not any("\ud800" <= c <= "\udfff" for c in email):  # (refused before screening hashes it)
        assert email_hash(email) == (keyed_hash(email.strip().casefold(), "email") if email else "")


@pytest.mark.parametrize("secret", ["a-first-secret-key-" * 3, "a-second-secret-key-" * 3])
def test_a_new_secret_key_gives_new_hashes(secret: str) -> None:
    with override_settings(SECRET_KEY=secret):
        _, _, _, reader_key = _imported_author("Reader 1", "r1@example.org", "", secret)
        assert reader_key == "i:" + keyed_hash("r1@example.org", "imported-author")
        assert email_hash("r1@example.org") == keyed_hash("r1@example.org", "email")
