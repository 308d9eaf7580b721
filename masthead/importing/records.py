"""Neutral records: what any source adapter (WordPress, Disqus, Isso, Remark42, Ghost...) produces.

A source adapter never touches the database. It reads its export and yields these records, one at a time, from
a generator (see ``sources/base.py``); the loader (``loader.py``) writes them through the domain actions. The
records say what the source said, in the source's own ids: the loader maps ids to Masthead objects.

Order matters only in one way: a record may refer only to records yielded before it (an article names authors and
topics already yielded; a ``CommentBatch`` names an article already yielded, in this run or an earlier one).

Text fields carry what the source holds: ``body_html`` is HTML as the source stored it (the loader converts it to
Markdown and the domain actions render and sanitise it again); ``body_markdown`` is used instead when the source
already has Markdown (Remark42, Ghost's mobiledoc markdown cards...). Give one of the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from masthead.core.pickling import pickled_by_fields


class Kind(StrEnum):
    """The kinds of object the mapping table (``ImportedObject``) remembers per source id."""

    AUTHOR = "author"
    TOPIC = "topic"
    ARTICLE = "article"
    COMMENT = "comment"
    SUBSCRIPTION = "subscription"
    REDIRECT = "redirect"


class ArticleStatus(StrEnum):
    PUBLISHED = "published"  # live at published_at (or scheduled, when that is in the future)
    SCHEDULED = "scheduled"
    DRAFT = "draft"  # private posts arrive as drafts: Masthead has no "private" articles


class CommentStatus(StrEnum):
    APPROVED = "approved"  # shown: not held by moderation on import, but the screening decision is recorded
    PENDING = "pending"  # waiting for review at the source: waits in the moderation queue here
    REJECTED = "rejected"  # spam or trash at the source: kept for the record, never shown
    # Deleted at the source with its text gone (a Masthead export writes its tombstones as trash with no text):
    # kept as a tombstone, so the replies below it keep their place in the tree.
    DELETED = "deleted"


@dataclass
class AuthorRecord:
    source_id: str
    name: str
    slug: str = ""  # blank: made from the name
    bio: str = ""
    # Kept by the loader nowhere public: Author has no email field, so it is not stored at all (docs/import.md).
    email: str = ""


@dataclass
class TopicRecord:
    source_id: str  # unique across kinds, e.g. "category:25" / "tag:39"
    name: str
    slug: str = ""
    description: str = ""


@pickled_by_fields
@dataclass
class PassageQuote:
    """The passage of the article an inline comment is about: matched against the imported article's text.

    ``text`` may be HTML or plain text (tags are dropped). Empty when the source names a passage it does not
    describe: the comment is then kept as an ordinary comment and counted as orphaned.
    """

    text: str
    question: str = ""  # the editor's prompt shown with the passage, when the source had one


@pickled_by_fields  # sent to an import's workers, a chunk at a time (importing.preparing)
@dataclass
class CommentRecord:
    source_id: str
    parent_source_id: str | None  # None: top-level
    author_name: str
    created_at: datetime  # aware
    body_html: str = ""
    body_markdown: str | None = None
    author_email: str = ""
    author_url: str = ""
    status: CommentStatus = CommentStatus.APPROVED
    upvotes: int = 0
    downvotes: int = 0
    passage: PassageQuote | None = None


@dataclass
class ImageRef:
    """A file in a local copy of the source's media (never fetched from the network)."""

    path: Path
    alt: str = ""
    caption: str = ""


@dataclass
class ArticleRecord:
    """One article and its whole discussion: the loader writes both in one transaction, or neither.

    ``comments`` may come in any order (replies before their parents too); the loader builds the tree.
    ``old_paths`` are the article's addresses on the old site ("/2019/05/slug/", "/?p=12"): they redirect here.
    """

    source_id: str
    headline: str
    published_at: datetime | None
    status: ArticleStatus = ArticleStatus.PUBLISHED
    slug: str = ""
    body_html: str = ""
    body_markdown: str | None = None
    standfirst: str = ""
    author_ids: list[str] = field(default_factory=list)
    topic_ids: list[str] = field(default_factory=list)
    featured_image: ImageRef | None = None
    discussion_open: bool = True
    comments: list[CommentRecord] = field(default_factory=list)
    old_paths: list[str] = field(default_factory=list)
    # Images the body refers to, by the URL written in the body: the loader stores the local file and rewrites
    # the URL to the stored copy. URLs not listed here are left as they are.
    inline_images: dict[str, Path] = field(default_factory=dict)


@dataclass
class CommentBatch:
    """Comments for an article yielded earlier (sources that export threads and comments apart, like Disqus).

    Written in one transaction, like an article's own comments; parents may be in this batch or imported before.
    """

    article_source_id: str
    comments: list[CommentRecord] = field(default_factory=list)


@dataclass
class SubscriptionRecord:
    """An email subscribed to an article's new comments (``kind="thread"``) or to replies to its own comments
    (``kind="replies"``). Only ``confirmed`` ones are imported: the owner of the address said yes at the source."""

    source_id: str
    article_source_id: str
    email: str
    kind: str = "thread"
    confirmed: bool = False
    name: str = ""
    created_at: datetime | None = None


@dataclass
class VoteRecord:
    """One voter's vote (``value`` 1 or -1) from a source that keeps voters, not only totals (wpDiscuz's
    ``wc_users_voted``). ``email`` is the voter's address where the source knows it (a member of the old site):
    the vote is then carried as that reader's own; a voter known by no address (a guest, kept by wpDiscuz as an
    md5 of their IP address) is counted in the comment's totals only, as every imported vote was before."""

    value: int
    email: str = ""
    created_at: datetime | None = None


@dataclass
class CommentVotes:
    """The voters of one comment imported earlier (in this run or a previous one), by the comment's source id."""

    comment_source_id: str
    votes: list[VoteRecord] = field(default_factory=list)


@dataclass
class CommentPassage:
    """The passage a comment imported earlier was written about, learnt after the comment itself (wpDiscuz's
    ``wc_feedback_forms``, which a WXR export does not carry): the comment is anchored to it if it is not yet."""

    comment_source_id: str
    passage: PassageQuote


@dataclass
class RedirectRecord:
    """An old address answered with a 301 to something imported: ``target_kind`` is "article", "topic",
    "author", "article-feed" or "topic-feed" with the source id of the target; or "url" with ``target_id`` a
    path on this site ("/feed/")."""

    old_path: str
    target_kind: str
    target_id: str


@dataclass
class Skipped:
    """Something in the export the adapter does not carry over, with the reason (shown in the summary)."""

    kind: str
    source_id: str
    reason: str
    error: bool = False  # the item was unreadable (named in the reason), not merely out of scope


Record = (
    AuthorRecord | TopicRecord | ArticleRecord | CommentBatch | SubscriptionRecord | RedirectRecord | Skipped
    | CommentVotes | CommentPassage
)
