"""axe-core in Chromium over the pages a reader, a moderator and an editor see, in light and dark, at desktop and
phone widths: no violation of the WCAG 2 A/AA rules (colour contrast included), and a screenshot of each.

axe-core comes from its npm package, installed into .cache/axe by ``make test`` (``make axe``); nothing is
fetched while the tests run. The file is evaluated through the DevTools protocol, which the page's
Content-Security-Policy does not govern, so the policy stays as strict as in production.
"""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from masthead.discussion.actions import NewComment
from masthead.discussion.models import Comment
from masthead.passages.actions import AnchorData, do_post_passage_comment
from masthead.passages.anchoring import create_anchor
from masthead.publishing.models import Article
from masthead.testing.axe import AXE, run_axe
from masthead.testing.discussion import reader
from masthead.testing.fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCHEMES = ("light", "dark")
WIDTHS = {1280: 900, 390: 844}


def _passage_comment(article: Article) -> None:
    """A published passage comment, so the article shows its marks and counts."""
    from masthead.passages.actions import current_revision

    text = article.body_text
    words = text.split(". ")[0]
    start = text.index(words)
    made = create_anchor(text, start, start + len(words))
    data = AnchorData(revision=current_revision(article).number, exact=made.exact, start=made.start,
                      end=made.end, prefix=made.prefix, suffix=made.suffix)
    with transaction.atomic():  # actions run in their caller's transaction
        do_post_passage_comment(article, reader("marker", network="net-marker"),
                                data, NewComment(body="Which month is this about?", author_name="Mara"))


def _pages() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, path) for the reader's pages and for the staff pages."""
    call_command("demo", stdout=io.StringIO())
    # The newest article (the demo gives it a long discussion), as a reader finds it from the front page.
    article = Article.objects.filter(thread__comment_count__gte=5).order_by("-published_at", "-id").first()
    assert article is not None
    _passage_comment(article)
    comment = Comment.objects.filter(thread__article=article, status=Comment.Status.VISIBLE).order_by("pk").first()
    topic = article.topics.order_by("pk").first()
    assert comment is not None
    assert topic is not None
    reader_pages = [
        ("home", "/"),
        ("topic", topic.get_absolute_url()),
        ("article", article.get_absolute_url()),
        ("support", "/support/"),
        ("account", "/account/"),
        ("report", f"/moderation/comments/{comment.pk}/flag"),
        ("not-found", "/no-such-page/"),
    ]
    staff_pages = [
        ("moderation", "/moderation/"),
        ("admin", "/admin/publishing/article/"),
    ]
    return reader_pages, staff_pages


def _staff_cookie(live_url: str) -> dict:
    editor = get_user_model().objects.create_superuser("axe-editor", "editor@example.org", "pw-for-tests-only")
    client = Client()
    client.force_login(editor)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_url}


def test_axe_finds_nothing_on_every_page_in_both_schemes_at_both_widths(live_site, chromium, relaxed_moderation,
                                                                        settings):
    # Card payments on, so the support page shows its form (a GET talks to no payment provider).
    settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET = "sk_test_axe", "whsec_axe"
    assert AXE.exists(), f"{AXE} is missing: `make axe` installs axe-core from its npm package"
    reader_pages, staff_pages = _pages()
    staff = _staff_cookie(live_site.url)
    found: dict[str, list[dict]] = {}
    for scheme in SCHEMES:
        for width, height in WIDTHS.items():
            context = chromium.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
            try:
                page = context.new_page()
                page.set_default_timeout(15_000)
                for name, path in reader_pages + staff_pages:
                    if (name, path) == staff_pages[0]:
                        context.add_cookies([staff])  # the staff pages, signed in as an editor
                    page.goto(live_site.url + path, wait_until="load")
                    if name == "article":  # axe must see the comments and the passage marks the script draws
                        page.wait_for_selector("#article-body mark.passage-mark--end")
                        assert page.locator("#comments article.comment").count() >= 5
                    violations = run_axe(page)
                    if violations:
                        found[f"{name} {scheme} {width}px"] = violations
                    save_screenshot(page, f"axe-{name}-{scheme}-{width}")
            finally:
                context.close()
    report = "\n".join(f"{where}: " + "; ".join(f"{v['id']} ({v['impact']}) {v['nodes']}" for v in violations)
                       for where, violations in found.items())
    assert not found, f"axe-core violations:\n{report}"
