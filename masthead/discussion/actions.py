"""Every change to a discussion: post, edit, delete, vote, change status. Views, the API, the demo and the
moderation queue all call these, so each entry point validates and counts the same way.

Each ``check_*`` validates (raising ``DiscussionError`` with the HTTP status to answer) and each ``do_*`` writes
and notifies. Callers own the transaction (views wrap requests in ``transaction.atomic``). Counters change with
F() expressions in the same transaction, so concurrent writers never lose an update.
"""

from __future__ import annotations

import functools
import hmac
import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, overload

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from masthead.core.bulk_insert import insert_all, insert_rows, new_object, row_slot
from masthead.core.errors import ActionError
from masthead.core.live import publish_on_commit
from masthead.core.markdown import RENDERER_VERSION, render_comment
from masthead.core.names import InvalidName, NameTooLong, normalize_display_name
from masthead.core.network import keyed_hash
from masthead.core.pickling import pickled_by_fields
from masthead.core.ready_rows import object_row
from masthead.core.singletons import steady
from masthead.discussion import hooks
from masthead.discussion.config import discussion_settings
from masthead.discussion.models import PATH_SEGMENT, Comment, Thread, Vote, path_ids, path_segment
from masthead.discussion.moderation_hook import RateLimited, Verdict, decide, record_screenings
from masthead.discussion.readers import Reader, hash_token, new_edit_token
from masthead.discussion.render import (
    comment_html,
    forget_first_pages,
    forget_shown_comments,
    posted_comment_html,
    root_html,
)
from masthead.discussion.store import insert_comment
from masthead.discussion.vote_limits import VoteLimitReached, check_guest_network_room, check_vote_rate

if TYPE_CHECKING:
    from masthead.publishing.hooks import ConversationColumns
    from masthead.publishing.models import Article

MAX_BODY = 5000
MAX_QUOTE = 1000
MAX_EMAIL = 254
MAX_WEBSITE = 300
_IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")  # fullmatch: "$" would allow a trailing newline
# Control characters other than newline and tab; NUL in particular is refused by PostgreSQL text columns.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DiscussionError(ActionError):
    """A discussion change refused (``core.errors.ActionError``)."""


def thread_channel(thread_id: int) -> str:
    return f"discussion:thread:{thread_id}"


# --- threads ----------------------------------------------------------------------------------------------


_THREAD_FIELDS = ("id", "key", "article_id", "comment_count", "version")


@functools.cache  # per database vendor: the same text for every request
def _thread_row_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in _THREAD_FIELDS)
    table = quote(Thread._meta.db_table)
    return f"SELECT {columns} FROM {table} WHERE {quote('article_id')} = %s"  # noqa: S608 - names from the model


def thread_columns() -> ConversationColumns:
    """The thread's version and comment count for the article page's version query (publishing/page_version.py),
    which reads them in its own round trip: the signed-in reader's page then needs no query of its own for them."""
    from masthead.publishing.hooks import ConversationColumns  # here: publishing's hooks need its models loaded

    quote = connection.ops.quote_name
    table = quote(Thread._meta.db_table)
    return ConversationColumns(
        join=f"LEFT JOIN {table} t ON t.{quote('article_id')} = a.{quote('id')}",
        version=f"t.{quote('version')}", comment_count=f"t.{quote('comment_count')}",
    )


def thread_for_article(article: Article) -> Thread:
    """The article's thread, created the first time anyone looks (one row per article, ever).

    Every article page asks this, so it is one plain indexed SELECT without the ORM's query compilation.
    """
    with connection.cursor() as cursor:
        cursor.execute(_thread_row_sql(connection.vendor), [article.pk])
        row = cursor.fetchone()
    thread = Thread.from_db(connection.alias, list(_THREAD_FIELDS), list(row)) if row is not None else None
    if thread is None:
        thread, _ = Thread.objects.get_or_create(
            key=f"article:{article.pk}", defaults={"article_id": article.pk}
        )
    return thread


def new_article_thread(article: Article) -> Thread:
    """The thread of an article saved in the caller's transaction, which cannot have one yet: one INSERT, where
    ``thread_for_article`` would look twice and take a savepoint first (an import's new articles). The same row
    as ``thread_for_article`` creates; a thread already keyed to the article is refused by its unique key."""
    thread = Thread(key=f"article:{article.pk}", article_id=article.pk)
    thread.save(force_insert=True)
    return thread


def page_thread(article: Article) -> Thread:
    """The article's thread as one page render sees it: read once per article object, so the page's ETag, its
    comment count, its discussion and its passage marks come from one version of the thread, and one query
    instead of one each. Only for reading: writers use ``thread_for_article``."""
    thread: Thread | None = article.__dict__.get("_page_thread")
    if thread is None:
        thread = article.__dict__["_page_thread"] = thread_for_article(article)
    return thread


def check_thread_readable(thread: Thread) -> None:
    article = thread.article
    if article is None or not article.is_live:
        raise DiscussionError("No such discussion.", 404, "not_found")


def check_thread_open(thread: Thread) -> None:
    check_thread_readable(thread)
    if thread.article is not None and not thread.article.discussion_open:  # readable: the article is there
        raise DiscussionError("The discussion of this article is closed.", 403, "closed")


# --- input cleaning ---------------------------------------------------------------------------------------


# A lone UTF-16 surrogate is not text and no database driver can encode it. The API's parser refuses it first
# (masthead/api/parser.py) and form decoding replaces it; this guards every other way into the actions.
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_unicode(*values: str) -> None:
    if any(_SURROGATE.search(value) for value in values):
        raise DiscussionError("The text is not valid Unicode (an unpaired surrogate).", 400, "bad_text")


def clean_text(value: str, *, limit: int, what: str) -> str:
    check_unicode(value)
    text = unicodedata.normalize("NFC", _CONTROL.sub("", value.replace("\r\n", "\n"))).strip()
    if len(text) > limit:
        raise DiscussionError(f"The {what} is too long (at most {limit} characters).", 413, "too_long")
    return text


