"""Ghost: its JSON export (Settings → Labs → Export content), Ghost 1.x to 4.x (export versions 1 to 4).

    masthead import ghost ghost-export.json [--uploads content/images] [--dry-run]

What becomes what (docs/import.md has the why):

- ``users`` → authors (name, slug, bio; emails are not kept: authors have no email field). ``/author/<slug>/``
  redirects to the author page.
- ``tags`` → topics (name, slug, description); internal tags (``#name``, visibility "internal") are Ghost's own
  labels for theming, not topics, and are skipped. ``/tag/<slug>/`` redirects to the topic page.
- ``posts`` of type post → articles: ``title``, ``slug``, ``custom_excerpt`` as standfirst, ``html`` as the body
  (converted to Markdown, the form publishing stores and renders bodies in, by the import's HTML converter;
  Ghost's ``__GHOST_URL__`` placeholder becomes a site-relative link), authors in ``posts_authors`` order (or the
  post's ``author_id`` in 1.x exports), tags in ``posts_tags`` order. ``status`` published/scheduled/draft as
  such. A post for members or paid members only becomes a draft (Masthead has no paywall: publishing it would
  give away what readers paid for), reported in the summary. ``/<slug>/``, Ghost's post address, redirects to
  the new article.
- ``feature_image`` and inline images under ``/content/images/`` are taken from a local copy of Ghost's
  ``content/images`` given with ``--uploads``; images on other hosts are never fetched.
- Pages (type page, or ``page`` true in older exports) are skipped: Masthead has no standalone pages.
- Ghost's default export holds no comments (they are only in full backups), so none are imported.

The export is one JSON document, read incrementally (``ijson``): ``check()`` makes one pass over the parser's
events and keeps only the version, the installation's id and the number of posts; ``records()`` then reads one
table at a time (users, tags, the post-author and post-tag links as small indexes of ids, then posts), each
row parsed, yielded and dropped. Memory does not grow with the size of the export.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import ijson

from masthead.importing.records import (
    ArticleRecord,
    ArticleStatus,
    AuthorRecord,
    ImageRef,
    Record,
    RedirectRecord,
    Skipped,
    TopicRecord,
)
from masthead.importing.sources.base import ImportInputError, ItemError, Source, check_field

Row = dict[str, object]
STATUS = {"published": ArticleStatus.PUBLISHED, "scheduled": ArticleStatus.SCHEDULED, "draft": ArticleStatus.DRAFT}
GHOST_URL = "__GHOST_URL__"
IMAGES = "/content/images/"
_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_NOT_COPIED = Path("/nonexistent/no-uploads-copy")


def parse_time(value: object, source_id: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise ItemError("article", source_id, f"the date {str(value)[:40]!r} is not a date") from None
    if moment.tzinfo is None:
        raise ItemError("article", source_id, f"the date {str(value)[:40]!r} has no time zone")
    return moment


def is_page(post: Row) -> bool:
    return post.get("type") == "page" or post.get("page") in (True, 1, "1")


class GhostSource(Source):
    name = "ghost"
    help = "A Ghost JSON export (Ghost 1.x to 4.x): posts, authors and tags."

    def __init__(self, path: Path, options: dict[str, object]) -> None:
        super().__init__(path, options)
        uploads = options.get("uploads")
        self.uploads = Path(str(uploads)).resolve() if uploads else None
        self.checked = False
        self.root = ""  # where meta and data are: "" ({"meta", "data"}) or "db.item" ({"db": [{...}]})
        self.version = ""
        self.identity = ""
        self.posts = 0

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--uploads", metavar="DIR",
                            help="A local copy of Ghost's content/images: featured and inline images are taken "
                                 "from it (nothing is fetched from the network).")

    @property
    def key(self) -> str:
        if not self.checked:
            self.check()
        return f"ghost:{self.identity}"

    def check(self) -> None:
        """One pass over the whole file as parser events (nothing of it kept but a few facts): it is JSON, it is
        a Ghost export of a supported version, its installation's id and how many posts it holds."""
        if self.checked:
            return
        if self.uploads is not None and not self.uploads.is_dir():
            raise ImportInputError(f"--uploads {self.uploads}: not a folder.")
        scan = _Scan()
        with self.path.open("rb") as handle:
            try:
                for prefix, event, value in ijson.parse(handle, use_float=True):
                    scan.event(prefix, event, value)
            except ijson.JSONError as error:
                raise ImportInputError(_json_error(self.path.name, error, handle.tell())) from None
        # {"db": [{"meta": ..., "data": ...}]} from the admin; {"meta": ..., "data": ...} from older tools.
        self.root = "db.item" if scan.db_items else ""
        if scan.db_items > 1:
            raise ImportInputError(f"{self.path.name}: {scan.db_items} databases in one export; Ghost writes one.")
        if not scan.shaped.get(self.root, False):
            raise ImportInputError(f"{self.path.name}: not a Ghost export (no meta and data).")
        self.version = scan.version.get(self.root, "")
        if not self.version[:1].isdigit() or int(self.version.split(".")[0]) > 4:
            raise ImportInputError(f"{self.path.name}: Ghost export version {self.version or '?'}; versions 1 to 4 "
                                   "are supported (5.x stores posts as Lexical and was not available to test).")
        # db_hash is the installation's own id: the same site exported twice maps to the same objects.
        self.identity = scan.db_hash.get(self.root) or self.path.name
        self.posts = scan.posts.get(self.root, 0)
        self.checked = True

    def rows(self, table: str) -> Iterator[Row]:
        """The rows of one table, one at a time, read incrementally (a pass over the file per table)."""
        prefix = f"{self.root}.data.{table}.item" if self.root else f"data.{table}.item"
        with self.path.open("rb") as handle:
            for row in ijson.items(handle, prefix, use_float=True):
                if isinstance(row, dict):
                    yield row

    def total_hint(self) -> int | None:
        return self.posts

    def records(self) -> Iterator[Record]:
        self.check()
        for user in self.rows("users"):
            source_id, slug = str(user.get("id", "")), str(user.get("slug") or "")
            yield AuthorRecord(source_id=source_id, name=str(user.get("name") or slug), slug=slug,
                               bio=str(user.get("bio") or ""))
            if slug:
                yield RedirectRecord(f"/author/{slug}/", "author", source_id)
        internal: set[str] = set()
        for tag in self.rows("tags"):
            source_id, slug, name = str(tag.get("id", "")), str(tag.get("slug") or ""), str(tag.get("name") or "")
            if tag.get("visibility") == "internal" or name.startswith("#"):
                internal.add(source_id)
                yield Skipped("topic", source_id, "an internal tag (Ghost's label for themes, not a topic)")
                continue
            yield TopicRecord(source_id=source_id, name=name or slug, slug=slug,
                              description=str(tag.get("description") or ""))
            if slug:
                yield RedirectRecord(f"/tag/{slug}/", "topic", source_id)
        authors = self._links(self.rows("posts_authors"), "author_id")
        tags = self._links(self.rows("posts_tags"), "tag_id")
        for post in self.rows("posts"):
            source_id = str(post.get("id", ""))
            if is_page(post):
                yield Skipped("page", source_id, "Masthead has no standalone pages (only articles); copy what you "
                                                 "need into an article or the site's templates")
                continue
            try:
                yield from self._post(post, source_id, authors.get(source_id), tags.get(source_id, []), internal)
            except ItemError as error:
                yield Skipped(error.kind, error.source_id, error.message, error=True)

    @staticmethod
    def _links(table: Iterable[Row], column: str) -> dict[str, list[str]]:
        """post id → linked ids in ``sort_order`` (a small index: two short ids per link, not the rows)."""
        ordered: dict[str, list[tuple[int, str]]] = {}
        for row in table:
            order = str(row.get("sort_order") or 0)
            ordered.setdefault(str(row.get("post_id")), []).append(
                (int(float(order)) if order.lstrip("-").replace(".", "", 1).isdigit() else 0, str(row.get(column))))
        return {post: [linked for _, linked in sorted(links, key=lambda link: link[0])]
                for post, links in ordered.items()}

    def _post(self, post: Row, source_id: str, authors: list[str] | None, tags: list[str],
              internal: set[str]) -> Iterator[Record]:
        status = str(post.get("status") or "")
        if status not in STATUS:
            yield Skipped("article", source_id, f"status {status!r} at Ghost")
            return
        article_status = STATUS[status]
        visibility = str(post.get("visibility") or "public")
        if visibility != "public" and article_status != ArticleStatus.DRAFT:
            article_status = ArticleStatus.DRAFT
            yield Skipped("publication", source_id, f"for {visibility} readers only at Ghost: imported as a draft "
                                                    "(Masthead has no paywall)")
        html = check_field("article", source_id, "html", str(post.get("html") or "")).replace(GHOST_URL, "")
        plain = str(post.get("plaintext") or "")
        slug = str(post.get("slug") or "")
        title = check_field("article", source_id, "title", str(post.get("title") or ""), 10_000)
        feature = str(post.get("feature_image") or "")
        if feature and self._upload(feature) is None:
            yield Skipped("image", source_id, "featured image on another site (never fetched)")
        yield ArticleRecord(
            source_id=source_id,
            headline=title or f"Untitled ({source_id})",
            published_at=parse_time(post.get("published_at"), source_id),
            status=article_status,
            slug=slug,
            body_html=html or "".join(f"<p>{escape(line)}</p>" for line in plain.split("\n\n") if line.strip()),
            standfirst=str(post.get("custom_excerpt") or ""),
            author_ids=authors if authors is not None else [str(post.get("author_id") or "")],
            topic_ids=[tag for tag in tags if tag not in internal],
            featured_image=self._image(feature),
            old_paths=[f"/{slug}/"] if slug else [],
            inline_images={src: path for src in _IMG_SRC.findall(html) if (path := self._upload(src)) is not None},
        )

    def _upload(self, url: str) -> Path | None:
        """The file in the ``content/images`` copy an image URL names, or None (another host, or outside)."""
        path = unquote(urlsplit(url.replace(GHOST_URL, "")).path)
        if IMAGES not in path:
            return None
        if self.uploads is None:
            return _NOT_COPIED
        candidate = (self.uploads / path.split(IMAGES, 1)[1]).resolve()
        return candidate if candidate.is_relative_to(self.uploads) else _NOT_COPIED

    def _image(self, url: str) -> ImageRef | None:
        path = self._upload(url) if url else None
        return ImageRef(path) if path is not None else None


