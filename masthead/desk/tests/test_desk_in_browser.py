"""The desk in Chromium, as a reporter and an editor use it (one module: the machine is small).

1. A story written on the desk: keyboard marks, two pasted images whose alt text is enforced before publishing,
   a reload mid-sentence that loses nothing, the live preview matching the public page, a schedule that makes
   the story appear at its time, a correction note on the page and in the JSON-LD, and a restore from revisions.
2. Two editors on one draft: the second to save is warned, and keeps their words.
3. axe-core finds nothing on any desk screen, light and dark, desktop and phone.
"""

from __future__ import annotations

import base64
import io
import json
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from PIL import Image

from masthead.core.staff_roles import EDITORS
from masthead.publishing.models import Article, Revision
from masthead.testing.articles import make_author, make_topic
from masthead.testing.axe import AXE, run_axe
from masthead.testing.fixtures import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _desk_settings(settings) -> None:
    settings.PUBLICATION_TIME_ZONE = settings.TIME_ZONE = "Pacific/Auckland"


def _signed_in(context: object, live_url: str, username: str) -> None:
    """A staff user in the Editors group, signed in in this browser context."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-desk-1234", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,  # type: ignore[attr-defined]
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": live_url}])


def _png(color: tuple[int, int, int]) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), color).save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


PASTE = """([data, name]) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, {type: "image/png"}));
    document.getElementById("desk-body").dispatchEvent(
        new ClipboardEvent("paste", {clipboardData: transfer, bubbles: true, cancelable: true}));
}"""


def _open_new_story(page: object, live_url: str) -> int:
    page.goto(live_url + "/desk/")  # type: ignore[attr-defined]
    page.get_by_role("button", name="New story").click()  # type: ignore[attr-defined]
    _wait_ready(page)
    return int(page.locator("#desk-editor-page").get_attribute("data-article-id"))  # type: ignore[attr-defined]


def _wait_ready(page: object) -> None:
    """The editor's script has run (it is deferred: the fields exist, and take typing, before it does)."""
    page.wait_for_selector("#desk-editor-page[data-ready='true']", state="attached")  # type: ignore[attr-defined]


def _wait_saved(page: object) -> None:
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => document.getElementById('desk-save-state').textContent.startsWith('Saved at')")


def _jsonld(page: object) -> dict:
    return json.loads(page.locator('script[type="application/ld+json"]').first.text_content())  # type: ignore[attr-defined]


