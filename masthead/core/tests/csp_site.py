"""A small site with something on every page type, and a check for markup the Content-Security-Policy refuses.

Used by test_csp.py (headers and markup through Django's test client) and test_csp_in_browser.py (Chromium).
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from django.contrib.auth.models import User

from masthead.core.staff_roles import MODERATORS
from masthead.discussion.actions import NewComment, submit_comment, thread_for_article
from masthead.discussion.models import Comment
from masthead.funding.models import Campaign
from masthead.publishing.models import Article
from masthead.testing.articles import make_article, make_author, make_topic
from masthead.testing.discussion import reader
from masthead.testing.moderation import staff_user
from masthead.testing.passages import BODY, Guest, anchor_payload

PASSWORD = "pw-for-tests-only"
PASSAGE = "The path will reopen in May."

# What the site sends today; test_csp.py compares every page's header with it, word for word.
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self' https://checkout.stripe.com https://billing.stripe.com; frame-ancestors 'none'"
)


@dataclass
class Site:
    article: Article
    reply: Comment
    campaign: Campaign
    moderator: User
    admin: User
    pages: dict[str, str]  # page type -> path, for a reader without an account
    staff_pages: dict[str, str]  # page type -> path, for the moderator (moderation) or the superuser (admin)


def make_site() -> Site:
    """Needs committed data for a live server (transactional_db) and a publisher who holds nothing
    (the relaxed_moderation fixture), so the guests' comments are visible."""
    topic = make_topic("River")
    author = make_author("Ada Reporter")
    article = make_article("The river path reopens", body=BODY, topics=[topic], authors=[author], image=True)
    thread = thread_for_article(article)
    first = submit_comment(thread, reader("ann"), NewComment(body="Good news for walkers.", author_name="Ann")).comment
    reply = submit_comment(thread, reader("bob"), NewComment(body="About time.", author_name="Bob",
                                                                parent_id=first.pk)).comment
    guest = Guest()
    guest.open(article.get_absolute_url())
    response = guest.comment_on(article, anchor_payload(article, PASSAGE), body="Which month exactly?")
    assert response.status_code == 201, response.content
    campaign = Campaign.objects.create(name="Our goal this month", goal=500_000, is_active=True)
    moderator = staff_user("moderator", MODERATORS)
    admin = User.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    pages = {
        "home": "/",
        "topic": topic.get_absolute_url(),
        "author": author.get_absolute_url(),
        "article": article.get_absolute_url(),
        "support": "/support/",
        "thanks": "/support/thanks/",
        "comments page": f"/discussion/threads/{thread.pk}/page?sort=oldest",  # what the script inserts
        "account": "/account/",  # the sign-in form, for a reader without an account
        "API docs": "/api/docs",
        "not found": "/no-such-page/",
    }
    staff_pages = {
        "moderation queue": "/moderation/",
        "admin index": "/admin/",
        "admin article list": "/admin/publishing/article/",
        "admin article form": f"/admin/publishing/article/{article.pk}/change/",
        "admin new article": "/admin/publishing/article/add/",
    }
    return Site(article, reply, campaign, moderator, admin, pages, staff_pages)


# <script> types that are data, never run, and need nothing from the policy.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}


class _InlineCode(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and "src" not in values and (values.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
            self.found.append(f"inline <script> at line {self.getpos()[0]}")
        if tag == "style":
            self.found.append(f"<style> at line {self.getpos()[0]}")
        for name, value in attrs:
            if name == "style":
                self.found.append(f"style attribute on <{tag}> at line {self.getpos()[0]}")
            elif name.startswith("on"):
                self.found.append(f"{name} handler on <{tag}> at line {self.getpos()[0]}")
            elif name in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"javascript: URL in <{tag} {name}> at line {self.getpos()[0]}")


def inline_code(html: str) -> list[str]:
    """Everything in ``html`` the policy would refuse to run or apply: inline scripts and styles, event handler
    attributes, ``javascript:`` URLs."""
    parser = _InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found
