"""Strict parsing of settings from the environment; any secret may be given as ``<NAME>_FILE``."""

from __future__ import annotations

import os
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
