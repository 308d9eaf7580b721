"""Erasure changes comments, votes and moderators' copies through the owning apps' actions: counts, scores and
thread versions follow, and no cached first page of any version or length still names the reader."""

from __future__ import annotations

import pickle

import pytest
from django.test import Client

from masthead.accounts.privacy import EraseOptions, erase_data, subject_for
from masthead.discussion.actions import do_change_status, do_vote
from masthead.discussion.models import Comment, Thread, Vote
from masthead.discussion.render import first_page, first_page_keys, fragment_cache
from masthead.moderation.actions import do_decide_comment
from masthead.moderation.models import Action, Flag, ModerationDecision
from masthead.moderation.roles import MODERATORS
from masthead.testing.discussion import make_thread, post_as, reader
from masthead.testing.moderation import staff_user

pytestmark = pytest.mark.django_db

EMAIL = "hedda.vantongeren@example.org"
NAME = "Hedda Vantongeren"


def _cached_pages_naming(thread: Thread, needle: str) -> list[str]:
    hits = []
    for key in first_page_keys(thread.pk):
        entry = fragment_cache().get(key)
        if entry is not None and needle in pickle.dumps(entry).decode("latin-1"):
            hits.append(key)
    return hits


def _visible(comment: Comment) -> Comment:
    return do_change_status(comment, Comment.Status.VISIBLE) if comment.status != Comment.Status.VISIBLE else comment


@pytest.fixture
def history() -> dict[str, object]:
    thread = make_thread(headline="Erasure keeps the books")
    hedda = reader("hedda", network="net-h")
    others = [reader(f"other{n}", network=f"net-{n}") for n in range(3)]
    theirs = _visible(post_as(thread, others[0], "Someone else's comment", author_name="Other"))
    # A moderator approves her first comment: moderation keeps a copy of its text with the decision.
    mine = do_decide_comment(staff_user("mod", MODERATORS),
                             post_as(thread, hedda, "Hedda's first comment", author_name=NAME, author_email=EMAIL),
                             Action.PUBLISH)
    leaf = _visible(post_as(thread, hedda, "Hedda's second comment", author_name=NAME, author_email=EMAIL))
    _visible(post_as(thread, others[1], "A reply to Hedda", author_name="Other", parent_id=mine.pk))
    do_vote(theirs, hedda, 1)
    do_vote(mine, others[1], 1)
    Flag.objects.create(comment=theirs, reader_key=hedda.author_key, reason=Flag.Reason.SPAM)
    return {"thread": thread, "hedda": hedda, "theirs": theirs, "mine": mine, "leaf": leaf}


def test_erasure_goes_through_the_actions_and_counts_follow(history, django_capture_on_commit_callbacks):
    thread: Thread = history["thread"]
    hedda = history["hedda"]
    before = Thread.objects.get(pk=thread.pk)
    assert (before.comment_count, Comment.objects.get(pk=history["theirs"].pk).score) == (4, 1)
    assert ModerationDecision.objects.filter(comment=history["mine"]).exclude(text="").exists()

    subject = subject_for(EMAIL, author_key=hedda.author_key, voter_key=hedda.voter_key)
    with django_capture_on_commit_callbacks(execute=True):
        counts = erase_data(subject, EraseOptions(remove_comments=True))

    assert (counts["comments_removed"], counts["comments_anonymised"]) == (1, 1)
    assert (counts["votes_deleted"], counts["flags_deleted"]) == (1, 1)
    after = Thread.objects.get(pk=thread.pk)
    assert after.comment_count == Comment.objects.filter(thread=thread, status="visible").count() == 2
    assert after.version > before.version  # pages cached for the old version are never served again
    theirs = Comment.objects.get(pk=history["theirs"].pk)
    assert (theirs.score, theirs.upvotes) == (0, 0)
    assert not Vote.objects.filter(voter_key=hedda.voter_key).exists()
    tombstone = Comment.objects.get(pk=history["mine"].pk)
    assert (tombstone.status, tombstone.author_name, tombstone.body, tombstone.reader_key) == ("deleted", "", "", "")
    assert tombstone.score == 1  # others' votes on her comment stay theirs
    assert not Comment.objects.filter(pk=history["leaf"].pk).exists()
    assert not ModerationDecision.objects.filter(comment=tombstone).exclude(text="").exists()
    assert not Flag.objects.filter(reader_key=hedda.author_key).exists()


def test_no_cached_first_page_of_any_earlier_version_keeps_the_name(history, django_capture_on_commit_callbacks):
    thread: Thread = history["thread"]
    url = thread.article.get_absolute_url()  # type: ignore[union-attr]
    # Pages of several sorts and lengths, cached long before the erasure (more than twenty versions ago).
    for sort, pages in (("oldest", 1), ("votes", 3), ("newest", 2)):
        first_page(Thread.objects.get(pk=thread.pk), sort, 20, url, pages)
    assert len(_cached_pages_naming(thread, NAME)) == 3
    for n in range(25):
        do_vote(history["theirs"], reader(f"voter{n}", network=f"net-v{n}"), 1 if n % 2 else -1)
    assert Thread.objects.get(pk=thread.pk).version > 25

    hedda = history["hedda"]
    subject = subject_for(EMAIL, author_key=hedda.author_key, voter_key=hedda.voter_key)
    with django_capture_on_commit_callbacks(execute=True):
        erase_data(subject, EraseOptions())

    assert _cached_pages_naming(thread, NAME) == []
    page = Client().get(url).content.decode()
    assert NAME not in page
    assert "Someone else&#x27;s comment" in page or "Someone else's comment" in page