class _Scan:
    """What ``check()`` learns from the parser's events, for both places an export may keep its tables."""

    def __init__(self) -> None:
        self.db_items = 0
        self.shaped: dict[str, bool] = {}  # root -> meta and data are both objects
        self.version: dict[str, str] = {}
        self.db_hash: dict[str, str] = {}
        self.posts: dict[str, int] = {}
        self._objects: dict[str, set[str]] = {}  # root -> which of meta and data were objects
        self._setting: dict[str, object] = {}
        self._page = False

    def event(self, prefix: str, event: str, value: object) -> None:
        if prefix == "db.item" and event == "start_map":
            self.db_items += 1
        for root in ("", "db.item"):
            head = f"{root}." if root else ""
            if not prefix.startswith(head):
                continue
            rest = prefix[len(head):]
            if rest in ("meta", "data") and event == "start_map":
                seen = self._objects.setdefault(root, set())
                seen.add(rest)
                self.shaped[root] = seen == {"meta", "data"}
            elif rest == "meta.version" and event in ("string", "number"):
                self.version[root] = str(value)
            elif rest.startswith("data.settings.item"):
                self._settings(root, rest, event, value)
            elif rest.startswith("data.posts.item"):
                self._posts(root, rest, event, value)

    def _settings(self, root: str, rest: str, event: str, value: object) -> None:
        if rest == "data.settings.item" and event == "start_map":
            self._setting = {}
        elif rest in ("data.settings.item.key", "data.settings.item.value") and event in ("string", "number"):
            self._setting[rest.rsplit(".", 1)[1]] = value
        elif rest == "data.settings.item" and event == "end_map" and self._setting.get("key") == "db_hash":
            self.db_hash[root] = str(self._setting.get("value") or "")

    def _posts(self, root: str, rest: str, event: str, value: object) -> None:
        if rest == "data.posts.item" and event == "start_map":
            self._page = False
        elif (rest == "data.posts.item.type" and value == "page") or (
                rest == "data.posts.item.page" and value in (True, 1, "1")):
            self._page = True
        elif rest == "data.posts.item" and event == "end_map" and not self._page:
            self.posts[root] = self.posts.get(root, 0) + 1


def _json_error(name: str, error: Exception, position: int) -> str:
    """yajl's message names the fault on its first line (the lines after it quote the file: not repeated)."""
    first = str(error.args[0] if error.args else error)
    if isinstance(error.args[0] if error.args else None, bytes):
        first = error.args[0].decode("utf-8", "replace")
    reason = first.strip().splitlines()[0] if first.strip() else "incomplete"
    if "UTF8" in reason or "UTF-8" in reason:
        return f"{name}: not UTF-8 (invalid bytes before byte {position:,})."
    return f"{name}: not JSON ({reason}, before byte {position:,})."
