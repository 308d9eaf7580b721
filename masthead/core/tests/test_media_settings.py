"""MEDIA_S3_* settings: parsed strictly (an address that is not one stops start-up naming the setting), and the
bucket's public origin joins the Content-Security-Policy's img-src."""

from __future__ import annotations

import subprocess
import sys

import pytest

from masthead.core.env import SettingError, env_url
from masthead.core.media_settings import public_origin, s3_storage
from masthead.testing.processes import masthead_env

PRINT_STORAGE = ("import django; django.setup(); from django.conf import settings; "
                 "print(settings.STORAGES['default']['BACKEND']); print(settings.CSP_IMG_SRC)")


@pytest.mark.parametrize("value", ["s3.internal:9000", "ftp://s3.internal", "https://", "https://s3.internal/?x=1",
                                   "https://s3.internal/#top", "javascript:alert(1)"])
def test_an_address_that_is_not_one_is_refused_naming_the_setting(monkeypatch, value):
    monkeypatch.setenv("MEDIA_S3_ENDPOINT_URL", value)
    with pytest.raises(SettingError, match="MEDIA_S3_ENDPOINT_URL"):
        env_url("MEDIA_S3_ENDPOINT_URL")


def test_addresses_lose_their_trailing_slash(monkeypatch):
    monkeypatch.setenv("MEDIA_S3_PUBLIC_URL", "https://media.example.org/lantern/")
    assert env_url("MEDIA_S3_PUBLIC_URL") == "https://media.example.org/lantern"
    monkeypatch.delenv("MEDIA_S3_PUBLIC_URL")
    assert env_url("MEDIA_S3_PUBLIC_URL") == ""


def test_pages_link_to_the_public_address_and_the_policy_allows_its_origin():
    entry = s3_storage(bucket="media", endpoint_url="http://127.0.0.1:9000",
                       public_url="https://media.example.org/lantern")
    assert entry["OPTIONS"]["custom_domain"] == "media.example.org/lantern"
    assert entry["OPTIONS"]["url_protocol"] == "https:"
    assert public_origin(entry) == "https://media.example.org"
    path_style = s3_storage(bucket="media", endpoint_url="http://127.0.0.1:9000")
    assert path_style["OPTIONS"]["custom_domain"] == "127.0.0.1:9000/media"
    assert public_origin(path_style) == "http://127.0.0.1:9000"
    assert public_origin({"BACKEND": "django.core.files.storage.FileSystemStorage"}) == ""


def _settings_of(tmp_path, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PRINT_STORAGE], env=masthead_env(tmp_path, "", **environment),
                          capture_output=True, text=True, timeout=60, check=False)


def test_a_bucket_switches_the_media_storage_at_start_up(tmp_path):
    local = _settings_of(tmp_path)
    assert local.returncode == 0, local.stderr
    assert local.stdout.splitlines()[0] == "django.core.files.storage.FileSystemStorage"
    bucket = _settings_of(tmp_path, MEDIA_S3_BUCKET="media", MEDIA_S3_ENDPOINT_URL="http://127.0.0.1:9000")
    assert bucket.returncode == 0, bucket.stderr
    assert bucket.stdout.splitlines() == ["masthead.core.media_storage.ObjectStorage", "['http://127.0.0.1:9000']"]
    broken = _settings_of(tmp_path, MEDIA_S3_BUCKET="media", MEDIA_S3_PUBLIC_URL="media.example.org")
    assert broken.returncode != 0
    assert "MEDIA_S3_PUBLIC_URL must be an address such as https://s3.example.org" in broken.stderr
