"""The host's look passed to the frame: light or dark, and a few colours and a font, validated strictly.

Each value becomes a CSS custom property set through the CSSOM in ``frame.js`` (no ``style`` attribute, which the
Content-Security-Policy refuses). Only plain colours and font family names pass: nothing with ``(``, ``;``,
``{``, ``\\``, ``url``, ``/*`` or ``!``, so a value cannot end a declaration, load anything or inject a rule.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Query parameter → the site.css custom property it sets.
PROPERTIES = {
    "accent": "--support",  # buttons (post, subscribe, support)
    "link": "--link",
    "text": "--ink",
    "background": "--bg",
    "font": "--serif",
}
_COLOUR = re.compile(r"#[0-9a-fA-F]{3}|#[0-9a-fA-F]{4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}"
                     r"|rgba?\( *[0-9]{1,3}(?: *, *[0-9]{1,3}){2}(?: *, *(?:0|1|0?\.[0-9]{1,3}))? *\)")
_FONT = re.compile(r"[A-Za-z0-9 ,'\"-]{1,120}")


def clean_theme(value: str | None) -> str:
    return value if value in ("light", "dark") else ""


def clean_properties(params: Mapping[str, str]) -> dict[str, str]:
    """``{"--support": "#0b6e4f", ...}`` for the valid values among ``params``; others are left out."""
    found: dict[str, str] = {}
    for name, prop in PROPERTIES.items():
        value = (params.get(name) or "").strip()
        if not value:
            continue
        pattern = _FONT if name == "font" else _COLOUR
        if pattern.fullmatch(value):
            found[prop] = value
    return found
