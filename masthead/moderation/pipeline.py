"""One screening for every comment write (create, edit, import): normalise → rules → classifier → decision.

    decision = screen(body, ScreenContext(tier="guest", network_hash=..., reader_key=..., approved_count=0))
    # save the comment with decision.comment_status, then:
    record(decision, "comment", comment.pk, context)

``screen`` reads and checks but writes nothing except rate-limit counters; ``record`` stores the decision (with
reasons, scores, model id and version) once the comment exists. See docs/moderation.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from django.utils import timezone

from masthead.core.bulk_insert import insert_all, insert_rows, new_object, row_slot
from masthead.core.pickling import pickled_by_fields
from masthead.core.ready_rows import ready_row
from masthead.moderation import rules
from masthead.moderation.aimed import unaimed_text
from masthead.moderation.backends import Classifier, get_classifier
from masthead.moderation.config import moderation_config
from masthead.moderation.denied import undenied_text
from masthead.moderation.interject import uninterjected_text
from masthead.moderation.links import link_hosts
from masthead.moderation.models import Action, ModerationDecision, Tier
from masthead.moderation.normalise import normalise
from masthead.moderation.pieces import pieces
from masthead.moderation.quoted import unquoted_text

if TYPE_CHECKING:
    from masthead.discussion.models import Comment

_SEVERITY: dict[str, int] = {Action.PUBLISH: 0, Action.HOLD: 1, Action.REJECT: 2}
_STATUS: dict[str, str] = {Action.PUBLISH: "visible", Action.HOLD: "pending", Action.REJECT: "rejected"}


@dataclass(frozen=True)
class ScreenContext:
    """Who is writing and how. Identity values are keyed hashes (``masthead.core.network.keyed_hash``)."""

    tier: str = Tier.GUEST
    source: str = "create"  # "create", "edit" or "import"
    account_id: int | None = None
    email_hash: str = ""
    network_hash: str = ""
    reader_key: str = ""  # the guest's cookie identity (discussion Reader.author_key)
    # The author's earlier published comments; None: ask the database (with the ban, ``rules.prior_facts``).
    approved_count: int | None = 0
    comment_id: int | None = None  # the comment screened, when it is saved already (an edit): not "earlier"
    link_count: int | None = None  # None: counted from the text
    now: datetime | None = None

    @property
    def author_key(self) -> str:
        return f"u:{self.account_id}" if self.account_id else self.reader_key


@dataclass(frozen=True)
class Decision:
    action: str  # Action: publish, hold or reject
    reasons: tuple[str, ...] = ()
    scores: dict[str, Any] = field(default_factory=dict)
    model_id: str = ""
    model_version: str = ""
    shadow: bool = False  # held, but shown to its author as if published
    retry_after: int | None = None  # set when rate limited: answer 429 with Retry-After
    normalised: str = ""
    body_hash: str = ""
    link_hosts: tuple[str, ...] = ()  # the domains linked, remembered by ``record`` once published

    @property
    def comment_status(self) -> str:
        """The discussion Comment.Status value: visible, pending or rejected."""
        return _STATUS[self.action]

    @property
    def rate_limited(self) -> bool:
        return self.retry_after is not None


class Thresholds(Protocol):
    """What ``hold_threshold`` reads: ModerationSettings, or the candidate figures site training tries."""

    @property
    def benign_hold_share(self) -> float: ...

    @property
    def hold_threshold(self) -> float: ...


def screen(text: str, context: ScreenContext) -> Decision:
    return screen_resolving(text, context)[0]


def _author(context: ScreenContext) -> tuple[str, object] | None:
    """The column and value that find the author's comments: the account, else the guest's cookie identity."""
    if context.account_id:
        return ("user_id", context.account_id)
    return ("reader_key", context.reader_key) if context.reader_key else None


def screen_resolving(text: str, context: ScreenContext) -> tuple[Decision, ScreenContext]:
    """``screen``, and the context with ``approved_count`` known when it came as None (asked in the same query
    as the ban and the duplicate, ``rules.prior_facts``: one round trip for the three)."""
    if context.tier == Tier.STAFF:
        return Decision(Action.PUBLISH, ("staff",)), replace(context, approved_count=context.approved_count or 0)
    config, word_rules = moderation_config()
    creating = context.source == "create"
    importing = context.source == "import"
    normalised = normalise(text)
    digest = rules.body_hash(normalised.text)

    duplicate_seen = False
    if not importing:
        now = context.now or timezone.now()
        ask = rules.PriorAsk(
            identities=tuple(rules.ban_identities(account_id=context.account_id, email_hash=context.email_hash,
                                                  network_hash=context.network_hash, reader_key=context.reader_key)),
            digest=digest,
            since=rules.duplicate_since(config, normalised.text, now) if creating else None,
            author=_author(context) if context.approved_count is None else None,
            comment_id=context.comment_id,
        )
        prior = rules.prior_facts(ask, now)
        duplicate_seen = prior.duplicate
        if context.approved_count is None:
            context = replace(context, approved_count=1 if prior.published_before else 0)
        ban = rules.ban_finding(prior.ban)
        if ban and not ban.shadow:
            return Decision(ban.action, (ban.reason,)), context
        limited = rules.rate_limited(config, network_hash=context.network_hash, author_key=context.author_key)
        if limited:
            return Decision(limited.action, (limited.reason,), retry_after=limited.retry_after), context
    else:
        ban = None
    approved_count = context.approved_count or 0

    findings: list[rules.Finding | None] = [ban] if ban else []  # checks that found nothing add None
    findings += rules.matched_word_rules(normalised.text, word_rules)
    hosts = link_hosts(text)
    links = context.link_count if context.link_count is not None else len(hosts)
    findings += rules.link_signals(config, context.tier, hosts, link_count=links,
                                   approved_count=approved_count, creating=creating,
                                   editing=context.source == "edit")
    if creating:  # an edit repeats its own earlier text; an import is history
        findings.append(rules.duplicate(config, duplicate_seen))
        findings.append(rules.first_comment(config, context.tier, approved_count))

    classifier = get_classifier(config.active_model)
    score = classifier.score_one(normalised.text)
    scores: dict[str, Any] = {"toxicity": round(score.probability, 4), **score.categories}
    exempt = context.tier == Tier.SUPPORTER and config.classifier_exempt_supporter
    hold_at = hold_threshold(classifier, config)
    probability = score.probability
    if probability >= hold_at and not exempt:
        probability = deciding_score(lambda copy: classifier.score_one(copy).probability, normalised.text,
                                     probability, scores)
    if probability >= config.reject_threshold and not exempt:
        findings.append(rules.Finding(Action.REJECT, f"classifier {probability:.2f}"))
    elif probability >= hold_at and not exempt:
        findings.append(rules.Finding(Action.HOLD, f"classifier {probability:.2f}"))
    # The checks that read around each match, piece by piece in a long text (``pieces.py``): the same findings
    # for any comment a reader can post, and no slowdown by the square of an imported text's length.
    read = pieces(normalised.text)
    content: list[rules.Finding | None] = []
    for piece in read:
        threat_finding, categories = rules.threat(piece)
        scores.update(categories)
        if threat_finding and config.hold_threats:
            content.append(threat_finding)
        if config.hold_profanity:
            content += _word_findings(piece)
    findings += list(dict.fromkeys(content)) if len(read) > 1 else content  # what several pieces found, once
    if normalised.disguised:
        scores["disguised"] = sorted(normalised.changes)
    if config.shadow_model:
        scores["shadow"] = _shadow_score(config.shadow_model, normalised.text)

    found = [finding for finding in findings if finding is not None]
    action = max((finding.action for finding in found), key=_SEVERITY.__getitem__, default=Action.PUBLISH)
    decision = Decision(
        action=action,
        reasons=tuple(finding.reason for finding in found),
        scores=scores,
        model_id=score.model_id,
        model_version=score.version,
        shadow=any(finding.shadow for finding in found) and action == Action.HOLD,
        normalised=normalised.text,
        body_hash=digest,
        link_hosts=tuple(hosts),
    )
    return decision, context


def hold_threshold(classifier: Classifier, config: Thresholds) -> float:
    """The classifier score that holds the publisher's chosen share of benign comments; a model without
    calibration falls back to the raw ``hold_threshold``."""
    calibrated = getattr(classifier, "threshold_for_share", None)
    threshold = calibrated(config.benign_hold_share) if calibrated else None
    return config.hold_threshold if threshold is None else threshold


def deciding_score(score_of: Callable[[str], float], normalised_text: str, probability: float,
                   scores: dict[str, Any] | None = None) -> float:
    """The score that decides a comment the classifier would hold: that of the first of its readings, in this
    order, that scores lower — the text without the evaluative words it aims at things ("this idiotic policy",
    ``aimed.unaimed_text``), without the insults it denies ("he isn't a fool", ``denied.undenied_text``), without
    the oaths that open its sentences ("holy shit, that final was tense", ``interject.uninterjected_text``),
    without the abuse it quotes to condemn ("people calling her a 'traitor' is vile", ``quoted.unquoted_text``) —
    that score kept in ``scores``; else the first score.
    Runs only above the hold threshold; ``evaluation.measure`` decides the quality table's holds by it too."""
    for key, reading in (("toxicity_aimed_at_things", unaimed_text), ("toxicity_insults_denied", undenied_text),
                         ("toxicity_interjections", uninterjected_text), ("toxicity_abuse_quoted", unquoted_text)):
        copy = reading(normalised_text)
        if copy is None:
            continue
        rescored = score_of(copy)
        if rescored >= probability:
            continue  # this reading lowers nothing; another may
        if scores is not None:
            scores[key] = round(rescored, 4)  # "toxicity" stays the score of the whole text
        return rescored
    return probability