def clean_name(raw: str, reader: Reader) -> str:
    if len(raw) > 1000:
        raise DiscussionError("The name is too long.", 413, "too_long")
    try:
        name = normalize_display_name(raw)
    except NameTooLong as error:
        raise DiscussionError(f"The name is too long (at most {error.max_length} characters).", 413,
                              "too_long") from None
    except InvalidName:
        raise DiscussionError("Please give a name to show with your comment.", 400, "name_required") from None
    if not reader.is_staff and hooks.is_protected_name(name):
        raise DiscussionError("That name is reserved; please choose another.", 400, "name_reserved")
    return name


def clean_email(raw: str) -> str:
    email = raw.strip()
    if not email:
        return ""
    if len(email) > MAX_EMAIL:
        raise DiscussionError("The email address is too long.", 413, "too_long")
    try:
        EmailValidator()(email)
    except ValidationError:
        raise DiscussionError("That email address does not look right.", 400, "bad_email") from None
    return email


def clean_website(raw: str) -> str:
    website = _CONTROL.sub("", raw).strip()
    if not website:
        return ""
    if len(website) > MAX_WEBSITE:
        raise DiscussionError("The website address is too long.", 413, "too_long")
    try:
        URLValidator(schemes=["http", "https"])(website)
    except ValidationError:
        raise DiscussionError("The website must be an http or https address.", 400, "bad_website") from None
    return website


def _plain(body_html: str) -> str:
    return " ".join(html.unescape(nh3.clean(body_html, tags=set())).split())


# --- posting ----------------------------------------------------------------------------------------------


@dataclass
class NewComment:
    body: str
    author_name: str = ""
    author_email: str = ""
    author_website: str = ""
    parent_id: int | None = None
    quote: str = ""
    idempotency_key: str = ""


@dataclass
class PostResult:
    comment: Comment
    created: bool  # False when an idempotency key replayed an earlier post
    edit_token: str | None = None


def check_new_comment(thread: Thread, reader: Reader, data: NewComment) -> tuple[NewComment, Comment | None]:
    """The cleaned submission and the comment it answers (None for a top-level comment)."""
    check_thread_open(thread)
    check_unicode(data.author_name, data.author_email, data.author_website)
    body = clean_text(data.body, limit=MAX_BODY, what="comment")
    if not body:
        raise DiscussionError("Please write something first.", 400, "empty")
    if data.idempotency_key and not _IDEMPOTENCY_KEY.fullmatch(data.idempotency_key):
        raise DiscussionError("Malformed idempotency key.", 400, "bad_key")
    if reader.user_id is not None:
        name, email, website = reader.display_name, "", ""
    else:
        name = clean_name(data.author_name, reader)
        email = clean_email(data.author_email)
        website = clean_website(data.author_website)
    parent = None
    quote = clean_text(data.quote, limit=MAX_QUOTE, what="quote")
    if data.parent_id is not None:
        parent = Comment.objects.filter(pk=data.parent_id, thread=thread, status=Comment.Status.VISIBLE).first()
        if parent is None:
            raise DiscussionError("The comment you are answering is not available.", 400, "bad_parent")
        if quote and " ".join(quote.split()) not in _plain(parent.body_html):
            raise DiscussionError("The quote must be taken from the comment you answer.", 400, "bad_quote")
    elif quote:
        raise DiscussionError("Only a reply can quote a comment.", 400, "bad_quote")
    cleaned = NewComment(body, name, email, website, data.parent_id, quote, data.idempotency_key)
    return cleaned, parent


# A comment's place in its thread: (parent id, in-reply-to id, root id, path, depth).
Place = tuple[int | None, int | None, int, str, int]


def _place_of(pk: int, parent: tuple[int, int, str, int] | None, max_depth: int) -> Place:
    """The place of the comment ``pk`` under ``parent`` (its id, depth, path and root id; None: top level); a reply
    deeper than the cap attaches at the cap and names whom it answers."""
    if parent is None:
        return None, None, pk, path_segment(pk), 0
    parent_pk, parent_depth, parent_path, parent_root = parent
    in_reply_to = parent_pk if parent_depth + 1 > max_depth else None
    if parent_depth + 1 <= max_depth:
        return parent_pk, in_reply_to, parent_root, parent_path + path_segment(pk), parent_depth + 1
    if max_depth == 0:  # no nesting at all: every reply is top-level
        return None, in_reply_to, pk, path_segment(pk), 0
    prefix = parent_path[: max_depth * PATH_SEGMENT]
    return int(prefix[-PATH_SEGMENT:]), in_reply_to, parent_root, prefix + path_segment(pk), max_depth


def _place(comment: Comment, parent: Comment | None, max_depth: int) -> None:
    """Set parent, depth, root and path; a reply deeper than the cap attaches at the cap and names whom it answers."""
    if parent is None:
        comment.parent_id, _, comment.root_id, comment.path, comment.depth = _place_of(comment.pk, None, max_depth)
        return
    (comment.parent_id, comment.in_reply_to_id, comment.root_id, comment.path,
     comment.depth) = _place_of(comment.pk, (parent.pk, parent.depth, parent.path, parent.root_id), max_depth)


# A form sent without JavaScript carries no idempotency key (a shared, cached page cannot hand each reader
# one), so a double click or a browser resending the form would post twice. Such a submission gets a key
# derived from what it says and who sends it, within a window of this many minutes.
FORM_KEY_MINUTES = 10
FORM_KEY_PREFIX = "form-"


