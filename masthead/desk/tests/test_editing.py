"""The desk's writes over HTTP: version-checked saves, revisions, schedules, preview links, uploads, corrections."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from masthead.desk import preview_links
from masthead.desk.tests.helpers import autosave, new_draft
from masthead.discussion.actions import NewComment
from masthead.passages.actions import AnchorData, current_revision, do_post_passage_comment
from masthead.passages.anchoring import create_anchor
from masthead.passages.models import PassageAnchor
from masthead.publishing.models import Article, BodyImage, Revision
from masthead.testing.discussion import reader

pytestmark = pytest.mark.django_db


def _png(width: int = 1200, height: int = 800) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (90, 120, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def _upload(client: Client, article: Article, data: bytes, name: str = "photo.png") -> dict:
    response = client.post(f"/desk/articles/{article.pk}/images", {"image": SimpleUploadedFile(name, data)},
                           HTTP_ACCEPT="application/json")
    return {"status": response.status_code, **response.json()}


def test_a_save_over_someone_elses_newer_version_is_refused_with_409(editor, contributor):
    article = new_draft(editor)
    loaded = article.version
    assert autosave(editor, article, loaded, headline="First", body="One.").status_code == 200
    refused = autosave(contributor, article, loaded, headline="Second", body="Two.")
    assert refused.status_code == 409
    assert "eve-editor saved this story after you opened it" in refused.json()["error"]
    article.refresh_from_db()
    assert article.headline == "First"
    assert article.body == "One."


def test_autosaves_fold_into_one_revision_and_a_restore_adds_one(editor, time_machine):
    article = new_draft(editor)
    version = article.version
    for n in range(3):
        version = autosave(editor, article, version, headline="Draft", body=f"Take {n}.").json()["version"]
    words = Revision.objects.filter(article=article).exclude(body="")
    assert list(words.values_list("body", flat=True)) == ["Take 2."]
    time_machine.move_to(timezone.now() + timedelta(minutes=11))  # a new sitting: a new revision
    version = autosave(editor, article, version, headline="Draft", body="Later.").json()["version"]
    numbers = list(Revision.objects.filter(article=article).order_by("number").values_list("number", "body"))
    assert numbers[-2:] == [(2, "Take 2."), (3, "Later.")]
    response = editor.post(f"/desk/articles/{article.pk}/revisions/2/restore", {"version": version})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "Take 2."
    latest = Revision.objects.filter(article=article).order_by("-number").first()
    assert latest is not None
    assert (latest.number, latest.kind, latest.body) == (4, Revision.Kind.RESTORE, "Take 2.")
    assert Revision.objects.filter(article=article).count() == 4  # nothing was removed


def test_the_diff_is_escaped(editor):
    article = new_draft(editor)
    autosave(editor, article, article.version, headline="H", body="<script>alert(1)</script> words")
    page = editor.get(f"/desk/articles/{article.pk}/revisions/")
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in page.content
    assert b"<script>alert(1)" not in page.content


def test_a_schedule_is_read_in_the_publication_time_zone_and_goes_live_at_its_time(editor, client, settings):
    settings.PUBLICATION_TIME_ZONE = settings.TIME_ZONE = "Pacific/Auckland"
    article = new_draft(editor)
    version = autosave(editor, article, article.version, headline="Dawn service", body="At dawn.").json()["version"]
    start = timezone.now()
    local = timezone.localtime(start + timedelta(days=1), timezone.get_current_timezone()).replace(
        second=0, microsecond=0)
    response = editor.post(f"/desk/articles/{article.pk}/publish",
                           {"action": "schedule", "at": local.strftime("%Y-%m-%dT%H:%M"), "version": version})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.SCHEDULED
    assert article.published_at == local  # the same instant, whatever zone it is shown in
    assert client.get(article.get_absolute_url()).status_code == 404
    with time_machine.travel(local + timedelta(seconds=1), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_a_time_that_has_passed_cannot_be_scheduled(editor):
    article = new_draft(editor)
    version = autosave(editor, article, article.version, headline="Late", body="Words.").json()["version"]
    past = timezone.localtime(timezone.now() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = editor.post(f"/desk/articles/{article.pk}/publish", {"action": "schedule", "at": past,
                                                                     "version": version},
                           HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert "passed" in response.json()["error"]


def test_a_preview_link_works_without_an_account_until_it_expires(editor, client, time_machine):
    article = new_draft(editor)
    autosave(editor, article, article.version, headline="Secret draft", body="Embargoed words.")
    path, expires = preview_links.make_path(article.pk)
    response = client.get(path)
    assert response.status_code == 200
    assert b"Embargoed words." in response.content
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert b'<meta name="robots" content="noindex">' in response.content
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert b'id="discussion-slot"' not in response.content  # a link holder cannot comment on a draft
    assert client.get(path[:-3] + "xx/").status_code == 404  # a forged token
    time_machine.move_to(expires + timedelta(seconds=1))
    assert client.get(path).status_code == 404


def test_uploads_are_checked_strictly(editor):
    article = new_draft(editor)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert _upload(editor, article, svg, "x.svg")["status"] == 400
    assert _upload(editor, article, b"not an image at all", "x.png")["status"] == 400
    truncated = _png()[:400]
    assert _upload(editor, article, truncated)["status"] == 400
    huge = io.BytesIO()
    Image.new("1", (8000, 6000)).save(huge, "PNG")  # 48 megapixels, a small file
    refused = _upload(editor, article, huge.getvalue())
    assert refused["status"] == 400
    assert "pixels" in refused["error"]
    assert BodyImage.objects.count() == 0


def test_an_uploaded_image_gets_variants_once_and_a_srcset_in_the_body(editor, client):
    article = new_draft(editor)
    answer = _upload(editor, article, _png(), "holiday.jpeg")
    assert answer["status"] == 201
    image = BodyImage.objects.get(pk=answer["id"])
    assert str(image.file.name).endswith(".png")  # named after what it is, not what it was called
    assert sorted(image.variants["widths"]) == ["480", "960"]
    version = autosave(editor, article, Article.objects.get(pk=article.pk).version, headline="Pictures",
                       body=f"Intro.\n\n{answer['markdown']}\n").json()["version"]
    refused = editor.post(f"/desk/articles/{article.pk}/publish", {"action": "now", "version": version},
                          HTTP_ACCEPT="application/json")
    assert refused.status_code == 400
    assert "alt text" in refused.json()["error"]
    saved = editor.post(f"/desk/images/{image.pk}", {"alt": "A beach", "caption": "Summer", "credit": "Ana",
                                                     "focal_x": "80", "focal_y": "10"})
    assert saved.status_code == 200
    published = editor.post(f"/desk/articles/{article.pk}/publish",
                            {"action": "now", "version": saved.json()["version"]}, HTTP_ACCEPT="application/json")
    assert published.status_code == 200
    article.refresh_from_db()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'alt="A beach"' in html
    assert "-w480.webp 480w" in html
    assert 'class="focal-right-top"' in html
    assert '<span class="body-image__credit">Ana</span>' in html


def test_a_correction_shows_on_the_page_and_in_the_jsonld(editor, client):
    article = new_draft(editor)
    version = autosave(editor, article, article.version, headline="Budget", body="It is $4m.").json()["version"]
    editor.post(f"/desk/articles/{article.pk}/publish", {"action": "now", "version": version})
    response = editor.post(f"/desk/articles/{article.pk}/corrections", {"text": "The budget is $5m, not $4m."})
    assert response.status_code == 302
    article.refresh_from_db()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "The budget is $5m, not $4m." in page
    data = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["correction"][0]["text"] == "The budget is $5m, not $4m."
    assert data["dateModified"] != data["datePublished"] or data["dateModified"]
    article.refresh_from_db()
    assert article.revised_at is not None
    assert Revision.objects.filter(article=article, kind=Revision.Kind.CORRECTION).count() == 1


def test_a_canonical_override_points_search_engines_elsewhere(editor, client):
    article = new_draft(editor)
    version = autosave(editor, article, article.version, headline="Syndicated", body="Words.",
                       canonical_url="https://partner.example.org/story").json()["version"]
    editor.post(f"/desk/articles/{article.pk}/publish", {"action": "now", "version": version})
    article.refresh_from_db()
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<link rel="canonical" href="https://partner.example.org/story">' in page


def test_the_preview_uses_the_public_renderer_and_stores_nothing(editor):
    article = new_draft(editor)
    response = editor.post(f"/desk/articles/{article.pk}/preview",
                           json.dumps({"headline": "<b>Bold?</b>", "body": "## Sub\n\n<img src=x onerror=alert(1)>",
                                       "authors": [], "topics": []}),
                           content_type="application/json", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    html = response.json()["html"]
    assert "&lt;b&gt;Bold?&lt;/b&gt;" in html
    assert "<h2>Sub</h2>" in html
    assert "onerror" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    article.refresh_from_db()
    assert article.headline == "Untitled draft"


def test_an_uploaded_image_becomes_the_featured_image_without_new_variants(editor, client):
    article = new_draft(editor)
    answer = _upload(editor, article, _png(), "lead.png")
    image = BodyImage.objects.get(pk=answer["id"])
    without_alt = editor.post(f"/desk/images/{image.pk}", {"alt": "", "focal_x": "50", "focal_y": "50",
                                                           "featured": "1"})
    assert without_alt.status_code == 400  # a featured image needs its alt text too
    saved = editor.post(f"/desk/images/{image.pk}", {"alt": "Floodwater on Main Street", "caption": "Main St",
                                                     "credit": "Ana", "focal_x": "50", "focal_y": "50",
                                                     "featured": "1"})
    assert saved.status_code == 200
    article.refresh_from_db()
    assert article.featured_image.name == image.file.name
    assert article.image_variants == image.variants
    assert (article.image_width, article.image_height, article.image_alt) == (1200, 800, "Floodwater on Main Street")
    assert "-w960.webp 960w" in article.image_srcset


def test_passage_comments_keep_their_anchors_through_desk_saves(editor, relaxed_moderation):
    article = new_draft(editor)
    body = "The river rose two metres overnight.\n\nThe council met at dawn to plan the clean-up."
    version = autosave(editor, article, article.version, headline="Flood", body=body).json()["version"]
    editor.post(f"/desk/articles/{article.pk}/publish", {"action": "now", "version": version})
    article.refresh_from_db()
    quote = "The council met at dawn"
    start = article.body_text.index(quote)
    made = create_anchor(article.body_text, start, start + len(quote))
    do_post_passage_comment(article, reader("quoter", network="net-quoter"),
                            AnchorData(revision=current_revision(article).number, exact=made.exact, start=made.start,
                                       end=made.end, prefix=made.prefix, suffix=made.suffix),
                            NewComment(body="Which council?", author_name="Q"))
    response = autosave(editor, article, article.version, headline="Flood",
                        body="A new first paragraph, added later.\n\n" + body, autosave=False)
    assert response.status_code == 200
    article.refresh_from_db()
    anchor = PassageAnchor.objects.get(article=article)
    assert anchor.status == PassageAnchor.Status.MOVED
    assert article.body_text[anchor.start:anchor.end] == quote
