"""WordPress: a WXR export (Tools → Export, WXR 1.0 to 1.2, WordPress 4.x to 6.x), with wpDiscuz's comment meta.

    masthead import wordpress export.xml --uploads wp-content/uploads [--dry-run]

What becomes what (docs/import.md has the why):

- ``wp:author`` → author (by login); ``wp:category`` and ``wp:tag`` → topics (a tag with a category's slug is
  the same topic); their old addresses (/category/a/b/, /tag/x/, their feeds, ?cat=, ?tag=) redirect.
- ``item`` of type post → article with its comments: published, scheduled ("future"); drafts, pending and
  private posts as drafts; password-protected posts as drafts. Excerpt → standfirst. Featured image
  (``_thumbnail_id`` → the attachment's file) and inline images from the local uploads copy only. Its old
  addresses (the item's link, ?p=ID, its comment feed) redirect.
- Pages, attachments, menus, block-theme records, revisions, auto-drafts and trashed posts are skipped, each
  with its reason.
- Comments: every one with its thread, author name, email, URL, date and approval state (1 → approved, 0 →
  pending, spam and trash → rejected; trash with no text left, as ``masthead export`` writes a deleted comment,
  → a tombstone that keeps its replies under it). Pingbacks and trackbacks are skipped (they are notices from
  other sites, not readers' words). wpDiscuz meta: ``wpdiscuz_votes_seperate`` (likes and dislikes) or else
  ``wpdiscuz_votes`` (the net score) become the comment's vote totals; ``wpdiscuz_feedback_form_id`` makes a
  passage comment, anchored to the ``[wpdiscuz-feedback]`` passage it belongs to (see ``_feedback_passages``).

The file is read twice, streaming both times: ``check()`` parses it whole (so a broken or hostile file stops
the import before anything is written) and keeps only small indexes: attachment id → file, and the number of
posts. ``records()`` then yields one item at a time, clearing each element once handled.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from itertools import islice
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from xml.etree.ElementTree import Element

from masthead.importing import phpserial
from masthead.importing.actions import normalise_old_path
from masthead.importing.markup import html_to_plain
from masthead.importing.records import (
    ArticleRecord,
    ArticleStatus,
    AuthorRecord,
    CommentRecord,
    CommentStatus,
    ImageRef,
    PassageQuote,
    Record,
    RedirectRecord,
    Skipped,
    TopicRecord,
)
from masthead.importing.sources.base import ImportInputError, ItemError, Source, check_field
from masthead.importing.xml_safety import grandchildren

_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
_ARTICLE_STATUS = {
    "publish": ArticleStatus.PUBLISHED,
    "future": ArticleStatus.SCHEDULED,
    "draft": ArticleStatus.DRAFT,
    "pending": ArticleStatus.DRAFT,
    "private": ArticleStatus.DRAFT,
}
_SKIPPED_STATUS = {
    "trash": "in the WordPress trash",
    "auto-draft": "an auto-draft (WordPress made it, nobody wrote it)",
    "inherit": "a revision or attachment, not a post",
}
_SKIPPED_TYPES = {
    "page": "Masthead has no standalone pages (only articles); copy what you need into an article or the "
            "site's templates",
    "attachment": "a media file: its image is used by the articles that show it",
    "revision": "an earlier version of a post",
    "nav_menu_item": "a menu entry, not content",
    "custom_css": "theme settings, not content",
    "customize_changeset": "theme settings, not content",
    "oembed_cache": "a cache, not content",
    "user_request": "a privacy request record, not content",
    "wp_block": "a reusable block, not an article",
    "wp_template": "theme template, not content",
    "wp_template_part": "theme template, not content",
    "wp_global_styles": "theme settings, not content",
    "wp_navigation": "a menu, not content",
    "wp_font_family": "theme settings, not content",
    "wp_font_face": "theme settings, not content",
}
_COMMENT_STATUS = {"1": CommentStatus.APPROVED, "0": CommentStatus.PENDING, "spam": CommentStatus.REJECTED,
                   "trash": CommentStatus.REJECTED, "post-trashed": CommentStatus.REJECTED}
_FEEDBACK = re.compile(
    r"\[wpdiscuz-feedback\b(?P<attrs>[^\]]*)\](?P<passage>.*?)\[/wpdiscuz-feedback\]", re.DOTALL
)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_NO_DATE = "0000-00-00 00:00:00"
_NOT_COPIED = Path("/nonexistent/no-uploads-copy")  # an upload with no local copy (no --uploads, or outside it)


_LOCAL: dict[str, str] = {}  # tag -> its local form: an export uses a few dozen tags a million times over


def _local(tag: str) -> str:
    """"{namespace}name" → "wp:name" (any WXR version), "content:encoded", or the bare name."""
    local = _LOCAL.get(tag)
    if local is None:
        local = _local_form(tag)
        if len(_LOCAL) < 10_000:  # a hostile export with endless distinct tags cannot grow it without bound
            _LOCAL[tag] = local
    return local


def _local_form(tag: str) -> str:
    if "}" not in tag:  # a name never holds one: no namespace
        return tag
    uri, name = tag.removeprefix("{").split("}", 1)  # ElementTree's "{uri}name", or expat's "uri}name"
    if uri.startswith(("http://wordpress.org/export/", "https://wordpress.org/export/")):
        return f"excerpt:{name}" if uri.rstrip("/").endswith("excerpt") else f"wp:{name}"
    return f"{_NAMESPACES.get(uri, uri)}:{name}"


def _text(element: Element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _raw(element: Element, name: str) -> str:
    """A field's text as written (content keeps its own spacing)."""
    for child in element:
        if _local(child.tag) == name:
            return child.text or ""
    return ""


