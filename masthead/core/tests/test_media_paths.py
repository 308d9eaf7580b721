"""The media view (embedded setup): odd paths are a 4xx, logged, never a 500."""

import logging

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture
def picture(settings):
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "photo.png").write_bytes(PNG)
    (settings.MEDIA_ROOT.parent / "outside.png").write_bytes(PNG)


def test_a_picture_is_served(picture):
    answer = Client().get("/media/photo.png")
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content) == PNG  # type: ignore[attr-defined]  # a FileResponse


@pytest.mark.parametrize("path", ["photo.png%00", "pho%00to.png", "%00", "a/%00/b.png"])
def test_a_nul_byte_in_the_path_is_a_bad_request(picture, path, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        answer = Client().get(f"/media/{path}")
    assert answer.status_code == 400
    assert any("Bad Request" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("path", ["a" * 300 + ".png", "x/" * 3000 + "y.png", "../outside.png", "%2e%2e/outside.png",
                                  "missing.png"])
def test_unnamable_missing_or_outside_paths_are_not_found(picture, path):
    assert Client().get(f"/media/{path}").status_code == 404
