"""axe-core inside the embed frame, in the host's light and dark schemes: no violations (WCAG 2.x A/AA)."""

from __future__ import annotations

import pytest

from masthead.discussion.models import Thread
from masthead.embed.actions import do_register_page
from masthead.embed.tests.hosts import HostSite, article_page, thread_frame
from masthead.funding.models import Campaign
from masthead.testing.axe import AXE, run_axe
from masthead.testing.discussion import post_as, reader
from masthead.testing.fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_embed(live_site, chromium, embed_allowed, relaxed_moderation, scheme, mid_month):
    assert AXE.exists(), f"{AXE} is missing: `make axe` installs axe-core from its npm package"
    Campaign.objects.create(name="Keep the river desk going", goal=500_000, is_active=True)
    host: HostSite = embed_allowed
    url = host.add("/a11y/", article_page(live_site.url, "Accessible story", funding=True, spacer=False,
                                          extra=f" data-masthead-theme='{scheme}'"))
    article = do_register_page(url, "Accessible story")
    thread = Thread.objects.get_or_create(key=f"article:{article.pk}", defaults={"article": article})[0]
    root = post_as(thread, reader("one", network="net-1"), body="A *first* comment, with emphasis.",
                   author_name="Ada", author_website="https://ada.example.org")
    post_as(thread, reader("two", network="net-2"), body="A reply.", author_name="Bo", parent_id=root.pk)
    context = chromium.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(url)
        frame = thread_frame(page)
        assert frame.evaluate("() => document.documentElement.className") == f"mh-{scheme}"
        violations = run_axe(frame)
        save_screenshot(page, f"embed-axe-{scheme}")
        assert violations == [], violations
        # The crawlable copy of the same discussion, a page of Masthead's own.
        page.goto(f"{live_site.url}/embed/thread/{article.pk}/")
        page.locator("#comments.is-enhanced").wait_for()
        violations = run_axe(page)
        save_screenshot(page, f"embed-thread-page-{scheme}")
        assert violations == [], violations
    finally:
        context.close()
