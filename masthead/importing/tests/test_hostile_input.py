"""Broken and hostile exports: a clear error naming the place or item, and nothing written (or, for one bad
item, nothing of that item written while the rest imports)."""

from __future__ import annotations

import pytest
from django.core.management.base import CommandError

from masthead.discussion.models import Comment
from masthead.importing.tests.conftest import run_failing_import, run_import, table_counts
from masthead.importing.tests.wxr import WxrComment, WxrPost, wxr
from masthead.publishing.models import Article

pytestmark = pytest.mark.django_db

NOTHING = {"articles": 0, "authors": 0, "topics": 0, "threads": 0, "comments": 0, "decisions": 0, "anchors": 0,
           "questions": 0, "subscriptions": 0, "redirects": 0, "mapping": 0}


def good_site() -> str:
    return wxr([WxrPost("1", "First", comments=[WxrComment("11", content="Hello")]), WxrPost("2", "Second")])


def with_doctype(doctype: str) -> str:
    document = good_site()
    declaration, rest = document.split("\n", 1)
    return f"{declaration}\n{doctype}\n{rest}"


BILLION_LAUGHS = """<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>"""
EXTERNAL_ENTITY = '<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
PARAMETER_ENTITY = '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>'


@pytest.mark.parametrize(("doctype", "refusal"), [
    (BILLION_LAUGHS, "DTDForbidden"),
    (EXTERNAL_ENTITY, "DTDForbidden"),
    (PARAMETER_ENTITY, "DTDForbidden"),
])
def test_entity_bombs_and_external_entities_are_refused_before_anything_is_written(tmp_path, doctype, refusal):
    path = tmp_path / "hostile.xml"
    document = with_doctype(doctype)
    if doctype is BILLION_LAUGHS:
        document = document.replace("<title><![CDATA[First]]></title>", "<title>&lol9;</title>")
    path.write_text(document, encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        run_import("wordpress", str(path))
    assert f"hostile.xml: refused: {refusal}" in str(refused.value)
    assert "Nothing was imported." in str(refused.value)
    assert table_counts() == NOTHING


def test_bytes_not_in_the_declared_encoding_stop_the_import_with_their_line(tmp_path):
    path = tmp_path / "latin.xml"
    document = good_site().replace("[Second]", "[Caf\u00e9 \u00e0 la une]")
    path.write_bytes(document.encode("iso-8859-1"))  # declared UTF-8, written in Latin-1
    with pytest.raises(CommandError) as refused:
        run_import("wordpress", str(path))
    line = next(n for n, text in enumerate(document.splitlines(), 1) if "Caf\u00e9" in text)
    message = str(refused.value)
    assert f"latin.xml: not readable as XML at line {line}" in message
    assert "not in the file's declared encoding" in message
    assert table_counts() == NOTHING  # not even the first post, which came before the bad bytes


def test_a_file_in_another_declared_encoding_is_read(tmp_path):
    path = tmp_path / "utf16.xml"
    path.write_bytes(wxr([WxrPost("1", "Caf\u00e9 \u00e0 la une")], encoding="UTF-16").encode("utf-16"))
    run_import("wordpress", str(path))
    assert Article.objects.get().headline == "Caf\u00e9 \u00e0 la une"


def test_a_truncated_export_writes_nothing(tmp_path, wxr_dir):
    original = (wxr_dir / "remark42_wordpress_test_xmlTestWP.xml").read_bytes()
    path = tmp_path / "truncated.xml"
    path.write_bytes(original[: len(original) * 3 // 4])
    with pytest.raises(CommandError) as refused:
        run_import("wordpress", str(path))
    assert "truncated.xml: not readable as XML" in str(refused.value)
    assert "the file ends early" in str(refused.value)
    assert table_counts() == NOTHING


@pytest.mark.parametrize("content", ["<html><body>Not an export</body></html>", "", "plain text"])
def test_a_file_that_is_not_an_export(tmp_path, content):
    path = tmp_path / "other.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        run_import("wordpress", str(path))
    assert "other.xml" in str(refused.value)
    assert table_counts() == NOTHING


def test_a_huge_field_refuses_its_item_by_name_and_the_rest_imports(tmp_path):
    path = tmp_path / "huge.xml"
    huge = "<p>" + "x" * 2_000_001 + "</p>"
    path.write_text(wxr([WxrPost("1", "Fine"), WxrPost("77", "Enormous", content=huge,
                                                       comments=[WxrComment("770")])]), encoding="utf-8")
    output, error = run_failing_import("wordpress", str(path))
    assert "1 item(s) could not be imported" in error
    assert "article 77: the content is 2,000,008 characters long, over the limit of 2,000,000" in output
    assert list(Article.objects.values_list("headline", flat=True)) == ["Fine"]
    assert not Comment.objects.exists()


def test_a_bad_comment_rolls_back_its_whole_article_and_names_it(tmp_path, capsys):
    path = tmp_path / "long-comment.xml"
    path.write_text(wxr([
        WxrPost("1", "Kept", comments=[WxrComment("11", content="Fine.")]),
        WxrPost("2", "Rolled back", comments=[
            WxrComment("21", content="The first comment is fine."),
            WxrComment("22", parent="21", content="y" * 100_001),  # over the imported-comment limit
        ]),
    ]), encoding="utf-8")
    output, _ = run_failing_import("wordpress", str(path))
    assert "article 2 ('Rolled back'): comment 22: The comment is too long (at most 100000 characters)." in output
    assert list(Article.objects.values_list("headline", flat=True)) == ["Kept"]
    assert list(Comment.objects.values_list("body", flat=True)) == ["Fine."]  # not the first comment of post 2
    # Fixed and run again, it resumes: the kept post is not touched, the other comes in whole.
    path.write_text(path.read_text(encoding="utf-8").replace("y" * 100_001, "Shorter now."), encoding="utf-8")
    run_import("wordpress", str(path))
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["Kept", "Rolled back"]
    reply = Comment.objects.get(body="Shorter now.")
    assert reply.parent is not None
    assert reply.parent.body == "The first comment is fine."


def test_an_item_with_a_date_that_is_not_a_date_is_named(tmp_path):
    path = tmp_path / "dates.xml"
    path.write_text(wxr([WxrPost("5", "Good"), WxrPost("6", "Bad date", date="2021-13-45 99:99:99")]),
                    encoding="utf-8")
    output, _ = run_failing_import("wordpress", str(path))
    assert "article 6: the date '2021-13-45 99:99:99' is not a date" in output
    assert list(Article.objects.values_list("headline", flat=True)) == ["Good"]


def test_uploads_outside_the_copy_are_never_read(tmp_path):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG not really")
    path = tmp_path / "escape.xml"
    body = '<p><img src="https://news.example/wp-content/uploads/../../secret.png" alt="x"></p>'
    path.write_text(wxr([WxrPost("1", "Escape", content=body)]), encoding="utf-8")
    run_import("wordpress", str(path), "--uploads", str(uploads))
    article = Article.objects.get()
    assert "<img" not in article.body_html


def test_files_in_the_uploads_copy_that_are_not_images_are_not_stored(tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "2021").mkdir(parents=True)
    (uploads / "2021" / "shell.jpg").write_text("<?php system($_GET['c']); ?>", encoding="utf-8")
    path = tmp_path / "fake-image.xml"
    body = '<p>Text.</p><p><img src="https://news.example/wp-content/uploads/2021/shell.jpg" alt="x"></p>'
    path.write_text(wxr([WxrPost("1", "Fake image", content=body)]), encoding="utf-8")
    output = run_import("wordpress", str(path), "--uploads", str(uploads))
    assert "image x1: inline image file is not an image Masthead can read" in output
    assert "<img" not in Article.objects.get().body_html


def test_two_items_with_one_post_id_keep_the_first(tmp_path):
    path = tmp_path / "twice.xml"
    path.write_text(wxr([WxrPost("9", "First", comments=[WxrComment("91")]),
                         WxrPost("9", "Second", comments=[WxrComment("92")])]), encoding="utf-8")
    output = run_import("wordpress", str(path))
    assert list(Article.objects.values_list("headline", flat=True)) == ["First"]
    assert "article x1: the same id twice in the export: kept the first" in output
    assert Comment.objects.count() == 1
