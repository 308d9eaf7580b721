"""A small site with one of everything the export carries, made through the domains' actions and factories."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.test import TestCase

from masthead.discussion.actions import NewComment, do_change_status, do_vote, submit_comment, thread_for_article
from masthead.discussion.models import Comment, Thread
from masthead.funding.actions import check_manual_donation, do_record_manual_donation
from masthead.funding.models import Campaign, Donation
from masthead.notifications.actions import do_subscribe_verified
from masthead.notifications.models import Subscription
from masthead.passages.actions import AnchorData, current_revision, do_ask_question, do_post_passage_comment
from masthead.passages.anchoring import create_anchor
from masthead.passages.models import PassageAnchor, PassageQuestion
from masthead.publishing.models import Article, Author, Topic
from masthead.testing.articles import make_article, make_author, make_topic
from masthead.testing.discussion import reader

# Every row of the seeded site is made at this instant (the clock stands still while seeding).
SEEDED_AT = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
SEEDED_STAMP = "2026-03-04T09:30:00.000000Z"
PUBLISHED_STAMP = "2026-03-04T09:29:59.000000Z"  # make_article publishes one second before now

BODY = (
    "The council met on Tuesday to discuss the river path.\n\n"
    "According to the minutes, the vote was seven to two.\n\n"
    "Residents can read the full report at the library."
)


@dataclass
class Site:
    editor: AbstractUser
    ada: Author
    ben: Author
    city: Topic
    schools: Topic
    budget: Article
    draft: Article
    thread: Thread
    top: Comment
    reply: Comment
    deep_reply: Comment
    rejected: Comment
    passage_comment: Comment
    anchor: PassageAnchor
    question: PassageQuestion
    subscription: Subscription
    campaign: Campaign
    donation: Donation


def seed_site() -> Site:
    with time_machine.travel(SEEDED_AT, tick=False):
        editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-not-used")
        ada = make_author("Ada Reporter", bio="Covers the council.", user=editor)
        ben = make_author("Ben Writer")
        city = make_topic("City Hall", description="The council and its budget.", nav_position=1)
        schools = make_topic("Schools")
        budget = make_article("Budget passes", BODY, authors=[ben, ada], topics=[schools, city], image=True,
                              related=False, standfirst="Seven to two.")
        draft = make_article("Draft plans", "Not yet.", authors=[ben], status=Article.Status.DRAFT, related=False)
        thread = thread_for_article(budget)
        with TestCase.captureOnCommitCallbacks(execute=False):
            top = submit_comment(thread, reader("rosa"), NewComment(
                body="Good *news* for the path.", author_name="Rosa", author_email="rosa@example.org",
                author_website="https://rosa.example.net/")).comment
            reply = submit_comment(thread, reader("sam"), NewComment(
                body="I disagree.", author_name="Sam", author_email="sam@example.org", parent_id=top.pk)).comment
            deep_reply = submit_comment(thread, reader("rosa"), NewComment(
                body="Why?", author_name="Rosa", parent_id=reply.pk)).comment
            rejected = submit_comment(thread, reader("troll"), NewComment(
                body="Buy pills.", author_name="Spammer", author_email="spam@example.org")).comment
            rejected = do_change_status(rejected, Comment.Status.REJECTED, ["spam"])
            for name, value in (("v1", 1), ("v2", 1), ("v3", -1)):
                do_vote(top, reader(name, network=f"net-{name}"), value)
            text = current_revision(budget).body_text
            start = text.index("seven to two")
            made = create_anchor(text, start, start + len("seven to two"))
            quoted = AnchorData(revision=current_revision(budget).number, exact=made.exact, start=made.start,
                                end=made.end, prefix=made.prefix, suffix=made.suffix)
            question = do_ask_question(budget, reader("editor", staff=True, user_id=editor.pk), editor, quoted,
                                       "Were you at the meeting?")
            passage = do_post_passage_comment(
                budget, reader("pat"), quoted,
                NewComment(body="Who voted no?", author_name="Pat", author_email="pat@example.org"),
                question_id=question.pk)
            subscription = do_subscribe_verified(thread.pk, "sub@example.org", Subscription.Kind.THREAD,
                                                 name="Subscriber Sue")
            campaign = Campaign.objects.create(name="Spring drive", goal=500_000, currency="usd", is_active=True)
            entry = check_manual_donation(
                editor, campaign=campaign, method=Donation.Method.CHEQUE, amount_text="25.00",
                received_on=date(2026, 3, 3), note="Cheque 1042, banked.", donor_name="Dora Donor",
                donor_email="dora@example.org", show_on_wall=False)
            donation = do_record_manual_donation(editor, entry)
    for row in (top, reply, deep_reply, budget):
        row.refresh_from_db()
    return Site(editor, ada, ben, city, schools, budget, draft, thread, top, reply, deep_reply, rejected,
                passage.post.comment, passage.anchor, question, subscription, campaign, donation)