def _children(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if _local(child.tag) == name)


class _Fields:
    """An element's children by local name, the first of each (as ``_text`` finds them), indexed once: a comment
    is asked for a dozen of its fields, and an export holds a million comments."""

    __slots__ = ("element", "first", "meta")

    def __init__(self, element: Element, meta: str) -> None:
        self.element = element
        first: dict[str, Element] = {}
        for child in element:
            first.setdefault(_local(child.tag), child)
        self.first = first
        self.meta = _meta(element, meta)

    def text(self, name: str) -> str:
        child = self.first.get(name)
        return "" if child is None else (child.text or "").strip()

    def raw(self, name: str) -> str:
        child = self.first.get(name)
        return "" if child is None else child.text or ""


def _meta(element: Element, name: str) -> dict[str, str]:
    return {_text(meta, "wp:meta_key"): _raw(meta, "wp:meta_value") for meta in _children(element, name)}


_PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")


def _wp_date(gmt: str, local: str, what: str, kind: str, source_id: str) -> datetime | None:
    """WordPress's GMT date, else its local date taken as UTC (the export does not say the site's zone)."""
    for value in (gmt, local):
        value = value.strip()
        if value and value != _NO_DATE:
            try:
                if _PLAIN_DATE.fullmatch(value):  # WordPress's own form: read as strptime reads it, faster
                    return datetime.fromisoformat(value).replace(tzinfo=UTC)
                return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            except ValueError:
                raise ItemError(kind, source_id, f"the {what} {value[:40]!r} is not a date") from None
    return None


