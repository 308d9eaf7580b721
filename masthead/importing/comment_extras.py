"""What a source learns about comments after importing them: their voters and the passages they were about.

wpDiscuz keeps both in its own tables (``sources/wordpress_db.py``), read after the WXR import made the comments;
the loader hands each ``CommentVotes`` and ``CommentPassage`` record here. Each is written in its own transaction
through the owning app's actions, and a second run changes nothing: a voter's vote is one per voter and comment,
and a comment has one anchor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model

from masthead.discussion.imported import ImportedVote, do_import_votes, imported_reader_key
from masthead.discussion.models import Comment
from masthead.importing.records import CommentPassage, CommentVotes, Kind
from masthead.passages.actions import do_import_passage_anchor
from masthead.passages.models import PassageAnchor
from masthead.publishing.models import Article

if TYPE_CHECKING:
    from masthead.importing.loader import Loader

GUEST = ("a voter with no address (a guest, whom wpDiscuz knows by an md5 of their IP address, or a user gone "
         "from wp_users): in the comment's totals only")
MAX_REMEMBERED_VOTERS = 100_000


class Voters:
    """A voter's address → the key their votes are kept under: a Masthead account with that address (the reader
    sees the vote as theirs), else the imported reader's key of the address (that of the comments they wrote)."""

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}

    def key(self, email: str) -> str:
        folded = email.casefold()
        if folded not in self._keys:
            if len(self._keys) >= MAX_REMEMBERED_VOTERS:
                self._keys.clear()
            accounts = list(get_user_model().objects.filter(email__iexact=email, is_active=True)
                            .values_list("pk", flat=True)[:2])
            self._keys[folded] = f"u:{accounts[0]}" if len(accounts) == 1 else imported_reader_key(email)
        return self._keys[folded]


def _comment(loader: Loader, source_id: str) -> Comment | None:
    mapped = loader._mapped(Kind.COMMENT, source_id)
    return Comment.objects.filter(pk=mapped.object_id).first() if mapped is not None else None


def write_votes(loader: Loader, record: CommentVotes, voters: Voters) -> None:
    summary = loader.summary
    comment = _comment(loader, record.comment_source_id)
    if comment is None:
        summary.skipped("vote", "its comment is not imported (import the WXR first)", len(record.votes))
        return
    known = [ImportedVote(voters.key(vote.email), vote.value, vote.created_at) for vote in record.votes if vote.email]
    guests = len(record.votes) - len(known)
    ups = sum(1 for vote in record.votes if vote.value == 1)
    downs = sum(1 for vote in record.votes if vote.value == -1)

    own = sum(1 for vote in known if vote.voter_key == comment.reader_key)

    def write() -> None:
        added = do_import_votes(comment, known, upvotes=ups, downvotes=downs)
        loader._later(lambda: summary.created("vote", added))
        if own:
            loader._later(lambda: summary.skipped(
                "vote", "on the voter's own comment (Masthead refuses those): in the totals only", own))
        if len(known) - own > added:
            again = len(known) - own - added
            loader._later(lambda: summary.skipped("vote", "already imported (or the voter's second vote)", again))
        if guests:
            loader._later(lambda: summary.skipped("vote", GUEST, guests))

    loader._unit(f"votes on comment {record.comment_source_id}", write)


def write_passage(loader: Loader, record: CommentPassage) -> None:
    summary = loader.summary
    comment = _comment(loader, record.comment_source_id)
    if comment is None:
        summary.skipped("passage", "its comment is not imported (import the WXR first)")
        return
    if comment.depth != 0:
        summary.skipped("passage", "a reply: passages are about top-level comments")
        return
    if PassageAnchor.objects.filter(comment=comment).exists():
        summary.skipped("passage", "already anchored")
        return
    if not record.passage.text.strip():
        summary.orphaned("passage", "the passage it was about is empty in wc_feedback_forms")
        return
    article = Article.objects.filter(thread__pk=comment.thread_id).first()
    if article is None:
        summary.skipped("passage", "its comment's article was deleted here")
        return

    def write() -> None:  # a PassageError rolls it back and is reported by the loader
        anchor = do_import_passage_anchor(article, comment, record.passage.text, record.passage.question)
        if anchor.status == PassageAnchor.Status.ORPHANED:
            loader._later(lambda: summary.orphaned("passage", "the quoted passage is no longer in the article"))
        else:
            loader._later(lambda: summary.created("passage"))

    loader._unit(f"passage of comment {record.comment_source_id}", write)
