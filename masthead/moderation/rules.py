"""The publisher's rules, each a small function returning what it found (or nothing). ``pipeline.screen`` runs them.

Every check returns ``Finding``s: the action it asks for (hold or reject) and a reason moderators can read.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import connection

from masthead.core.ratelimit import hit
from masthead.discussion.models import Comment
from masthead.moderation import links as link_checks
from masthead.moderation import menace, violence, watching
from masthead.moderation.config import CompiledRule, word_rules
from masthead.moderation.frames import profanity_framed
from masthead.moderation.hate import lexicon_checks, lexicon_matches, negation_lowered
from masthead.moderation.lexicon import PROFANITY, PROFANITY_RE, text_words
from masthead.moderation.models import Action, Ban, LinkedDomain, ModerationDecision, ModerationSettings, Tier


@dataclass(frozen=True)
class Finding:
    action: str  # Action.HOLD or Action.REJECT
    reason: str
    shadow: bool = False
    retry_after: int | None = None


def ban_identities(*, account_id: int | None, email_hash: str, network_hash: str,
                   reader_key: str) -> list[tuple[str, str]]:
    """The (kind, value) pairs a ban on the author could name."""
    return [(kind.value, value) for kind, value in (
        (Ban.Kind.ACCOUNT, str(account_id) if account_id else ""), (Ban.Kind.EMAIL, email_hash),
        (Ban.Kind.NETWORK, network_hash), (Ban.Kind.READER, reader_key)) if value]


def ban_finding(found: tuple[str, bool] | None) -> Finding | None:
    """An active ban (its kind, whether shadow): reject, or hold silently when it is a shadow ban."""
    if found is None:
        return None
    kind, shadow = found
    if shadow:
        return Finding(Action.HOLD, f"shadow-banned ({kind})", shadow=True)
    return Finding(Action.REJECT, f"banned ({kind})")


@dataclass(frozen=True)
class Prior:
    """What the database knows of a new comment's author and text (``prior_facts``)."""

    ban: tuple[str, bool] | None  # the active ban's kind and shadow flag, a full ban before a shadow one
    duplicate: bool  # the same text screened within the duplicate window
    published_before: bool  # the author has a visible comment (other than this one)


@dataclass(frozen=True)
class PriorAsk:
    """What ``prior_facts`` asks: bans on these identities; a duplicate of this digest screened since ``since``
    (None: not asked); a visible comment by this author (("user_id" or "reader_key", value); None: not asked),
    other than ``comment_id``."""

    identities: tuple[tuple[str, str], ...]
    digest: str = ""
    since: datetime | None = None
    author: tuple[str, object] | None = None
    comment_id: int | None = None


@functools.cache  # per (database vendor, the query's shape)
def _prior_sql(vendor: str, identities: int, duplicate: bool, author: str | None, exclude: bool) -> str:
    quote = connection.ops.quote_name
    false = "1 = 0"
    duplicate_sql, published_sql = false, false
    if duplicate:
        duplicate_sql = (f"EXISTS (SELECT 1 FROM {quote(ModerationDecision._meta.db_table)} "  # noqa: S608
                         f"WHERE {quote('body_hash')} = %s AND {quote('source')} = %s "
                         f"AND {quote('created_at')} >= %s)")
    if author is not None:
        other = f" AND NOT ({quote('id')} = %s)" if exclude else ""
        published_sql = (f"EXISTS (SELECT 1 FROM {quote(Comment._meta.db_table)} "  # noqa: S608
                         f"WHERE {quote('status')} = %s AND {quote(author)} = %s{other})")
    if not identities:
        return f"SELECT NULL, NULL, {duplicate_sql}, {published_sql}"
    kind, value = quote("kind"), quote("value")
    either = " OR ".join([f"({kind} = %s AND {value} = %s)"] * identities)
    ban = (f"SELECT {kind}, {quote('shadow')} FROM {quote(Ban._meta.db_table)} "  # noqa: S608 - names from the model
           f"WHERE ({either}) AND {quote('lifted_at')} IS NULL "
           f"AND ({quote('expires_at')} IS NULL OR {quote('expires_at')} > %s) "
           f"ORDER BY {quote('shadow')} ASC, {quote('created_at')} DESC LIMIT 1")
    # One row whatever the ban lookup finds: the LEFT JOIN gives NULLs without a ban.
    return (f"SELECT b.{kind}, b.{quote('shadow')}, {duplicate_sql}, {published_sql} "  # noqa: S608
            f"FROM (SELECT 1 AS one) o LEFT JOIN ({ban}) b ON 1 = 1")