def form_submission_keys(thread: Thread, reader: Reader, data: NewComment, now: datetime) -> tuple[str, str]:
    """(this window's key, the previous window's key) for a form submission without a key of its own.

    "Who" is the account, else the reader's network: a first-time guest's two submissions carry no cookie yet
    (the first answer, which sets it, is what a double click throws away). The key is an HMAC under the site
    secret, so nobody can send another reader's key. A retry finds the earlier comment under either key.
    """
    who = f"u:{reader.user_id}" if reader.user_id is not None else f"n:{reader.network_hash}"
    window = int(now.timestamp()) // (FORM_KEY_MINUTES * 60)
    facts = "|".join([str(thread.pk), who, str(data.parent_id or ""), data.author_name.strip(), data.body.strip()])
    current, previous = (FORM_KEY_PREFIX + keyed_hash(f"{facts}|{w}", "form-submission") for w in (window, window - 1))
    return current, previous


def with_form_key(thread: Thread, reader: Reader, data: NewComment, now: datetime) -> NewComment:
    """``data`` with its derived key: the previous window's when a comment was stored under it (a retry just
    after the window turned), else this window's."""
    current, previous = form_submission_keys(thread, reader, data, now)
    earlier = Comment.objects.filter(thread=thread, idempotency_key=previous).exists()
    return replace(data, idempotency_key=previous if earlier else current)


@dataclass
class PostPlan:
    """A new comment checked, rendered and moderated by ``check_post_comment``, for ``do_post_comment`` to store."""

    comment: Comment  # not saved yet; or, with ``replay``, the earlier comment an idempotency key names
    parent: Comment | None = None
    verdict: Verdict | None = None
    max_depth: int = 0
    edit_token: str | None = None  # a guest's, with its lifetime in seconds
    edit_seconds: int = 0
    replay: bool = False


def check_post_comment(
    thread: Thread, reader: Reader, data: NewComment, *, now: datetime | None = None
) -> PostPlan:
    """Validate, render and moderate a new comment, writing nothing; a replayed idempotency key names the first one.

    Runs before the caller's transaction: on SQLite ``BEGIN`` takes the database's one write lock, and the
    Markdown and the classifier here should not hold it (concurrent posts then queue for milliseconds, not for
    each other's whole request)."""
    if data.idempotency_key and not _IDEMPOTENCY_KEY.fullmatch(data.idempotency_key):
        raise DiscussionError("Malformed idempotency key.", 400, "bad_key")  # checked before any lookup uses it
    if data.idempotency_key:
        earlier = Comment.objects.filter(thread=thread, idempotency_key=data.idempotency_key).first()
        if earlier is not None:
            return PostPlan(_replay(earlier, reader).comment, replay=True)
    cleaned, parent = check_new_comment(thread, reader, data)
    options = discussion_settings()
    created_at = now or timezone.now()
    comment = Comment(
        thread=thread,
        user_id=reader.user_id,
        author_name=cleaned.author_name,
        author_email=cleaned.author_email,
        author_website=cleaned.author_website,
        network_hash=reader.network_hash,
        reader_key=reader.author_key,
        body=cleaned.body,
        body_html=render_comment(cleaned.body),
        render_version=RENDERER_VERSION,
        quote=cleaned.quote,
        created_at=created_at,
        idempotency_key=cleaned.idempotency_key,
    )
    verdict = _decide(comment, is_edit=False, is_staff=reader.is_staff, tier=reader.tier(comment.author_email))
    comment.status, comment.moderation_reasons = verdict.status, list(verdict.reasons)
    plan = PostPlan(comment, parent, verdict, options.max_depth)
    if reader.user_id is None:
        plan.edit_token = new_edit_token()
        plan.edit_seconds = options.edit_window_minutes * 60
        comment.edit_token_hash = hash_token(plan.edit_token)
        comment.edit_token_expires = created_at + timedelta(seconds=plan.edit_seconds)
    return plan


def do_post_comment(plan: PostPlan, reader: Reader) -> PostResult:
    """Store and announce a checked comment, in the caller's transaction (``submit_comment`` opens one)."""
    if not transaction.get_connection().in_atomic_block:
        # Outside one, the insert and the counters below would commit apart: refuse rather than half-post.
        raise transaction.TransactionManagementError("do_post_comment runs in its caller's transaction")
    comment = plan.comment
    if plan.replay:
        return PostResult(comment, created=False)
    assert plan.verdict is not None
    parent = plan.parent
    # The placement with a stand-in id, so the one INSERT can write it (``store``: the id is the database's).
    comment.pk = 0
    _place(comment, parent, plan.max_depth)
    root_id = None if comment.parent_id is None else comment.root_id
    prefix = comment.path[: -len(path_segment(0))]
    comment.pk = None
    visible = comment.status == Comment.Status.VISIBLE
    if not comment.idempotency_key:
        # No key, no concurrent duplicate to recover from (the constraint is on non-empty keys): no savepoint,
        # two round trips fewer on PostgreSQL. Any other integrity error ends the post as it would below.
        insert_comment(comment, root_id, prefix, count_visible=visible)
    else:
        try:
            # A savepoint, so a concurrent duplicate (same idempotency key) leaves the transaction usable.
            with transaction.atomic():
                insert_comment(comment, root_id, prefix, count_visible=visible)
        except IntegrityError:
            earlier = Comment.objects.filter(thread_id=comment.thread_id,
                                             idempotency_key=comment.idempotency_key).first()
            if earlier is not None:
                return _replay(earlier, reader)
            raise
    _place(comment, parent, plan.max_depth)  # the same placement, now with the comment's id
    plan.verdict.record(comment)
    if comment.in_reply_to_id is not None:
        comment.in_reply_to = parent
    if visible:
        _visibility_changed(comment, +1, counted=True)
    elif comment.status == Comment.Status.PENDING:
        _held_for_review(comment)
    if plan.edit_token is not None:
        reader.issued_tokens[comment.pk] = (plan.edit_token, plan.edit_seconds)
    return PostResult(comment, created=True, edit_token=plan.edit_token)


