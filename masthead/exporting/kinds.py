"""One record per row, kind by kind: what ``masthead export`` writes (each field is described in docs/export.md).

Every kind is a generator over a queryset read with ``iterator(chunk_size=...)`` in primary-key order: rows come
from the database a chunk at a time (a server-side cursor on PostgreSQL, ``fetchmany`` on SQLite), so memory
stays flat however large the site, and the same database always gives the same records in the same order.
References between kinds use the natural key where one exists (article and author slugs, thread keys) and the
exported ``id`` otherwise (comments, anchors, campaigns).

Personal data (emails, names a donor did not choose to show, keyed hashes that recognise a reader, accounts'
usernames, staff notes) is only written when ``private`` is true.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.db.models import Prefetch

from masthead.discussion.models import Comment, Thread, Vote
from masthead.funding.models import Campaign, Donation, RecurringDonation
from masthead.notifications.models import Subscription
from masthead.passages.models import PassageAnchor, PassageQuestion
from masthead.publishing.models import Article, ArticleRedirect, Author, Topic

Record = dict[str, object]

DEFAULT_CHUNK = 2000
# An article's long texts, left out where a row only needs the article's slug.
ARTICLE_TEXT = ("article__body", "article__body_html", "article__body_text")


def stamp(value: datetime | None) -> str | None:
    """An instant as ISO 8601 in UTC with microseconds, e.g. ``2026-03-04T09:30:00.000000Z``: one fixed form."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _username(user: object) -> str | None:
    return getattr(user, "username", None) if user is not None else None


