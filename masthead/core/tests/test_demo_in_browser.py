"""The demo publication as a reader sees it in Chromium: every image loads and decodes, and the article's
featured image carries its alt text (cards on lists may mark theirs decorative, next to the headline link)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from masthead.publishing.models import Article
from masthead.testing.fixtures import save_screenshot

IMAGES = """() => Array.from(document.querySelectorAll('main img')).map(img => ({
    src: img.currentSrc, alt: img.getAttribute('alt'), width: img.naturalWidth, complete: img.complete
}))"""


def load_all_images(page) -> list[dict]:
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => Array.from(document.images).every(img => img.complete)")
    return page.evaluate(IMAGES)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_demo_images_load_with_alt_text(live_site, page):
    call_command("demo", stdout=io.StringIO())
    newest = Article.objects.live().first()
    assert newest is not None

    page.goto(f"{live_site.url}/")
    on_home = load_all_images(page)
    save_screenshot(page, "demo-home")
    page.goto(f"{live_site.url}{newest.get_absolute_url()}")
    on_article = load_all_images(page)
    save_screenshot(page, "demo-article")

    assert len(on_home) >= 10
    for image in on_home + on_article:
        assert image["width"] > 0, f"{image['src']} did not load"
        assert image["alt"] is not None, f"{image['src']} has no alt attribute"
    # currentSrc is the srcset candidate the browser picked: the original or a `<stem>-w<width>.webp` variant.
    stem = newest.featured_image.url.rsplit(".", 1)[0]
    featured = [image for image in on_article if stem in image["src"]]
    assert featured
    assert featured[0]["alt"] == newest.image_alt
