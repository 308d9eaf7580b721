"""The publisher's rules, each a small function returning what it found (or nothing). ``pipeline.screen`` runs them.

Every check returns ``Finding``s: the action it asks for (hold or reject) and a reason moderators can read.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection

from masthead.core.ratelimit import hit
from masthead.moderation import links as link_checks
from masthead.moderation.config import CompiledRule, word_rules
from masthead.moderation.hate import lexicon_checks, lexicon_matches
from masthead.moderation.lexicon import PROFANITY, PROFANITY_RE, text_words
from masthead.moderation.models import Action, Ban, LinkedDomain, ModerationDecision, ModerationSettings, Tier


@dataclass(frozen=True)
class Finding:
    action: str  # Action.HOLD or Action.REJECT
    reason: str
    shadow: bool = False
    retry_after: int | None = None


def banned(*, account_id: int | None, email_hash: str, network_hash: str, reader_key: str,
           now: datetime) -> Finding | None:
    """An active ban on any of the author's identities: reject, or hold silently when it is a shadow ban."""
    identities = [(kind.value, value) for kind, value in (
        (Ban.Kind.ACCOUNT, str(account_id) if account_id else ""), (Ban.Kind.EMAIL, email_hash),
        (Ban.Kind.NETWORK, network_hash), (Ban.Kind.READER, reader_key)) if value]
    if not identities:
        return None
    found = _active_ban(identities, now)
    if found is None:
        return None
    kind, shadow = found
    if shadow:
        return Finding(Action.HOLD, f"shadow-banned ({kind})", shadow=True)
    return Finding(Action.REJECT, f"banned ({kind})")


def _active_ban(identities: list[tuple[str, str]], now: datetime) -> tuple[str, bool] | None:
    """The kind and shadow flag of the active ban on one of these (kind, value) pairs, a full ban before a shadow
    one; None without. Every post asks, so it is plain SQL from the model's column names: the ORM compiled the
    four-way OR again for each post (1 ms, an eighth of a post's time, for a query the database answers from the
    ban_lookup index in microseconds)."""
    quote = connection.ops.quote_name
    kind, value = quote("kind"), quote("value")
    either = " OR ".join([f"({kind} = %s AND {value} = %s)"] * len(identities))
    sql = (f"SELECT {kind}, {quote('shadow')} FROM {quote(Ban._meta.db_table)} "  # noqa: S608 - names from the model
           f"WHERE ({either}) AND {quote('lifted_at')} IS NULL "
           f"AND ({quote('expires_at')} IS NULL OR {quote('expires_at')} > %s) "
           f"ORDER BY {quote('shadow')} ASC, {quote('created_at')} DESC LIMIT 1")
    params = [part for pair in identities for part in pair]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, connection.ops.adapt_datetimefield_value(now)])
        row = cursor.fetchone()
    return (str(row[0]), bool(row[1])) if row is not None else None


def rate_limited(config: ModerationSettings, *, network_hash: str, author_key: str) -> Finding | None:
    """Per network and per reader, in a fixed window on the shared cache. Rejections say when to retry."""
    window = config.rate_window_seconds or 1
    checks = []
    if network_hash and config.rate_limit_network:
        checks.append(hit("moderation-network", network_hash, limit=config.rate_limit_network, window=window))
    if author_key and config.rate_limit_account:
        checks.append(hit("moderation-author", author_key, limit=config.rate_limit_account, window=window))
    refused = [limit for limit in checks if not limit.allowed]
    if not refused:
        return None
    retry_after = max(limit.retry_after for limit in refused) or 1
    return Finding(Action.REJECT, f"rate limited: try again in {retry_after}s", retry_after=retry_after)


def matched_word_rules(normalised_text: str, compiled: list[CompiledRule] | None = None) -> list[Finding]:
    """The publisher's word rules that match (``compiled``: the rules already read, else read now)."""
    return [Finding(rule.action, f"word rule: {rule.pattern}")
            for rule in (word_rules() if compiled is None else compiled) if rule.regex.search(normalised_text)]


def count_links(raw_text: str) -> int:
    return len(link_checks.LINK.findall(raw_text))