def submit_comment(
    thread: Thread, reader: Reader, data: NewComment, *, now: datetime | None = None
) -> PostResult:
    """Post a comment as an entry point does: check it, then store it in a transaction of its own (the views, the
    API, the demo and tests share this; an action posting as part of a larger change calls the two steps).
    The settings it reads on the way (discussion and moderation, some twice) are checked in one cache lookup."""
    with steady():
        plan = check_post_comment(thread, reader, data, now=now)
        with transaction.atomic():
            return do_post_comment(plan, reader)


# --- importing ---------------------------------------------------------------------------------------------

# An imported comment is history written elsewhere: longer than a new one may be, up to this.
MAX_IMPORTED_BODY = 100_000
IMPORTED_NAME = "Anonymous"


@dataclass
class ImportedComment:
    """A comment from another system (``masthead import``): its text as Markdown, its original date, the
    approval state it had there (a Comment.Status value: visible, pending or rejected) and its vote totals."""

    body: str
    author_name: str
    created_at: datetime
    status: str = Comment.Status.VISIBLE
    author_email: str = ""
    author_website: str = ""
    upvotes: int = 0
    downvotes: int = 0


def _lenient(clean: object, raw: str) -> str:
    """An imported author's email or website as ours would be, or blank when it would be refused (the source
    accepted what we would not; the comment is kept without it)."""
    try:
        return clean(raw)  # type: ignore[operator]
    except DiscussionError:
        return ""


def _imported_name(raw: str) -> str:
    try:
        return normalize_display_name(raw[:1000], cut=True)
    except InvalidName:
        return IMPORTED_NAME


@functools.lru_cache(maxsize=4096)
def _imported_author(name: str, email: str, website: str, secret: str) -> tuple[str, str, str, str]:
    """An imported author's name, email, website and reader key as stored (``DiscussionError`` for text that is
    not valid Unicode). An archive's authors write many comments each, so a process cleans and hashes each one
    once; ``secret`` (the SECRET_KEY the key is made with) is part of the cache's key, so a new one is used."""
    check_unicode(name, email, website)
    clean = _lenient(clean_email, email)
    # The author's identity for moderation's "published before" and self-vote checks: their address.
    reader_key = ("i:" + keyed_hash(clean.casefold(), "imported-author")) if clean else ""
    return _imported_name(name), clean, _lenient(clean_website, website), reader_key


@pickled_by_fields  # sent by an import's workers to its writer (importing.preparing)
@dataclass
class PreparedImport:
    """An imported comment cleaned, rendered, sanitised and screened, not yet saved (``prepare_imported_comment``).

    Plain data, so an import may prepare comments in worker processes while its writer saves earlier ones.
    """

    fields: dict[str, object]  # Comment field values
    verdict_payload: object = None  # the screening decision to record once the comment is saved
    # The row as inserted (core.bulk_insert.row_values), made where the comment was prepared; the writer sets
    # only its place (thread, parent, path, counts) and id.
    row: list[Any] | None = None


def prepare_imported_comment(data: ImportedComment) -> PreparedImport:
    """Clean, render and screen a comment brought from another system (moderation source "import"); writes nothing.

    The state is the source's: an approved comment is shown even if screening would hold it (the decision is
    recorded all the same, and its reasons kept for staff), a pending one waits for review, spam and trash are
    kept as rejected. Its date and vote totals are the source's.
    """
    name, email, website, reader_key = _imported_author(data.author_name, data.author_email, data.author_website,
                                                        settings.SECRET_KEY)
    body = clean_text(data.body, limit=MAX_IMPORTED_BODY, what="comment")
    if not body:
        raise DiscussionError("The comment has no text.", 400, "empty")
    if data.upvotes < 0 or data.downvotes < 0:
        raise DiscussionError("Vote totals cannot be negative.", 400, "bad_vote")
    if data.status not in (Comment.Status.VISIBLE, Comment.Status.PENDING, Comment.Status.REJECTED):
        raise DiscussionError("An imported comment is visible, pending or rejected.", 400, "bad_status")
    fields: dict[str, object] = {
        "author_name": name,
        "author_email": email,
        "author_website": website,
        "reader_key": reader_key,
        "body": body,
        "body_html": render_comment(body),
        "render_version": RENDERER_VERSION,
        "created_at": data.created_at,
        "upvotes": data.upvotes,
        "downvotes": data.downvotes,
        "score": data.upvotes - data.downvotes,
    }
    comment = new_object(Comment, fields)
    verdict = decide(comment, is_edit=False, source="import")
    screened = [f"screening: {reason}" for reason in verdict.reasons] if verdict.status != data.status else []
    fields["status"] = comment.status = data.status
    fields["moderation_reasons"] = comment.moderation_reasons = [f"imported as {data.status}", *screened]
    return PreparedImport(fields, verdict.payload, object_row(comment))  # row_values(comment), cheaper


def do_import_comment(thread: Thread, data: ImportedComment, parent: Comment | None) -> Comment:
    """Store one comment brought from another system (``prepare_imported_comment``, then saved); the caller owns
    the transaction. Nobody is notified and no live event is sent: the comment is not new. ``parent`` may have
    any status (a reply to a rejected comment keeps its place)."""
    return do_import_comments(thread, [(prepare_imported_comment(data), parent)])[0]


# Rows per UPDATE of reply counts.
IMPORT_UPDATE_ROWS = 500


