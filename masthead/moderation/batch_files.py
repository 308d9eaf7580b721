"""Publishers' files for the batch commands (``moderation_screen --input``, ``moderation_train --input``).

A file that comes from elsewhere (an export, a spreadsheet, a script) may start with a byte-order mark, end its lines
with CR LF, or hold a line of bytes that are not UTF-8. None of that may stop a run or move a row: the file is read
as UTF-8 with the mark skipped, and bytes that do not decode come through as lone surrogates
(``errors="surrogateescape"``), which ``undecodable`` finds, so the one line they are on is reported by its number
and the others go on.
"""

from __future__ import annotations

import io
import re
import sys
from typing import BinaryIO, TextIO

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Python's csv module refuses a field over 128 KiB and stops the file there; a comment (or a pasted blob) may be
# longer, and the rows after it must not be lost.
CSV_FIELD_LIMIT = 2**31 - 1


def open_text(path: str, *, csv_mode: bool = False, stdin: BinaryIO | None = None) -> TextIO:
    """``path`` ("-": standard input) as text. JSON lines are split on LF only (a CR before it is whitespace to
    JSON, and a lone CR inside a line must not cut it); a CSV file gets ``newline=""``, as the csv module needs
    for line breaks inside quoted fields. Raises OSError for a file that cannot be opened."""
    newline = "" if csv_mode else "\n"
    if path == "-":
        return io.TextIOWrapper(stdin or sys.stdin.buffer, encoding="utf-8-sig", errors="surrogateescape",
                                newline=newline)
    return open(path, encoding="utf-8-sig", errors="surrogateescape", newline=newline)


def undecodable(text: str) -> str | None:
    """Why a line read by ``open_text`` is not UTF-8 text, or None when it is."""
    match = _ESCAPED_BYTE.search(text)
    if match is None:
        return None
    return f"not UTF-8 text (byte 0x{ord(match.group()) - 0xDC00:02X} at character {match.start() + 1})"


def lone_surrogate(text: str) -> str | None:
    """A JSON escape such as ``\\ud800`` decodes to half a character, which can be neither screened as a comment
    (the discussion refuses it) nor written out as UTF-8."""
    match = _SURROGATE.search(text)
    if match is None:
        return None
    return f"the text holds a lone surrogate (\\u{ord(match.group()):04x}), which is not a character"


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string"
