"""The API's JSON parser: django-ninja's, refusing strings that are not Unicode text.

JSON may spell a lone UTF-16 surrogate (``"\\ud800"``), and Python's decoder returns it as a one-character
string that no database driver can encode: stored, it was a 500. Such a body is refused before any endpoint
sees it (400, logged), for every router mounted on the API.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from django.http import HttpRequest
from ninja.parser import Parser

logger = logging.getLogger("masthead.api")

_SURROGATE = re.compile("[\ud800-\udfff]")  # after decoding, a paired escape is one character: these are lone


class UnpairedSurrogate(ValueError):
    """The body holds a string with an unpaired surrogate; the message is meant for the client."""


def has_unpaired_surrogate(value: Any) -> bool:
    """Whether any string in a decoded JSON value (keys included) holds a lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


class UnicodeJsonParser(Parser):
    def parse_body(self, request: HttpRequest) -> Any:
        data = json.loads(request.body)
        if has_unpaired_surrogate(data):
            logger.warning("Refused a JSON body with an unpaired surrogate: %s %s", request.method, request.path)
            raise UnpairedSurrogate(
                "The request holds text that is not valid Unicode (an unpaired surrogate, \\ud800-\\udfff)."
            )
        return data