def test_write_two_images_reload_preview_schedule_correct_and_restore(live_site, chromium):
    make_author("Ana Reporter")
    make_topic("Council")
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    _signed_in(context, live_site.url, "ana")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda dialog: dialog.accept())
    article_id = _open_new_story(page, live_site.url)

    # Words, by keyboard: headline, standfirst, a bold mark with Ctrl+B.
    page.fill("#desk-headline", "Council approves the river plan")
    page.fill("#desk-standfirst", "Six votes to three, after a long night.")
    page.get_by_label("Council", exact=True).check()
    body = page.locator("#desk-body")
    body.click()
    page.keyboard.type("The vote was ")
    page.keyboard.press("Control+b")
    page.keyboard.type("close")
    page.keyboard.press("End")
    page.keyboard.type(".\n\n")
    _wait_saved(page)
    assert "The vote was **close**." in body.input_value()

    # Two pasted images: uploaded with progress, placed in the story, listed for their details.
    page.evaluate(PASTE, [_png((200, 40, 40)), "red.png"])
    page.wait_for_selector("form.desk-image >> nth=0")
    page.evaluate(PASTE, [_png((40, 40, 200)), "blue.png"])
    page.wait_for_selector("form.desk-image >> nth=1")
    assert body.input_value().count("![](/media/body/") == 2
    _wait_saved(page)

    # Alt text is enforced: publishing is refused while an image has none.
    page.get_by_role("button", name="Publish now").click()
    page.wait_for_selector(".desk-message--error")
    assert "alt text" in page.locator(".desk-message--error").text_content()
    assert not Article.objects.get(pk=article_id).is_live
    for n, alt in enumerate(["A red flood marker", "The blue river at dawn"]):
        image = page.locator("form.desk-image").nth(n)
        image.get_by_label("Alt text (required to publish)").fill(alt)
        image.get_by_label("Caption").fill(f"Picture {n + 1}")
        image.get_by_role("button", name="Save image details").click()
        page.wait_for_function(f"() => document.querySelectorAll('.desk-image__state')[{n}].textContent"
                               f".startsWith('Image details saved')")

    # A reload mid-sentence keeps the words (this browser's copy, then the autosave).
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("Councillors will meet again in")
    page.reload()
    _wait_ready(page)
    assert body.input_value().endswith("Councillors will meet again in")
    page.keyboard.press("Tab")  # nothing else to do by hand: the restored words save themselves
    _wait_saved(page)
    assert Article.objects.get(pk=article_id).body.endswith("Councillors will meet again in")
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" March.")
    _wait_saved(page)

    # Schedule two hours ahead in the publication's time zone: not there now, there at its time.
    at = (timezone.now() + timedelta(hours=2)).astimezone(ZoneInfo("Pacific/Auckland")).replace(second=0, microsecond=0)
    page.fill("#desk-at", at.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Schedule").click()
    page.wait_for_selector(".desk-message--success")
    article = Article.objects.get(pk=article_id)
    assert article.status == Article.Status.SCHEDULED
    assert article.published_at == at
    reader = chromium.new_context()
    reader_page = reader.new_page()
    assert reader_page.goto(live_site.url + article.get_absolute_url()).status == 404
    with time_machine.travel(at + timedelta(minutes=1), tick=True):
        response = reader_page.goto(live_site.url + article.get_absolute_url())
        assert response.status == 200
        public_body = reader_page.locator("#article-body").inner_html()
        assert reader_page.locator("#article-body img[srcset]").count() == 2
        assert reader_page.locator("#article-body figure.body-image figcaption").first.text_content() == "Picture 1"
        assert reader_page.locator("#article-body img").first.get_attribute("alt") == "A red flood marker"

        # The desk's preview is the public page's own rendering, in the same styles.
        page.reload()
        page.wait_for_selector("#desk-preview-body #article-body")
        assert page.locator("#desk-preview-body #article-body").inner_html() == public_body
        assert page.locator("#desk-preview-body #article-headline").text_content() == \
            reader_page.locator("#article-headline").text_content()
        style = "(el) => { const s = getComputedStyle(el); return [s.fontFamily, s.fontSize, s.lineHeight]; }"
        assert page.locator("#desk-preview-body #article-body p").first.evaluate(style) == \
            reader_page.locator("#article-body p").first.evaluate(style)

        # A correction note: under the story, in its JSON-LD, with its Updated time, and in the revisions.
        page.fill("#desk-correction", "An earlier version gave the vote as seven to two.")
        page.get_by_role("button", name="Add correction").click()
        page.wait_for_selector(".desk-message--success")
        reader_page.goto(live_site.url + article.get_absolute_url())
        assert "seven to two" in reader_page.locator("#corrections").text_content()
        assert reader_page.locator(".byline__updated").count() == 1
        corrections = _jsonld(reader_page)["correction"]
        assert corrections[0]["@type"] == "CorrectionComment"
        assert corrections[0]["text"] == "An earlier version gave the vote as seven to two."
        assert Revision.objects.filter(article_id=article_id, kind=Revision.Kind.CORRECTION).count() == 1
        save_screenshot(reader_page, "desk-published-story")

    # Restore from revisions: a regretted headline is undone by restoring the revision before it, as a new
    # revision; nothing is lost.
    reader.close()
    page.fill("#desk-headline", "A headline we regret")
    page.get_by_role("button", name="Save", exact=True).click()
    _wait_saved(page)
    good = Revision.objects.filter(article_id=article_id, headline="Council approves the river plan") \
        .order_by("-number").first()
    regret = Revision.objects.filter(article_id=article_id).order_by("-number").first()
    assert good is not None
    assert regret is not None
    assert regret.headline == "A headline we regret"
    count = Revision.objects.filter(article_id=article_id).count()
    page.goto(f"{live_site.url}/desk/articles/{article_id}/revisions/?r={regret.number}")
    assert page.locator(".desk-diff ins").first.text_content().strip() == "A headline we regret"
    page.goto(f"{live_site.url}/desk/articles/{article_id}/revisions/?r={good.number}")
    page.get_by_role("button", name=f"Restore revision {good.number}").click()
    page.wait_for_selector(".desk-message--success")
    assert page.locator("#desk-headline").input_value() == "Council approves the river plan"
    assert Article.objects.get(pk=article_id).headline == "Council approves the river plan"
    restored = Revision.objects.filter(article_id=article_id).order_by("-number").first()
    assert restored is not None
    assert restored.kind == Revision.Kind.RESTORE
    assert Revision.objects.filter(article_id=article_id).count() == count + 1
    save_screenshot(page, "desk-editor")
    context.close()


def test_two_editors_on_one_draft_get_the_conflict_warning(live_site, chromium):
    first, second = (chromium.new_context(viewport={"width": 1280, "height": 900}) for _ in range(2))
    _signed_in(first, live_site.url, "first-editor")
    _signed_in(second, live_site.url, "second-editor")
    one, two = first.new_page(), second.new_page()
    article_id = _open_new_story(one, live_site.url)
    two.goto(f"{live_site.url}/desk/articles/{article_id}/")
    _wait_ready(two)
    # The first editor by keyboard alone: Tab from the kicker to the headline, type, Ctrl+S.
    one.focus("#desk-kicker")
    one.keyboard.press("Tab")
    assert one.evaluate("() => document.activeElement.id") == "desk-headline"
    one.keyboard.press("Control+a")
    one.keyboard.type("Headline from the first editor")
    one.keyboard.press("Control+s")
    _wait_saved(one)
    latest = Revision.objects.filter(article_id=article_id).order_by("-number").first()
    assert latest is not None
    assert (latest.kind, latest.headline) == (Revision.Kind.SAVE, "Headline from the first editor")  # not an autosave
    two.locator("#desk-body").click()
    two.keyboard.type("Words only the second editor wrote.")
    two.wait_for_selector("#desk-alert:not([hidden])")
    assert "first-editor saved this story after you opened it" in two.locator("#desk-alert").text_content()
    assert Article.objects.get(pk=article_id).headline == "Headline from the first editor"
    # Their words are still in the field and in this browser's copy.
    assert two.locator("#desk-body").input_value() == "Words only the second editor wrote."
    kept = two.evaluate(f"() => JSON.parse(localStorage.getItem('masthead-desk:{article_id}')).fields.body")
    assert kept == "Words only the second editor wrote."
    first.close()
    second.close()


def test_words_typed_before_the_script_ran_are_saved(live_site, chromium):
    """A slow connection: the reporter types while desk.js is still loading; those words save like any others."""
    make_topic("Council")
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    _signed_in(context, live_site.url, "early-typist")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_site.url + "/desk/")
    page.route("**/desk.js*", lambda route: route.abort())  # the script has not arrived yet
    page.get_by_role("button", name="New story").click()
    page.wait_for_selector("#desk-body")
    article_id = int(page.locator("#desk-editor-page").get_attribute("data-article-id"))
    assert page.locator("#desk-editor-page").get_attribute("data-ready") is None
    page.fill("#desk-headline", "Typed before the script")
    page.get_by_label("Council", exact=True).check()
    script_url = page.evaluate("() => document.querySelector('script[src*=\"desk.js\"]').src")
    page.unroute("**/desk.js*")
    page.add_script_tag(url=script_url)  # now it arrives
    _wait_saved(page)
    article = Article.objects.get(pk=article_id)
    assert article.headline == "Typed before the script"
    assert [topic.name for topic in article.topics.all()] == ["Council"]
    context.close()