def _rss_date(value: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(value) if value.strip() else None
    except (TypeError, ValueError):
        return None
    return parsed.astimezone(UTC) if parsed is not None and parsed.tzinfo else None


@dataclass
class _Attachment:
    url: str
    alt: str
    caption: str = ""


class WordPressSource(Source):
    name = "wordpress"
    help = "A WordPress WXR export (Tools > Export > All content), with wpDiscuz's comment meta."

    def __init__(self, path: Path, options: dict[str, object]) -> None:
        super().__init__(path, options)
        uploads = options.get("uploads")
        self.uploads = Path(str(uploads)).resolve() if uploads else None
        self.site = ""
        self.base_path = ""
        self.attachments: dict[str, _Attachment] = {}
        self.posts = 0
        self.checked = False
        # Where the file's media URLs keep the uploaded path: WordPress's uploads folder, a multisite's /files/,
        # and /media/ in a WXR written by ``masthead export`` (its generator says "Masthead").
        self.upload_markers: tuple[str, ...] = ("/wp-content/uploads/", "/files/")
        self._yielded: set[str] = set()  # topic and author ids yielded in this pass (posts may name undeclared ones)

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--uploads", metavar="DIR",
                            help="A local copy of the site's wp-content/uploads: featured and inline images are "
                                 "taken from it (nothing is fetched from the network).")

    @property
    def key(self) -> str:
        if not self.checked:
            self.check()
        return f"wordpress:{self.site or self.path.name}"

    # --- first pass --------------------------------------------------------------------------------------

    def check(self) -> None:
        if self.checked:
            return
        if self.uploads is not None and not self.uploads.is_dir():
            raise ImportInputError(f"--uploads {self.uploads}: not a folder.")
        channel_fields: dict[str, str] = {}
        elements = grandchildren(self.path)  # the root, then each child of <channel>, each dropped once handled
        saw_rss = any(_local(root.tag) == "rss" for root in islice(elements, 1))
        for element in elements:
            name = _local(element.tag)
            if name in ("wp:base_blog_url", "wp:base_site_url", "link", "generator"):
                channel_fields.setdefault(name, (element.text or "").strip())
            elif name == "item":
                self._index_item(element)
        if not saw_rss:
            raise ImportInputError(f"{self.path.name}: not a WordPress export (no <rss> root element).")
        site = channel_fields.get("wp:base_blog_url") or channel_fields.get("wp:base_site_url") or \
            channel_fields.get("link", "")
        self.site = site.rstrip("/")
        if channel_fields.get("generator") == "Masthead":
            self.upload_markers = ("/media/",)
        self.base_path = urlsplit(self.site).path.rstrip("/")
        self.checked = True

    def _index_item(self, item: Element) -> None:
        kind = _text(item, "wp:post_type") or "post"
        if kind == "attachment":
            post_id = _text(item, "wp:post_id")
            url = _text(item, "wp:attachment_url") or _text(item, "guid")
            alt = _meta(item, "wp:postmeta").get("_wp_attachment_image_alt", "")
            caption = html_to_plain(_raw(item, "excerpt:encoded")[:10_000])
            self.attachments[post_id] = _Attachment(url, alt[:300], caption[:300])
        elif kind == "post":
            self.posts += 1

    def total_hint(self) -> int | None:
        return self.posts

    # --- second pass -------------------------------------------------------------------------------------

    def records(self) -> Iterator[Record]:
        self.check()
        categories: dict[str, str] = {}  # nicename -> its path below /category/
        self._yielded = set()
        elements = grandchildren(self.path)
        next(elements, None)  # the root
        for element in elements:
            name = _local(element.tag)
            if name == "wp:author":
                yield from self._author(element)
            elif name == "wp:category":
                yield from self._category(element, categories)
            elif name == "wp:tag":
                yield from self._tag(element)
            elif name == "wp:term":
                yield Skipped("term", _text(element, "wp:term_id"), "a custom taxonomy term (not a category or tag)")
            elif name == "item":
                try:
                    yield from self._item(element, categories)
                except ItemError as error:
                    yield Skipped(error.kind, error.source_id, error.message, error=True)

    def _old(self, path: str) -> str:
        return f"{self.base_path}{path}"

    def _author(self, element: Element) -> Iterator[Record]:
        login = _text(element, "wp:author_login")
        if not login:
            yield Skipped("author", _text(element, "wp:author_id"), "no login name", error=True)
            return
        name = _text(element, "wp:author_display_name") or login
        self._yielded.add(f"author:{login}")
        yield AuthorRecord(source_id=login, name=html_to_plain(name) or login, slug=login,
                           email=_text(element, "wp:author_email"))
        yield RedirectRecord(self._old(f"/author/{login}/"), "author", login)
        author_id = _text(element, "wp:author_id")
        if author_id:
            yield RedirectRecord(f"{self._old('/')}?author={author_id}", "author", login)

    def _category(self, element: Element, categories: dict[str, str]) -> Iterator[Record]:
        slug = unquote(_text(element, "wp:category_nicename"))
        if slug:
            yield from self._category_named(
                slug, unquote(_text(element, "wp:category_parent")), _text(element, "wp:cat_name"),
                _text(element, "wp:category_description"), _text(element, "wp:term_id"), categories,
            )

    def _category_named(self, slug: str, parent: str, name: str, description: str, term_id: str,
                        categories: dict[str, str]) -> Iterator[Record]:
        categories[slug] = f"{categories[parent]}/{slug}" if parent in categories else slug
        source_id = f"category:{slug}"
        self._yielded.add(source_id)
        yield TopicRecord(source_id, html_to_plain(name) or slug, slug, html_to_plain(description))
        yield RedirectRecord(self._old(f"/category/{categories[slug]}/"), "topic", source_id)
        yield RedirectRecord(self._old(f"/category/{categories[slug]}/feed/"), "topic-feed", source_id)
        if term_id:
            yield RedirectRecord(f"{self._old('/')}?cat={term_id}", "topic", source_id)

    def _tag(self, element: Element) -> Iterator[Record]:
        slug = unquote(_text(element, "wp:tag_slug"))
        if slug:
            yield from self._tag_named(slug, _text(element, "wp:tag_name"), _text(element, "wp:tag_description"))

    def _tag_named(self, slug: str, name: str, description: str) -> Iterator[Record]:
        source_id = f"tag:{slug}"
        self._yielded.add(source_id)
        yield TopicRecord(source_id, html_to_plain(name) or slug, slug, html_to_plain(description))
        yield RedirectRecord(self._old(f"/tag/{slug}/"), "topic", source_id)
        yield RedirectRecord(self._old(f"/tag/{slug}/feed/"), "topic-feed", source_id)
        yield RedirectRecord(f"{self._old('/')}?tag={slug}", "topic", source_id)

    def _undeclared(self, item: Element, categories: dict[str, str]) -> Iterator[Record]:
        """Authors, categories and tags a post names that the export's header did not declare (exports of one
        category or author, and old WordPress versions, leave them out)."""
        creator = _text(item, "dc:creator")
        if creator and f"author:{creator}" not in self._yielded:
            self._yielded.add(f"author:{creator}")
            yield AuthorRecord(source_id=creator, name=html_to_plain(creator) or creator, slug=creator)
        for category in _children(item, "category"):
            domain, slug = category.get("domain", ""), unquote(category.get("nicename", ""))
            name = html_to_plain(category.text or "") or slug
            if domain == "category" and slug and f"category:{slug}" not in self._yielded:
                yield from self._category_named(slug, "", name, "", "", categories)
            elif domain == "post_tag" and slug and f"tag:{slug}" not in self._yielded:
                yield from self._tag_named(slug, name, "")

    def _item(self, item: Element, categories: dict[str, str]) -> Iterator[Record]:
        link = _text(item, "link")
        post_id = _text(item, "wp:post_id") or "".join(parse_qs(urlsplit(link).query).get("p", [])[:1])
        source_id = post_id or f"link:{link}"
        kind = _text(item, "wp:post_type") or "post"
        status = _text(item, "wp:status") or "publish"
        if kind != "post":
            reason = _SKIPPED_TYPES.get(kind, f"a WordPress {kind!r} record, not a post")
            yield Skipped(kind, source_id, reason)
            return
        if status not in _ARTICLE_STATUS:
            yield Skipped("article", source_id, _SKIPPED_STATUS.get(status, f"status {status!r}"))
            return
        yield from self._undeclared(item, categories)
        record, skipped = self._article(item, source_id, post_id, link, status)
        yield from skipped
        yield record
        if link and not urlsplit(link).query:
            yield RedirectRecord(link.rstrip("/") + "/feed/", "article-feed", source_id)

    def _article(self, item: Element, source_id: str, post_id: str, link: str,
                 status: str) -> tuple[ArticleRecord, list[Skipped]]:
        content = check_field("article", source_id, "content", _raw(item, "content:encoded"))
        title = check_field("article", source_id, "title", _text(item, "title"), 10_000)
        published = _wp_date(_text(item, "wp:post_date_gmt"), _text(item, "wp:post_date"), "date", "article",
                             source_id) or _rss_date(_text(item, "pubDate"))
        article_status = _ARTICLE_STATUS[status]
        if _text(item, "wp:post_password"):
            article_status = ArticleStatus.DRAFT  # readers had to know a password: not published here unasked
        topics = []
        for category in _children(item, "category"):
            domain, nicename = category.get("domain", ""), unquote(category.get("nicename", ""))
            if domain == "category" and nicename:
                topics.append(f"category:{nicename}")
            elif domain == "post_tag" and nicename:
                topics.append(f"tag:{nicename}")
        creator = _text(item, "dc:creator")
        meta = _meta(item, "wp:postmeta")
        old_paths = [link] if link else []
        if post_id:
            old_paths.append(f"{self._old('/')}?p={post_id}")
        old_paths = list({normalise_old_path(path): path for path in old_paths})
        record = ArticleRecord(
            source_id=source_id,
            headline=html_to_plain(title) or f"Untitled ({source_id})",
            published_at=published,
            status=article_status,
            slug=unquote(_text(item, "wp:post_name")),
            body_html=_autop(content),
            # A Masthead export carries the Markdown the body was written in, and every author: used as they are.
            body_markdown=_masthead_markdown(meta, "article", source_id),
            standfirst=html_to_plain(check_field("article", source_id, "excerpt", _raw(item, "excerpt:encoded"))),
            author_ids=meta["_masthead_authors"].split(",") if meta.get("_masthead_authors") else
            [creator] if creator else [],
            topic_ids=topics,
            discussion_open=_text(item, "wp:comment_status") != "closed",
            old_paths=old_paths,
            featured_image=self._featured(meta.get("_thumbnail_id", "").strip()),
            inline_images=self._inline_images(content),
        )
        passages = _feedback_passages(content)
        comments = [_Fields(c, "wp:commentmeta") for c in _children(item, "wp:comment")]
        form_ids = sorted({c.meta.get("wpdiscuz_feedback_form_id", "").strip() for c in comments}
                          - {""}, key=lambda v: (len(v), v))
        by_form = dict(zip(form_ids, passages, strict=False)) if len(form_ids) == len(passages) else {}
        skipped = []
        for comment in comments:
            kind = comment.text("wp:comment_type")
            if kind in ("pingback", "trackback"):
                skipped.append(Skipped("comment", comment.text("wp:comment_id"),
                                       f"a {kind}: a notice from another site, not a reader's comment"))
                continue
            record.comments.append(self._comment(comment, source_id, by_form))
        return record, skipped

    def _comment(self, element: _Fields, article_id: str, by_form: dict[str, PassageQuote]) -> CommentRecord:
        comment_id = element.text("wp:comment_id")
        if not comment_id:
            raise ItemError("article", article_id, "a comment without an id")
        content = check_field("comment", comment_id, "text", element.raw("wp:comment_content"))
        created = _wp_date(element.text("wp:comment_date_gmt"), element.text("wp:comment_date"), "date",
                           "comment", comment_id)
        if created is None:
            raise ItemError("comment", comment_id, "no date")
        meta = element.meta
        upvotes, downvotes = _votes(meta)
        parent = element.text("wp:comment_parent")
        form_id = meta.get("wpdiscuz_feedback_form_id", "").strip()
        passage = None
        if form_id and (not parent or parent == "0"):
            passage = by_form.get(form_id, PassageQuote(""))
        approved = element.text("wp:comment_approved")
        status = _COMMENT_STATUS.get(approved, CommentStatus.PENDING)
        markdown = _masthead_markdown(meta, "comment", comment_id)
        if approved == "trash" and not content.strip() and not (markdown or "").strip():
            status = CommentStatus.DELETED  # a tombstone (how ``masthead export`` writes one): kept as one
        return CommentRecord(
            source_id=comment_id,
            parent_source_id=parent if parent and parent != "0" else None,
            author_name=html_to_plain(element.text("wp:comment_author")[:2000]),
            author_email="".join(element.text("wp:comment_author_email").split())[:1000],
            author_url=element.text("wp:comment_author_url")[:1000],
            created_at=created,
            body_html=_autop(content),
            body_markdown=markdown,
            status=status,
            upvotes=upvotes,
            downvotes=downvotes,
            passage=passage,
        )

    # --- images ------------------------------------------------------------------------------------------

    def _upload_path(self, url: str) -> Path | None:
        """The file in the uploads copy that an uploads URL names, or None (outside the copy: never followed)."""
        if self.uploads is None:
            return None
        path = unquote(urlsplit(url.strip()).path)
        host = urlsplit(url.strip()).hostname or ""
        for marker in self.upload_markers:
            if marker in path:
                relative = path.split(marker, 1)[1]
                break
        else:
            if not host.endswith(".files.wordpress.com"):
                return None
            relative = path.lstrip("/")
        candidate = (self.uploads / relative).resolve()
        if not candidate.is_relative_to(self.uploads):
            return None
        return candidate

    def _featured(self, attachment_id: str) -> ImageRef | None:
        attachment = self.attachments.get(attachment_id)
        if attachment is None:
            return None
        path = self._upload_path(attachment.url)
        return ImageRef(path or _NOT_COPIED, alt=attachment.alt, caption=attachment.caption)

    def _inline_images(self, content: str) -> dict[str, Path]:
        images: dict[str, Path] = {}
        for src in _IMG_SRC.findall(content):
            path = self._upload_path(src)
            if path is not None:
                images[src] = path
            elif "/wp-content/uploads/" in src or ".files.wordpress.com" in src:
                images[src] = _NOT_COPIED  # the loader reports it missing from the uploads copy
        return images


