"""Featured images get narrower WebP copies on save, listed in srcset; old images fall back to the plain src."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from masthead.publishing import actions
from masthead.publishing.models import Article
from masthead.testing.articles import make_article, make_png

pytestmark = pytest.mark.django_db


def _img_tags(html: str, src: str) -> list[str]:
    return [tag for tag in re.findall(r"<img\b[^>]*>", html) if f'src="{src}"' in tag]


def _attr(tag: str, name: str) -> str | None:
    found = re.search(rf'\s{name}="([^"]*)"', tag)
    return found.group(1) if found else None


def test_upload_writes_width_limited_variants_never_wider_than_the_original():
    article = make_article(image=True)  # a 1200x675 PNG
    article.refresh_from_db()
    record = article.image_variants
    name = article.featured_image.name
    assert name is not None
    assert article.image_width is not None
    assert record["source"] == name
    assert sorted(int(w) for w in record["widths"]) == [480, 960]  # 1600 would be an upscale
    stem = name.rsplit(".", 1)[0]
    for width, name in record["widths"].items():
        assert name == f"{stem}-w{width}.webp"
        assert default_storage.exists(name)
        with default_storage.open(name, "rb") as stored, Image.open(stored) as image:
            assert image.format == "WEBP"
            assert image.width == int(width) <= article.image_width
            assert image.height == round(675 * int(width) / 1200)


def test_a_wide_image_gets_every_variant():
    article = make_article(image=False)
    article.featured_image.save("wide.png", make_png(2000, 1000), save=False)
    article.image_alt = "A wide grey field."
    actions.do_save_article(article)
    assert sorted(int(w) for w in Article.objects.get(pk=article.pk).image_variants["widths"]) == [480, 960, 1600]


def test_a_tiny_image_gets_no_upscaled_variants(client):
    article = make_article(image=False)
    article.featured_image.save("tiny.png", make_png(300, 200), save=False)
    article.image_alt = "A small grey square."
    actions.do_save_article(article)
    article.refresh_from_db()
    assert article.image_variants["widths"] == {}
    html = client.get(article.get_absolute_url()).content.decode()
    [tag] = _img_tags(html, article.featured_image.url)
    assert _attr(tag, "srcset") is None
    assert _attr(tag, "sizes") is None


def test_article_page_and_cards_list_the_variants_in_srcset(client):
    article = make_article(image=True)
    article.refresh_from_db()
    urls = {w: default_storage.url(name) for w, name in article.image_variants["widths"].items()}
    expected = f"{urls['480']} 480w, {urls['960']} 960w, {article.featured_image.url} 1200w"
    page = client.get(article.get_absolute_url()).content.decode()
    [tag] = _img_tags(page, article.featured_image.url)
    assert _attr(tag, "srcset") == expected
    assert _attr(tag, "sizes") == "(max-width: 56rem) 100vw, 56rem"
    assert (_attr(tag, "width"), _attr(tag, "height")) == ("1200", "675")
    assert _attr(tag, "alt") == article.image_alt
    home = client.get(reverse("publishing:home")).content.decode()
    [card] = _img_tags(home, article.featured_image.url)
    assert _attr(card, "srcset") == expected
    assert _attr(card, "sizes")


def test_an_article_whose_variants_are_missing_renders_src_only(client):
    article = make_article(image=True)
    Article.objects.filter(pk=article.pk).update(image_variants={})  # as stored before variants existed
    for url in (article.get_absolute_url(), reverse("publishing:home")):
        html = client.get(url).content.decode()
        [tag] = _img_tags(html, article.featured_image.url)
        assert _attr(tag, "srcset") is None, url
        assert _attr(tag, "sizes") is None, url


def test_a_replaced_image_gets_new_variants_and_the_old_record_is_not_used(client):
    article = make_article(image=True)
    article.featured_image.save("replacement.png", make_png(1000, 500), save=False)
    actions.do_save_article(article)
    article.refresh_from_db()
    assert article.image_variants["source"] == article.featured_image.name
    assert all("replacement" in name for name in article.image_variants["widths"].values())


def test_old_images_get_their_variants_from_the_command(client):
    article = make_article(image=True)
    Article.objects.filter(pk=article.pk).update(image_variants={})  # stored before variants existed
    out = io.StringIO()
    call_command("image_variants", stdout=out)
    assert "Made variants for 1 image(s)." in out.getvalue()
    article.refresh_from_db()
    assert sorted(article.image_variants["widths"]) == ["480", "960"]
    [tag] = _img_tags(client.get(article.get_absolute_url()).content.decode(), article.featured_image.url)
    assert (_attr(tag, "srcset") or "").endswith(f"{article.featured_image.url} 1200w")
    call_command("image_variants", stdout=out)  # nothing left to do
    assert "Made variants for 0 image(s)." in out.getvalue()


def test_saving_an_article_whose_image_file_is_gone_still_saves_without_variants(client):
    article = make_article(image=True)
    Article.objects.filter(pk=article.pk).update(image_variants={})
    article.refresh_from_db()
    default_storage.delete(article.featured_image.name or "")
    article.headline = "A new headline for an old story"
    actions.do_save_article(article)
    # Read the row as stored (refresh_from_db would have Django re-open the missing file for its dimensions).
    stored = Article.objects.values("headline", "image_variants").get(pk=article.pk)
    assert stored == {"headline": "A new headline for an old story", "image_variants": {}}
