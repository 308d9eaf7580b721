"""`masthead export OUTDIR --format wxr`: a WXR 1.2 file WordPress's importer reads, parsed back here."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET  # parses only what the exporter under test wrote
from pathlib import Path

from django.core.management import call_command

from masthead.exporting.tests.site import Site
from masthead.exporting.wxr import php_votes, write_wxr
from masthead.exporting.xmlwriter import XmlWriter

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}

WP = "{" + NS["wp"] + "}"


def export_wxr(tmp_path: Path, *, private: bool = False, name: str = "out") -> ET.Element:
    outdir = tmp_path / name
    call_command("export", str(outdir), "--format", "wxr", "--chunk-size", "2",
                 *(["--include-private"] if private else []))
    return ET.parse(outdir / "wordpress.xml").getroot()  # noqa: S314 (our own output)


def text(element: ET.Element, path: str) -> str:
    found = element.find(path, NS)
    assert found is not None, path
    return found.text or ""


def meta(element: ET.Element, tag: str) -> dict[str, str]:
    return {text(m, "wp:meta_key"): text(m, "wp:meta_value") for m in element.findall(tag, NS)}


def test_articles_authors_topics_and_threaded_comments_in_wordpress_shape(site: Site, tmp_path: Path) -> None:
    root = export_wxr(tmp_path)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    assert text(channel, "wp:wxr_version") == "1.2"
    assert text(channel, "title") == "The Lantern"
    assert text(channel, "wp:base_site_url") == "https://news.example"

    authors = [(text(a, "wp:author_id"), text(a, "wp:author_login"), text(a, "wp:author_display_name"))
               for a in channel.findall("wp:author", NS)]
    assert authors == [(str(site.ada.pk), "ada-reporter", "Ada Reporter"),
                       (str(site.ben.pk), "ben-writer", "Ben Writer")]
    categories = [(text(c, "wp:category_nicename"), text(c, "wp:cat_name"), text(c, "wp:category_description"))
                  for c in channel.findall("wp:category", NS)]
    assert categories == [("city-hall", "City Hall", "The council and its budget."), ("schools", "Schools", "")]

    items = channel.findall("item")
    assert [(text(i, "wp:post_type"), text(i, "wp:post_id")) for i in items] == [
        ("post", str(site.budget.pk)), ("attachment", str(site.draft.pk + site.budget.pk)),
        ("post", str(site.draft.pk))]
    budget, image, draft = items
    assert text(budget, "title") == "Budget passes"
    assert text(budget, "link") == "https://news.example" + site.budget.get_absolute_url()
    assert text(budget, "wp:post_name") == "budget-passes"
    assert text(budget, "wp:status") == "publish"
    assert text(budget, "wp:post_date_gmt") == "2026-03-04 09:29:59"
    assert text(budget, "dc:creator") == "ada-reporter"
    assert text(budget, "content:encoded") == site.budget.body_html
    assert text(budget, "excerpt:encoded") == "Seven to two."
    assert [(c.get("domain"), c.get("nicename"), c.text) for c in budget.findall("category")] == [
        ("category", "city-hall", "City Hall"), ("category", "schools", "Schools")]
    assert meta(budget, "wp:postmeta") == {"_masthead_markdown": site.budget.body,
                                           "_masthead_authors": "ada-reporter,ben-writer",
                                           "_thumbnail_id": text(image, "wp:post_id")}
    assert text(image, "wp:post_parent") == str(site.budget.pk)
    assert text(image, "wp:attachment_url") == "https://news.example/media/" + str(site.budget.featured_image.name)
    assert meta(image, "wp:postmeta")["_wp_attachment_image_alt"] == "A calm river under an evening sky."
    assert text(draft, "wp:status") == "draft"
    assert text(draft, "wp:post_date_gmt") == "0000-00-00 00:00:00"
    assert draft.findall("wp:comment", NS) == []

    comments = {int(text(c, "wp:comment_id")): c for c in budget.findall("wp:comment", NS)}
    assert list(comments) == [site.top.pk, site.reply.pk, site.deep_reply.pk, site.rejected.pk,
                              site.passage_comment.pk]
    parents = {cid: int(text(c, "wp:comment_parent")) for cid, c in comments.items()}
    assert parents == {site.top.pk: 0, site.reply.pk: site.top.pk, site.deep_reply.pk: site.reply.pk,
                       site.rejected.pk: 0, site.passage_comment.pk: 0}
    approved = {cid: text(c, "wp:comment_approved") for cid, c in comments.items()}
    assert approved == {site.top.pk: "1", site.reply.pk: "1", site.deep_reply.pk: "1", site.rejected.pk: "spam",
                        site.passage_comment.pk: "1"}
    top = comments[site.top.pk]
    assert text(top, "wp:comment_author") == "Rosa"
    assert text(top, "wp:comment_author_url") == "https://rosa.example.net/"
    assert text(top, "wp:comment_content") == "<p>Good <em>news</em> for the path.</p>\n"
    assert text(top, "wp:comment_date_gmt") == "2026-03-04 09:30:00"
    assert meta(top, "wp:commentmeta") == {"wpdiscuz_votes": "1",
                                           "wpdiscuz_votes_seperate": 'a:2:{s:4:"like";i:2;s:7:"dislike";i:1;}',
                                           "_masthead_markdown": "Good *news* for the path."}


def test_emails_only_with_include_private(site: Site, tmp_path: Path) -> None:
    public = export_wxr(tmp_path, name="public")
    assert {e.text or "" for e in public.iter(WP + "comment_author_email")} == {""}
    assert {e.text or "" for e in public.iter(WP + "author_email")} == {""}
    private = export_wxr(tmp_path, private=True, name="private")
    assert [e.text or "" for e in private.iter(WP + "comment_author_email")] == [
        "rosa@example.org", "sam@example.org", "", "spam@example.org", "pat@example.org"]
    assert [e.text or "" for e in private.iter(WP + "author_email")] == ["editor@example.org", ""]


def test_hostile_text_gives_well_formed_xml_that_reads_back(site: Site, tmp_path: Path) -> None:
    hostile = "end ]]> of ]]]]> cdata <script>&amp; \x01bell\x07 \x1f tab\t \"q\" 'a' \U0001f600 \ufffe"
    site.budget.headline = hostile
    site.budget.body_html = hostile  # direct writes: the database may hold what no form accepts
    site.budget.save(update_fields=["headline", "body_html"])
    site.top.author_name = hostile
    site.top.save(update_fields=["author_name"])
    out = io.StringIO()
    summary = write_wxr(out, chunk=1)
    root = ET.fromstring(out.getvalue())  # noqa: S314 (our own output); raises unless well-formed
    cleaned = hostile.replace("\x01", "\ufffd").replace("\x07", "\ufffd").replace("\x1f", "\ufffd").replace(
        "\ufffe", "\ufffd")
    item = root.find("channel/item")
    assert item is not None
    assert text(item, "title") == cleaned
    assert text(item, "content:encoded") == cleaned
    assert text(item.find("wp:comment", NS), "wp:comment_author") == cleaned  # type: ignore[arg-type]
    assert summary.replaced_characters == 4 * 3


def test_writer_escapes_cdata_end_and_attributes() -> None:
    out = io.StringIO()
    xml = XmlWriter(out)
    xml.start("root", {"a": 'x"<&>\ny'})
    xml.leaf("c", "]]>]]>", cdata=True)
    xml.leaf("t", "<&>]]>")
    xml.end("root")
    xml.close()
    root = ET.fromstring(out.getvalue())  # noqa: S314 (our own output)
    assert root.get("a") == 'x"<&>\ny'
    assert root.findtext("c") == "]]>]]>"
    assert root.findtext("t") == "<&>]]>"


def test_php_serialized_votes_match_wpdiscuz() -> None:
    assert php_votes(1, 0) == 'a:2:{s:4:"like";i:1;s:7:"dislike";i:0;}'
