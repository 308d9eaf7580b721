"""Every moderation state change: a ``check_*`` validates (roles, input), a ``do_*`` writes and audits.

Views, the admin, commands and the demo all call these, so every entry point is audited the same way. Callers own
the transaction (views wrap these in ``transaction.atomic``).
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from masthead.core.actors import Actor
from masthead.core.errors import ActionError
from masthead.discussion.actions import do_change_status
from masthead.discussion.models import Comment
from masthead.moderation import roles
from masthead.moderation.audit import record
from masthead.moderation.comments import email_hash
from masthead.moderation.config import compile_rule, moderation_settings
from masthead.moderation.links import link_hosts
from masthead.moderation.models import Action, Ban, Flag, ModerationDecision, ModerationSettings, WordRule
from masthead.moderation.rules import remember_domains


class ModerationError(ActionError):
    """A moderation change refused (``core.errors.ActionError``)."""


def check_role(user: Actor, what: str) -> User:
    """The user, known to hold the role ``what``; ModerationError (403) otherwise."""
    if not roles.can(user, what):
        raise ModerationError("You are not allowed to do that.", 403)
    return user


# --- comment decisions -----------------------------------------------------------------------------------

_COMMENT_STATUS: dict[str, str] = {Action.PUBLISH: "visible", Action.HOLD: "pending", Action.REJECT: "rejected"}


def do_decide_comment(actor: Actor, comment: Comment, action: str, *, reason: str = "") -> Comment:
    """A moderator approves (publish), holds or rejects a comment; stored as labelled data and audited."""

    moderator = check_role(actor, "moderate")
    if action not in _COMMENT_STATUS:
        raise ModerationError(f"unknown action {action!r}")
    reasons = [f"{action} by moderator" + (f": {reason}" if reason else "")]
    updated = do_change_status(comment, _COMMENT_STATUS[action], reasons)
    ModerationDecision.objects.create(
        target_type="comment", target_id=comment.pk, comment=comment, source=ModerationDecision.Source.MODERATOR,
        action=action,
        reasons=reasons, text=comment.body, actor=moderator, author_key=comment_author_key(comment),
    )
    Flag.objects.filter(comment=comment, resolved_at__isnull=True).update(resolved_at=timezone.now())
    if action == Action.PUBLISH:

        remember_domains(link_hosts(comment.body))
    record(actor, f"comment.{action}", ("comment", comment.pk), reason=reason)
    return updated


def do_decide_comments(actor: Actor, comments: list[Comment], action: str, *, reason: str = "") -> int:
    """Bulk form of ``do_decide_comment`` (the queue's "approve selected" / "reject selected")."""
    check_role(actor, "moderate")
    for comment in comments:
        do_decide_comment(actor, comment, action, reason=reason)
    return len(comments)


# --- reader flags ----------------------------------------------------------------------------------------


def check_flag(comment: Comment, reader_key: str, reason: str) -> None:
    if comment.status != "visible":
        raise ModerationError("This comment is not visible.", 404)
    if reason not in Flag.Reason.values:
        raise ModerationError("Choose a reason.")
    if not reader_key:
        raise ModerationError("Unknown reader.")
    if reader_key == comment.reader_key:
        raise ModerationError("You cannot flag your own comment.", 403)


def do_flag(comment: Comment, reader_key: str, reason: str, *, note: str = "", network_hash: str = "") -> bool:
    """Record a reader's flag (once per reader); enough open flags from different readers hold the comment.

    Returns True when this flag put the comment on hold.
    """

    check_flag(comment, reader_key, reason)
    _, created = Flag.objects.get_or_create(
        comment=comment, reader_key=reader_key,
        defaults={"reason": reason, "note": note[:300], "network_hash": network_hash},
    )
    if not created:
        return False
    config = moderation_settings()
    open_flags = Flag.objects.filter(comment=comment, resolved_at__isnull=True)
    # Count networks too, so one person with many cookies on one connection cannot hold a comment alone.
    readers = open_flags.count()
    networks = open_flags.exclude(network_hash="").values("network_hash").distinct().count()
    if readers < config.flags_to_hold or (networks and networks < min(2, config.flags_to_hold)):
        return False
    held = do_change_status(comment, "pending", [f"flagged by {readers} readers"])
    if held.status != "pending":
        return False
    ModerationDecision.objects.create(target_type="comment", target_id=comment.pk, comment=comment,
                                      source=ModerationDecision.Source.FLAGS, action=Action.HOLD,
                                      reasons=[f"flagged by {readers} readers"])
    record(None, "comment.hold_by_flags", ("comment", comment.pk), reason=f"{readers} flags")
    return True


def do_forget_reader(comment_ids: list[int], reader_keys: list[str]) -> int:
    """Erasure: clear moderators' copies of these comments' text and author, and delete the flags these readers
    raised. Returns how many flags were deleted."""
    ModerationDecision.objects.filter(comment_id__in=comment_ids).update(text="", author_key="")
    flags, _ = Flag.objects.filter(reader_key__in=[key for key in reader_keys if key]).delete()
    return flags


def do_clear_networks_before(cutoff: datetime) -> dict[str, int]:
    """Blank the keyed network hashes of flags older than ``cutoff`` (accounts' retention period). Bans keep
    theirs: a ban is an explicit, reviewed decision with its own expiry."""
    flags = Flag.objects.filter(created_at__lt=cutoff).exclude(network_hash="").update(network_hash="")
    return {"moderation.Flag": flags}


def comment_author_key(comment: Comment) -> str:
    return f"u:{comment.user_id}" if comment.user_id else comment.reader_key


# --- bans ------------------------------------------------------------------------------------------------


def check_ban(actor: Actor, kind: str, value: str) -> User:
    moderator = check_role(actor, "ban")
    if kind not in Ban.Kind.values:
        raise ModerationError(f"unknown ban kind {kind!r}")
    if not value:
        raise ModerationError("Nothing to ban: this author has no such identity.")
    return moderator


def do_ban(actor: Actor, kind: str, value: str, *, reason: str = "", shadow: bool = False,
           expires_at: datetime | None = None) -> Ban:
    moderator = check_ban(actor, kind, value)
    ban = Ban.objects.create(kind=kind, value=value, reason=reason[:300], shadow=shadow, expires_at=expires_at,
                             created_by=moderator)
    record(actor, "ban.create", ban, reason=reason, kind=kind, shadow=shadow,
           expires_at=expires_at.isoformat() if expires_at else None)
    return ban


def do_ban_comment_author(actor: Actor, comment: Comment, *, reason: str = "", shadow: bool = False,
                          expires_at: datetime | None = None) -> list[Ban]:
    """Ban every identity the comment's author wrote with: the account (else the guest cookie), the email address
    (as a keyed hash) and the network."""
    identities = []
    if comment.user_id:
        identities.append((Ban.Kind.ACCOUNT, str(comment.user_id)))
    elif comment.reader_key:
        identities.append((Ban.Kind.READER, comment.reader_key))
    if comment.author_email:

        identities.append((Ban.Kind.EMAIL, email_hash(comment.author_email)))
    if comment.network_hash:
        identities.append((Ban.Kind.NETWORK, comment.network_hash))
    if not identities:
        raise ModerationError("This comment carries no identity to ban.")
    return [do_ban(actor, kind, value, reason=reason, shadow=shadow, expires_at=expires_at)
            for kind, value in identities]


def do_lift_ban(actor: Actor, ban: Ban, *, reason: str = "") -> Ban:
    check_role(actor, "ban")
    updated = Ban.objects.filter(pk=ban.pk, lifted_at__isnull=True).update(lifted_at=timezone.now())
    if updated:
        record(actor, "ban.lift", ban, reason=reason)
    ban.refresh_from_db()
    return ban


# --- configuration ---------------------------------------------------------------------------------------


def do_add_word_rule(actor: Actor, pattern: str, action: str, *, is_regex: bool = False, note: str = "") -> WordRule:
    check_role(actor, "configure")

    if action not in WordRule.RuleAction.values:
        raise ModerationError(f"unknown rule action {action!r}")
    if compile_rule(0, pattern, is_regex, action) is None:
        raise ModerationError("That pattern cannot be used (empty, or an invalid regular expression).")
    rule = WordRule.objects.create(pattern=pattern, action=action, is_regex=is_regex, note=note)
    record(actor, "word_rule.create", rule, pattern=pattern, rule_action=action, is_regex=is_regex)
    return rule


def do_update_settings(actor: Actor, **changes: object) -> ModerationSettings:
    check_role(actor, "configure")
    current = ModerationSettings.objects.filter(pk=1).first() or ModerationSettings(pk=1)
    known = {f.name for f in ModerationSettings._meta.get_fields()} - {"id"}
    unknown = set(changes) - known
    if unknown:
        raise ModerationError(f"unknown settings: {', '.join(sorted(unknown))}")
    before = {name: getattr(current, name) for name in changes}
    for name, value in changes.items():
        setattr(current, name, value)
    current.full_clean()
    current.save()
    record(actor, "settings.change", current, before=before, after=changes)
    return current


def do_promote_model(actor: Actor, name: str, *, reason: str = "") -> ModerationSettings:
    """Make a trained site model the active classifier (actor None = the training command, after measuring)."""
    current = ModerationSettings.objects.filter(pk=1).first() or ModerationSettings(pk=1)
    previous = current.active_model
    current.active_model = name
    if current.shadow_model == name:
        current.shadow_model = ""
    current.save()
    record(actor, "model.promote", current, reason=reason, previous=previous, model=name)
    return current


def do_set_shadow_model(actor: Actor, name: str, *, reason: str = "") -> ModerationSettings:
    current = ModerationSettings.objects.filter(pk=1).first() or ModerationSettings(pk=1)
    current.shadow_model = name
    current.save()
    record(actor, "model.shadow", current, reason=reason, model=name)
    return current
