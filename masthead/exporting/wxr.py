"""A WordPress eXtended RSS (WXR 1.2) file of the site's articles and comments, for WordPress's own importer.

The file has WordPress's shape: one ``channel`` with the site, a ``wp:author`` per author, a ``wp:category`` per
topic, then one ``item`` per article (``wp:post_type`` post) holding its comments as ``wp:comment`` elements, each
naming its parent with ``wp:comment_parent``, and one attachment ``item`` per featured image. It is written as it
is read (articles a chunk at a time, then each article's comments), so memory does not grow with the site. What
maps to what, and what WordPress cannot hold, is in docs/export.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import TextIO

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from masthead.discussion.models import Comment
from masthead.exporting import kinds
from masthead.exporting.xmlwriter import XmlWriter
from masthead.publishing.models import Article, Author, Topic

NAMESPACES = {
    "xmlns:excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
    "xmlns:wfw": "http://wellformedweb.org/CommentAPI/",
    "xmlns:dc": "http://purl.org/dc/elements/1.1/",
    "xmlns:wp": "http://wordpress.org/export/1.2/",
}

# Masthead's comment status as WordPress's comment_approved. WordPress has no "rejected by a moderator" that is
# not spam; "spam" keeps such a comment hidden and on record, as Masthead does.
APPROVAL = {
    Comment.Status.VISIBLE: "1",
    Comment.Status.PENDING: "0",
    Comment.Status.REJECTED: "spam",
    Comment.Status.DELETED: "trash",
}

NO_DATE = "0000-00-00 00:00:00"  # what WordPress writes for a draft's unset GMT date


@dataclass
class WxrSummary:
    authors: int = 0
    categories: int = 0
    posts: int = 0
    attachments: int = 0
    comments: int = 0
    replaced_characters: int = 0


def wp_date(value: datetime | None, *, local: bool) -> str:
    """WordPress's MySQL-style date: in the publication's time zone (``post_date``) or GMT (``post_date_gmt``)."""
    if value is None:
        return NO_DATE
    moment = timezone.localtime(value) if local else value.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def rss_date(value: datetime) -> str:
    return format_datetime(value.astimezone(UTC))


def php_votes(likes: int, dislikes: int) -> str:
    """wpDiscuz's ``wpdiscuz_votes_seperate`` value: the PHP-serialized array WordPress stores for it."""
    return f'a:2:{{s:4:"like";i:{likes};s:7:"dislike";i:{dislikes};}}'


def post_status(article: Article, now: datetime) -> str:
    if article.status == Article.Status.DRAFT or article.published_at is None:
        return "draft"
    # A scheduled article whose time has come is live on Masthead: it is published in WordPress too.
    return "future" if article.published_at > now else "publish"


