"""A reader keeps the guest comments they can be shown to have written, never merely those typed with their address.

Anyone can type anyone's address into the comment form, so an address alone proves nothing. A reader who has just
proved their address by a link may keep (nothing is kept unless they ask):

- the comments **this browser** wrote with that address: the discussion's signed guest cookie (``mh_reader``)
  gives the comment's ``reader_key``, and the browser using the link must present the same cookie;
- comments written with that address elsewhere, each **listed** on the link's confirmation page and **ticked one
  by one**: the reader has seen and chosen every one.

The discussion app owns comments; this module only links them to the reader: an account becomes the comment's
``user``; a verified reader without an account gets ``CommentClaim`` rows, turned into ``user`` links once they
sign in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from masthead.accounts.models import CommentClaim, ReaderIdentity
from masthead.discussion.actions import do_attribute_comments
from masthead.discussion.models import Comment
from masthead.discussion.readers import has_reader_cookie, reader_from_request

if TYPE_CHECKING:
    from masthead.discussion.models import Comment

MAX_LISTED = 50  # comments listed for choosing on the confirmation page (the newest)
MAX_CHOSEN = MAX_LISTED  # a reader chooses among the listed comments


@dataclass(frozen=True)
class ClaimRequest:
    """What the reader asked to keep when using a link."""

    browser_key: str = ""  # this browser's guest key, when the reader asked to keep this browser's comments
    chosen: tuple[int, ...] = ()  # comments listed on the confirmation page and ticked one by one

    def __bool__(self) -> bool:
        return bool(self.browser_key or self.chosen)


NOTHING = ClaimRequest()


def browser_key(request: HttpRequest) -> str:
    """The ``reader_key`` this browser's valid guest cookie gives its comments; "" without one."""
    if not has_reader_cookie(request):
        return ""
    guest = reader_from_request(request)
    if guest.new_reader:  # the cookie was missing its signature or malformed: it proves nothing
        return ""
    return replace(guest, user_id=None).author_key


def claimable_comments(email: str) -> QuerySet[Comment]:
    from masthead.discussion.models import Comment
    return Comment.objects.filter(author_email__iexact=email, user__isnull=True).exclude(status="deleted")


def for_confirmation(email: str, key: str) -> tuple[int, list[Comment]]:
    """How many claimable comments this browser wrote with ``email``, and the others (newest first) to choose from."""
    comments = claimable_comments(email).exclude(pk__in=CommentClaim.objects.values("comment_id"))  # kept already
    mine = comments.filter(reader_key=key).count() if key else 0
    others = comments.exclude(reader_key=key) if key else comments
    return mine, list(others.order_by("-created_at")[:MAX_LISTED])


def do_claim_guest_comments(identity: ReaderIdentity, wanted: ClaimRequest) -> int:
    """Link the comments the reader asked for (this browser's, and those chosen) to them; returns how many."""
    if identity.verified_at is None or not wanted:
        return 0
    which = Q(pk__in=list(wanted.chosen[:MAX_CHOSEN]))
    if wanted.browser_key:
        which |= Q(reader_key=wanted.browser_key)
    comments = claimable_comments(identity.email).filter(which)
    ids = list(comments.values_list("pk", flat=True))
    if identity.user_id is not None:
        return do_attribute_comments(ids, identity.user_id)
    CommentClaim.objects.bulk_create([CommentClaim(identity=identity, comment_id=pk) for pk in ids],
                                     ignore_conflicts=True)
    return len(ids)


def do_move_claims_to_account(identity: ReaderIdentity) -> int:
    """Once a verified reader has an account, the comments they chose belong to it."""
    if identity.user_id is None:
        return 0
    claimed = CommentClaim.objects.filter(identity=identity)
    moved = do_attribute_comments(list(claimed.values_list("comment_id", flat=True)), identity.user_id)
    claimed.delete()
    return moved