class ImportedComments(Sequence[Comment]):
    """The comments ``do_import_comments`` stored, in order: their ids and depths at hand, and each one's Comment
    object built when it is asked for (an import's writer needs few of them: a passage's comment, a tombstone's
    parent), the same object the long way builds."""

    def __init__(self, ids: list[int], depths: list[int], build: Callable[[int], Comment]) -> None:
        self.ids = ids
        self.depths = depths
        self._build = build
        self._built: dict[int, Comment] = {}

    @classmethod
    def of(cls, comments: list[Comment]) -> ImportedComments:
        return cls([comment.pk for comment in comments], [comment.depth for comment in comments],
                   comments.__getitem__)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Comment: ...

    @overload
    def __getitem__(self, index: slice) -> list[Comment]: ...

    def __getitem__(self, index: int | slice) -> Comment | list[Comment]:
        if isinstance(index, slice):
            return [self[n] for n in range(len(self.ids))[index]]
        n = range(len(self.ids))[index]  # a negative index counts from the end; out of range: IndexError
        comment = self._built.get(n)
        if comment is None:
            comment = self._built[n] = self._build(n)
        return comment


def do_import_comments(thread: Thread, items: list[tuple[PreparedImport, Comment | int | None]]
                       ) -> ImportedComments:
    """Store prepared imported comments of one thread at once; the caller owns the transaction.

    Each item's parent is a saved comment, None (top level), or the index of an earlier item of ``items``
    (replies come after their parents). Ids are taken from the table's own sequence before the insert, so each
    comment's tree path is known and every row is written once; counts (the thread's, each ancestor's replies)
    change by one statement per distinct amount. Screening decisions are recorded in bulk.

    When every item's row was made ready where it was prepared (an import's workers), the rows are placed and sent
    without a Comment object each (``_import_ready``: the writer's per-comment work); the objects are built only
    when the caller asks for them.
    """
    if not items:
        return ImportedComments([], [], [].__getitem__)
    max_depth = discussion_settings().max_depth
    shown = Comment.Status.VISIBLE
    visible = sum(1 for prepared, _ in items if prepared.fields.get("status", _STATUS_DEFAULT) == shown)
    ids, counted = _allocate_comment_ids(len(items), thread=thread, visible=visible)
    uncounted = 0 if counted else visible  # the thread's count still to raise after the insert
    if all(prepared.row is not None for prepared, _ in items):
        return _import_ready(thread, items, ids, max_depth, uncounted)
    comments: list[Comment] = []
    for (prepared, parent_ref), pk in zip(items, ids, strict=True):
        comment = new_object(Comment, {"id": pk, "thread": thread, **prepared.fields})
        parent = comments[parent_ref] if isinstance(parent_ref, int) else parent_ref
        _place(comment, parent, max_depth)
        comments.append(comment)
    in_batch = {comment.pk: comment for comment in comments}
    outside: dict[int, int] = {}  # saved ancestor id -> replies made visible under it
    for comment in comments:
        if comment.status != Comment.Status.VISIBLE:
            continue
        for ancestor in comment.ancestor_ids():
            if ancestor in in_batch:
                in_batch[ancestor].reply_count += 1
            else:
                outside[ancestor] = outside.get(ancestor, 0) + 1
    insert_all(comments)
    screenings: list[tuple[object, Comment | int]] = [
        (prepared.verdict_payload, comment) for (prepared, _), comment in zip(items, comments, strict=True)
        if prepared.verdict_payload is not None]
    _counted(thread, screenings, uncounted, outside)
    return ImportedComments.of(comments)


# What ``do_import_comments`` sets in a prepared row: the comment's place, known only to the writer.
_PLACE = ("thread_id", "parent_id", "in_reply_to_id", "root_id", "path", "depth", "reply_count")
_STATUS_DEFAULT = Comment._meta.get_field("status").get_default()


def _import_ready(thread: Thread, items: list[tuple[PreparedImport, Comment | int | None]], ids: list[int],
                  max_depth: int, uncounted: int) -> ImportedComments:
    """``do_import_comments`` for items whose rows are ready: each comment's place is worked out from plain
    values (``_place_of``, as ``_place`` sets it on an object) and set in a copy of its row, its reply count
    likewise; the Comment objects are built only when asked for (``ImportedComments``)."""
    items = list(items)  # the objects are built later: the caller may clear or reuse its list (the loader does)
    count = len(items)
    places: list[Place] = []
    position = {pk: n for n, pk in enumerate(ids)}
    reply_counts = [0] * count
    outside: dict[int, int] = {}  # saved ancestor id -> replies made visible under it
    shown = Comment.Status.VISIBLE
    for (prepared, parent_ref), pk in zip(items, ids, strict=True):
        if parent_ref is None:
            above = None
        elif isinstance(parent_ref, int):
            parent_id, _, root, path, depth = places[parent_ref]
            above = (ids[parent_ref], depth, path, root)
        else:
            above = (parent_ref.pk, parent_ref.depth, parent_ref.path, parent_ref.root_id)
        place = _place_of(pk, above, max_depth)
        places.append(place)
        if prepared.fields.get("status", _STATUS_DEFAULT) != shown:
            continue
        for ancestor in path_ids(place[3])[:-1]:
            at = position.get(ancestor)
            if at is not None:
                reply_counts[at] += 1
            else:
                outside[ancestor] = outside.get(ancestor, 0) + 1
    (at_thread, thread_value), *slots = [row_slot(Comment, attname) for attname in _PLACE]
    (at_parent, parent_value), (at_reply, reply_value), (at_root, root_value), (at_path, path_value), \
        (at_depth, depth_value), (at_count, count_value) = slots
    sent_thread = thread_value(thread.pk)
    rows = []
    for (prepared, parent_ref), (parent_id, in_reply_to, root, path, depth), replies in zip(
            items, places, reply_counts, strict=True):
        row = prepared.row.copy()  # type: ignore[union-attr]  # every row is ready (the caller checked)
        row[at_thread], row[at_parent] = sent_thread, parent_value(parent_id)
        if parent_ref is not None:  # as ``_place`` sets it: a top-level comment keeps the value its row has
            row[at_reply] = reply_value(in_reply_to)
        row[at_root], row[at_path], row[at_depth] = root_value(root), path_value(path), depth_value(depth)
        row[at_count] = count_value(replies)
        rows.append(row)
    insert_rows(Comment, rows, ids=ids)
    screenings: list[tuple[object, Comment | int]] = [
        (prepared.verdict_payload, pk) for (prepared, _), pk in zip(items, ids, strict=True)
        if prepared.verdict_payload is not None]
    _counted(thread, screenings, uncounted, outside)
    alias = connection.alias

    def build(n: int) -> Comment:
        comment = new_object(Comment, {"id": ids[n], "thread": thread, **items[n][0].fields})
        parent_id, in_reply_to, root, path, depth = places[n]
        comment.parent_id, comment.root_id, comment.path, comment.depth = parent_id, root, path, depth
        if items[n][1] is not None:  # as ``_place`` sets it: a top-level comment keeps its own
            comment.in_reply_to_id = in_reply_to
        comment.reply_count = reply_counts[n]
        comment._state.adding, comment._state.db = False, alias
        return comment

    return ImportedComments(ids, [place[4] for place in places], build)


