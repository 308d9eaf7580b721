"""Home and an article page in headless Chromium: the anatomy a reader sees, saved as screenshots."""

import pytest

from masthead.testing.articles import make_article, make_author, make_topic
from masthead.testing.fixtures import save_screenshot as _save_screenshot

BODY = """The river path between the old mill and the footbridge reopened on Saturday, 22 March, eleven weeks
after the February floods washed out two sections of it.

According to the parks department's schedule, published on 3 March, the repairs cost 184,000 in the city's
emergency budget. The work replaced the gravel surface with a raised boardwalk over the lowest stretch.

## What changed

> "We built it to flood and come back," said the project engineer, Ines Arroyo.

Walkers can now reach the footbridge from the mill car park without the detour along Quarry Road. The
department says it will publish water-level readings at both ends of the path every morning.
"""


def save_screenshot(page, name: str) -> None:
    # A full-page screenshot does not scroll, so lazy images below the fold would stay blank.
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
    page.wait_for_function("() => [...document.images].every(img => img.complete && img.naturalWidth > 0)")
    page.evaluate("Promise.all([...document.images].map(img => img.decode()))")
    _save_screenshot(page, name)


@pytest.mark.browser
def test_home_and_article_in_a_browser(live_site, page):
    rivers, parks = make_topic("Rivers"), make_topic("Parks")
    ada, bo = make_author("Ada Quill"), make_author("Bo Lindqvist")
    make_article("Footbridge inspection finds rusted bolts", "The footbridge over the river needs new bolts.",
                 topics=[rivers], authors=[bo], image=True, image_caption="The footbridge in January.",
                 image_alt="A steel footbridge over a brown river.")
    make_article("Parks budget to grow by a tenth", "The parks budget will grow next year.", topics=[parks],
                 authors=[ada])
    make_article("River path flood damage: what we know", "Floods washed out the river path near the mill.",
                 topics=[rivers, parks], authors=[ada], image=True)
    article = make_article(
        "River path reopens after the February floods", BODY, topics=[rivers, parks], authors=[ada, bo],
        image=True, standfirst="Eleven weeks and a raised boardwalk later, walkers are back between the mill "
        "and the footbridge.", image_caption="Illustrative image: the river path at dusk.",
        image_alt="A boardwalk path beside a calm river under an evening sky.",
    )

    page.goto(live_site.url + "/")
    assert page.locator("h1").count() == 1
    assert page.locator("header.site-header").is_visible()
    assert page.get_by_role("navigation", name="Topics").is_visible()
    assert page.get_by_role("link", name=article.headline).first.is_visible()
    save_screenshot(page, "home")

    page.get_by_role("link", name=article.headline).first.click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert page.locator("h1").inner_text() == article.headline
    assert page.locator(".article__standfirst").is_visible()
    support = page.locator("#article a.support-link")
    assert support.count() == 2
    assert all(href.endswith("/support/") for href in support.evaluate_all("els => els.map(e => e.href)"))
    figure = page.locator("figure.featured-image")
    assert figure.locator("img").get_attribute("alt") == article.image_alt
    # The browser loaded one of the srcset candidates (a width-limited variant fits this viewport), not a broken URL.
    shown = figure.locator("img").evaluate(
        "img => ({ok: img.complete && img.naturalWidth > 0, src: new URL(img.currentSrc).pathname,"
        " css: img.clientWidth})")
    srcset = figure.locator("img").get_attribute("srcset")
    candidates = {c.split()[0]: int(c.split()[1][:-1]) for c in srcset.split(", ")}
    assert shown["ok"]
    assert shown["src"] in candidates
    assert candidates[shown["src"]] >= min(shown["css"], 1200)  # never a blurry pick narrower than the slot
    assert figure.locator("figcaption").inner_text() == article.image_caption
    assert "raised boardwalk" in page.locator("#article-body").inner_text()
    related = page.get_by_role("region", name="More on this topic")
    assert related.is_visible()
    assert related.get_by_role("link").first.inner_text() == "River path flood damage: what we know"
    save_screenshot(page, "article")

    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling on a phone
    save_screenshot(page, "article-phone")
