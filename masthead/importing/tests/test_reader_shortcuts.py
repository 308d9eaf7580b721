"""The WordPress reader's shortcuts give what the long way gives: a plain name read without the HTML parser, and a
date in WordPress's own form read without ``strptime``, for any text (hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.importing.markup import _parsed_plain, html_to_plain
from masthead.importing.sources.base import ItemError
from masthead.importing.sources.wordpress import _wp_date

names = st.one_of(st.text(max_size=60), st.text(alphabet=" \t\n\r\xa0\u2003ab<>&;[]/=\"'#x0123", max_size=60))


@settings(max_examples=300, deadline=None)
@given(names)
def test_a_name_is_read_as_the_html_parser_reads_it(text: str) -> None:
    assert html_to_plain(text) == _parsed_plain(text)


def _strptime(value: str) -> datetime | None:
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


dates = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)).map(
        lambda d: d.strftime("%Y-%m-%d %H:%M:%S").rjust(19, "0")),
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\Z"),  # impossible ones too
    st.from_regex(r"\A[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,2}[ T][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}\Z"),
)


@settings(max_examples=300, deadline=None)
@given(dates)
def test_a_date_is_read_as_strptime_reads_it(value: str) -> None:
    if value.strip() in ("", "0000-00-00 00:00:00"):  # WordPress's "no date"
        assert _wp_date(value, "", "date", "comment", "1") is None
        return
    expected = _strptime(value)
    if expected is None:
        with pytest.raises(ItemError):
            _wp_date(value, "", "date", "comment", "1")
    else:
        assert _wp_date(value, "", "date", "comment", "1") == expected
