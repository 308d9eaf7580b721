"""A small, safe reader for PHP ``serialize()`` values, as WordPress stores meta (wpDiscuz's vote counts).

Only null, booleans, integers, floats, strings and arrays are read; objects (``O:``, ``C:``) and references are
refused, so nothing in an export can make this instantiate anything. Arrays become dicts (PHP arrays are ordered
maps). String lengths are in bytes, as PHP writes them.
"""

from __future__ import annotations

MAX_DEPTH = 32
MAX_LENGTH = 1_000_000

PhpValue = None | bool | int | float | str | dict[object, object]


class PhpSerialError(ValueError):
    pass


def loads(data: str | bytes) -> PhpValue:
    raw = data.encode() if isinstance(data, str) else data
    if len(raw) > MAX_LENGTH:
        raise PhpSerialError("serialized value too long")
    value, end = _read(raw, 0, 0)
    if raw[end:].strip():
        raise PhpSerialError(f"unexpected data after the value at byte {end}")
    return value


def _until(raw: bytes, start: int, stop: bytes) -> tuple[bytes, int]:
    end = raw.find(stop, start)
    if end < 0:
        raise PhpSerialError(f"expected {stop.decode()!r} after byte {start}")
    return raw[start:end], end + 1


def _int(text: bytes) -> int:
    if not text or len(text) > 20 or not text.lstrip(b"-+").isdigit():
        raise PhpSerialError(f"not an integer: {text[:20]!r}")
    return int(text)


def _read(raw: bytes, at: int, depth: int) -> tuple[PhpValue, int]:
    if depth > MAX_DEPTH:
        raise PhpSerialError("nested too deeply")
    kind = raw[at : at + 2]
    if raw[at : at + 2] == b"N;":
        return None, at + 2
    if kind == b"b:":
        text, end = _until(raw, at + 2, b";")
        if text not in (b"0", b"1"):
            raise PhpSerialError("bad boolean")
        return text == b"1", end
    if kind == b"i:":
        text, end = _until(raw, at + 2, b";")
        return _int(text), end
    if kind == b"d:":
        text, end = _until(raw, at + 2, b";")
        try:
            return float(text), end
        except ValueError:
            raise PhpSerialError(f"not a number: {text[:20]!r}") from None
    if kind == b"s:":
        text, start = _until(raw, at + 2, b":")
        length = _int(text)
        if length < 0 or raw[start : start + 1] != b'"' or raw[start + 1 + length : start + 3 + length] != b'";':
            raise PhpSerialError(f"bad string at byte {at}")
        return raw[start + 1 : start + 1 + length].decode("utf-8", "replace"), start + 3 + length
    if kind == b"a:":
        text, start = _until(raw, at + 2, b":")
        count = _int(text)
        if count < 0 or raw[start : start + 1] != b"{":
            raise PhpSerialError(f"bad array at byte {at}")
        at = start + 1
        result: dict[object, object] = {}
        for _ in range(count):
            key, at = _read(raw, at, depth + 1)
            if not isinstance(key, int | str) or isinstance(key, bool):
                raise PhpSerialError("array keys are integers or strings")
            result[key], at = _read(raw, at, depth + 1)
        if raw[at : at + 1] != b"}":
            raise PhpSerialError(f"array not closed at byte {at}")
        return result, at + 1
    raise PhpSerialError(f"unsupported value {kind!r} at byte {at} (objects and references are refused)")