def _word_findings(normalised_text: str) -> list[rules.Finding | None]:
    """The profanity and insult checks; when one finds something, on the text without the insults it denies
    ("nobody is calling you an idiot", ``denied.undenied_text``) or without the oaths that open its sentences
    ("for fuck's sake, the trains again", ``interject.uninterjected_text``) if it has some."""
    found = [rules.profanity(normalised_text), rules.insult(normalised_text)]
    if any(found):
        copy = undenied_text(normalised_text)
        if copy is None:
            copy = uninterjected_text(normalised_text)
        if copy is not None:
            found = [rules.profanity(copy), rules.insult(copy)]
    return found


def _shadow_score(model: str, normalised_text: str) -> dict[str, Any]:
    """A candidate model's opinion, stored beside the active one's so training can compare them; never decides."""
    try:
        shadow = get_classifier(model).score_one(normalised_text)
    except (OSError, ValueError) as error:
        return {"error": str(error)[:200]}
    return {"model": f"{shadow.model_id}@{shadow.version}", "toxicity": round(shadow.probability, 4)}


def _decision_row(decision: Decision, target_type: str, target_id: int | None, context: ScreenContext,
                  comment: Comment | None) -> ModerationDecision:
    return new_object(ModerationDecision, _decision_values(decision, target_type, target_id, context, comment))


