"""Saving an article renders its Markdown once: sanitized HTML, canonical plain text and the renderer version."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from masthead.core.markdown import RENDERER_VERSION
from masthead.publishing import actions
from masthead.publishing.models import Article
from masthead.publishing.text import html_to_text
from masthead.testing.articles import make_article

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    "<iframe src='https://evil.example'></iframe>",
    "<svg onload=alert(1)>",
    '[x](https://example.org "title\\" onmouseover=\\"alert(1)")',
]


class _Elements(HTMLParser):
    """Every element and attribute of the rendered HTML, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(name, value or "") for name, value in attrs]


def _elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("markdown", HOSTILE)
def test_no_raw_html_script_or_javascript_url_survives(markdown):
    article = make_article(body=f"Before.\n\n{markdown}\n\nAfter.")

    found = _elements(article.body_html)
    assert set(found.tags) <= {"p", "a", "img", "em", "strong"}, found.tags
    for name, value in found.attrs:
        assert name in {"href", "src", "alt", "title", "rel"}, name
        if name in {"href", "src"}:
            scheme = urlsplit(value.strip()).scheme.lower()
            assert scheme in {"", "http", "https", "mailto"}, value
    assert article.body_html.startswith("<p>Before.</p>")
    assert article.body_html.rstrip().endswith("<p>After.</p>")


def test_markdown_features_editors_use_are_rendered():
    article = make_article(body=(
        "Intro with **bold**, *emphasis* and a [source](https://example.org/report.pdf).\n\n"
        "## The vote\n\n> A quote.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    ))

    assert '<a href="https://example.org/report.pdf" rel="noopener">source</a>' in article.body_html
    assert "<h2>The vote</h2>" in article.body_html
    assert "<blockquote>" in article.body_html
    assert "<table>" in article.body_html
    assert article.render_version == RENDERER_VERSION


def test_body_text_is_paragraphs_joined_by_blank_lines_with_whitespace_normalized():
    article = make_article(body=(
        "First   paragraph,\nwrapped over  two lines.\n\n"
        "## A heading\n\n"
        "Second &amp; last: *emphasis* and `code`.\n\n"
        "- item one\n- item two\n"
    ))

    assert article.body_text == (
        "First paragraph, wrapped over two lines.\n\n"
        "A heading\n\n"
        "Second & last: emphasis and code.\n\n"
        "item one\n\n"
        "item two"
    )


def test_body_text_of_nested_blocks_keeps_each_paragraph_once():
    assert html_to_text("<blockquote><p>Quoted.</p><p>Twice.</p></blockquote><p>After<br>break.</p>") == (
        "Quoted.\n\nTwice.\n\nAfter break."
    )


def test_editing_re_renders_and_marks_a_published_article_as_updated():
    article = make_article(body="Old text.")
    assert article.revised_at is None

    article.body = "New **text**."
    actions.do_save_article(article)

    stored = Article.objects.get(pk=article.pk)
    assert stored.body_html == "<p>New <strong>text</strong>.</p>\n"
    assert stored.body_text == "New text."
    assert stored.revised_at is not None


def test_editing_a_draft_does_not_mark_it_updated():
    article = make_article(body="Draft.", status=Article.Status.DRAFT)
    article.body = "Still a draft."
    actions.do_save_article(article)
    assert Article.objects.get(pk=article.pk).revised_at is None


def test_stale_renders_are_re_rendered():
    article = make_article(body="Some *text*.")
    Article.objects.filter(pk=article.pk).update(body_html="old", render_version=0)

    assert actions.do_rerender_stale() == 1
    assert Article.objects.get(pk=article.pk).body_html == "<p>Some <em>text</em>.</p>\n"


def test_each_new_body_text_is_handed_to_passage_anchoring():
    from masthead.passages.models import ArticleRevision

    article = make_article(body="First version.")
    article.standfirst = "Only the standfirst changed."
    actions.do_save_article(article)
    article.body = "Second version."
    actions.do_save_article(article)

    revisions = list(ArticleRevision.objects.filter(article=article).order_by("number").values_list("body_text"))
    assert revisions == [("First version.",), ("Second version.",)]
