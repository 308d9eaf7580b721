"""Streaming XML for source adapters, refusing what an export never needs and an attacker would use.

``iterparse`` wraps defusedxml's: a DTD (where entity bombs and external entities live) is refused outright, so
are entity declarations and external references, and every parse error becomes ``ImportInputError`` naming the
file, line and column. WordPress, Disqus and the other exports carry no DTD. Encodings are expat's: the one the
XML declaration names (UTF-8 without one); bytes that are not in that encoding stop the parse with an error at
their line, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse as defused_iterparse

from masthead.importing.sources.base import ImportInputError


def iterparse(path: Path, events: tuple[str, ...] = ("start", "end")) -> Iterator[tuple[str, Element]]:
    """``(event, element)`` pairs from the file; the caller clears elements it has handled."""
    with path.open("rb") as handle:
        yield from _guarded(path, handle, events)


def _guarded(path: Path, handle: IO[bytes], events: tuple[str, ...]) -> Iterator[tuple[str, Element]]:
    parsed = defused_iterparse(handle, events=events, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        yield from parsed
    except ParseError as error:
        line, column = error.position
        raise ImportInputError(
            f"{path.name}: not readable as XML at line {line}, column {column + 1} ({_explain(str(error))})."
        ) from None
    except DefusedXmlException as error:
        raise ImportInputError(
            f"{path.name}: refused: {type(error).__name__} ({error}). Exports never need a DTD or entity "
            "declarations; this file may be crafted to exhaust memory or read local files."
        ) from None


def _explain(message: str) -> str:
    text = message.split(":", 1)[0]
    if "invalid token" in text or "not well-formed" in text:
        return f"{text}: often bytes that are not in the file's declared encoding"
    if "no element found" in text or "unclosed token" in text:
        return f"{text}: the file ends early (truncated?)"
    return text