def link_signals(config: ModerationSettings, tier: str, hosts: list[str], *, link_count: int,
                 approved_count: int, creating: bool, editing: bool) -> list[Finding]:
    """What makes a link suspicious: a shortener, many links, a domain new to the site, a first comment."""
    findings = []
    shorteners = sorted({name for name in hosts if link_checks.is_shortener(name)})
    if shorteners:
        findings.append(Finding(Action.HOLD, "link shortener: " + ", ".join(shorteners[:3])))
    many = too_many_links(config, tier, link_count)
    if many:
        findings.append(many)
    trusted = config.trusted_domains()
    untrusted = sorted({name for name in hosts if not link_checks.is_trusted(name, trusted)} - set(shorteners))
    if not untrusted or not (creating or editing):
        return findings
    if creating and approved_count == 0:
        findings.append(Finding(Action.HOLD, f"link in a first comment: {untrusted[0]}"))
    elif config.hold_links_to_new_domains and tier in (Tier.GUEST, Tier.VERIFIED):
        seen = set(LinkedDomain.objects.filter(domain__in=untrusted).values_list("domain", flat=True))
        new = [name for name in untrusted if name not in seen]
        if new:
            findings.append(Finding(Action.HOLD, "link to a domain new to this site: " + ", ".join(new[:3])))
    return findings


def remembered_hosts(hosts: list[str] | tuple[str, ...]) -> list[str]:
    """The domains of one published comment that count as seen (at most 20, no shorteners)."""
    return [name for name in sorted(set(hosts))[:20] if not link_checks.is_shortener(name) and len(name) <= 253]


def remember_domains(hosts: list[str] | tuple[str, ...]) -> None:
    """A comment was published: the domains it links to are no longer new to the site."""
    remember_domain_counts(dict.fromkeys(remembered_hosts(hosts), 1))


def remember_domain_counts(counts: Mapping[str, int]) -> None:
    """Many published comments at once (an import's batch): each domain with the number that link to it."""
    from django.db.models import F

    for name in sorted(counts):
        added = counts[name]
        updated = LinkedDomain.objects.filter(domain=name).update(published_links=F("published_links") + added)
        if not updated:
            LinkedDomain.objects.get_or_create(domain=name, defaults={"published_links": added})


def too_many_links(config: ModerationSettings, tier: str, links: int) -> Finding | None:
    limit = config.link_limit(tier)
    if limit is None or links <= limit:
        return None
    return Finding(Action.HOLD, f"{links} link{'s' if links != 1 else ''} (limit {limit} for {tier})")


_WORD_RUN = re.compile(r"\w+")


def body_hash(normalised_text: str) -> str:
    compact = " ".join(_WORD_RUN.findall(normalised_text))  # the words, one space apart
    return hashlib.sha256(compact.encode()).hexdigest()


def duplicate(config: ModerationSettings, digest: str, normalised_text: str, now: datetime) -> Finding | None:
    if not config.duplicate_window_minutes or len(normalised_text) < config.duplicate_min_length:
        return None
    since = now - timedelta(minutes=config.duplicate_window_minutes)
    seen = ModerationDecision.objects.filter(
        body_hash=digest, source=ModerationDecision.Source.PIPELINE, created_at__gte=since
    ).exists()
    if not seen:
        return None
    return Finding(Action.HOLD, f"duplicate of a comment posted in the last {config.duplicate_window_minutes} min")


def threat(normalised_text: str) -> tuple[Finding | None, dict[str, float]]:
    """Threats, calls for violence and dehumanising comparisons (``lexicon.py``: by structure, not fixed phrases)."""
    found = lexicon_checks(normalised_text)  # shared with the classifier's structure block (cached)
    categories: dict[str, float] = {name: 1.0 for name in ("threat", "group_violence") if name in found}
    if not categories:
        return None, categories
    return Finding(Action.HOLD, "looks like " + " and ".join(sorted(categories)).replace("_", " ")), categories


def profanity(normalised_text: str) -> Finding | None:
    """Strong profanity, slurs and insulting words (a word list)."""
    if PROFANITY.isdisjoint(text_words(normalised_text)):  # every listed word is letters only: a cheap first look
        return None
    found = sorted(set(PROFANITY_RE.findall(normalised_text)))
    if not found:
        return None
    return Finding(Action.HOLD, "profanity or insult: " + ", ".join(found[:5]))


def insult(normalised_text: str) -> Finding | None:
    """An insult aimed at the reader by structure ("you are trash", "you pathetic clown"), swear words or not."""
    found = dict(lexicon_matches(normalised_text)).get("insult")
    if not found:
        return None
    return Finding(Action.HOLD, f"insult aimed at the reader: \u201c{found.strip()}\u201d")


def first_comment(config: ModerationSettings, tier: str, approved_count: int) -> Finding | None:
    if approved_count == 0 and config.first_comment_review(tier):
        return Finding(Action.HOLD, f"first comment from a {tier} reader")
    return None
