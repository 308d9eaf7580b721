"""SECURITY.md, upload to code execution: readers upload nothing, and the media folder serves only images from
inside itself.

Every route the site has (read from Django's URL resolver, so a new one is included automatically) is sent a
multipart POST carrying a PHP file, by a guest and by a signed-in reader. Nothing may be written to the media folder,
the file's content may not reach any table, and no answer may be a 500. Only the admin (staff, behind its login) is
left out: its image field is for editors.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment
from masthead.funding.models import Campaign
from masthead.testing.articles import make_article, make_png
from masthead.testing.discussion import post_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]

MARK = "uploadmarker7f3e"
SHELL = f"<?php system($_GET['c']); /* {MARK} */ ?>".encode()
# Streams that never end: a POST to them is refused by method, and reading one would wait forever.
STREAMS = {"discussion/threads/<int:thread_id>/events", "support/live/<int:campaign_id>/"}


def _routes(patterns, prefix: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern) == "admin/":
                continue
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _fill(route: str, values: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1).split(":")[-1]
        assert name in values, f"{route}: teach this test a value for <{name}>"
        return values[name]

    return "/" + re.sub(r"<([^>]+)>", one, route)


def _uploads(tmp: Path) -> list[Path]:
    return [path for path in tmp.rglob("*") if path.is_file()] if tmp.exists() else []


def _forms() -> dict[str, object]:
    fields = {"body": "With a file.", "author_name": "Uploader", "email": "up@example.org", "thread": "1",
              "kind": "thread", "display_name": "Uploader", "amount": "10", "confirm": "erase"}
    return {**fields, **{name: SimpleUploadedFile(f"{name}.php", SHELL, content_type="image/png")
                         for name in ("file", "image", "avatar", "attachment", "upload", "body_file")}}


def test_no_route_stores_a_file_a_reader_sends(settings, django_user_model):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # a checkout reaching Stripe meets a closed port
    article = make_article(image=True)  # an editor's image, so the media folder is in use
    thread = thread_for_article(article)
    comment = post_as(thread)
    campaign = Campaign.objects.create(name="Goal", goal=100_000, currency="usd", is_active=True)
    media = Path(settings.MEDIA_ROOT)
    before = set(_uploads(media))
    values = {"thread_id": str(thread.pk), "comment_id": str(comment.pk), "pk": str(comment.pk),
              "article_id": str(article.pk), "anchor_id": "1", "campaign_id": str(campaign.pk), "token": "x" * 20,
              "purpose": "sign-in", "slug": article.slug, "path": "evil.php", "page": "1", "name": "site-model",
              "number": "1"}
    member = Client()
    member.force_login(django_user_model.objects.create_user("member", "m@example.org", "pw-member-1234"))
    routes = [route for route in _routes(get_resolver().url_patterns) if route not in STREAMS]
    assert len(routes) > 50
    for client in (Client(), member):
        for route in routes:
            path = _fill(route, values)
            response = client.post(path, _forms())
            # 503 is a clear answer, not a crash: card giving is off on a site without Stripe keys.
            assert response.status_code < 500 or response.status_code == 503, (path, response.status_code)
    assert set(_uploads(media)) == before
    assert not [path for path in _uploads(media) if path.suffix == ".php"]
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert MARK not in dump.getvalue()
    assert Comment.objects.filter(body="With a file.").exists()  # the posts themselves did arrive


def test_the_media_route_serves_only_images_inside_the_media_folder(settings, tmp_path):
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    (media / "photo.png").write_bytes(make_png(4, 4).read())
    for name, content in [("page.html", b"<script>alert(1)</script>"), ("shell.php", SHELL),
                          ("vector.svg", b"<svg onload=alert(1)/>"), ("photo.png.php", SHELL)]:
        (media / name).write_bytes(content)
    (tmp_path / "outside.png").write_bytes(make_png(4, 4).read())
    client = Client()
    image = client.get("/media/photo.png")
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    assert image["X-Content-Type-Options"] == "nosniff"
    for path in ["/media/page.html", "/media/shell.php", "/media/vector.svg", "/media/photo.png.php",
                 "/media/../outside.png", "/media/%2e%2e/outside.png", "/media/..%2foutside.png",
                 f"/media/{tmp_path}/outside.png", "/media//etc/passwd"]:
        assert client.get(path).status_code == 404, path
