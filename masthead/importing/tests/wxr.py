"""Writing small WXR files for tests: the shapes WordPress 6 exports, with only what a test needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


@dataclass
class WxrComment:
    id: str
    parent: str = "0"
    author: str = "Reader"
    email: str = "reader@example.org"
    date: str = "2021-03-04 05:06:07"
    content: str = "A comment."
    approved: str = "1"
    type: str = ""
    meta: dict[str, str] = field(default_factory=dict)

    def xml(self) -> str:
        meta = "".join(
            f"<wp:commentmeta><wp:meta_key>{cdata(k)}</wp:meta_key><wp:meta_value>{cdata(v)}</wp:meta_value>"
            "</wp:commentmeta>"
            for k, v in self.meta.items()
        )
        return (
            f"<wp:comment><wp:comment_id>{escape(self.id)}</wp:comment_id>"
            f"<wp:comment_author>{cdata(self.author)}</wp:comment_author>"
            f"<wp:comment_author_email>{cdata(self.email)}</wp:comment_author_email>"
            "<wp:comment_author_url></wp:comment_author_url>"
            f"<wp:comment_date>{self.date}</wp:comment_date><wp:comment_date_gmt>{self.date}</wp:comment_date_gmt>"
            f"<wp:comment_content>{cdata(self.content)}</wp:comment_content>"
            f"<wp:comment_approved>{escape(self.approved)}</wp:comment_approved>"
            f"<wp:comment_type>{escape(self.type)}</wp:comment_type>"
            f"<wp:comment_parent>{escape(self.parent)}</wp:comment_parent>{meta}</wp:comment>"
        )


@dataclass
class WxrPost:
    id: str
    title: str = "A post"
    slug: str = ""
    content: str = "<p>Some text.</p>"
    status: str = "publish"
    type: str = "post"
    date: str = "2021-03-01 09:00:00"
    password: str = ""
    comments: list[WxrComment] = field(default_factory=list)
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, nicename, name)

    def xml(self, site: str) -> str:
        slug = self.slug or f"post-{self.id}"
        return (
            f"<item><title>{cdata(self.title)}</title><link>{site}/2021/03/{escape(slug)}/</link>"
            "<dc:creator>editor</dc:creator>"
            f"<content:encoded>{cdata(self.content)}</content:encoded><excerpt:encoded>{cdata('')}</excerpt:encoded>"
            f"<wp:post_id>{escape(self.id)}</wp:post_id><wp:post_date>{self.date}</wp:post_date>"
            f"<wp:post_date_gmt>{self.date}</wp:post_date_gmt><wp:comment_status>open</wp:comment_status>"
            f"<wp:post_name>{escape(slug)}</wp:post_name><wp:status>{escape(self.status)}</wp:status>"
            f"<wp:post_type>{escape(self.type)}</wp:post_type>"
            f"<wp:post_password>{escape(self.password)}</wp:post_password>"
            + "".join(f'<category domain="{escape(domain)}" nicename="{escape(nicename)}">{cdata(name)}</category>'
                      for domain, nicename, name in self.categories)
            + "".join(c.xml() for c in self.comments)
            + "</item>"
        )


def wxr(posts: list[WxrPost], *, site: str = "https://news.example", encoding: str = "UTF-8") -> str:
    """A whole WXR 1.2 document (text; encode it with ``encoding`` to write it)."""
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Test news</title>'
        f"<link>{site}</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{site}</wp:base_site_url>"
        f"<wp:base_blog_url>{site}</wp:base_blog_url>"
        "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>editor</wp:author_login>"
        "<wp:author_email>editor@news.example</wp:author_email>"
        "<wp:author_display_name>The Editor</wp:author_display_name></wp:author>\n"
        + "\n".join(post.xml(site) for post in posts)
        + "\n</channel></rss>\n"
    )


# A WordPress + wpDiscuz site written for these tests (the shared real exports carry no wpDiscuz meta).
BUDGET = (
    "<p>The city met on Tuesday. "
    '[wpdiscuz-feedback id="k2j4h5g6f7" question="Is this figure right?" opened="0"]The council approved '
    "a budget of 4.2 million[/wpdiscuz-feedback] after a long debate.</p>\n\n"
    '<p>[wpdiscuz-feedback id="a1b2c3d4e5" question="Were you there?"]Turnout at the hearing was low.'
    "[/wpdiscuz-feedback] Few residents spoke.</p>"
)
SEPARATE = 'a:2:{s:4:"like";i:5;s:7:"dislike";i:2;}'


def wpdiscuz_site() -> str:
    return wxr([
        WxrPost("50", "Budget passes", slug="budget-passes", content=BUDGET, comments=[
            WxrComment("501", content="Good news for the library.",
                       meta={"wpdiscuz_votes": "3", "wpdiscuz_votes_seperate": SEPARATE}),
            WxrComment("502", parent="501", content="Not for the pool.", meta={"wpdiscuz_votes": "-4"}),
            WxrComment("503", content="It was 4.1 million in the draft.", meta={"wpdiscuz_feedback_form_id": "17"}),
            WxrComment("504", content="I was, it was half empty.", meta={"wpdiscuz_feedback_form_id": "18"}),
            WxrComment("505", content="The final figure is right.", meta={"wpdiscuz_feedback_form_id": "17"}),
            WxrComment("506", content="Buy cheap watches", approved="spam", type="comment"),
            WxrComment("507", parent="506", content="A reply to spam keeps its place."),
            WxrComment("508", content="Pinned by the editor.", type="wpdiscuz_sticky",
                       meta={"wpdiscuz_votes_seperate": 'O:8:"stdClass":1:{s:4:"like";i:99;}',
                             "wpdiscuz_votes": "2"}),
        ]),
        # Its comments name two feedback forms but the post has one passage left: which is which is not known.
        WxrPost("51", "Roadworks", slug="roadworks",
                content='<p>[wpdiscuz-feedback id="zz9" question="When?"]Work starts in May.[/wpdiscuz-feedback]</p>',
                comments=[
                    WxrComment("511", content="It was April.", meta={"wpdiscuz_feedback_form_id": "30"}),
                    WxrComment("512", content="Which road?", meta={"wpdiscuz_feedback_form_id": "31"}),
                ]),
    ])
