"""Demo discussions for `masthead demo`: lively threads under every demo article, all written by us.

Comments are assembled from our own sentence parts (openers, points and closers combined), so a few thousand comments
read varied without a corpus. Guests only, with plausible names in several scripts and odd punctuation.
Rows are bulk-inserted with ids chosen here (so paths are known before insert): a few thousand comments with
their votes take a couple of seconds.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta
from typing import TextIO

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max
from django.utils import timezone

from masthead.core.markdown import RENDERER_VERSION, render_comment
from masthead.discussion.actions import thread_for_article
from masthead.discussion.config import discussion_settings
from masthead.discussion.models import Comment, Thread, Vote, path_segment
from masthead.publishing.models import Article

NAMES = [
    "Marta Kowalczyk", "Séamus Ó Briain", "Zoë Lindqvist", "Наталья Соколова", "山田 花子", "محمد العلي",
    "Ngozi A.", "J.-P. Dubois", "O'Connell, Bríd", "Kai (the other one)", "dr. Priya Raman",
    "Ελένη Παπαδοπούλου", "Tomás Ruiz-García", "Hana Nováková", "Yusuf Demir", "עדי כהן", "Lê Thị Mai",
    "Björn Ågren", "Femi_Adeyemi", "M. “Mags” Doyle", "Øystein", "Chidi & Ada", "Anneliese v. Stetten",
    "river-walker", "Sipho Ndlovu", "Aroha Ngata", "Grzegorz B.", "Ines ✿", "Paddy #3", "Ольга", "김민준",
    "Rafael d'Ávila", "Sunita K.", "old teacher (retired)", "Joanna", "Lukas", "Mei-Ling Chow", "Ahmad R.",
]

OPENERS = [
    "Thanks for this.", "Honestly,", "I was at that meeting, and", "Long-time reader here:", "Good piece, but",
    "Small correction:", "This matches what I've seen:", "Not sure I agree.", "As someone who lives nearby,",
    "Finally someone wrote it down.", "Genuine question:", "Fair enough, although", "Reading this twice,",
    "My neighbour said the same thing:", "With respect,",
]
POINTS = [
    "the council should publish the full budget, not a summary",
    "the river path floods every spring and nobody has fixed the drainage",
    "the bus timetable changed without any notice to the people who use it",
    "rents on our street went up faster than anyone's wages",
    "the school needs more teachers before it needs a new building",
    "the minutes say seven to two, but two councillors left early",
    "the library is the only warm public room left in the evenings",
    "the consultation closed before most of us had even heard of it",
    "local shops are doing better since the market moved back to the square",
    "the report's numbers for cycling look too optimistic to me",
    "the new crossing by the bakery has made the morning run much safer",
    "the housing association still hasn't answered our letters from March",
    "volunteers have been clearing the riverbank every Saturday for a year",
    "the planning notice was taped inside a window where nobody could read it",
    "the night buses matter most to the people working the late shifts",
]
CLOSERS = [
    "Keep asking the hard questions.", "Would love a follow-up on this.", "Who decides this, in the end?",
    "I'll be at the next meeting.", "Please keep covering it.", "That's the part that worries me.",
    "Happy to share photos if useful.", "Worth a *proper* investigation.", "Does anyone know the date?",
    "", "", "",
]
REPLIES = [
    "Agreed, and", "I don't think that's quite right:", "Good point —", "Source?", "Same here:",
    "That's not what the report says:", "Exactly this.", "Partly true, but", "To add to that,",
]

# Thread sizes by article position (newest first): one very large, a few big, the rest lively.
SIZES = [2500, 600, 200, 90, 45, 30, 24, 18, 12, 9, 6, 4, 3]


def _sentence(opener: str, point: str) -> str:
    # An opener that ends a sentence ("Exactly this.") starts the point with a capital letter.
    if opener.endswith((".", "?", "!")):
        point = point[:1].upper() + point[1:]
    return f"{opener} {point}."


def _body(rng: random.Random, reply: bool) -> str:
    text = _sentence(rng.choice(REPLIES if reply else OPENERS), rng.choice(POINTS))
    if rng.random() < 0.25:
        text += "\n\n" + _sentence(rng.choice(OPENERS), rng.choice(POINTS))
    return f"{text} {rng.choice(CLOSERS)}".strip()


class _Ids:
    """Ids chosen here, after the highest existing one, so a path can be written in the same insert."""

    def __init__(self, model: type) -> None:
        self.next = (model.objects.aggregate(top=Max("id"))["top"] or 0) + 1

    def take(self) -> int:
        value = self.next
        self.next += 1
        return value


def _seed_thread(thread: Thread, size: int, rng: random.Random, ids: _Ids, vote_ids: _Ids, start: object,
                 max_depth: int) -> tuple[list[Comment], list[Vote]]:
    now = timezone.now()
    span = max((now - start).total_seconds(), 3600.0)  # type: ignore[operator]
    moments = sorted(start + timedelta(seconds=rng.random() * span) for _ in range(size))  # type: ignore[operator]
    comments: list[Comment] = []
    html_cache: dict[str, str] = {}
    for moment in moments:
        cid = ids.take()
        parent = rng.choice(comments[-200:]) if comments and rng.random() < 0.45 else None
        body = _body(rng, parent is not None)
        html = html_cache.get(body)
        if html is None:
            html = html_cache[body] = render_comment(body)
        comment = Comment(
            id=cid, thread=thread, author_name=rng.choice(NAMES), body=body, body_html=html,
            render_version=RENDERER_VERSION, created_at=moment, status=Comment.Status.VISIBLE,
            reader_key=f"demo:{rng.randrange(10**9)}",
        )
        if parent is None:
            comment.depth, comment.root_id, comment.path = 0, cid, path_segment(cid)
        else:
            if rng.random() < 0.2:
                comment.quote = parent.body.split(".")[0].lstrip("*").strip()[:200]
                comment.quote = comment.quote if comment.quote in parent.body else ""
            if parent.depth + 1 <= max_depth:
                comment.parent_id, comment.depth, prefix = parent.id, parent.depth + 1, parent.path
            else:
                prefix = parent.path[: max_depth * len(path_segment(0))]
                comment.parent_id, comment.depth = int(prefix[-len(path_segment(0)):]), max_depth
                comment.in_reply_to_id = parent.id
            comment.root_id, comment.path = parent.root_id, prefix + path_segment(cid)
        comments.append(comment)
    votes: list[Vote] = []
    below: dict[int, int] = defaultdict(int)
    for comment in comments:
        # A few popular comments, many quiet ones.
        count = int(rng.paretovariate(1.6)) - 1 if rng.random() < 0.7 else 0
        for n in range(min(count, 40)):
            value = 1 if rng.random() < 0.8 else -1
            votes.append(Vote(id=vote_ids.take(), comment_id=comment.id, voter_key=f"demo:{comment.id}:{n}",
                              value=value))
            comment.score += value
            comment.upvotes += value == 1
            comment.downvotes += value == -1
        for ancestor in comment.ancestor_ids():
            below[ancestor] += 1
    for comment in comments:
        comment.reply_count = below.get(comment.id, 0)
    return comments, votes


def seed(stdout: TextIO) -> None:
    articles = list(Article.objects.live().order_by("-published_at", "-id"))
    if not articles:
        stdout.write("Discussion demo skipped: no live articles.")
        return
    max_depth = discussion_settings().max_depth
    ids, vote_ids = _Ids(Comment), _Ids(Vote)
    total = 0
    for position, article in enumerate(articles):
        thread = thread_for_article(article)
        if thread.comments.exists():
            continue
        rng = random.Random(f"masthead-demo-{article.slug}")
        size = SIZES[position] if position < len(SIZES) else rng.randint(2, 15)
        comments, votes = _seed_thread(thread, size, rng, ids, vote_ids, article.published_at, max_depth)
        Comment.objects.bulk_create(comments, batch_size=500)
        Vote.objects.bulk_create(votes, batch_size=1000)
        Thread.objects.filter(pk=thread.pk).update(comment_count=len(comments), version=thread.version + 1)
        total += len(comments)
    # Ids were chosen here, so PostgreSQL's sequences must learn where they stand.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Comment, Vote]):
            cursor.execute(statement)
    stdout.write(f"Discussions: {total} comments under {len(articles)} articles.")