def _decision_values(decision: Decision, target_type: str, target_id: int | None, context: ScreenContext,
                     comment: Comment | None) -> dict[str, Any]:
    return {
        "target_type": target_type,
        "target_id": target_id,
        "comment": comment,
        "source": ModerationDecision.Source.PIPELINE,
        "action": decision.action,
        "shadow": decision.shadow,
        "reasons": list(decision.reasons),
        "scores": decision.scores,
        "model_id": decision.model_id,
        "model_version": decision.model_version,
        "body_hash": decision.body_hash,
        "tier": context.tier,
        "author_key": context.author_key,
        "created_at": context.now or timezone.now(),
    }


def record(decision: Decision, target_type: str, target_id: int | None, context: ScreenContext, *,
           comment: Comment | None = None, read_id: bool = True) -> ModerationDecision:
    """Store the pipeline's decision about a saved comment (or other content). Without ``read_id`` the row's id is
    not read back (it stays None): one plain INSERT (``insert_all``) instead of the ORM's, for every post."""
    if decision.action == Action.PUBLISH and decision.link_hosts:
        rules.remember_domains(decision.link_hosts)
    row = _decision_row(decision, target_type, target_id, context, comment)
    if read_id:
        row.save(force_insert=True)
    else:
        insert_all([row])
    return row


def record_many(items: list[tuple[Decision, ScreenContext, Comment]], target_type: str) -> None:
    """``record`` for many saved comments at once (an import's batch): the same rows, in a few statements."""
    published_hosts: list[str] = []
    rows = []
    for decision, context, comment in items:
        if decision.action == Action.PUBLISH:
            published_hosts.extend(rules.remembered_hosts(decision.link_hosts))
        rows.append(_decision_row(decision, target_type, comment.pk, context, comment))
    if published_hosts:
        rules.remember_domain_counts(Counter(published_hosts))
    insert_all(rows)


@pickled_by_fields  # sent by an import's workers to its writer (importing.preparing)
@dataclass(frozen=True)
class ReadyDecision:
    """An import's decision with its row made ready (``row_values``' row, made by ``core.ready_rows.ready_row``
    without the model object) where the comment was screened, in an import's worker process: its writer only adds
    the comment's id and inserts it (``record_ready``). Smaller to send between the two than the Decision and its
    context (which carry the normalised text)."""

    values: list[Any]  # the ModerationDecision row, its target and comment not yet known
    link_hosts: tuple[str, ...] = ()  # the domains to remember once the comment is saved (published only)


def ready_decision(decision: Decision, target_type: str, context: ScreenContext) -> ReadyDecision:
    row = ready_row(ModerationDecision, _decision_values(decision, target_type, None, context, None))
    hosts = decision.link_hosts if decision.action == Action.PUBLISH else ()
    return ReadyDecision(row, hosts)


def record_ready(items: list[tuple[ReadyDecision, int]]) -> None:
    """``record_many`` for decisions made ready by ``ready_decision``, each with its saved comment's id."""
    at_target, target_value = row_slot(ModerationDecision, "target_id")
    at_comment, comment_value = row_slot(ModerationDecision, "comment_id")
    published_hosts: list[str] = []
    rows = []
    for ready, pk in items:
        if ready.link_hosts:
            published_hosts.extend(rules.remembered_hosts(ready.link_hosts))
        values = ready.values.copy()
        values[at_target], values[at_comment] = target_value(pk), comment_value(pk)
        rows.append(values)
    if published_hosts:
        rules.remember_domain_counts(Counter(published_hosts))
    insert_rows(ModerationDecision, rows)


def warm_up() -> None:
    """Load the shipped model at server start rather than in the first post (core.warmup)."""
    get_classifier("builtin").score_one(normalise("warming up the shipped model").text)
