"""Every change to passage anchors: post a passage comment, ask a question, follow an article edit.

``check_*`` validates (raising ``PassageError`` with the HTTP status to answer), ``do_*`` writes. Callers own the
transaction. Nothing here ever deletes or detaches an anchor: an edit re-finds it or marks it orphaned.
See docs/passages.md.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction

from masthead.core.errors import ActionError
from masthead.discussion.actions import (
    DiscussionError,
    NewComment,
    PostResult,
    bump_version,
    check_post_comment,
    check_thread_open,
    do_post_comment,
    thread_for_article,
)
from masthead.discussion.models import Comment, Thread
from masthead.discussion.readers import Reader
from masthead.passages import anchoring
from masthead.passages.anchoring import Anchor, AnchorError, Status
from masthead.passages.models import ArticleRevision, PassageAnchor, PassageQuestion

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from masthead.publishing.models import Article

log = logging.getLogger(__name__)

MAX_QUESTION = 300
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class PassageError(ActionError):
    """A passage change refused (``core.errors.ActionError``)."""

    @classmethod
    def from_discussion(cls, error: DiscussionError) -> PassageError:
        return cls(error.message, error.status, error.code, field=error.field, retry_after=error.retry_after)


@dataclass
class AnchorData:
    """An anchor as a client sends it: the selectors and the article revision they were made on."""

    revision: int
    exact: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


# --- revisions and re-anchoring -------------------------------------------------------------------------


def _latest(article: Article) -> ArticleRevision | None:
    return ArticleRevision.objects.filter(article_id=article.pk).order_by("-number").first()


def _anchor_status(anchor: PassageAnchor, kept: Anchor, result: anchoring.Result) -> str:
    """The stored status describes the passage against the reader's original quote (so it is idempotent)."""
    if result.status == Status.ORPHANED:
        return PassageAnchor.Status.ORPHANED
    if kept.exact != anchor.original_exact:
        return PassageAnchor.Status.FUZZY
    if kept.start != anchor.original_start:
        return PassageAnchor.Status.MOVED
    return PassageAnchor.Status.EXACT


def on_article_changed(article: Article, new: bool = False) -> ArticleRevision:
    """Record the article's current ``body_text`` as a revision and re-find every passage anchor in it.

    Call it after an article is saved (publishing's ``do_save_article``), inside the same transaction. When the
    text did not change it does nothing and returns the current revision, so calling it on every save is fine.
    ``new``: the article's row was inserted in this transaction: its first revision is written as it is, with
    nothing looked up (it has no revision, and no anchor can point at it before the transaction commits).
    """
    text: str = article.body_text
    digest = text_hash(text)
    if new:
        # The same row the long way writes for a first revision with no anchor: number 1, every count 0.
        return ArticleRevision.objects.create(article_id=article.pk, number=1, text_hash=digest, body_text=text,
                                              exact=0, moved=0, fuzzy=0, orphaned=0, summary=[])
    latest = _latest(article)
    if latest is not None and latest.text_hash == digest:
        return latest
    number = latest.number + 1 if latest is not None else 1
    try:
        with transaction.atomic():  # a savepoint: a concurrent writer may have recorded this revision first
            revision = ArticleRevision.objects.create(
                article_id=article.pk, number=number, text_hash=digest, body_text=text
            )
    except IntegrityError:
        latest = _latest(article)
        if latest is not None and latest.text_hash == digest:
            return latest
        raise
    counts = dict.fromkeys(Status, 0)
    summary = []
    changed = []
    for anchor in PassageAnchor.objects.select_for_update().filter(article_id=article.pk).order_by("pk"):
        result = anchoring.reanchor(anchor.anchor, text)
        kept = anchoring.follow(anchor.anchor, text, result)
        counts[result.status] += 1
        if result.status != Status.EXACT:
            summary.append({
                "anchor": anchor.pk, "comment": anchor.comment_id, "status": str(result.status),
                "from": [anchor.start, anchor.end], "to": [result.start, result.end], "score": result.score,
                "quote": anchor.original_exact[:200],
            })
        anchor.exact, anchor.prefix, anchor.suffix = kept.exact, kept.prefix, kept.suffix
        anchor.start, anchor.end = kept.start, kept.end
        anchor.status, anchor.score = _anchor_status(anchor, kept, result), result.score
        anchor.revision = number
        changed.append(anchor)
    if changed:
        PassageAnchor.objects.bulk_update(
            changed, ["exact", "prefix", "suffix", "start", "end", "status", "score", "revision", "updated_at"],
            batch_size=200,
        )
    revision.exact, revision.moved = counts[Status.EXACT], counts[Status.MOVED]
    revision.fuzzy, revision.orphaned = counts[Status.FUZZY], counts[Status.ORPHANED]
    revision.summary = summary
    revision.save(update_fields=["exact", "moved", "fuzzy", "orphaned", "summary"])
    if changed:
        # Cached passage marks and inline feedback are keyed by the thread version.
        thread_id = Thread.objects.filter(article_id=article.pk).values_list("pk", flat=True).first()
        if thread_id is not None:
            bump_version(thread_id)
        log.info("article %s r%s: %s", article.pk, number, {str(k): v for k, v in counts.items()})
    return revision


