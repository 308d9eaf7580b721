"""A host page's address in canonical form (the key of its thread) and its title, cleaned."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MAX_URL = 500
MAX_TITLE = 200
# Query parameters that say how a reader arrived, not which page it is.
_TRACKING = re.compile(r"utm_[a-z]+|fbclid|gclid|mc_[a-z]+|ref|ref_src")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class BadPage(ValueError):
    pass


def normalise_url(raw: str) -> str:
    """``https://News.Example.org:443/a/b?utm_source=x&b=2&a=1#c`` → ``https://news.example.org/a/b?a=1&b=2``.

    Scheme and host in lower case, default port dropped, fragment and tracking parameters dropped, the other
    parameters sorted, an empty path made ``/``. Raises ``BadPage`` for anything that is not an absolute http(s)
    address without credentials, or is longer than ``MAX_URL`` once normalised.
    """
    text = raw.strip()
    if not text or len(text) > MAX_URL * 2 or any(unicodedata.category(ch)[0] == "C" for ch in text):
        raise BadPage("The page address is missing or not an address.")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise BadPage("The page address is not valid.") from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host or parts.username is not None or parts.password is not None:
        raise BadPage("The page address must be an http or https address.")
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise BadPage("The page address has an invalid host name.") from None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.fullmatch(k))
    url = urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))
    if len(url) > MAX_URL:
        raise BadPage("The page address is too long.")
    return url


def clean_title(raw: str) -> str:
    """The page's title as text: control and format characters dropped, spaces collapsed, at most 200 characters."""
    kept = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in unicodedata.normalize("NFC", raw))
    return " ".join(kept.split())[:MAX_TITLE]