def _masthead_markdown(meta: dict[str, str], kind: str, source_id: str) -> str | None:
    """The ``_masthead_markdown`` meta of a WXR written by ``masthead export`` (None when absent)."""
    value = meta.get("_masthead_markdown")
    return None if value is None else check_field(kind, source_id, "Markdown", value)


def _votes(meta: dict[str, str]) -> tuple[int, int]:
    """(likes, dislikes) from wpDiscuz's meta: the separate counts when stored, else the net score."""
    separate = meta.get("wpdiscuz_votes_seperate", "").strip()
    if separate:
        try:
            value = phpserial.loads(separate)
        except phpserial.PhpSerialError:
            value = None
        if isinstance(value, dict):
            likes, dislikes = value.get("like", 0), value.get("dislike", 0)
            if isinstance(likes, int) and isinstance(dislikes, int):
                return max(0, likes), abs(dislikes)
    net = meta.get("wpdiscuz_votes", "").strip()
    if net.lstrip("-").isdigit() and len(net) < 12:
        score = int(net)
        return (score, 0) if score > 0 else (0, -score)
    return 0, 0


def _feedback_passages(content: str) -> list[PassageQuote]:
    """The ``[wpdiscuz-feedback]`` passages of a post, in the order they appear.

    A comment names its passage by ``wc_feedback_forms.id``, a table WXR does not carry. wpDiscuz inserts those
    rows in the order it finds the shortcodes when the post is saved, so when the comments of a post name exactly
    as many forms as the post has passages, the lowest id is the first passage, and so on. Otherwise the match
    is not certain: the comments are kept as comments without a passage and counted as orphaned.
    """
    passages = []
    for match in _FEEDBACK.finditer(content):
        attrs = {m.group(1): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR.finditer(match["attrs"])}
        passages.append(PassageQuote(html_to_plain(match["passage"]), html_to_plain(attrs.get("question", ""))))
    return passages


def _autop(text: str) -> str:
    """WordPress's paragraphs: text without block tags keeps its blank lines as paragraph breaks, which the HTML
    converter already honours; this only normalises Windows line ends."""
    return text.replace("\r\n", "\n")

