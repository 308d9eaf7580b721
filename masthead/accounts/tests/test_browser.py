"""In Chromium: a guest comments, verifies the address from the mail, signs in on a fresh browser with an emailed
link, downloads their data and erases it."""

from __future__ import annotations

import json

import pytest

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment
from masthead.testing.discussion import make_article
from masthead.testing.fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "wren@example.org"


def test_guest_to_account_then_download_and_erase(live_site, chromium, inbox):
    article = make_article(headline="The ferry timetable changes")
    thread_for_article(article)
    first = chromium.new_context()
    second = chromium.new_context()
    try:
        page = first.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{live_site.url}{article.get_absolute_url()}")
        page.fill("textarea[name=body]", "The early ferry matters to shift workers.")
        page.fill("input[name=author_name]", "Wren Okafor")
        page.fill("input[name=author_email]", EMAIL)
        page.click(".comment-submit")
        page.wait_for_selector("text=The early ferry matters to shift workers.")

        # Verify the address from the mail.
        page.goto(f"{live_site.url}/account/")
        page.fill("#verify-form input[name=email]", EMAIL)
        assert not page.is_checked("#verify-form input[name=claim]")  # keeping comments is asked, not assumed
        page.check("#verify-form input[name=claim]")
        page.click("#verify-form button[type=submit]")
        page.wait_for_selector(".link-sent")
        page.goto(inbox.last_link(EMAIL, "/account/link/"))
        # This browser wrote the comment (its guest cookie): offered, and ticked because the reader asked.
        assert page.is_checked("#confirm-link-form input[name=claim]")
        page.click("#confirm-link")
        page.wait_for_selector(".account-tier[data-tier=verified]")
        save_screenshot(page, "identity-verified")

        # A fresh browser signs in with an emailed link; the account takes the comment kept above.
        fresh = second.new_page()
        fresh.set_default_timeout(10_000)
        fresh.goto(f"{live_site.url}/account/")
        fresh.fill("#sign-in-form input[name=email]", EMAIL)
        fresh.click("#sign-in-form button[type=submit]")
        fresh.wait_for_selector(".link-sent")
        inbox.wait_for(2, to=EMAIL)
        fresh.goto(inbox.last_link(EMAIL, "/account/link/"))
        fresh.click("#confirm-link")
        fresh.wait_for_selector(".account-tier[data-tier=account]")
        assert fresh.locator(".account-name").inner_text() == "Wren Okafor"
        assert Comment.objects.get(author_email=EMAIL).user is not None
        save_screenshot(fresh, "identity-signed-in")

        with fresh.expect_download() as download_info:
            fresh.click("#download-data")
        data = json.loads(open(download_info.value.path(), encoding="utf-8").read())  # noqa: SIM115
        assert [c["body"] for c in data["comments"]] == ["The early ferry matters to shift workers."]
        assert data["account"]["email"] == EMAIL

        fresh.check("input[name=comments][value=remove]")
        fresh.fill("#erase-form input[name=confirm]", "erase")
        fresh.click("#erase-form button[type=submit]")
        fresh.wait_for_selector(".erased")
        save_screenshot(fresh, "identity-erased")
        assert not Comment.objects.filter(thread__article=article).exists()
        fresh.goto(f"{live_site.url}{article.get_absolute_url()}")
        assert "Wren Okafor" not in fresh.content()
    finally:
        first.close()
        second.close()
