"""``xml_safety.grandchildren`` (expat and the C tree builder) gives the WordPress reader what ``iterparse`` gave
it: the root, then each complete child of the root's children with all it holds, in order, for any document and
any read size; and the same error, word for word, for a document it cannot read or must refuse (hypothesis)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.importing.sources.base import ImportInputError
from masthead.importing.sources.wordpress import _local
from masthead.importing.xml_safety import _grandchildren, iterparse

NAMES = st.sampled_from(["item", "title", "wp:comment", "wp:comment_id", "content:encoded", "x", "dc:creator",
                         "category", "ns:thing"])
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)
NAMESPACES = ('xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
              ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:ns="urn:example"')


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _clean(text: str) -> str:
    # Characters XML 1.0 cannot hold at all are left out of the generated text (both readers refuse them alike).
    return "".join(c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
                   or c > "\uffff")


@st.composite
def elements(draw: Any, depth: int = 0) -> str:
    name = draw(NAMES)
    attributes = draw(st.dictionaries(st.sampled_from(["domain", "nicename", "ns:a"]), TEXT, max_size=2))
    attributes_text = "".join(f' {key}="{_escape(_clean(value))}"' for key, value in attributes.items())
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        kind = draw(st.sampled_from(["text", "cdata", "child", "comment"]))
        if kind == "text":
            parts.append(_escape(_clean(draw(TEXT))))
        elif kind == "cdata":
            parts.append(f"<![CDATA[{_clean(draw(TEXT)).replace(']]>', '')}]]>")
        elif kind == "comment":
            parts.append("<!-- a note -->")
        else:
            parts.append(draw(elements(depth + 1)))
    return f"<{name}{attributes_text}>{''.join(parts)}</{name}>"


@st.composite
def documents(draw: Any) -> bytes:
    channels = []
    for _ in range(draw(st.integers(1, 2))):
        children = draw(st.lists(elements(), max_size=5))
        channels.append(f"<channel>{''.join(children)}</channel>")
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<rss {NAMESPACES}>{" ".join(channels)}</rss>\n'
    return text.encode("utf-8")


def _shape(element: Element, tail: bool = False) -> Any:
    """An element with all it holds, its names in local form (the two readers spell a namespace differently); the
    tail of the elements inside it (a grandchild's own is the text after it, not yet read when iterparse ends it)."""
    return (_local(element.tag), sorted((_local(k), v) for k, v in element.attrib.items()), element.text,
            element.tail if tail else None, [_shape(child, tail=True) for child in element])


def _with_iterparse(path: Path) -> list[Any]:
    """What the WordPress reader took from ``iterparse``: the root's name, then each grandchild as it ended."""
    out: list[Any] = []
    depth = 0
    for event, element in iterparse(path):
        if event == "start":
            depth += 1
            if depth == 1:
                out.append(_local(element.tag))
            continue
        depth -= 1
        if depth == 2:
            out.append(_shape(element))
    return out


def _with_grandchildren(path: Path, read: int) -> list[Any]:
    with path.open("rb") as handle:
        given = _grandchildren(path, handle, read)
        out: list[Any] = [_local(root.tag) for root in [next(given)]]
        out += [_shape(element) for element in given]
    return out


def _result(read: Any, *args: Any) -> Any:
    try:
        return read(*args)
    except ImportInputError as error:
        return str(error)


@settings(max_examples=150, deadline=None)
@given(document=documents(), read=st.sampled_from([1, 7, 64, 16 * 1024]))
def test_the_same_elements_as_iterparse(tmp_path_factory: pytest.TempPathFactory, document: bytes, read: int
                                        ) -> None:
    path = tmp_path_factory.mktemp("xml") / "export.xml"
    path.write_bytes(document)
    assert _with_grandchildren(path, read) == _with_iterparse(path)


@settings(max_examples=150, deadline=None)
@given(document=documents(), cut=st.integers(0, 10_000), junk=st.sampled_from(
    [b"", b"\xff", b"&nope;", b"<", b"<!DOCTYPE r [<!ENTITY a 'b'>]>", b"<!ENTITY a 'b'>", b"]]>", b"</x>"]),
    read=st.sampled_from([1, 64, 16 * 1024]))
def test_the_same_error_as_iterparse(tmp_path_factory: pytest.TempPathFactory, document: bytes, cut: int,
                                     junk: bytes, read: int) -> None:
    # Cut short or with something spliced in: readable or not, both say the same (the whole file read).
    at = cut % (len(document) + 1)
    path = tmp_path_factory.mktemp("xml") / "export.xml"
    path.write_bytes(document[:at] + junk + document[at:] if junk else document[:at])
    expected = _result(_with_iterparse, path)
    got = _result(_with_grandchildren, path, read)
    if isinstance(expected, str):
        assert got == expected
    else:
        assert got == expected, "readable by both: the same elements"


@pytest.mark.parametrize("document", [
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss>&lol2;</rss>',
    b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "file:///etc/passwd"><rss/>',
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://example.org/x">%p;]><rss/>',
    b'<rss><channel><item>&nope;</item></channel></rss>',
    b"",
    b"<rss><channel><item>",
])
def test_hostile_documents_are_refused_alike(tmp_path: Path, document: bytes) -> None:
    path = tmp_path / "export.xml"
    path.write_bytes(document)
    expected = _result(_with_iterparse, path)
    assert isinstance(expected, str)
    assert _result(_with_grandchildren, path, 16 * 1024) == expected


def test_the_tree_holds_no_more_than_a_read_and_an_item() -> None:
    items = "".join(f"<item><title>{n}</title></item>" for n in range(2_000))
    document = f"<rss><channel>{items}</channel></rss>".encode()
    given = _grandchildren(Path("export.xml"), io.BytesIO(document), 1024)
    root = next(given)
    largest = 0
    for _ in given:
        largest = max(largest, len(root[0]))
    assert largest < 50  # a 1 KiB read holds about 30 items of this size