def prior_facts(ask: PriorAsk, now: datetime) -> Prior:
    """The author's active ban, a recent duplicate of the text and whether the author published before, in one
    query: every post asks all three, and as three ORM queries each was compiled again per post and, on
    PostgreSQL, a round trip of its own. Plain SQL from the models' column names; the ban lookup is served by the
    ban_lookup index, the others by the indexes the ORM's queries used."""
    adapt = connection.ops.adapt_datetimefield_value
    params: list[Any] = []
    if ask.since is not None:
        params += [ask.digest, ModerationDecision.Source.PIPELINE.value, adapt(ask.since)]
    if ask.author is not None:
        params += [Comment.Status.VISIBLE.value, ask.author[1]]
        if ask.comment_id is not None:
            params.append(ask.comment_id)
    if ask.identities:
        params += [part for pair in ask.identities for part in pair]
        params.append(adapt(now))
    sql = _prior_sql(connection.vendor, len(ask.identities), ask.since is not None,
                     ask.author[0] if ask.author is not None else None, ask.comment_id is not None)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        kind, shadow, duplicate, published = cursor.fetchone()
    return Prior(None if kind is None else (str(kind), bool(shadow)), bool(duplicate), bool(published))


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
# An ASCII character is a word character (``\w``) when it is a letter, a digit or "_": the others become spaces.
_WORD_CHARS_ONLY = str.maketrans({chr(code): " " for code in range(128)
                                  if not (chr(code).isalnum() or chr(code) == "_")})


def body_hash(normalised_text: str) -> str:
    return hashlib.sha256(hashed_words(normalised_text).encode()).hexdigest()


def hashed_words(normalised_text: str) -> str:
    """The words (``\\w+``) of the text, one space apart: what ``body_hash`` hashes."""
    if normalised_text.isascii():  # the same words, split at the spaces left where anything else was
        return " ".join(normalised_text.translate(_WORD_CHARS_ONLY).split())
    return " ".join(_WORD_RUN.findall(normalised_text))


def duplicate_since(config: ModerationSettings, normalised_text: str, now: datetime) -> datetime | None:
    """Since when an earlier screening of the same text makes this one a duplicate; None when not checked."""
    if not config.duplicate_window_minutes or len(normalised_text) < config.duplicate_min_length:
        return None
    return now - timedelta(minutes=config.duplicate_window_minutes)


def duplicate(config: ModerationSettings, seen: bool) -> Finding | None:
    """``seen``: the same text was screened within the window (``prior_facts``)."""
    if not seen:
        return None
    return Finding(Action.HOLD, f"duplicate of a comment posted in the last {config.duplicate_window_minutes} min")


def threat(normalised_text: str) -> tuple[Finding | None, dict[str, float]]:
    """Threats, calls for violence and dehumanising comparisons (``lexicon.py``: by structure, not fixed phrases)."""
    found = lexicon_checks(normalised_text)  # shared with the classifier's structure block (cached)
    categories: dict[str, float] = {name: 1.0 for name in ("threat", "group_violence") if name in found}
    if not categories:
        return None, categories
    read = negation_lowered(normalised_text)  # as the checks read it: "I don't think X should" -> "X should not"
    kinds = [f"{label}: \u201c{matched.strip()}\u201d" for name, label, matched
             in menace.matches(read) + violence.matches(read) + watching.matches(read)
             if name in categories]  # what the clause-level reading found, for the moderator
    reason = "looks like " + " and ".join(sorted(categories)).replace("_", " ")
    return Finding(Action.HOLD, reason + (f" ({'; '.join(kinds)})" if kinds else "")), categories


def profanity(normalised_text: str) -> Finding | None:
    """Strong profanity, slurs and insulting words (a word list)."""
    if PROFANITY.isdisjoint(text_words(normalised_text)):  # every listed word is letters only: a cheap first look
        return None
    # A word counts once one of its occurrences is not framed: its later ones are not read again (the frames read
    # the whole text, so a text of a thousand repeats would cost a thousand readings).
    words: set[str] = set()
    for match in PROFANITY_RE.finditer(normalised_text):
        word = match.group(0)
        if word not in words and not profanity_framed(normalised_text, match.start(), match.end()):
            words.add(word)
    found = sorted(words)
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
