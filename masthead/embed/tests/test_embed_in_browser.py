"""The snippet on a publisher's page on another site, in Chromium with third-party cookies blocked.

The host site (hosts.py) is ``http://localhost:<port>``; Masthead is the live server at ``http://127.0.0.1:<port>``:
different sites, so the frame is a third-party context. Every test here runs on both databases.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.discussion.models import Comment, Thread
from masthead.embed.actions import do_register_page
from masthead.embed.tests.hosts import HostSite, article_page, thread_frame
from masthead.funding.models import Campaign
from masthead.testing import stripe_fakes as fakes
from masthead.testing.discussion import post_as, reader
from masthead.testing.fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def masthead_cookies(context, live_site) -> list[dict]:
    return [c for c in context.cookies() if c["domain"] == "127.0.0.1"]


def test_third_party_cookies_are_blocked(chromium, host_site):
    """The browser setting really blocks: a cookie set by a cross-site frame is not stored, while the same cookie
    from the same address opened at the top level is."""
    setter = [("Set-Cookie", "probe=1; Path=/; SameSite=None; Secure")]
    host_site.add("/set-cookie", "<p>cookie</p>", setter)
    third_party = f"http://127.0.0.1:{host_site.port}/set-cookie"
    host_site.add("/embeds-a-frame", f"<iframe title='probe' src='{third_party}'></iframe>")
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(host_site.origin + "/embeds-a-frame")
        page.frame_locator("iframe").locator("p").wait_for()
        assert [c["name"] for c in context.cookies()] == []
        page.goto(third_party)  # first-party now: stored
        assert [c["name"] for c in context.cookies()] == ["probe"]
    finally:
        context.close()


def test_loader_waits_for_the_thread_then_a_guest_posts_and_another_reader_sees_it_live(
        live_site, chromium, embed_allowed, relaxed_moderation):
    host: HostSite = embed_allowed
    url = host.add("/2026/river-path/", article_page(live_site.url, "Council votes on the river path"))
    first_context, second_context = chromium.new_context(), chromium.new_context()
    try:
        first = first_context.new_page()
        masthead_requests: list[str] = []
        first.on("request", lambda request: masthead_requests.append(request.url)
                 if request.url.startswith(live_site.url) else None)
        first.goto(url)
        first.wait_for_function("() => document.readyState === 'complete'")
        first.wait_for_timeout(300)  # the loader has run (async script); nothing near the viewport yet
        assert first.locator("[data-masthead-thread] iframe").count() == 0
        assert masthead_requests == [f"{live_site.url}/embed.js"]

        frame = thread_frame(first)
        assert frame.locator("#comments-heading").inner_text() == "0 Comments"
        thread = Thread.objects.select_related("article").get(article__external_url=url)
        assert thread.article is not None
        assert thread.article.headline == "Council votes on the river path"

        second = second_context.new_page()
        second.goto(url)
        other = thread_frame(second)
        second.wait_for_timeout(300)  # its event stream is open

        frame.locator("#comment-body").fill("The **river path** needs lighting.")
        frame.locator("input[name=author_name]").fill("Ada")
        frame.locator(".comment-submit").click()
        frame.get_by_text("Your comment is published.").wait_for()
        posted = Comment.objects.get()
        assert (posted.author_name, posted.thread_id, posted.user_id) == ("Ada", thread.pk, None)
        assert frame.locator(f"#comment-{posted.pk} .comment-body").inner_text() == "The river path needs lighting."
        assert frame.locator(f"#comment-{posted.pk} .comment-edit").count() == 1  # the frame kept its edit token

        other.locator(".show-new").wait_for()
        assert other.locator(".show-new").inner_text() == "1 new comment"
        other.locator(".show-new").click()
        assert other.locator(f"#comment-{posted.pk} .comment-body").inner_text() == "The river path needs lighting."

        # The second reader replies; the first sees the reply arrive live, under the comment it answers.
        other.locator(f"#comment-{posted.pk} .comment-reply").click()
        other.locator("#comment-body").fill("Agreed, and benches.")
        other.locator("input[name=author_name]").fill("Bo")
        other.locator(".comment-submit").click()
        other.get_by_text("Your comment is published.").wait_for()
        reply = Comment.objects.get(parent=posted)
        assert (reply.author_name, reply.depth) == ("Bo", 1)
        frame.locator(".show-new").wait_for()
        frame.locator(".show-new").click()
        assert frame.locator(f"#comment-{reply.pk}[data-depth='1'][data-parent='{posted.pk}']").count() == 1
        assert frame.locator(f"#comment-{posted.pk} .comment-reply-count").inner_text() == "1 reply"

        # Edit within the window, in place, from the frame that posted.
        frame.locator(f"#comment-{posted.pk} .comment-edit").click()
        frame.locator(".comment-edit-form textarea").fill("The river path needs lighting now.")
        frame.locator(".comment-edit-form .comment-submit").click()
        frame.locator(f"#comment-{posted.pk} .comment-edited").wait_for()
        other.locator(f"#comment-{posted.pk} .comment-edited").wait_for()  # live "edited" event
        assert "lighting now" in Comment.objects.get(pk=posted.pk).body

        # The host resized the frame to its content (postMessage from the frame, origin-checked).
        content = frame.evaluate("() => Math.ceil(document.documentElement.getBoundingClientRect().height)")
        first.wait_for_function("(h) => document.querySelector('[data-masthead-thread] iframe').style.height === h",
                                arg=f"{content}px")
        assert content > 640  # grown from the loader's first height to the whole discussion

        # No cookie of Masthead's was stored: the whole exchange ran on the frame token.
        assert masthead_cookies(first_context, live_site) == []
        assert masthead_cookies(second_context, live_site) == []
        save_screenshot(first, "embed-host-page")
    finally:
        first_context.close()
        second_context.close()


def test_votes_and_the_three_sorts_in_the_frame(live_site, chromium, embed_allowed, relaxed_moderation):
    host: HostSite = embed_allowed
    url = host.add("/votes/", article_page(
        live_site.url, "Votes", spacer=False,
        extra=" data-masthead-accent='#224466' data-masthead-font='Georgia, serif' data-masthead-text='red;x:url(/a)'"))
    article = do_register_page(url, "Votes")
    thread = Thread.objects.get_or_create(key=f"article:{article.pk}", defaults={"article": article})[0]
    older = post_as(thread, reader("older", network="net-1"), body="The older comment.", author_name="Old")
    newer = post_as(thread, reader("newer", network="net-2"), body="The newer comment.", author_name="New")
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        frame = thread_frame(page)
        # The host's look, as custom properties; the value that is not a colour was dropped.
        looks = frame.evaluate("""() => ['--support', '--serif', '--ink'].map(
            (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim())""")
        assert looks[:2] == ["#224466", "Georgia, serif"]
        assert looks[2] in ("#1a1a1a", "#ecebe6")  # the site's own text colour
        assert frame.evaluate("() => getComputedStyle(document.querySelector('.comment-submit')).backgroundColor") \
            == "rgb(34, 68, 102)"
        roots = frame.locator(".comment[data-depth='0'] .comment-body")
        assert roots.all_inner_texts() == ["The newer comment.", "The older comment."]

        frame.locator(f"#comment-{older.pk} .vote-up").click()
        frame.locator(f"#comment-{older.pk} .vote-up[aria-pressed=true]").wait_for()
        assert frame.locator(f"#comment-{older.pk} .comment-score").inner_text() == "1"
        assert Comment.objects.get(pk=older.pk).score == 1
        frame.locator(f"#comment-{older.pk} .vote-down").click()  # the same reader changes their vote
        frame.locator(f"#comment-{older.pk} .vote-down[aria-pressed=true]").wait_for()
        assert Comment.objects.get(pk=older.pk).score == -1
        frame.locator(f"#comment-{older.pk} .vote-down").click()  # and withdraws it
        frame.locator(f"#comment-{older.pk} .vote-down[aria-pressed=false]").wait_for()
        frame.locator(f"#comment-{newer.pk} .vote-up").click()
        frame.locator(f"#comment-{newer.pk} .vote-up[aria-pressed=true]").wait_for()
        assert (Comment.objects.get(pk=older.pk).score, Comment.objects.get(pk=newer.pk).score) == (0, 1)

        frame.locator(".discussion-sort a[data-sort=oldest]").click()
        frame.wait_for_function("() => document.getElementById('comments').dataset.sort === 'oldest'")
        assert roots.all_inner_texts() == ["The older comment.", "The newer comment."]
        frame.locator(".discussion-sort a[data-sort=votes]").click()
        frame.wait_for_function("() => document.getElementById('comments').dataset.sort === 'votes'")
        assert roots.all_inner_texts() == ["The newer comment.", "The older comment."]
        frame.locator(".discussion-sort a[data-sort=newest]").click()
        frame.wait_for_function("() => document.getElementById('comments').dataset.sort === 'newest'")
        assert roots.all_inner_texts() == ["The newer comment.", "The older comment."]
        assert masthead_cookies(context, live_site) == []
    finally:
        context.close()


def _deliver(base_url: str, evt: dict) -> int:
    payload = fakes.body(evt)
    request = urllib.request.Request(f"{base_url}/support/webhooks/stripe/", data=payload, method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Stripe-Signature": fakes.sign(payload)})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def test_funding_bar_in_the_frame_updates_after_a_signed_webhook(live_site, chromium, embed_allowed, settings,
                                                                 mid_month):
    settings.STRIPE_WEBHOOK_SECRET = fakes.SECRET
    settings.STRIPE_SECRET_KEY = "sk_test_embed"
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing may reach Stripe
    campaign = Campaign.objects.create(name="Keep the river desk going", goal=500_000, is_active=True)
    host: HostSite = embed_allowed
    url = host.add("/funded/", article_page(live_site.url, "Funded story", funding=True, spacer=False))
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        frame = thread_frame(page)
        bar = frame.locator(".funding-bar")
        assert bar.locator(".funding-bar__title").inner_text() == "Keep the river desk going"
        assert bar.locator("[data-funding-raised]").inner_text() == "$0"
        frame.wait_for_function(
            "() => document.querySelector('[data-funding-live]').dataset.fundingMessages >= '1'")
        session = fakes.checkout_session("pi_embed", 89_500, campaign.pk, email="donor@example.org")
        assert _deliver(live_site.url, fakes.event("checkout.session.completed", session)) == 200
        frame.wait_for_function("() => document.querySelector('[data-funding-raised]').textContent === '$895'")
        assert bar.locator("[data-funding-supporters]").inner_text() == "1"
        assert bar.get_by_role("progressbar").get_attribute("aria-valuenow") == "89500"
    finally:
        context.close()


def test_counts_fill_a_list_page_in_one_request(live_site, chromium, embed_allowed, relaxed_moderation):
    host: HostSite = embed_allowed
    talked = host.origin + "/talked-about/"
    quiet = host.origin + "/quiet/"
    article = do_register_page(talked, "Talked about")
    thread = Thread.objects.get_or_create(key=f"article:{article.pk}", defaults={"article": article})[0]
    post_as(thread, reader("a", network="net-a"))
    post_as(thread, reader("b", network="net-b"), body="Second.")
    listing = host.add("/", (
        "<!doctype html><html lang='en'><head><title>News</title></head><body><ul>"
        f"<li><a href='{talked}'>Talked about</a> <a href='{talked}#comments' data-masthead-count='{talked}'>…</a></li>"
        f"<li><a href='{quiet}'>Quiet</a> <a href='{quiet}#comments' data-masthead-count='{quiet}'>…</a></li>"
        f"</ul><script src='{live_site.url}/embed.js' async></script></body></html>"))
    context = chromium.new_context()
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url) if "/embed/counts" in request.url else None)
        page.goto(listing)
        page.get_by_text("2 comments").wait_for()
        assert page.locator("[data-masthead-count]").all_inner_texts() == ["2 comments", "0 comments"]
        assert len(requests) == 1
    finally:
        context.close()


def test_a_site_that_is_not_allowed_gets_nothing_and_a_clear_message(live_site, chromium, embed_allowed,
                                                                     hostile_site, relaxed_moderation):
    allowed_url = embed_allowed.add("/story/", article_page(live_site.url, "Story", spacer=False))
    article = do_register_page(allowed_url, "Story")
    thread = Thread.objects.get_or_create(key=f"article:{article.pk}", defaults={"article": article})[0]
    post_as(thread, body="A reader's comment.")
    url = hostile_site.add("/copy/", article_page(live_site.url, "Copied story", spacer=False).replace(
        "</main>", f"<a href='{allowed_url}' data-masthead-count='{allowed_url}'>count</a></main>"))
    context = chromium.new_context()
    try:
        page = context.new_page()
        messages: list[str] = []
        page.on("console", lambda message: messages.append(message.text))
        page.goto(url)
        page.locator("[data-masthead-thread]").scroll_into_view_if_needed()
        page.wait_for_function("() => true")
        page.wait_for_timeout(1000)
        told = [m for m in messages if m.startswith("Masthead:")]
        assert told == [f"Masthead: {hostile_site.origin} is not allowed to embed from {live_site.url}. Ask its "
                        f"staff to add {hostile_site.origin} to EMBED_ALLOWED_ORIGINS or to Admin > Embed > "
                        "Allowed origins."]
        assert page.locator("iframe").count() == 0
        assert page.locator("[data-masthead-count]").inner_text() == "count"
        assert Thread.objects.count() == 1
    finally:
        context.close()


def test_a_hostile_page_can_neither_frame_nor_script_the_embed(live_site, chromium, embed_allowed, hostile_site,
                                                               relaxed_moderation):
    """Clickjacking: framing the frame directly (claiming to be the allowed host) is refused by frame-ancestors.
    CSRF: a cross-site fetch or form post to every write path is refused; nothing is written."""
    allowed_url = embed_allowed.origin + "/story/"
    article = do_register_page(allowed_url, "Story")
    thread = Thread.objects.get_or_create(key=f"article:{article.pk}", defaults={"article": article})[0]
    target = post_as(thread, body="Target.")
    query = urllib.parse.urlencode({"url": allowed_url, "origin": embed_allowed.origin})
    writes = json.dumps([
        ["POST", f"/api/discussion/threads/{thread.pk}/comments", {"body": "Forged.", "author_name": "M"}],
        ["PUT", f"/api/discussion/comments/{target.pk}", {"body": "Forged edit."}],
        ["DELETE", f"/api/discussion/comments/{target.pk}", None],
        ["POST", f"/api/discussion/comments/{target.pk}/vote", {"value": 1}],
    ])
    url = hostile_site.add("/trap/", f"""<!doctype html><html lang="en"><head><title>Trap</title></head><body>
      <iframe id="trap" title="trap" src="{live_site.url}/embed/frame/?{query}"></iframe>
      <form id="plain" method="post" action="{live_site.url}/discussion/threads/{thread.pk}/comments" target="sink">
        <input name="body" value="Forged form."><input name="author_name" value="M"></form>
      <iframe name="sink" title="sink"></iframe>
      <script>
        window.results = [];
        const writes = {writes};
        Promise.all(writes.map(([method, path, body]) => fetch("{live_site.url}" + path, {{
          method, credentials: "include", mode: "no-cors", headers: {{"Content-Type": "text/plain"}},
          body: body === null ? undefined : JSON.stringify(body)}}).then(() => "sent", () => "failed")))
          .then((r) => {{ window.results = r; document.getElementById("plain").submit(); }});
      </script></body></html>""")
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => window.results.length === 4")
        page.wait_for_timeout(800)
        trap = page.frame_locator("#trap")
        assert trap.locator("#comments").count() == 0  # refused: frame-ancestors names the allowed host only
        for frame in page.frames:
            if frame != page.main_frame:
                assert frame.evaluate("() => !!document.querySelector('#comments')") is False
        comment = Comment.objects.get()
        assert (comment.body, comment.status, comment.score) == ("Target.", Comment.Status.VISIBLE, 0)
    finally:
        context.close()


def test_report_and_notify_of_open_on_masthead_in_a_window_of_their_own(live_site, chromium, embed_allowed,
                                                                       relaxed_moderation):
    """Pages Masthead never lets anyone frame (the report form, the subscription's answer) open at the top level,
    where Masthead's cookies are first-party; the frame stays as it was."""
    url = embed_allowed.add("/notify/", article_page(live_site.url, "Notify", spacer=False))
    article = do_register_page(url, "Notify")
    thread = Thread.objects.get_or_create(key=f"article:{article.pk}", defaults={"article": article})[0]
    comment = post_as(thread, body="Report me.")
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        frame = thread_frame(page)
        with context.expect_page() as opened:
            frame.locator(f"#comment-{comment.pk} .comment-flag").click()
        report = opened.value
        report.wait_for_load_state()
        assert report.url == f"{live_site.url}/moderation/comments/{comment.pk}/flag"
        assert report.locator("h1").count() == 1
        report.close()

        frame.locator(".notify-of-email").fill("reader@example.org")
        with context.expect_page() as opened:
            frame.locator(".notify-of-submit").click()
        answer = opened.value
        answer.wait_for_load_state()
        assert answer.url.startswith(f"{live_site.url}/notifications/")
        assert "reader@example.org" not in answer.url
        assert answer.locator("h1").inner_text() == "Check your inbox"
        back = answer.get_by_role("link", name="Back to the discussion").get_attribute("href")
        assert back == f"/embed/thread/{article.pk}/#comments"  # the crawlable copy: the page is elsewhere
        assert frame.locator("#comments.is-enhanced").count() == 1  # the frame itself did not navigate
    finally:
        context.close()


def test_signing_in_through_the_window_lets_the_frame_post_as_the_account(live_site, chromium, embed_allowed,
                                                                          relaxed_moderation):
    """The session cookie is first-party in the sign-in window only; the frame gets an account token from it."""
    user = get_user_model().objects.create_user("rea", "rea@example.org", "pw-for-tests-only", first_name="Rea",
                                                last_name="Der")
    client = Client()
    client.force_login(user)
    url = embed_allowed.add("/signed/", article_page(live_site.url, "Signed", spacer=False))
    context = chromium.new_context()
    try:
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_site.url,
                              "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
        page = context.new_page()
        page.goto(url)
        frame = thread_frame(page)
        # The session cookie exists but is not sent to the third-party frame: it renders for a guest.
        assert frame.locator(".comment-form-identity").is_visible()
        with context.expect_page() as opened:
            frame.locator(".embed-signin").click()
        popup = opened.value
        popup.wait_for_load_state()
        assert popup.locator(".embed-signin-done").count() == 1
        frame.locator(".embed-signed-in").wait_for()
        assert not frame.locator(".comment-form-identity").is_visible()
        popup.close()
        frame.locator("#comment-body").fill("Signed in from the frame.")
        frame.locator(".comment-submit").click()
        frame.get_by_text("Your comment is published.").wait_for()
        comment = Comment.objects.get()
        assert (comment.user_id, comment.author_name) == (user.pk, "Rea Der")
    finally:
        context.close()