def current_revision(article: Article) -> ArticleRevision:
    """The revision of the article's current text; records it (and re-anchors) if the hook was missed."""
    latest = _latest(article)
    if latest is not None and latest.text_hash == text_hash(article.body_text):
        return latest
    with transaction.atomic():
        return on_article_changed(article)


# --- anchors from clients -------------------------------------------------------------------------------


def check_anchor(article: Article, data: AnchorData) -> tuple[Anchor, int]:
    """The verified anchor on the article's current text and its revision number, or ``PassageError``.

    An anchor made on an older revision (the reader loaded the page before an edit) is verified against that
    revision's text and carried over if its passage is still there word for word.
    """
    current = current_revision(article)
    claimed = Anchor(data.exact, data.prefix, data.suffix, data.start, data.end)
    if data.revision == current.number:
        text = article.body_text
    else:
        old = ArticleRevision.objects.filter(article_id=article.pk, number=data.revision).first()
        if old is None:
            raise PassageError("Unknown article revision.", 400, "bad_revision")
        text = old.body_text
    try:
        verified = anchoring.verify_anchor(text, claimed)
    except AnchorError as error:
        raise PassageError(str(error), 400, "bad_anchor") from None
    if data.revision != current.number:
        result = anchoring.reanchor(verified, article.body_text)
        if result.status not in (Status.EXACT, Status.MOVED):
            raise PassageError(
                "The article was edited and this passage changed; please reload and select it again.", 409, "stale"
            )
        verified = anchoring.follow(verified, article.body_text, result)
    return verified, current.number


def _new_anchor(article: Article, anchor: Anchor, revision: int, **links: object) -> PassageAnchor:
    return PassageAnchor.objects.create(
        article_id=article.pk,
        exact=anchor.exact, prefix=anchor.prefix, suffix=anchor.suffix, start=anchor.start, end=anchor.end,
        revision=revision, status=PassageAnchor.Status.EXACT, score=1.0,
        original_exact=anchor.exact, original_prefix=anchor.prefix, original_suffix=anchor.suffix,
        original_start=anchor.start, original_revision=revision,
        **links,
    )


@dataclass
class PassagePost:
    post: PostResult
    anchor: PassageAnchor


def check_question(article: Article, question_id: int | None) -> PassageQuestion | None:
    if question_id is None:
        return None
    question = PassageQuestion.objects.filter(pk=question_id, anchor__article_id=article.pk, is_open=True).first()
    if question is None:
        raise PassageError("That question is not open.", 400, "bad_question")
    return question


def do_post_passage_comment(
    article: Article, reader: Reader, data: AnchorData, comment: NewComment, question_id: int | None = None
) -> PassagePost:
    """A top-level discussion comment about a passage: the comment (through the discussion's own action, so
    moderation, counts and live events behave as for any comment) plus its anchor row, in the caller's
    transaction. A replayed idempotency key returns the first comment and its anchor."""
    if comment.parent_id is not None or comment.quote:
        raise PassageError("A passage comment starts its own thread.", 400, "bad_parent")
    thread = thread_for_article(article)
    thread.article = article
    try:
        check_thread_open(thread)
    except DiscussionError as error:
        raise PassageError.from_discussion(error) from None
    anchor, revision = check_anchor(article, data)
    question = check_question(article, question_id)
    try:
        post = do_post_comment(check_post_comment(thread, reader, comment), reader)
    except DiscussionError as error:
        raise PassageError.from_discussion(error) from None
    if not post.created:
        existing = PassageAnchor.objects.filter(comment=post.comment).first()
        if existing is None:
            raise PassageError("This submission key was already used.", 409, "key_used")
        return PassagePost(post, existing)
    return PassagePost(post, _new_anchor(article, anchor, revision, comment=post.comment, question=question))


