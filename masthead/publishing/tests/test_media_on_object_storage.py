"""Featured images on S3-compatible object storage (a real S3 API server on 127.0.0.1, masthead/testing/s3.py).

Uploads go through the admin and the publishing actions into the bucket; pages link to the bucket and those links
return the bytes. With the store stopped (drill 6 of the scale-out issue): pages still render, an upload fails
with a clear message on the form, and nothing is saved that points to an object that does not exist.
"""

from __future__ import annotations

import re
import urllib.request
from io import BytesIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from masthead.core.media_storage import MediaUnavailable
from masthead.publishing import actions
from masthead.publishing.models import Article
from masthead.testing.articles import make_article, make_author, make_png, make_topic
from masthead.testing.s3 import S3Server

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client) -> User:
    user = User.objects.create_user("editor", password="x" * 12, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def _upload_form(**overrides: object) -> dict[str, object]:
    image = make_png(1200, 675)
    image.name = "weir.png"
    data: dict[str, object] = {
        "headline": "Weir repaired after the floods", "slug": "weir-repaired", "standfirst": "Fixed.",
        "body": "The weir is repaired.", "status": Article.Status.PUBLISHED, "published_at_0": "",
        "published_at_1": "", "discussion_open": "on", "image_caption": "", "featured_image": image,
        "image_alt": "Water pouring over a concrete weir.", "authors": [make_author().pk], "topics": [make_topic().pk],
        "related_entries-TOTAL_FORMS": "0", "related_entries-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def _bucket_keys(server: S3Server, bucket: str) -> set[str]:
    listing = server.client().list_objects_v2(Bucket=bucket)
    return {entry["Key"] for entry in listing.get("Contents", [])}


def _fetch(url: str) -> bytes:
    assert url.startswith("http://127.0.0.1:")  # the test server, never an outside host
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read()


def _image_urls(html: str, article: Article) -> list[str]:
    [tag] = [t for t in re.findall(r"<img\b[^>]*>", html) if f'src="{article.featured_image.url}"' in t]
    srcset = re.search(r'\ssrcset="([^"]*)"', tag)
    assert srcset, tag
    # srcset lists the variants and then the original, which is also the src.
    return [article.featured_image.url, *[entry.split()[0] for entry in srcset.group(1).split(", ")][:-1]]


def test_an_image_uploaded_in_the_admin_lands_in_the_bucket_and_pages_link_to_it(client, editor, s3_media,
                                                                                    s3_server):
    response = client.post(reverse("admin:publishing_article_add"), _upload_form())
    assert response.status_code == 302, response.content.decode()[:2000]

    article = Article.objects.get(slug="weir-repaired")
    assert (article.image_width, article.image_height) == (1200, 675)
    variants = article.image_variants["widths"]
    assert sorted(variants) == ["480", "960"]
    assert _bucket_keys(s3_server, s3_media) == {article.featured_image.name, *variants.values()}

    page = client.get(article.get_absolute_url())
    urls = _image_urls(page.content.decode(), article)
    assert len(urls) == 3
    assert all(url.startswith(f"{s3_server.url}/{s3_media}/articles/") for url in urls)
    original = _fetch(urls[0])
    assert Image.open(BytesIO(original)).size == (1200, 675)
    widths = sorted(Image.open(BytesIO(_fetch(url))).width for url in urls[1:])
    assert widths == [480, 960]


def test_the_image_variants_command_writes_missing_variants_to_the_bucket(s3_media, s3_server):
    article = make_article(image=True)
    Article.objects.filter(pk=article.pk).update(image_variants={})  # as if stored before variants existed
    for name in _bucket_keys(s3_server, s3_media) - {article.featured_image.name}:
        default_storage.delete(name)
    assert _bucket_keys(s3_server, s3_media) == {article.featured_image.name}

    call_command("image_variants")

    article.refresh_from_db()
    assert _bucket_keys(s3_server, s3_media) == {article.featured_image.name,
                                                 *article.image_variants["widths"].values()}


def test_the_media_route_reads_through_the_bucket(client, s3_media):
    default_storage.save("articles/old.png", make_png(8, 8))
    answer = client.get("/media/articles/old.png")
    assert answer.status_code == 200
    assert Image.open(BytesIO(b"".join(answer.streaming_content))).size == (8, 8)
    assert client.get("/media/articles/missing.png").status_code == 404


@pytest.fixture
def stopped_store(s3_server):
    """The S3 server stopped for the test (started again for the next)."""
    s3_server.stop()
    yield s3_server
    s3_server.start()


def test_with_the_store_down_pages_render_and_an_upload_fails_cleanly(client, editor, s3_media, s3_server,
                                                                        stopped_store):
    # An article whose image is in the (now unreachable) bucket.
    shown = make_article(image=False, headline="Bridge reopens")
    Article.objects.filter(pk=shown.pk).update(featured_image="articles/2026/01/bridge.png", image_width=1200,
                                                image_height=675, image_alt="A bridge.")
    shown = Article.objects.get(pk=shown.pk)  # refresh_from_db would re-read the dimensions from the store

    pages = [shown.get_absolute_url(), reverse("publishing:home"), "/feed/", "/healthz"]
    for path in pages:
        answer = client.get(path)
        assert answer.status_code == 200, (path, answer.status_code)
    assert f'src="{shown.featured_image.url}"' in client.get(shown.get_absolute_url()).content.decode()
    assert client.get("/media/articles/2026/01/bridge.png").status_code == 404

    before = set(Article.objects.values_list("pk", flat=True))
    response = client.post(reverse("admin:publishing_article_add"), _upload_form())
    assert response.status_code == 200  # the form again, with the reason
    assert actions.MEDIA_UNAVAILABLE in response.content.decode()
    assert set(Article.objects.values_list("pk", flat=True)) == before
    print(f"\ndrill 6 (S3 stopped): pages rendered {len(pages)}/{len(pages)}, upload refused with the message, "
          f"new articles saved 0 (none pointing to an object that was never stored)")


def test_the_publishing_action_refuses_to_save_an_article_whose_image_could_not_be_stored(s3_media,
                                                                                            stopped_store):
    article = make_article(image=False, headline="Dam inspection")
    upload = make_png()
    upload.name = "dam.png"
    article.featured_image = upload
    article.image_alt = "A concrete dam."
    with pytest.raises(ValidationError) as raised:
        actions.do_save_article(article)
    assert raised.value.message_dict == {"featured_image": [actions.MEDIA_UNAVAILABLE]}
    assert Article.objects.get(pk=article.pk).featured_image.name == ""
    with pytest.raises(MediaUnavailable):
        default_storage.save("articles/x.png", make_png(4, 4))
