"""Links in comments: which domains a comment points to, and which of them the site trusts.

Citing a source is normal in news discussion, so a link alone holds nothing. What holds (``rules.link_signals``):
a URL shortener (the reader cannot see where it goes), many links, a link to a domain that is neither on the
publisher's trusted list nor seen in an earlier published comment, and a link in a reader's first comment.
"""

from __future__ import annotations

import re

# One match per link: a URL with a scheme, a www. address, or a bare domain with a common top-level domain.
_TLDS = r"(?:com|net|org|io|ru|cn|xyz|info|biz|top|co|uk|gov|edu|eu|de|fr|ca|au|ly|gl|gd|me|tv|be|to|us)"
LINK = re.compile(rf"https?://\S+|\bwww\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.{_TLDS}\b(?:/\S*)?", re.IGNORECASE)
# Every link above has "://", "www." or a dot, one of its top-level domains and a word's end (the third kind ends
# so): a comment with none is not searched (most comments have no link, and the full pattern is slow to rule one
# out; a dot before a letter, which the first look used to ask for, is in one comment of six).
_DOT_TLD = re.compile(rf"\.{_TLDS}\b", re.IGNORECASE)
_HOST = re.compile(r"^(?:https?://)?(?:[^@/\s]*@)?([a-z0-9.-]+)", re.IGNORECASE)

# Services whose links hide where they lead.
SHORTENERS = frozenset([
    "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "cutt.ly", "rb.gy",
    "shorturl.at", "tiny.cc", "t.ly", "rebrand.ly", "bl.ink", "s.id", "v.gd", "qr.ae", "adf.ly", "shorte.st",
    "ouo.io", "lnkd.in", "trib.al", "dlvr.it", "soo.gd", "clck.ru", "u.to", "short.io", "tiny.one",
])

# The default trusted list: public bodies, reference works and widely cited news sources. A leading dot means
# "any domain ending so" (".gov" covers "census.gov"); a plain domain covers its subdomains.
DEFAULT_TRUSTED = "\n".join([
    ".gov", ".gov.uk", ".gc.ca", ".gov.au", ".govt.nz", ".gov.ie", ".europa.eu", ".int", ".edu", ".ac.uk",
    "wikipedia.org", "archive.org", "doi.org", "youtube.com", "youtu.be",
    "apnews.com", "reuters.com", "bbc.co.uk", "bbc.com", "theguardian.com", "nytimes.com", "washingtonpost.com",
    "npr.org", "pbs.org", "cbc.ca", "abc.net.au", "ft.com", "economist.com", "aljazeera.com", "afp.com",
    "nature.com", "science.org", "who.int", "un.org", "oecd.org", "imf.org", "worldbank.org",
])


def host(link: str) -> str:
    found = _HOST.match(link)
    name = found.group(1).lower().strip(".") if found else ""
    return name[4:] if name.startswith("www.") else name


def _has_link_hint(raw_text: str) -> bool:
    # Plain substring tests first: one pattern with the three alternatives is tried at every position (3x slower).
    return "://" in raw_text or "www." in raw_text.lower() or _DOT_TLD.search(raw_text) is not None


def link_hosts(raw_text: str) -> list[str]:
    """The host of every link in the text, in order (one per link, repeats kept)."""
    if not _has_link_hint(raw_text):
        return []
    return [name for name in (host(link) for link in LINK.findall(raw_text)) if name]


def parse_trusted(text: str) -> tuple[str, ...]:
    """The publisher's list: one domain per line (or separated by commas/spaces); "#" starts a comment."""
    entries = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        entries += [item.strip().lower() for item in re.split(r"[,\s]+", line) if item.strip()]
    return tuple(dict.fromkeys(host(entry) if not entry.startswith(".") else entry for entry in entries))


def is_trusted(name: str, trusted: tuple[str, ...]) -> bool:
    for entry in trusted:
        if entry.startswith("."):
            if name.endswith(entry) or name == entry[1:]:
                return True
        elif name == entry or name.endswith("." + entry):
            return True
    return False


def is_shortener(name: str) -> bool:
    return name in SHORTENERS
