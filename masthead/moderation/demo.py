"""Demo moderation for `masthead demo`: a moderator account and comments waiting in the queue, written by us.

Moderator sign-in: username ``moderator``, password ``masthead-demo`` (a demo credential; change it in production).
Each queued comment goes through the real pipeline, so the queue shows real scores and reasons.
"""

from __future__ import annotations

from typing import TextIO

from django.contrib.auth.models import Group, User

from masthead.discussion.actions import NewComment, do_change_status, do_post_comment, thread_for_article
from masthead.discussion.models import Comment
from masthead.discussion.readers import Reader
from masthead.moderation.comments import context_for
from masthead.moderation.models import ModerationDecision
from masthead.moderation.pipeline import record, screen
from masthead.moderation.roles import MODERATORS
from masthead.publishing.models import Article

MODERATOR = ("moderator", "masthead-demo")

# (author, body): some clearly abusive, some spam, some harmless first comments that wait for review.
QUEUED = [
    ("angry_reader", "You are a fucking idiot and so is whoever wrote this."),
    ("Truth Teller", "Shut up b1tch, nobody asked for your opinion."),
    ("n0name", "i d i o t s, all of you at this paper"),
    ("watcher", "I know where you live. Keep writing and see what happens."),
    ("Cheap Deals", "Great article! Buy followers at www.cheap-followers.example.com and https://spam.example.net"),
    ("Ella M.", "First time commenting: thank you for covering the library closures so carefully."),
    ("crypto_king", "Earn 500 a day from home, message me for the secret https://bit.example.co/x"),
    ("B. Ruiz", "The minutes say seven to two, but two councillors left early. Worth a follow-up?"),
    ("hater99", "Immigrants are vermin. All of them should be shot."),
    ("Quiet Neighbour", "Is the river path open again? Nobody at the council answers the phone."),
    ("\u0455cum_hunter", "what a m0r0n, g0 f*ck yourself"),
    ("Sam", "Disagree with the columnist, but fair to print both sides."),
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
    if Comment.objects.filter(body=QUEUED[0][1]).exists():
        stdout.write("Moderation demo: queue already seeded.")
        return
    queued = 0
    for index, (author, body) in enumerate(QUEUED):
        thread = thread_for_article(articles[index % len(articles)])
        reader = Reader(user_id=None, is_staff=False, reader_id=f"demo-moderation-{index:04d}-reader",
                        network_hash=f"demo-net-{index % 5}")
        comment = do_post_comment(thread, reader, NewComment(body=body, author_name=author)).comment
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
