"""The round trip: export a seeded site as WXR, import that file with `masthead import wordpress` into an emptied
site, export again: the two files say the same, apart from the ids and the timestamps of the run."""

from __future__ import annotations

import io
import re
import shutil
import xml.etree.ElementTree as ET  # parses only what the exporter under test wrote
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from masthead.discussion.actions import do_delete_comment
from masthead.discussion.models import Comment
from masthead.exporting.tests.site import Site
from masthead.funding.models import Campaign, Donation
from masthead.importing.models import ImportedObject, Redirect
from masthead.notifications.models import Subscriber
from masthead.publishing.models import Article, Author, Topic
from masthead.testing.discussion import reader

WP = "{http://wordpress.org/export/1.2/}"
# What a run stamps by itself: when the file was written, and when the imported rows were saved.
RUN_TIMESTAMPS = {"pubDate@channel", f"{WP}post_modified", f"{WP}post_modified_gmt"}
IDS = {f"{WP}post_id", f"{WP}comment_id", f"{WP}author_id", f"{WP}term_id", f"{WP}post_parent", "guid"}
# Stored media files are filed by the month they were saved in (upload_to "articles/%Y/%m/"): the run's month.
UPLOAD_MONTH = re.compile(r"articles/\d{4}/\d{2}/")


def export_wxr(outdir: Path) -> str:
    call_command("export", str(outdir), "--format", "wxr", "--include-private", stdout=io.StringIO())
    return (outdir / "wordpress.xml").read_text(encoding="utf-8")


def meta(element: ET.Element, tag: str) -> dict[str, str]:
    return {m.findtext(f"{WP}meta_key") or "": m.findtext(f"{WP}meta_value") or "" for m in element.findall(tag)}


def comparable(document: str) -> dict[str, object]:
    """The file as data, with every id replaced by the position of what it names and run timestamps left out."""
    document = UPLOAD_MONTH.sub("articles/YYYY/MM/", document)
    channel = ET.fromstring(document).find("channel")  # noqa: S314 (our own output)
    assert channel is not None
    items = channel.findall("item")
    posts = {item.findtext(f"{WP}post_id"): n for n, item in enumerate(items)}
    described: list[object] = []
    for item in items:
        fields: dict[str, object] = {}
        texts: dict[str, list[tuple[dict[str, str], str]]] = {}
        # A draft has no publication date: its dates are when its row was made, by the import run.
        dated_by_run = {"pubDate", f"{WP}post_date"} if item.findtext(f"{WP}status") == "draft" else set()
        for child in item:
            if child.tag in IDS | RUN_TIMESTAMPS | dated_by_run or child.tag in (f"{WP}comment", f"{WP}postmeta"):
                continue
            texts.setdefault(child.tag, []).append((dict(child.attrib), child.text or ""))
        fields.update(texts)
        fields["post_parent"] = posts.get(item.findtext(f"{WP}post_parent"), "none")
        postmeta = meta(item, f"{WP}postmeta")
        if "_thumbnail_id" in postmeta:
            postmeta["_thumbnail_id"] = str(posts[postmeta["_thumbnail_id"]])
        fields["postmeta"] = postmeta
        comments = item.findall(f"{WP}comment")
        positions = {c.findtext(f"{WP}comment_id"): n for n, c in enumerate(comments)}
        fields["comments"] = [
            {**{c.tag: c.text or "" for c in comment if c.tag not in IDS and c.tag != f"{WP}commentmeta"},
             f"{WP}comment_parent": positions.get(comment.findtext(f"{WP}comment_parent") or "", "top"),
             "meta": meta(comment, f"{WP}commentmeta")}
            for comment in comments
        ]
        described.append(fields)
    head = {child.tag: child.text for child in channel if child.tag not in ("item", "pubDate")
            and not child.tag.endswith(("}author", "}category"))}
    # An author's email is their staff account's (export.md); an import makes author profiles, never accounts.
    authors = [{c.tag: c.text for c in a if c.tag not in IDS | {f"{WP}author_email"}}
               for a in channel.findall(f"{WP}author")]
    categories = [{c.tag: c.text for c in a if c.tag not in IDS} for a in channel.findall(f"{WP}category")]
    return {"channel": head, "authors": authors, "categories": categories, "items": described}


def empty_the_site() -> None:
    """What an empty site has: no articles (their threads, comments, votes and anchors go with them), authors,
    topics, subscribers or ledger."""
    Article.objects.all().delete()
    Author.objects.all().delete()
    Topic.objects.all().delete()
    Subscriber.objects.all().delete()
    Donation.objects.all().delete()
    Campaign.objects.all().delete()
    assert not ImportedObject.objects.exists()
    assert not Redirect.objects.exists()


def test_export_import_export_gives_the_same_file(site: Site, tmp_path: Path) -> None:
    first = export_wxr(tmp_path / "first")
    uploads = tmp_path / "uploads"
    shutil.copytree(settings.MEDIA_ROOT, uploads)  # the media folder the operator copies along with the file
    empty_the_site()
    wxr = tmp_path / "first" / "wordpress.xml"
    out = io.StringIO()
    call_command("import", "wordpress", str(wxr), "--uploads", str(uploads), "--no-progress", stdout=out)
    second = export_wxr(tmp_path / "second")
    assert comparable(second) == comparable(first), out.getvalue()


def test_a_deleted_comment_comes_back_as_a_tombstone_with_its_replies_under_it(site: Site, tmp_path: Path) -> None:
    """A deleted comment is exported as trash with no text; its reply names it as parent. The import keeps it as a
    tombstone, so the reply is not lifted to the top level, and the second export says the same as the first."""
    do_delete_comment(site.reply, reader("moderator", staff=True))
    first = export_wxr(tmp_path / "first")
    uploads = tmp_path / "uploads"
    shutil.copytree(settings.MEDIA_ROOT, uploads)
    empty_the_site()
    out = io.StringIO()
    call_command("import", "wordpress", str(tmp_path / "first" / "wordpress.xml"), "--uploads", str(uploads),
                 "--no-progress", stdout=out)
    tombstone = Comment.objects.get(status=Comment.Status.DELETED)
    assert (tombstone.author_name, tombstone.body, tombstone.depth) == ("Sam", "", 1)
    answer = Comment.objects.get(body="Why?")
    assert (answer.parent_id, answer.depth) == (tombstone.pk, 2)
    assert "parent is not in the export" not in out.getvalue()
    second = export_wxr(tmp_path / "second")
    assert comparable(second) == comparable(first), out.getvalue()
