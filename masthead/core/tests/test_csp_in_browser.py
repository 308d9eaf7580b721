"""In Chromium, under the real Content-Security-Policy: every page type loads without a violation or a console
error and its scripts do their work; the reader features work; markup slipped into a page does not run.

(Every other browser test is also checked for violations: masthead.testing.fixtures.CspWatch.)
"""

from __future__ import annotations

import urllib.request

import pytest
from django.core import signing
from django.db import transaction
from playwright.sync_api import Route

from masthead.core.csp import HEADER
from masthead.core.tests.csp_site import PASSAGE, PASSWORD, POLICY, make_site
from masthead.discussion.actions import NewComment, do_change_status, submit_comment, thread_for_article
from masthead.funding.tasks import PORTAL_SALT
from masthead.testing import stripe_fakes as fakes
from masthead.testing.discussion import reader
from masthead.testing.fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("relaxed_moderation")]


def _console_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(f"{message.text} ({message.location.get('url')})")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _sign_in(page, url: str, username: str) -> None:
    page.goto(url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state()


def _deliver(base_url: str, event: dict) -> None:
    payload = fakes.body(event)
    request = urllib.request.Request(f"{base_url}/support/webhooks/stripe/", data=payload, method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Stripe-Signature": fakes.sign(payload)})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


def test_every_page_type_loads_and_runs_its_scripts_under_the_policy(live_site, page, csp_violations):
    site = make_site()
    held = submit_comment(thread_for_article(site.article), reader("cy"),
                           NewComment(body="Held for a moderator.", author_name="Cy")).comment
    with transaction.atomic():
        do_change_status(held, "pending", ["first comment from a guest reader"])
    site.moderator.set_password(PASSWORD)
    site.moderator.save()
    errors = _console_errors(page)
    base = live_site.url

    for name, path in site.pages.items():
        response = page.goto(base + path)
        assert response.headers[HEADER.lower()] == POLICY, name
        if name == "not found":
            assert response.status == 404
            errors.remove("Failed to load resource: the server responded with a status of 404 (Not Found)"
                          f" ({base}{path})")
        else:
            assert response.status == 200, name
        if name == "article":
            # discussion.js, passages.js and bar.js all ran: the form posts in place, marks drawn, bar live.
            page.wait_for_selector("#comments.is-enhanced")
            page.wait_for_selector("#article-body mark.passage-mark")
            assert PASSAGE.startswith(page.locator("#article-body mark.passage-mark").first.inner_text())
            page.wait_for_selector("[data-funding-connected]")
            # Replies are indented by data-depth in discussion.css (there is no style attribute to do it).
            margin = "(id) => getComputedStyle(document.getElementById(id)).marginLeft"
            assert page.evaluate(margin, f"comment-{site.reply.pk}") == "24px"
            assert page.evaluate(margin, f"comment-{site.reply.parent_id}") == "0px"
            # The bar's fill is an SVG rect as wide as the share raised (0 here); its track is drawn.
            assert float(page.locator("[data-funding-fill]").get_attribute("width").rstrip("%")) == 0
            assert page.locator(".funding-bar__track").bounding_box()["width"] > 500
            save_screenshot(page, "csp-article")
        if name == "API docs":
            page.wait_for_selector(".opblock")  # Swagger UI drew the operations from /api/openapi.json

    _sign_in(page, base + "/moderation/", "moderator")
    page.wait_for_selector(".mq__item.is-current")  # queue.js selected the first row
    page.keyboard.press("a")
    page.wait_for_selector("text=Approved.")

    page.context.clear_cookies()  # signed out: the admin's sign-in page sends staff on to the index
    _sign_in(page, base + "/admin/login/", "editor")
    for name, path in site.staff_pages.items():
        if name.startswith("admin"):
            response = page.goto(base + path)
            assert (response.status, response.headers[HEADER.lower()]) == (200, POLICY), name
    page.goto(f"{base}/admin/publishing/article/{site.article.pk}/change/")
    # publishing/admin.css styles the fields the form once styled inline.
    body_font = page.evaluate("() => getComputedStyle(document.getElementById('id_body')).fontFamily")
    assert body_font == "monospace"
    page.goto(f"{base}/admin/publishing/article/add/")
    page.locator("#id_headline").press_sequentially("Ferry timetable changes")  # the admin script makes the slug
    page.wait_for_function("() => document.getElementById('id_slug').value === 'ferry-timetable-changes'")
    assert page.locator("#id_authors_from").count() == 1  # SelectFilter2 built the two-box author picker

    # The admin's pages name no icon, so Chromium asks for /favicon.ico, which this site does not have.
    assert [error for error in errors if not error.endswith("/favicon.ico)")] == []
    assert csp_violations.take() == []


def test_reader_features_work_under_the_policy(live_site, chromium, settings):
    settings.STRIPE_WEBHOOK_SECRET = fakes.SECRET
    site = make_site()
    url = f"{live_site.url}{site.article.get_absolute_url()}"
    writer_context, watcher_context = chromium.new_context(), chromium.new_context()
    try:
        watcher = watcher_context.new_page()
        watcher.set_default_timeout(10_000)
        watcher.goto(url)
        watcher.wait_for_selector("#comments.is-enhanced")
        watcher.wait_for_selector("[data-funding-connected]")
        watcher.wait_for_function("() => document.querySelector('[data-funding-live]').dataset.fundingMessages >= '1'")

        page = writer_context.new_page()
        page.set_default_timeout(10_000)
        errors = _console_errors(page)
        page.goto(url)
        page.wait_for_selector("#comments.is-enhanced")

        # A comment and a reply posted in place; the reply arrives through a <template> and is indented.
        page.fill("textarea[name=body]", "Posted in place under the policy")
        page.fill("input[name=author_name]", "Dee")
        page.click(".comment-submit")
        page.wait_for_selector("text=Posted in place under the policy")
        assert page.url == url
        page.click(f"#comment-{site.reply.parent_id} .comment-reply")
        page.fill("form#respond textarea[name=body]", "A reply in place")
        page.fill("input[name=author_name]", "Dee")
        page.click(".comment-submit")
        reply = page.locator(".comment", has_text="A reply in place")
        reply.wait_for()
        assert reply.evaluate("(node) => getComputedStyle(node).marginLeft") == "24px"

        # Sort switching fetches and inserts a page of comments.
        page.click(".discussion-sort a[data-sort=oldest]")
        page.wait_for_function("() => document.querySelector('#comments').dataset.sort === 'oldest'")

        # A passage mark opens its comments.
        page.click("#article-body mark.passage-mark")
        page.wait_for_selector(".passage-panel .passage-comments >> text=Which month exactly?")

        # The other reader hears of the new comments live, and the funding bar moves without a reload.
        watcher.wait_for_selector(".show-new:visible")
        watcher.click(".show-new")
        watcher.wait_for_selector("text=Posted in place under the policy")
        _deliver(live_site.url, fakes.event("checkout.session.completed",
                                            fakes.checkout_session("pi_csp", 125_000, site.campaign.pk)))
        watcher.wait_for_function("() => document.querySelector('[data-funding-raised]').textContent === '$1,250'")
        fill = watcher.locator("[data-funding-fill]")
        assert fill.get_attribute("width") == "25%"
        watcher.wait_for_timeout(700)  # the fill's width transition
        track = watcher.locator(".funding-bar__track").bounding_box()
        assert abs(fill.bounding_box()["width"] - (track["width"] - 2) / 4) < 2  # 1px border each side
        save_screenshot(watcher, "csp-reader-features")
        assert errors == []
    finally:
        writer_context.close()
        watcher_context.close()


@pytest.mark.parametrize("start", ["support", "manage"])
def test_donation_forms_reach_stripe_through_the_redirect(live_site, page, settings, start):
    """form-action applies to where a form's answer redirects: the funding forms post here and are sent on to
    Stripe's Checkout or billing portal (core/csp.STRIPE_FORM_TARGETS)."""
    settings.STRIPE_SECRET_KEY = "sk_test_masthead"
    settings.STRIPE_WEBHOOK_SECRET = fakes.SECRET  # card giving is offered only when payments can be recorded
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    make_site()
    arrived: list[str] = []

    def stripe_page(route: Route) -> None:
        arrived.append(route.request.url)
        route.fulfill(body="<title>Stripe</title><p>Stripe</p>", content_type="text/html")

    for host in ("https://checkout.stripe.com", "https://billing.stripe.com"):
        page.route(f"{host}/**", stripe_page)
    with fakes.FakeStripe() as stripe:
        settings.STRIPE_API_BASE = stripe.url
        if start == "support":
            page.goto(f"{live_site.url}/support/")
            page.get_by_role("radio", name="$25").click()
            page.get_by_role("button", name="Donate").click()
        else:
            token = signing.dumps("cus_csp", salt=PORTAL_SALT)
            page.goto(f"{live_site.url}/support/manage/{token}/")
            page.get_by_role("button", name="Manage my monthly donation").click()
        page.wait_for_url("https://*.stripe.com/**")
    expected = {"support": "https://checkout.stripe.com/c/pay/", "manage": "https://billing.stripe.com/p/session/"}
    assert [url.startswith(expected[start]) for url in arrived] == [True]
    assert page.title() == "Stripe"


INJECTED = """
<script>document.documentElement.dataset.injected = "inline script";</script>
<img id="injected-img" src="data:," onload="document.documentElement.dataset.injected = 'event handler'">
<p id="injected-style" style="color: rgb(255, 0, 0)">styled inline</p>
<a id="injected-link" href="javascript:void(document.documentElement.dataset.injected = 'javascript: URL')">go</a>
<script src="https://scripts.example.net/steal.js"></script>
"""


def _serve_with_injection(page, url: str, *, keep_policy: bool) -> None:
    """Answer ``url`` with the server's own response (status, headers, the policy) plus INJECTED in its body,
    as if a flaw had let someone's markup into the page."""

    def handle(route) -> None:
        response = route.fetch()
        headers = dict(response.headers)
        if not keep_policy:
            headers.pop(HEADER.lower())
        route.fulfill(response=response, headers=headers, body=response.text().replace("</body>", INJECTED + "</body>"))

    page.route(url, handle)
    page.route("https://scripts.example.net/**", lambda route: route.fulfill(
        body="document.documentElement.dataset.injected = 'outside script';", content_type="text/javascript"))


def _injection_result(page) -> dict[str, object]:
    page.wait_for_selector("#comments.is-enhanced")  # the page's own scripts run either way
    page.wait_for_function("() => document.getElementById('injected-img').complete")
    page.click("#injected-link")
    page.wait_for_timeout(200)
    return page.evaluate("""() => ({
        injected: document.documentElement.dataset.injected || null,
        color: getComputedStyle(document.getElementById('injected-style')).color,
    })""")


def test_markup_slipped_into_a_page_does_not_run(live_site, page, csp_violations):
    site = make_site()
    url = f"{live_site.url}{site.article.get_absolute_url()}"
    _serve_with_injection(page, url, keep_policy=True)
    page.goto(url)
    result = _injection_result(page)
    assert result["injected"] is None
    assert result["color"] != "rgb(255, 0, 0)"
    blocked = sorted({(v["directive"], v["blocked"]) for v in csp_violations.take()})
    assert blocked == [
        ("script-src-attr", "inline"),  # onload=
        ("script-src-elem", "https://scripts.example.net/steal.js"),
        ("script-src-elem", "inline"),  # <script> and the javascript: URL
        ("style-src-attr", "inline"),
    ]


def test_the_same_markup_runs_without_the_policy(live_site, page, csp_violations):
    """The control for the test above: its injected markup does run and apply when the header is taken away."""
    site = make_site()
    url = f"{live_site.url}{site.article.get_absolute_url()}"
    _serve_with_injection(page, url, keep_policy=False)
    page.goto(url)
    result = _injection_result(page)
    assert result["injected"] == "javascript: URL"  # the last of them to run
    assert result["color"] == "rgb(255, 0, 0)"
    assert csp_violations.take() == []