def authors(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    for author in Author.objects.select_related("user").order_by("pk").iterator(chunk_size=chunk):
        record: Record = {"id": author.pk, "slug": author.slug, "name": author.name, "bio": author.bio}
        if private:
            user = author.user
            record["user"] = {"username": user.username, "email": user.email} if user is not None else None
        yield record


def topics(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    for topic in Topic.objects.order_by("pk").iterator(chunk_size=chunk):
        yield {"id": topic.pk, "slug": topic.slug, "name": topic.name, "description": topic.description,
               "nav_position": topic.nav_position}


def article_rows(chunk: int) -> Iterator[Article]:
    """Articles in id order with their authors, topics and former slugs, prefetched a chunk at a time."""
    queryset = Article.objects.order_by("pk").prefetch_related(
        Prefetch("authors", queryset=Author.objects.order_by("slug")),
        Prefetch("topics", queryset=Topic.objects.order_by("slug")),
        Prefetch("old_slugs", queryset=ArticleRedirect.objects.order_by("old_slug")),
    )
    return queryset.iterator(chunk_size=chunk)


def featured_image(article: Article) -> Record | None:
    if not article.featured_image:
        return None
    return {"path": article.featured_image.name, "width": article.image_width, "height": article.image_height,
            "caption": article.image_caption, "alt": article.image_alt}


def articles(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    for article in article_rows(chunk):
        yield {
            "id": article.pk,
            "slug": article.slug,
            "headline": article.headline,
            "standfirst": article.standfirst,
            "body": article.body,
            "body_html": article.body_html,
            "status": article.status,
            "published_at": stamp(article.published_at),
            "revised_at": stamp(article.revised_at),
            "created_at": stamp(article.created_at),
            "updated_at": stamp(article.updated_at),
            "discussion_open": article.discussion_open,
            "authors": [author.slug for author in article.authors.all()],
            "topics": [topic.slug for topic in article.topics.all()],
            "featured_image": featured_image(article),
            "old_slugs": [redirect.old_slug for redirect in article.old_slugs.all()],
        }


def threads(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    rows = Thread.objects.select_related("article").only("key", "article__slug", "comment_count", "created_at")
    for thread in rows.order_by("pk").iterator(chunk_size=chunk):
        yield {"id": thread.pk, "key": thread.key, "article": thread.article.slug if thread.article else None,
               "comment_count": thread.comment_count, "created_at": stamp(thread.created_at)}


def comments(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    rows = Comment.objects.select_related("thread", "thread__article", "user").defer(
        *(f"thread__{field}" for field in ARTICLE_TEXT))
    for comment in rows.order_by("pk").iterator(chunk_size=chunk):
        article = comment.thread.article
        record: Record = {
            "id": comment.pk,
            "thread": comment.thread.key,
            "article": article.slug if article is not None else None,
            "parent": comment.parent_id,
            "in_reply_to": comment.in_reply_to_id,
            "depth": comment.depth,
            "author_name": comment.author_name,
            "author_website": comment.author_website,
            "body": comment.body,
            "body_html": comment.body_html,
            "quote": comment.quote,
            "status": comment.status,
            "moderation_reasons": comment.moderation_reasons,
            "created_at": stamp(comment.created_at),
            "edited_at": stamp(comment.edited_at),
            "upvotes": comment.upvotes,
            "downvotes": comment.downvotes,
            "score": comment.score,
            "reply_count": comment.reply_count,
        }
        if private:
            record["author_email"] = comment.author_email
            record["user"] = _username(comment.user)
        yield record


def votes(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    for vote in Vote.objects.order_by("pk").iterator(chunk_size=chunk):
        record: Record = {"comment": vote.comment_id, "value": vote.value, "created_at": stamp(vote.created_at)}
        if private:
            record["voter_key"] = vote.voter_key
            record["network_hash"] = vote.network_hash
        yield record


def passage_anchors(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    rows = PassageAnchor.objects.select_related("article").defer(*ARTICLE_TEXT)
    for anchor in rows.order_by("pk").iterator(chunk_size=chunk):
        yield {
            "id": anchor.pk,
            "article": anchor.article.slug,
            "comment": anchor.comment_id,
            "question": anchor.question_id,
            "exact": anchor.exact,
            "prefix": anchor.prefix,
            "suffix": anchor.suffix,
            "start": anchor.start,
            "end": anchor.end,
            "revision": anchor.revision,
            "status": anchor.status,
            "score": anchor.score,
            "original_exact": anchor.original_exact,
            "original_prefix": anchor.original_prefix,
            "original_suffix": anchor.original_suffix,
            "original_start": anchor.original_start,
            "original_revision": anchor.original_revision,
            "created_at": stamp(anchor.created_at),
            "updated_at": stamp(anchor.updated_at),
        }


def passage_questions(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    rows = PassageQuestion.objects.select_related("anchor", "created_by")
    for question in rows.order_by("pk").iterator(chunk_size=chunk):
        record: Record = {"id": question.pk, "anchor": question.anchor_id, "text": question.text,
                          "is_open": question.is_open, "created_at": stamp(question.created_at)}
        if private:
            record["created_by"] = _username(question.created_by)
        yield record


def subscriptions(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    rows = Subscription.objects.select_related("subscriber", "thread", "thread__article").only(
        "kind", "status", "name", "requested_at", "confirmed_at", "ended_at", "subscriber__email", "thread__key",
        "thread__article__slug")
    for subscription in rows.order_by("pk").iterator(chunk_size=chunk):
        article = subscription.thread.article
        record: Record = {
            "id": subscription.pk,
            "thread": subscription.thread.key,
            "article": article.slug if article is not None else None,
            "kind": subscription.kind,
            "status": subscription.status,
            "requested_at": stamp(subscription.requested_at),
            "confirmed_at": stamp(subscription.confirmed_at),
            "ended_at": stamp(subscription.ended_at),
        }
        if private:
            record["email"] = subscription.subscriber.email
            record["name"] = subscription.name
        yield record


def campaigns(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    for campaign in Campaign.objects.order_by("pk").iterator(chunk_size=chunk):
        yield {
            "id": campaign.pk,
            "name": campaign.name,
            "description": campaign.description,
            "goal": campaign.goal,
            "currency": campaign.currency,
            "period": campaign.period,
            "starts_on": day(campaign.starts_on),
            "ends_on": day(campaign.ends_on),
            "ticks": campaign.ticks,
            "suggested_amounts": campaign.suggested_amounts,
            "min_amount": campaign.min_amount,
            "max_amount": campaign.max_amount,
            "is_active": campaign.is_active,
            "placement": campaign.placement,
            "other_ways": campaign.other_ways,
            "created_at": stamp(campaign.created_at),
        }


def donations(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    rows = Donation.objects.select_related("article", "recorded_by").defer(*ARTICLE_TEXT)
    for donation in rows.order_by("pk").iterator(chunk_size=chunk):
        # What the donor chose to show on the public wall is public; a name or message they kept off it is not.
        shown = donation.show_on_wall and not donation.is_anonymous
        record: Record = {
            "id": donation.pk,
            "campaign": donation.campaign_id,
            "kind": donation.kind,
            "method": donation.method,
            "currency": donation.currency,
            "amount": donation.amount,
            "is_paid": donation.is_paid,
            "payment_failed": donation.payment_failed,
            "refunded_amount": donation.refunded_amount,
            "dispute": donation.dispute,
            "dispute_amount": donation.dispute_amount,
            "paid_at": stamp(donation.paid_at),
            "status": donation.status,
            "net_amount": donation.net_amount,
            "stripe_payment_intent": donation.stripe_payment_intent,
            "stripe_checkout_session": donation.stripe_checkout_session,
            "stripe_invoice": donation.stripe_invoice,
            "stripe_charge": donation.stripe_charge,
            "stripe_subscription": donation.stripe_subscription,
            "is_anonymous": donation.is_anonymous,
            "show_on_wall": donation.show_on_wall,
            "wall_name": donation.wall_name if shown or private else "",
            "public_message": donation.public_message if shown or private else "",
            "article": donation.article.slug if donation.article is not None else None,
            "receipt_sent_at": stamp(donation.receipt_sent_at),
            "created_at": stamp(donation.created_at),
            "updated_at": stamp(donation.updated_at),
        }
        if private:
            record["donor_name"] = donation.donor_name
            record["donor_email"] = donation.donor_email
            record["stripe_customer"] = donation.stripe_customer
            record["supporter_key"] = donation.supporter_key
            record["note"] = donation.note
            record["recorded_by"] = _username(donation.recorded_by)
        yield record


def recurring_donations(*, private: bool, chunk: int = DEFAULT_CHUNK) -> Iterator[Record]:
    for recurring in RecurringDonation.objects.order_by("pk").iterator(chunk_size=chunk):
        record: Record = {
            "id": recurring.pk,
            "stripe_subscription": recurring.stripe_subscription,
            "campaign": recurring.campaign_id,
            "amount": recurring.amount,
            "currency": recurring.currency,
            "status": recurring.status,
            "created_at": stamp(recurring.created_at),
        }
        if private:
            record["stripe_customer"] = recurring.stripe_customer
            record["donor_email"] = recurring.donor_email
        yield record


@dataclass(frozen=True)
class Kind:
    name: str
    records: Callable[..., Iterator[Record]]


# The order of the files in the manifest, and the order they are written (referenced kinds first).
KINDS: tuple[Kind, ...] = (
    Kind("authors", authors),
    Kind("topics", topics),
    Kind("articles", articles),
    Kind("threads", threads),
    Kind("comments", comments),
    Kind("votes", votes),
    Kind("passage_questions", passage_questions),
    Kind("passage_anchors", passage_anchors),
    Kind("subscriptions", subscriptions),
    Kind("campaigns", campaigns),
    Kind("donations", donations),
    Kind("recurring_donations", recurring_donations),
)