def test_axe_finds_nothing_on_the_desk_screens(live_site, chromium):
    assert AXE.exists(), f"{AXE} is missing: `make axe` installs axe-core from its npm package"
    make_author("Ana Reporter")
    make_topic("Council")
    setup = chromium.new_context()
    _signed_in(setup, live_site.url, "axe-desk")
    cookies = setup.cookies()
    setup.close()
    page_for_setup = None
    found: dict[str, list[dict]] = {}
    for scheme, width, height in (("light", 1280, 900), ("dark", 1280, 900), ("light", 390, 844),
                                  ("dark", 390, 844)):
        context = chromium.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        context.add_cookies(cookies)
        page = context.new_page()
        page.set_default_timeout(15_000)
        if page_for_setup is None:
            article_id = _open_new_story(page, live_site.url)
            page.fill("#desk-headline", "Accessible story")
            page.locator("#desk-body").fill("A paragraph.\n\n## A heading\n\nMore words.")
            page.locator("#desk-body").press("End")
            _wait_saved(page)
            page.evaluate(PASTE, [_png((10, 120, 60)), "green.png"])
            page.wait_for_selector("form.desk-image")
            _wait_saved(page)
            page_for_setup = article_id
        link = page.goto(f"{live_site.url}/desk/articles/{page_for_setup}/") and \
            page.locator("#desk-preview-link").input_value()
        screens = [("desk-home", "/desk/"), ("desk-edit", f"/desk/articles/{page_for_setup}/"),
                   ("desk-revisions", f"/desk/articles/{page_for_setup}/revisions/")]
        for name, path in screens:
            page.goto(live_site.url + path)
            found[f"{name}-{scheme}-{width}"] = run_axe(page)
            save_screenshot(page, f"axe-{name}-{scheme}-{width}")
        if width == 390:  # the phone's preview toggle, then the preview it shows
            page.goto(f"{live_site.url}/desk/articles/{page_for_setup}/")
            page.get_by_role("button", name="Show preview").click()
            page.wait_for_selector("#desk-preview-body #article-headline")
            found[f"desk-edit-preview-{scheme}-{width}"] = run_axe(page)
        anonymous = chromium.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        shared = anonymous.new_page()
        response = shared.goto(link)
        assert response.status == 200
        assert "noindex" in response.headers["x-robots-tag"]
        found[f"shared-preview-{scheme}-{width}"] = run_axe(shared)
        anonymous.close()
        context.close()
    problems = {name: v for name, v in found.items() if v}
    assert not problems, json.dumps(problems, indent=1)
