"""The publisher's moderation settings and compiled word rules, cached per process.

Every comment write reads them, so they are kept in memory and checked against a version token in the shared
cache (local memory, or Redis when scaled): saving settings or a rule on one app server replaces the version
token and every server reloads on its next comment.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.cache import cache

if TYPE_CHECKING:
    from masthead.moderation.models import ModerationSettings

_SETTINGS_VERSION = "moderation:settings-version"
_RULES_VERSION = "moderation:rules-version"
# Per process: the version token each copy was read under.
_settings_held: dict[str, tuple[object, ModerationSettings]] = {}
_rules_held: dict[str, tuple[object, list[CompiledRule]]] = {}


@dataclass(frozen=True)
class CompiledRule:
    rule_id: int
    pattern: str
    action: str
    regex: re.Pattern[str]


def _version(key: str) -> object:
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        version = cache.get(key)
    return version


def _bump(key: str) -> None:
    # A fresh random token rather than a counter: after a cache flush no server can mistake an old number for
    # the current one.
    cache.set(key, uuid.uuid4().hex, timeout=None)
    _settings_held.pop(key, None)
    _rules_held.pop(key, None)


def moderation_settings() -> ModerationSettings:
    from masthead.moderation.models import ModerationSettings

    version = _version(_SETTINGS_VERSION)
    held = _settings_held.get(_SETTINGS_VERSION)
    if held and held[0] == version:
        return held[1]
    current = ModerationSettings.objects.filter(pk=1).first() or ModerationSettings(pk=1)
    _settings_held[_SETTINGS_VERSION] = (version, current)
    return current


def word_rules() -> list[CompiledRule]:
    from masthead.moderation.models import WordRule

    version = _version(_RULES_VERSION)
    held = _rules_held.get(_RULES_VERSION)
    if held and held[0] == version:
        return held[1]
    rules = [compile_rule(rule.pk, rule.pattern, rule.is_regex, rule.action)
             for rule in WordRule.objects.filter(enabled=True).order_by("pk")]
    compiled = [rule for rule in rules if rule is not None]
    _rules_held[_RULES_VERSION] = (version, compiled)
    return compiled


def compile_rule(rule_id: int, pattern: str, is_regex: bool, action: str) -> CompiledRule | None:
    """Plain patterns match whole words of the normalised text, so "ass" never matches "assess"."""
    from masthead.moderation.normalise import normalise

    try:
        if is_regex:
            regex = re.compile(pattern, re.IGNORECASE)
        else:
            words = normalise(pattern).text
            if not words:
                return None
            regex = re.compile(r"(?<![\w])" + r"\s+".join(map(re.escape, words.split())) + r"(?![\w])")
    except re.error:
        return None
    return CompiledRule(rule_id, pattern, action, regex)


def forget_settings() -> None:
    _bump(_SETTINGS_VERSION)


def forget_word_rules() -> None:
    _bump(_RULES_VERSION)
