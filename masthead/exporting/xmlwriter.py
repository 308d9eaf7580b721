"""A small streaming XML writer: elements go straight to the output as they are written, nothing is kept.

XML 1.0 cannot carry every string a database can: the C0 control characters other than tab, newline and
carriage return, and U+FFFE/U+FFFF, are not allowed anywhere, not even escaped or in CDATA. They are written as
U+FFFD (the replacement character) and counted in ``replaced``, so the document always parses. Inside CDATA the
one sequence that would end the section early, ``]]>``, is split across two sections.
"""

from __future__ import annotations

import re
from typing import TextIO

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                    "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})


class XmlWriter:
    def __init__(self, out: TextIO, indent: str = "\t") -> None:
        self._out = out
        self._indent = indent
        self._open: list[str] = []
        self.replaced = 0

    def _clean(self, value: str) -> str:
        cleaned, count = _NOT_XML.subn("\ufffd", value)
        self.replaced += count
        return cleaned

    def text(self, value: str) -> str:
        return self._clean(value).translate(_TEXT_ESCAPES)

    def cdata(self, value: str) -> str:
        if not value:
            return ""
        return "<![CDATA[" + self._clean(value).replace("]]>", "]]]]><![CDATA[>") + "]]>"

    def _attributes(self, attributes: dict[str, str] | None) -> str:
        if not attributes:
            return ""
        return "".join(f' {name}="{self._clean(value).translate(_ATTRIBUTE_ESCAPES)}"'
                       for name, value in attributes.items())

    def declaration(self) -> None:
        self._out.write('<?xml version="1.0" encoding="UTF-8" ?>\n')

    def start(self, name: str, attributes: dict[str, str] | None = None) -> None:
        self._out.write(f"{self._indent * len(self._open)}<{name}{self._attributes(attributes)}>\n")
        self._open.append(name)

    def end(self, name: str) -> None:
        opened = self._open.pop()
        if opened != name:
            raise ValueError(f"closing <{name}> while <{opened}> is open")
        self._out.write(f"{self._indent * len(self._open)}</{name}>\n")

    def leaf(self, name: str, value: str | int = "", *, cdata: bool = False,
             attributes: dict[str, str] | None = None) -> None:
        """``<name>value</name>`` on one line; text escaped, or wrapped in CDATA (what WordPress writes for
        markup and free text)."""
        content = str(value)
        body = self.cdata(content) if cdata else self.text(content)
        self._out.write(f"{self._indent * len(self._open)}<{name}{self._attributes(attributes)}>{body}</{name}>\n")

    def close(self) -> None:
        if self._open:
            raise ValueError(f"<{self._open[-1]}> was never closed")