def _counted(thread: Thread, screenings: list[tuple[object, Comment | int]], visible: int,
             outside: dict[int, int]) -> None:
    """After an import's insert: its screening decisions recorded, the thread's count and each saved ancestor's
    reply count raised (one statement per distinct amount)."""
    if screenings:
        record_screenings(screenings)
    if visible:
        Thread.objects.filter(pk=thread.pk).update(comment_count=F("comment_count") + visible,
                                                   version=F("version") + 1)
    by_amount: dict[int, list[int]] = {}
    for ancestor, amount in outside.items():
        by_amount.setdefault(amount, []).append(ancestor)
    for amount, ancestor_ids in sorted(by_amount.items()):
        for start in range(0, len(ancestor_ids), IMPORT_UPDATE_ROWS):
            Comment.objects.filter(pk__in=ancestor_ids[start : start + IMPORT_UPDATE_ROWS]).update(
                reply_count=F("reply_count") + amount)


@functools.cache  # per database vendor
def _thread_count_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    table, count, version = quote(Thread._meta.db_table), quote("comment_count"), quote("version")
    return (f"UPDATE {table} SET {count} = {table}.{count} + %s, {version} = {table}.{version} + 1 "  # noqa: S608
            f"WHERE {table}.{quote('id')} = %s")


def _allocate_comment_ids(count: int, *, thread: Thread | None = None, visible: int = 0) -> tuple[list[int], bool]:
    """``count`` new comment ids, never given to another writer: PostgreSQL's sequence hands them out; SQLite's
    writer holds the write lock for the whole transaction (IMMEDIATE), so the ids after the highest ever given
    (its AUTOINCREMENT counter) stay free until the insert. On PostgreSQL the ``thread``'s count is raised by
    ``visible`` (and its version by one), as ``_counted`` would after the insert, in the same round trip (two
    statements in one query, which the driver's client-side binding allows: Django's default); the insert that
    follows is in the same transaction, so nothing sees the count before the comments. Returns the ids, and
    whether the count was raised (else the caller raises it)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("comment ids are allocated inside the transaction that inserts them")
    table = Comment._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            import psycopg  # the PostgreSQL driver: there only

            allocate = "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)"
            params: list[int | str] = [connection.ops.quote_name(table), count]
            counted = thread is not None and visible > 0 and isinstance(cursor.cursor, psycopg.ClientCursor)
            if counted:
                assert thread is not None
                cursor.execute(f"{_thread_count_sql(connection.vendor)}; {allocate}", [visible, thread.pk, *params])
                cursor.nextset()  # the UPDATE's result first
            else:
                cursor.execute(allocate, params)
            return [row[0] for row in cursor.fetchall()], counted
        cursor.execute(f"SELECT MAX(id) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (a model's table)
        highest = cursor.fetchone()[0] or 0
        if connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            highest = max(highest, row[0] if row else 0)
    return list(range(highest + 1, highest + 1 + count)), False


def _decide(comment: Comment, *, is_edit: bool, is_staff: bool, tier: str | None) -> Verdict:
    try:
        return decide(comment, is_edit=is_edit, is_staff=is_staff, tier=tier)
    except RateLimited as limited:
        raise DiscussionError(str(limited), 429, "rate_limited", retry_after=limited.retry_after) from None


def _replay(earlier: Comment, reader: Reader) -> PostResult:
    # Keys are random per submission, so only the same reader retrying can hit one; anyone else is refused
    # rather than shown a comment (perhaps still pending) that is not theirs. A form's derived key already
    # names its sender (account or network) and cannot be forged, and a guest's retry may come without the
    # cookie the first answer set.
    if earlier.reader_key != reader.author_key and not earlier.idempotency_key.startswith(FORM_KEY_PREFIX):
        raise DiscussionError("This submission key was already used.", 409, "key_used")
    return PostResult(earlier, created=False)


# --- visibility bookkeeping -------------------------------------------------------------------------------


def _visibility_changed(comment: Comment, delta: int, *, counted: bool = False) -> None:
    """A comment became visible (+1) or stopped being visible (-1): counts, version, live event. ``counted``: the
    thread's count and version already changed with the comment's insert (``store.insert_comment``)."""
    if not counted:
        Thread.objects.filter(pk=comment.thread_id).update(
            comment_count=F("comment_count") + delta, version=F("version") + 1
        )
    ancestors = comment.ancestor_ids()
    if ancestors:
        Comment.objects.filter(pk__in=ancestors).update(reply_count=F("reply_count") + delta)
    if delta < 0:
        # Open pages replace it with a tombstone at once; the event carries no text.
        publish_on_commit(
            thread_channel(comment.thread_id),
            "removed",
            {"id": comment.pk, "deleted": comment.status == Comment.Status.DELETED},
        )
    if delta > 0:
        hooks.comment_visible.send(comment)  # [notifications]: "Notify of" subscribers, batched after commit

        publish_on_commit(
            thread_channel(comment.thread_id),
            "comment",
            lambda: {  # rendered after the commit, outside the write lock
                "id": comment.pk,
                "parent_id": comment.parent_id,
                "root_id": comment.root_id,
                "depth": comment.depth,
                "html": posted_comment_html(comment) if counted else
                root_html(comment) if comment.depth == 0 else comment_html(comment),
            },
        )


def _held_for_review(comment: Comment) -> None:
    hooks.comment_pending.send(comment)  # [notifications]: the opted-in moderators' digest


def bump_version(thread_id: int) -> None:
    Thread.objects.filter(pk=thread_id).update(version=F("version") + 1)


def do_change_status(comment: Comment, status: str, reasons: list[str] | tuple[str, ...] = ()) -> Comment:
    """Moderation's entry point: approve, hold or reject a comment, keeping every count right."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    previous = locked.status
    was_visible = previous == Comment.Status.VISIBLE
    locked.status = status
    locked.moderation_reasons = list(reasons)
    locked.save(update_fields=["status", "moderation_reasons"])
    now_visible = status == Comment.Status.VISIBLE
    if was_visible != now_visible:
        _visibility_changed(locked, +1 if now_visible else -1)
    if status == Comment.Status.PENDING and previous != Comment.Status.PENDING:
        _held_for_review(locked)
    return locked


