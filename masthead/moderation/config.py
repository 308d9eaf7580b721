"""The publisher's moderation settings and compiled word rules, cached per process.

Every comment write reads them, so they are kept in memory and checked against a version token in the shared
cache (``core.singletons``, as discussion's settings): saving settings or a rule on one app server replaces the
version token and every server reloads on its next comment. Settings and rules share one token (one lookup per
comment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from masthead.core.singletons import VersionedValue
from masthead.moderation.models import ModerationSettings, WordRule
from masthead.moderation.normalise import normalise


@dataclass(frozen=True)
class CompiledRule:
    rule_id: int
    pattern: str
    action: str
    regex: re.Pattern[str]


def _load_settings() -> ModerationSettings:
    return ModerationSettings.objects.filter(pk=1).first() or ModerationSettings(pk=1)


def _load_word_rules() -> list[CompiledRule]:
    rules = [compile_rule(rule.pk, rule.pattern, rule.is_regex, rule.action)
             for rule in WordRule.objects.filter(enabled=True).order_by("pk")]
    return [rule for rule in rules if rule is not None]


def _load() -> tuple[ModerationSettings, list[CompiledRule]]:
    return _load_settings(), _load_word_rules()


# Settings and word rules under one version token: a screening reads both, so it pays one shared-cache lookup;
# a change to either reloads both (one more small query, on a rare write).
_config = VersionedValue("moderation:config-version", _load)


def moderation_config() -> tuple[ModerationSettings, list[CompiledRule]]:
    """The settings and the enabled word rules, as one read (what a screening needs)."""
    return _config.get()


def moderation_settings() -> ModerationSettings:
    return _config.get()[0]


def word_rules() -> list[CompiledRule]:
    return _config.get()[1]


def compile_rule(rule_id: int, pattern: str, is_regex: bool, action: str) -> CompiledRule | None:
    """Plain patterns match whole words of the normalised text, so "ass" never matches "assess"."""
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
    _config.forget()


def forget_word_rules() -> None:
    _config.forget()
