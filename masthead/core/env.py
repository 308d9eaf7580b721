"""Strict parsing of settings from the environment; any secret may be given as ``<NAME>_FILE``."""

from __future__ import annotations

import ipaddress
import os
import re
import zoneinfo
from pathlib import Path
from urllib.parse import urlsplit


class SettingError(ValueError):
    pass


def _raw(name: str) -> str | None:
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text().strip()
    return os.environ.get(name)


def env_str(name: str, default: str) -> str:
    value = _raw(name)
    return default if value is None else value


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise SettingError(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise SettingError(f"{name} must be an integer, not {value!r}") from None


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of ``choices`` (written in upper case), given in any case: ``warning`` reads as ``WARNING``."""
    value = (_raw(name) or "").strip()
    if not value:
        return default
    if value.upper() not in choices:
        raise SettingError(f"{name} must be one of {', '.join(choices)} (in any case), not {value!r}")
    return value.upper()


# The levels both Python's logging and uvicorn (`masthead serve`) know, in the order of the messages they let through.
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def env_log_level(name: str, default: str) -> str:
    """A log level such as ``WARNING`` (or ``warning``): logging.config refuses lower case with an unclear error."""
    return env_choice(name, default, LOG_LEVELS)


_HOST_NAME = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?",
                        re.IGNORECASE)


def parse_listen_address(name: str, value: str) -> str:
    """An address to listen on: an IPv4 or IPv6 address (``0.0.0.0``, ``::``, ``[::1]``) or a host name
    (``localhost``), as the socket takes it (IPv6 without brackets). ``name`` is what the error message names."""
    candidate = value.strip()
    bare = candidate[1:-1] if candidate.startswith("[") and candidate.endswith("]") else candidate
    try:
        return str(ipaddress.ip_address(bare))
    except ValueError:
        pass
    if (candidate and len(candidate) <= 253 and _HOST_NAME.fullmatch(candidate)
            and not candidate.rstrip(".").rpartition(".")[2].isdigit()):  # 10 or 1.2.3 is no name, nor an address
        return candidate
    hint = " (give the port in PORT or --port)" if re.fullmatch(r"\[?[^/]*\]?:[0-9]+", candidate) else ""
    raise SettingError(f"{name} must be an address to listen on such as 127.0.0.1, 0.0.0.0, :: or localhost, "
                       f"not {value!r}{hint}")


def env_listen_address(name: str, default: str) -> str:
    """``parse_listen_address`` of the setting, or ``default`` when it is unset or empty."""
    value = _raw(name)
    if value is None or not value.strip():
        return default
    return parse_listen_address(name, value)


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_url(name: str, default: str = "") -> str:
    """An ``http://`` or ``https://`` address with a host and no query or fragment, without its trailing slash."""
    value = (_raw(name) or "").strip()
    if not value:
        return default
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query or parts.fragment:
        raise SettingError(f"{name} must be an address such as https://s3.example.org, not {value!r}")
    return value.rstrip("/")


def env_time_zone(name: str, fallbacks: tuple[str, ...] = (), default: str = "UTC") -> str:
    """An IANA time zone name (``Europe/Berlin``) from the first of ``name`` and ``fallbacks`` that is set."""
    for candidate in (name, *fallbacks):
        value = (_raw(candidate) or "").strip()
        if value:
            break
    else:
        return default
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SettingError(f"{candidate} must be a time zone name such as Europe/Berlin, not {value!r}") from None
    return value


def local_site_url(port: int) -> str:
    """The site's address when ``SITE_URL`` is not set: this machine, on the port ``masthead serve`` listens on."""
    return f"http://127.0.0.1:{port}"


_ORIGIN = re.compile(r"https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::[0-9]{1,5})?")


def parse_origin(value: str) -> str | None:
    """``value`` as a web origin (``https://news.example.org``, lower case, no default port), or None.

    Only ``http`` and ``https``, a host name or IPv4 address and an optional port: no path, query, credentials,
    wildcard or trailing slash, so an origin in a setting or the admin matches a browser's ``Origin`` exactly.
    """
    candidate = value.strip().lower()
    if not _ORIGIN.fullmatch(candidate):
        return None
    scheme, _, rest = candidate.partition("://")
    host, _, port = rest.partition(":")
    if port and (int(port) > 65535 or int(port) == 0):
        return None
    if port and int(port) == {"http": 80, "https": 443}[scheme]:
        return f"{scheme}://{host}"
    return candidate


def env_origins(name: str) -> list[str]:
    """A comma-separated list of web origins (see ``parse_origin``); any entry that is not one stops start-up."""
    origins = []
    for item in env_list(name, []):
        origin = parse_origin(item)
        if origin is None:
            raise SettingError(f"{name}: {item!r} is not an origin such as https://news.example.org "
                               "(scheme, host and optional port; no path or trailing slash)")
        origins.append(origin)
    return origins