# --- editing and deleting ---------------------------------------------------------------------------------


def check_can_modify(comment: Comment, reader: Reader, *, now: datetime | None = None) -> None:
    """Only the author within the edit window (a guest by the token bound to this comment), or staff."""
    if comment.status not in (Comment.Status.VISIBLE, Comment.Status.PENDING):
        raise DiscussionError("This comment can no longer be changed.", 403, "forbidden")
    if reader.is_staff:
        return
    moment = now or timezone.now()
    window = timedelta(minutes=discussion_settings().edit_window_minutes)
    if comment.user_id is not None:
        if reader.user_id == comment.user_id and moment <= comment.created_at + window:
            return
        raise DiscussionError("You can only change your own comment, shortly after posting it.", 403, "forbidden")
    token = reader.edit_tokens.get(comment.pk)
    if (
        token
        and comment.edit_token_hash
        and comment.edit_token_expires is not None
        and moment <= comment.edit_token_expires
        and hmac.compare_digest(hash_token(token), comment.edit_token_hash)
    ):
        return
    raise DiscussionError("You can only change your own comment, shortly after posting it.", 403, "forbidden")


def do_edit_comment(comment: Comment, reader: Reader, body: str) -> Comment:
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    check_can_modify(locked, reader)
    previous = locked.status
    text = clean_text(body, limit=MAX_BODY, what="comment")
    if not text:
        raise DiscussionError("Please write something first.", 400, "empty")
    was_visible = previous == Comment.Status.VISIBLE
    locked.body = text
    locked.body_html = render_comment(text)
    locked.render_version = RENDERER_VERSION
    locked.edited_at = timezone.now()
    verdict = _decide(locked, is_edit=True, is_staff=reader.is_staff, tier=reader.tier(locked.author_email))
    locked.status, locked.moderation_reasons = verdict.status, list(verdict.reasons)
    locked.save(update_fields=["body", "body_html", "render_version", "edited_at", "status", "moderation_reasons"])
    verdict.record(locked)
    now_visible = locked.status == Comment.Status.VISIBLE
    if locked.status == Comment.Status.PENDING and previous != Comment.Status.PENDING:
        _held_for_review(locked)
    if was_visible and not now_visible:
        _visibility_changed(locked, -1)
    elif now_visible and not was_visible:
        _visibility_changed(locked, +1)
    elif now_visible:
        bump_version(locked.thread_id)
        publish_on_commit(thread_channel(locked.thread_id), "edited", {"id": locked.pk, "html": comment_html(locked)})
    return locked