def clean_question(text: str) -> str:
    cleaned = " ".join(unicodedata.normalize("NFC", _CONTROL.sub(" ", text)).split())
    if not cleaned:
        raise PassageError("Please write the question.", 400, "empty")
    if len(cleaned) > MAX_QUESTION:
        raise PassageError(f"A question is at most {MAX_QUESTION} characters.", 413, "too_long")
    return cleaned


def do_ask_question(article: Article, reader: Reader, user: User | None, data: AnchorData,
                    text: str) -> PassageQuestion:
    """Staff mark a passage and ask readers about it."""
    if not reader.is_staff:
        raise PassageError("Only editors can ask readers about a passage.", 403, "forbidden")
    question_text = clean_question(text)
    anchor, revision = check_anchor(article, data)
    row = _new_anchor(article, anchor, revision)
    question = PassageQuestion.objects.create(anchor=row, text=question_text, created_by=user)
    bump_version(thread_for_article(article).pk)
    return question


def do_save_question(question: PassageQuestion) -> PassageQuestion:
    """An editor rewords, closes or reopens a question (the admin's save)."""
    question.text = clean_question(question.text)
    question.save(update_fields=["text", "is_open"])
    bump_version(thread_for_article(question.anchor.article).pk)
    return question


# --- imported passage comments --------------------------------------------------------------------------


def _find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` (whitespace-insensitive) first appears in ``text``, as offsets into ``text``."""
    words = quote.split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(word) for word in words), text)
    return (found.start(), found.end()) if found is not None else None


def _imported_question(article: Article, anchor: Anchor, revision: int, text: str) -> PassageQuestion:
    """The editor's question about this passage, made once however many comments answer it."""
    existing = PassageQuestion.objects.filter(
        anchor__article_id=article.pk, anchor__original_exact=anchor.exact, text=text
    ).first()
    if existing is not None:
        return existing
    return PassageQuestion.objects.create(anchor=_new_anchor(article, anchor, revision), text=text, is_open=False)


def do_import_passage_anchor(article: Article, comment: Comment, quote: str, question: str = "") -> PassageAnchor:
    """Anchor an imported top-level comment to the passage it was written about (``masthead import``).

    ``quote`` is the passage's plain text as the source kept it. Found in the article's current text (spaces
    and line breaks may differ), the anchor is exact; not found, the comment keeps an orphaned anchor holding
    the quote, so readers see what it was about, and a later edit may find it again. ``question``, the prompt
    the old site showed, becomes a closed editor's question the comment answers. The caller owns the transaction.
    """
    quote = " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", quote)).split())
    if not quote:
        raise PassageError("The passage is empty.", 400, "empty")
    revision = current_revision(article)
    text: str = article.body_text
    place = _find_quote(text, quote[: anchoring.MAX_QUOTE * 4])
    asked = clean_question(question[:MAX_QUESTION]) if question.strip() else ""
    if place is not None and place[1] - place[0] <= anchoring.MAX_QUOTE:
        anchor = anchoring.create_anchor(text, *place)
        links: dict[str, Any] = {"comment": comment}
        if asked:
            links["question"] = _imported_question(article, anchor, revision.number, asked)
        return _new_anchor(article, anchor, revision.number, **links)
    kept = quote[: anchoring.MAX_QUOTE]
    return PassageAnchor.objects.create(
        article_id=article.pk, comment=comment,
        exact=kept, start=0, end=len(kept), revision=revision.number, status=PassageAnchor.Status.ORPHANED,
        score=0.0, original_exact=kept, original_start=0, original_revision=revision.number,
    )