class WxrExport:
    def __init__(self, out: TextIO, *, private: bool, chunk: int, now: datetime) -> None:
        self.xml = XmlWriter(out)
        self.private = private
        self.chunk = chunk
        self.now = now
        self.site = settings.SITE_URL
        self.summary = WxrSummary()
        # Attachments need post ids that no article has: the article's id shifted past the largest one.
        self.attachment_offset = int(Article.objects.aggregate(top=Max("pk"))["top"] or 0)

    def write(self) -> WxrSummary:
        xml = self.xml
        xml.declaration()
        xml.start("rss", {"version": "2.0", **NAMESPACES})
        xml.start("channel")
        xml.leaf("title", settings.PUBLICATION_NAME)
        xml.leaf("link", self.site)
        xml.leaf("description", settings.PUBLICATION_TAGLINE)
        xml.leaf("pubDate", rss_date(self.now))
        xml.leaf("language", settings.PUBLICATION_LANGUAGE)
        xml.leaf("wp:wxr_version", "1.2")
        xml.leaf("wp:base_site_url", self.site)
        xml.leaf("wp:base_blog_url", self.site)
        self._authors()
        self._categories()
        xml.leaf("generator", "Masthead")
        for article in kinds.article_rows(self.chunk):
            self._post(article)
            if article.featured_image:
                self._attachment(article)
        xml.end("channel")
        xml.end("rss")
        xml.close()
        self.summary.replaced_characters = xml.replaced
        return self.summary

    def _authors(self) -> None:
        for author in Author.objects.select_related("user").order_by("pk").iterator(chunk_size=self.chunk):
            self.xml.start("wp:author")
            self.xml.leaf("wp:author_id", author.pk)
            self.xml.leaf("wp:author_login", author.slug, cdata=True)
            email = author.user.email if self.private and author.user is not None else ""
            self.xml.leaf("wp:author_email", email, cdata=True)
            self.xml.leaf("wp:author_display_name", author.name, cdata=True)
            self.xml.leaf("wp:author_first_name", "", cdata=True)
            self.xml.leaf("wp:author_last_name", "", cdata=True)
            self.xml.end("wp:author")
            self.summary.authors += 1

    def _categories(self) -> None:
        for topic in Topic.objects.order_by("pk").iterator(chunk_size=self.chunk):
            self.xml.start("wp:category")
            self.xml.leaf("wp:term_id", topic.pk)
            self.xml.leaf("wp:category_nicename", topic.slug, cdata=True)
            self.xml.leaf("wp:category_parent", "", cdata=True)
            self.xml.leaf("wp:cat_name", topic.name, cdata=True)
            self.xml.leaf("wp:category_description", topic.description, cdata=True)
            self.xml.end("wp:category")
            self.summary.categories += 1

    def _meta(self, element: str, key: str, value: str) -> None:
        self.xml.start(element)
        self.xml.leaf("wp:meta_key", key, cdata=True)
        self.xml.leaf("wp:meta_value", value, cdata=True)
        self.xml.end(element)

    def _post(self, article: Article) -> None:
        xml = self.xml
        authors = list(article.authors.all())
        shown = article.published_at or article.created_at
        link = self.site + article.get_absolute_url()
        xml.start("item")
        xml.leaf("title", article.headline)
        xml.leaf("link", link)
        xml.leaf("pubDate", rss_date(shown))
        xml.leaf("dc:creator", authors[0].slug if authors else "", cdata=True)
        xml.leaf("guid", f"{self.site}/?p={article.pk}", attributes={"isPermaLink": "false"})
        xml.leaf("description", "")
        xml.leaf("content:encoded", article.body_html, cdata=True)
        xml.leaf("excerpt:encoded", article.standfirst, cdata=True)
        xml.leaf("wp:post_id", article.pk)
        xml.leaf("wp:post_date", wp_date(shown, local=True), cdata=True)
        xml.leaf("wp:post_date_gmt", wp_date(article.published_at, local=False), cdata=True)
        xml.leaf("wp:post_modified", wp_date(article.updated_at, local=True), cdata=True)
        xml.leaf("wp:post_modified_gmt", wp_date(article.updated_at, local=False), cdata=True)
        xml.leaf("wp:comment_status", "open" if article.discussion_open else "closed", cdata=True)
        xml.leaf("wp:ping_status", "closed", cdata=True)
        xml.leaf("wp:post_name", article.slug, cdata=True)
        xml.leaf("wp:status", post_status(article, self.now), cdata=True)
        xml.leaf("wp:post_parent", 0)
        xml.leaf("wp:menu_order", 0)
        xml.leaf("wp:post_type", "post", cdata=True)
        xml.leaf("wp:post_password", "", cdata=True)
        xml.leaf("wp:is_sticky", 0)
        for topic in article.topics.all():
            xml.leaf("category", topic.name, cdata=True, attributes={"domain": "category", "nicename": topic.slug})
        # The Markdown the body was written in, so a Masthead import restores it exactly (WordPress keeps it as
        # hidden post meta); co-authors, which WordPress's single author cannot hold.
        self._meta("wp:postmeta", "_masthead_markdown", article.body)
        if len(authors) > 1:
            self._meta("wp:postmeta", "_masthead_authors", ",".join(author.slug for author in authors))
        if article.featured_image:
            self._meta("wp:postmeta", "_thumbnail_id", str(self.attachment_offset + article.pk))
        self._comments(article)
        xml.end("item")
        self.summary.posts += 1

    def _comments(self, article: Article) -> None:
        rows = Comment.objects.filter(thread__article_id=article.pk).order_by("pk")
        for comment in rows.iterator(chunk_size=self.chunk):
            self._comment(comment)

    def _comment(self, comment: Comment) -> None:
        xml = self.xml
        xml.start("wp:comment")
        xml.leaf("wp:comment_id", comment.pk)
        xml.leaf("wp:comment_author", comment.author_name, cdata=True)
        xml.leaf("wp:comment_author_email", comment.author_email if self.private else "", cdata=True)
        xml.leaf("wp:comment_author_url", comment.author_website)
        xml.leaf("wp:comment_author_IP", "", cdata=True)
        xml.leaf("wp:comment_date", wp_date(comment.created_at, local=True), cdata=True)
        xml.leaf("wp:comment_date_gmt", wp_date(comment.created_at, local=False), cdata=True)
        xml.leaf("wp:comment_content", comment.body_html, cdata=True)
        xml.leaf("wp:comment_approved", APPROVAL[Comment.Status(comment.status)], cdata=True)
        xml.leaf("wp:comment_type", "comment", cdata=True)
        # The comment really answered: a reply placed higher up by the depth cap keeps its true parent here.
        xml.leaf("wp:comment_parent", comment.in_reply_to_id or comment.parent_id or 0)
        xml.leaf("wp:comment_user_id", 0)
        self._meta("wp:commentmeta", "wpdiscuz_votes", str(comment.upvotes - comment.downvotes))
        self._meta("wp:commentmeta", "wpdiscuz_votes_seperate", php_votes(comment.upvotes, comment.downvotes))
        self._meta("wp:commentmeta", "_masthead_markdown", comment.body)
        xml.end("wp:comment")
        self.summary.comments += 1

    def _attachment(self, article: Article) -> None:
        xml = self.xml
        name = article.featured_image.name or ""
        url = self.site + settings.MEDIA_URL + name
        shown = article.published_at or article.created_at
        xml.start("item")
        xml.leaf("title", article.image_caption or name.rsplit("/", 1)[-1])
        xml.leaf("link", url)
        xml.leaf("pubDate", rss_date(shown))
        xml.leaf("dc:creator", "", cdata=True)
        xml.leaf("guid", url, attributes={"isPermaLink": "false"})
        xml.leaf("description", "")
        xml.leaf("content:encoded", "", cdata=True)
        xml.leaf("excerpt:encoded", article.image_caption, cdata=True)
        xml.leaf("wp:post_id", self.attachment_offset + article.pk)
        xml.leaf("wp:post_date", wp_date(shown, local=True), cdata=True)
        xml.leaf("wp:post_date_gmt", wp_date(article.published_at, local=False), cdata=True)
        xml.leaf("wp:comment_status", "closed", cdata=True)
        xml.leaf("wp:ping_status", "closed", cdata=True)
        xml.leaf("wp:post_name", f"{article.slug}-image", cdata=True)
        xml.leaf("wp:status", "inherit", cdata=True)
        xml.leaf("wp:post_parent", article.pk)
        xml.leaf("wp:menu_order", 0)
        xml.leaf("wp:post_type", "attachment", cdata=True)
        xml.leaf("wp:post_password", "", cdata=True)
        xml.leaf("wp:is_sticky", 0)
        xml.leaf("wp:attachment_url", url, cdata=True)
        self._meta("wp:postmeta", "_wp_attached_file", name)
        self._meta("wp:postmeta", "_wp_attachment_image_alt", article.image_alt)
        xml.end("item")
        self.summary.attachments += 1


def write_wxr(out: TextIO, *, private: bool = False, chunk: int = kinds.DEFAULT_CHUNK,
              now: datetime | None = None) -> WxrSummary:
    return WxrExport(out, private=private, chunk=chunk, now=now or timezone.now()).write()