def do_delete_comment(comment: Comment, reader: Reader) -> Comment:
    """Delete: the text and author go; a comment with replies stays as a tombstone so the replies keep their place."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    check_can_modify(locked, reader)
    was_visible = locked.status == Comment.Status.VISIBLE
    locked.status = Comment.Status.DELETED
    locked.body = locked.body_html = locked.quote = ""
    locked.author_email = locked.author_website = ""
    locked.edit_token_hash = ""
    locked.edit_token_expires = None
    locked.save(update_fields=[
        "status", "body", "body_html", "quote", "author_email", "author_website", "edit_token_hash",
        "edit_token_expires",
    ])
    if was_visible:
        _visibility_changed(locked, -1)
    return locked


# --- votes ------------------------------------------------------------------------------------------------


@dataclass
class VoteResult:
    score: int
    upvotes: int
    downvotes: int
    my_vote: int


def check_can_vote(comment: Comment, reader: Reader, value: int) -> None:
    if value not in (-1, 0, 1):
        raise DiscussionError("A vote is 1, -1 or 0 (withdraw).", 400, "bad_vote")
    if comment.status != Comment.Status.VISIBLE:
        raise DiscussionError("No such comment.", 404, "not_found")
    if comment.reader_key and comment.reader_key == reader.author_key:
        raise DiscussionError("You cannot vote on your own comment.", 403, "own_comment")


def do_vote(comment: Comment, reader: Reader, value: int, *, toggle: bool = False) -> VoteResult:
    """Cast, change or withdraw (0) this reader's vote; the unique constraint makes it one per reader.

    With ``toggle`` (the plain-form buttons) casting the vote the reader already has withdraws it. Votes are
    rate-limited per network and per voter, and a new guest vote counts only while its network has room on
    this comment (``vote_limits``: guests are told apart by network, accounts one each).
    """
    check_can_vote(comment, reader, value)
    guest = reader.user_id is None
    try:
        if not reader.is_staff:
            check_vote_rate(reader.network_hash, reader.voter_key)
        if guest:
            # The comment's row lock first: concurrent guests of one network then count their room one by one.
            list(Comment.objects.select_for_update().filter(pk=comment.pk).values_list("pk"))
        return _write_vote(comment, reader, value, toggle=toggle)
    except VoteLimitReached as refused:
        raise DiscussionError(refused.message, refused.status, refused.code, retry_after=refused.retry_after) from None


def _write_vote(comment: Comment, reader: Reader, value: int, *, toggle: bool) -> VoteResult:
    key = reader.voter_key
    guest_network = reader.network_hash if reader.user_id is None else ""
    existing = Vote.objects.select_for_update().filter(comment=comment, voter_key=key).first()
    old = existing.value if existing else 0
    if toggle and value == old:
        value = 0
    if value == old:
        pass
    elif value == 0 and existing is not None:  # (value 0 with no vote is the first branch)
        existing.delete()
    elif existing is not None:
        Vote.objects.filter(pk=existing.pk).update(value=value)
    else:
        if reader.user_id is None:
            check_guest_network_room(comment, guest_network, discussion_settings().guest_votes_per_network)
        try:
            with transaction.atomic():
                Vote.objects.create(comment=comment, voter_key=key, value=value, network_hash=guest_network)
        except IntegrityError:
            # The same reader's concurrent request won the insert: treat this one as a change of that vote.
            existing = Vote.objects.select_for_update().get(comment=comment, voter_key=key)
            old = existing.value
            Vote.objects.filter(pk=existing.pk).update(value=value)
    if value != old:
        ups = (value == 1) - (old == 1)
        downs = (value == -1) - (old == -1)
        Comment.objects.filter(pk=comment.pk).update(
            score=F("score") + (value - old), upvotes=F("upvotes") + ups, downvotes=F("downvotes") + downs
        )
        bump_version(comment.thread_id)
    fresh = Comment.objects.only("score", "upvotes", "downvotes").get(pk=comment.pk)
    return VoteResult(fresh.score, fresh.upvotes, fresh.downvotes, value)


# --- a reader's erasure and claims (asked for by accounts) ------------------------------------------------


# Erasure acts for the reader with staff rights: it may delete any of their comments, at any age.
_ERASER = Reader(user_id=None, is_staff=True, reader_id="privacy-erasure", network_hash="")


def do_withdraw_votes(voter_keys: list[str]) -> int:
    """Delete every vote cast under these voter keys; the comments' scores and their threads' versions follow."""
    keys = [key for key in voter_keys if key]
    count = 0
    threads: set[int] = set()
    for vote in Vote.objects.select_for_update().filter(voter_key__in=keys).select_related("comment"):
        Comment.objects.filter(pk=vote.comment_id).update(
            score=F("score") - vote.value,
            upvotes=F("upvotes") - (1 if vote.value == 1 else 0),
            downvotes=F("downvotes") - (1 if vote.value == -1 else 0),
        )
        vote.delete()
        bump_version(vote.comment.thread_id)
        threads.add(vote.comment.thread_id)
        count += 1
    forget_first_pages_on_commit(threads)
    return count


def do_erase_comments(comments: list[Comment], *, remove: bool) -> tuple[int, int]:
    """Strip every trace of the author from these comments: each becomes an anonymous tombstone, or (``remove``)
    is deleted outright when nobody replied to it. Returns (removed, tombstoned).

    Visible and pending comments go through ``do_delete_comment`` first, so counts, versions and open pages
    follow; the thread's cached first pages are forgotten (``forget_first_pages_on_commit``).
    """
    removed = tombstoned = 0
    for comment in sorted(comments, key=lambda c: (-c.depth, -c.pk)):  # replies before what they answer
        if comment.status in (Comment.Status.VISIBLE, Comment.Status.PENDING):
            do_delete_comment(comment, _ERASER)
        Comment.objects.filter(pk=comment.pk).update(
            status=Comment.Status.DELETED, user=None, author_name="", author_email="", author_website="",
            network_hash="", reader_key="", body="", body_html="", quote="", moderation_reasons=[],
            edit_token_hash="", edit_token_expires=None, idempotency_key="",
        )
        if remove and not Comment.objects.filter(parent_id=comment.pk).exists():
            Comment.objects.filter(pk=comment.pk).delete()
            removed += 1
        else:
            tombstoned += 1
    threads = {c.thread_id for c in comments}
    for thread_id in threads:
        bump_version(thread_id)  # pages showing a tombstone that was already deleted change too
    forget_first_pages_on_commit(threads)
    return removed, tombstoned


def do_clear_networks_before(cutoff: datetime) -> dict[str, int]:
    """Blank the keyed network hashes of comments and votes older than ``cutoff`` (accounts' retention period)."""
    return {
        "discussion.Comment": Comment.objects.filter(created_at__lt=cutoff).exclude(network_hash="")
        .update(network_hash=""),
        "discussion.Vote": Vote.objects.filter(created_at__lt=cutoff).exclude(network_hash="").update(network_hash=""),
    }


def do_attribute_comments(comment_ids: list[int], user_id: int) -> int:
    """Link guest comments (not yet anyone's) to the account that proved it wrote them; returns how many."""
    comments = Comment.objects.filter(pk__in=comment_ids, user__isnull=True)
    threads = set(comments.values_list("thread_id", flat=True))
    moved = comments.update(user_id=user_id)
    for thread_id in threads:
        bump_version(thread_id)
    return moved


def forget_first_pages_on_commit(thread_ids: set[int]) -> None:
    """Delete the threads' cached first pages now and again after commit (a page rendered meanwhile from the
    rows as they were may have been cached), and this process's copies of single comments."""
    ids = sorted(thread_ids)

    def forget() -> None:
        forget_first_pages(ids)
        forget_shown_comments()

    forget()
    transaction.on_commit(forget, robust=True)
