"""Demo moderation for `masthead demo`: a moderator account and comments waiting in the queue, written by us.

Moderator sign-in: username ``moderator``, password ``masthead-demo`` (a demo credential; change it in production).
Each queued comment goes through the real pipeline, so the queue shows real scores and reasons.
"""

from __future__ import annotations

from typing import TextIO

from django.contrib.auth.models import Group, User

from masthead.discussion.actions import NewComment, do_change_status, submit_comment, thread_for_article
from masthead.discussion.models import Comment
from masthead.discussion.readers import Reader
from masthead.moderation.comments import context_for
from masthead.moderation.models import ModerationDecision
from masthead.moderation.pipeline import record, screen
from masthead.moderation.roles import MODERATORS
from masthead.publishing.models import Article

MODERATOR = ("moderator", "masthead-demo")

# (article slug, author, body): some clearly abusive, some spam, one off topic, and harmless first comments that
# wait for review, each under the demo story it talks about (the three newest live articles if that one is absent).
QUEUED = [
    ("council-passes-budget-after-late-night-session", "angry_reader",
     "You are a fucking idiot and so is whoever wrote this."),
    ("eviction-filings-reach-ten-year-high", "Truth Teller", "Shut up b1tch, nobody asked for your opinion."),
    ("mayor-achterberg-announces-reelection-bid", "n0name", "i d i o t s, all of you at this paper"),
    ("council-passes-budget-after-late-night-session", "watcher",
     "I know where you live. Keep writing and see what happens."),
    ("foundry-row-bakery-expands-second-site", "Cheap Deals",
     "Great article! Buy followers at www.cheap-followers.example.com and https://spam.example.net"),
    ("council-passes-budget-after-late-night-session", "Ella M.",
     "First time commenting: thank you for explaining where the Sunday library money came from. I had no idea "
     "the garage was delayed to pay for it."),
    ("eviction-filings-reach-ten-year-high", "crypto_king",
     "Earn 500 a day from home, message me for the secret https://bit.example.co/x"),
    ("council-passes-budget-after-late-night-session", "B. Ruiz",
     "The vote was 6-3, but Councillor Pillai said on the radio he would have backed Sunday hours paid for another "
     "way. Worth a follow-up?"),
    ("eviction-filings-reach-ten-year-high", "hater99", "Immigrants are vermin. All of them should be shot."),
    ("foundry-row-bakery-expands-second-site", "Quiet Neighbour",
     "Off topic, but is the river path open again? Nobody at the council answers the phone."),
    ("mayor-achterberg-announces-reelection-bid", "\u0455cum_hunter", "what a m0r0n, g0 f*ck yourself"),
    ("mayor-achterberg-announces-reelection-bid", "Sam",
     "I won't vote for her, but it was fair of you to print Councillor Quint's side in the same piece."),
]


def _moderator() -> User:
    username, password = MODERATOR
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username, password=password, is_staff=True, first_name="Demo",
                                        last_name="Moderator")
    group, _ = Group.objects.get_or_create(name=MODERATORS)
    user.groups.add(group)
    return user


def seed(stdout: TextIO) -> None:
    _moderator()
    articles = list(Article.objects.live().order_by("-published_at", "-id")[:3])
    if not articles:
        stdout.write("Moderation demo: moderator account created; no live articles for queued comments.")
        return
    if Comment.objects.filter(body=QUEUED[0][2]).exists():
        stdout.write("Moderation demo: queue already seeded.")
        return
    queued = 0
    by_slug = {a.slug: a for a in Article.objects.live().filter(slug__in={slug for slug, _, _ in QUEUED})}
    for index, (slug, author, body) in enumerate(QUEUED):
        thread = thread_for_article(by_slug.get(slug) or articles[index % len(articles)])
        reader = Reader(user_id=None, is_staff=False, reader_id=f"demo-moderation-{index:04d}-reader",
                        network_hash=f"demo-net-{index % 5}")
        comment = submit_comment(thread, reader, NewComment(body=body, author_name=author)).comment
        context = context_for(comment, is_edit=False)
        decision = screen(comment.body, context)
        if not ModerationDecision.objects.filter(comment=comment).exists():
            record(decision, "comment", comment.pk, context, comment=comment)
        if comment.status == Comment.Status.VISIBLE:
            # Every demo comment waits for a moderator, whatever the pipeline said (the first ones from new
            # guests would be held anyway).
            do_change_status(comment, Comment.Status.PENDING, list(decision.reasons) or ["demo: waiting for review"])
        queued += 1
    stdout.write(f"Moderation: {queued} comments waiting in the queue at /moderation/ "
                 f"(sign in as {MODERATOR[0]} / {MODERATOR[1]}).")
