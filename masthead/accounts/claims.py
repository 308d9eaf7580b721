"""A reader keeps the comments they wrote as a guest: those with the same (proved) email address, on confirmation.

The discussion app owns comments; this module only links them to the reader: an account becomes the comment's
``user``; a verified reader without an account gets ``CommentClaim`` rows, turned into ``user`` links once
they sign in.
"""

from __future__ import annotations

from masthead.accounts.models import CommentClaim, ReaderIdentity


def claimable_comments(identity: ReaderIdentity):  # type: ignore[no-untyped-def]
    from masthead.discussion.models import Comment

    return Comment.objects.filter(author_email__iexact=identity.email, user__isnull=True)


def do_claim_guest_comments(identity: ReaderIdentity) -> int:
    """Link every guest comment written with the identity's proved address to it; returns how many."""
    if identity.verified_at is None:
        return 0
    comments = claimable_comments(identity)
    if identity.user_id is not None:
        return comments.update(user_id=identity.user_id)
    ids = list(comments.values_list("pk", flat=True))
    CommentClaim.objects.bulk_create([CommentClaim(identity=identity, comment_id=pk) for pk in ids],
                                     ignore_conflicts=True)
    return len(ids)


def do_move_claims_to_account(identity: ReaderIdentity) -> int:
    """Once a verified reader has an account, their claimed comments belong to it."""
    from masthead.discussion.models import Comment

    if identity.user_id is None:
        return 0
    claimed = CommentClaim.objects.filter(identity=identity)
    moved = Comment.objects.filter(pk__in=claimed.values("comment_id"), user__isnull=True).update(
        user_id=identity.user_id)
    claimed.delete()
    return moved


def claimed_comment_ids(identity: ReaderIdentity) -> list[int]:
    return list(CommentClaim.objects.filter(identity=identity).values_list("comment_id", flat=True))
