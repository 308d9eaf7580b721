"""Streaming XML for source adapters, refusing what an export never needs and an attacker would use.

``iterparse`` wraps defusedxml's: a DTD (where entity bombs and external entities live) is refused outright, so
are entity declarations and external references, and every parse error becomes ``ImportInputError`` naming the
file, line and column. WordPress, Disqus and the other exports carry no DTD. Encodings are expat's: the one the
XML declaration names (UTF-8 without one); bytes that are not in that encoding stop the parse with an error at
their line, never a guess.

``grandchildren`` reads a file the same way, with the same refusals and errors, for the sources that read it
item by item under one root (WordPress's ``<rss><channel>``), for a fraction of the CPU (no Python call per
element).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder
from xml.parsers import expat

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
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
        raise _refused(path, error) from None


READ = 16 * 1024  # bytes read and parsed at a time (as ElementTree's iterparse reads them)


def grandchildren(path: Path) -> Iterator[Element]:
    """The root element (first, as soon as it starts; not yet complete), then each complete child of the root's
    children in document order: a WXR's ``<channel>`` fields and items. Each is cleared and dropped from the tree
    once the caller asks for the next, so the tree holds little more than one read's worth of the file.

    The same file, the same refusals and the same errors as ``iterparse`` (a DTD, entity declarations and external
    references refused as defusedxml refuses them; expat's errors with their line and column), for far less CPU:
    the elements are built by expat and ElementTree's C tree builder with no Python call per element, where
    ``iterparse`` (defusedxml's, on ElementTree's pure-Python parser) made several. Two differences the callers
    allow for: a namespaced name is ``uri}name`` rather than ``{uri}name``, and a file that turns out unreadable
    after its start may stop before the last few elements read before the fault are given (callers check the
    whole file first)."""
    with path.open("rb") as handle:
        yield from _grandchildren(path, handle)


def _grandchildren(path: Path, handle: IO[bytes], read: int = READ) -> Iterator[Element]:
    builder = TreeBuilder()
    parser = expat.ParserCreate(None, "}")
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_unparsed_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    roots: list[Element] = []

    def first(tag: str, attributes: dict[str, str]) -> None:
        roots.append(builder.start(tag, attributes))
        parser.StartElementHandler = builder.start  # every later element: built in C, no Python call

    parser.StartElementHandler = first
    given_root = False
    finished = 0  # the root's children known complete whose children were all given
    while True:
        data = handle.read(read)
        final = not data
        try:
            parser.Parse(data, final)
        except expat.ExpatError as error:
            raise ImportInputError(f"{path.name}: not readable as XML at line {error.lineno}, column "
                                   f"{error.offset + 1} ({_explain(str(error))}).") from None
        except DefusedXmlException as error:
            raise _refused(path, error) from None
        if roots:
            root = roots[0]
            if not given_root:
                given_root = True
                yield root
            # A child is complete once a sibling follows it (or the file has ended): the last child of the root,
            # and the last child of that, may still be open.
            count = len(root)
            while finished < count:
                parent = root[finished]
                open_parent = finished == count - 1 and not final
                ready = len(parent) - 1 if open_parent else len(parent)
                if ready > 0:
                    for element in parent[:ready]:
                        yield element
                        element.clear()
                    del parent[:ready]
                if open_parent:
                    break
                finished += 1
        if final:
            return


def _refuse_doctype(name: str, sysid: str | None, pubid: str | None, has_internal_subset: bool) -> None:
    raise DTDForbidden(name, sysid, pubid)


def _refuse_entity(name: str, is_parameter_entity: bool, value: str | None, base: str | None, sysid: str | None,
                   pubid: str | None, notation_name: str | None) -> None:
    raise EntitiesForbidden(name, value, base, sysid, pubid, notation_name)


def _refuse_unparsed_entity(name: str, base: str | None, sysid: str | None, pubid: str | None,
                            notation_name: str | None) -> None:
    raise EntitiesForbidden(name, None, base, sysid, pubid, notation_name)


def _refuse_external(context: str, base: str | None, sysid: str | None, pubid: str | None) -> Any:
    raise ExternalReferenceForbidden(context, base, sysid, pubid)


def _refused(path: Path, error: DefusedXmlException) -> ImportInputError:
    return ImportInputError(
        f"{path.name}: refused: {type(error).__name__} ({error}). Exports never need a DTD or entity "
        "declarations; this file may be crafted to exhaust memory or read local files."
    )


def _explain(message: str) -> str:
    text = message.split(":", 1)[0]
    if "invalid token" in text or "not well-formed" in text:
        return f"{text}: often bytes that are not in the file's declared encoding"
    if "no element found" in text or "unclosed token" in text:
        return f"{text}: the file ends early (truncated?)"
    return text
