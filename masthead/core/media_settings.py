"""``STORAGES["default"]`` for media on S3-compatible object storage, built from the ``MEDIA_S3_*`` settings.

Apart from core/media_storage.py so that settings.py does not import boto3 on sites that keep media on disk.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

OBJECT_STORAGE = "masthead.core.media_storage.ObjectStorage"


def s3_storage(*, bucket: str, endpoint_url: str = "", region: str = "", access_key_id: str = "",
               secret_access_key: str = "", public_url: str = "") -> dict[str, Any]:
    """The ``STORAGES["default"]`` entry for a bucket (settings.py; the tests build theirs with it too)."""
    if not public_url and endpoint_url:
        public_url = f"{endpoint_url.rstrip('/')}/{bucket}"  # path-style: works with every S3 implementation
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        "access_key": access_key_id or None,
        "secret_key": secret_access_key or None,
        "querystring_auth": False,  # plain public addresses: pages and caches keep them; the bucket is readable
        "file_overwrite": False,    # Django's rule: a second upload of the same name gets a new name
        "default_acl": None,        # access is the bucket policy's business
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},  # names never change
    }
    if public_url:
        parts = urlsplit(public_url.rstrip("/"))
        options["url_protocol"] = f"{parts.scheme}:"
        options["custom_domain"] = parts.netloc + parts.path
    return {"BACKEND": OBJECT_STORAGE, "OPTIONS": options}


def public_origin(storage_entry: dict[str, Any]) -> str:
    """``scheme://host[:port]`` the pages load media from ("" for local disk): the Content-Security-Policy's."""
    options = storage_entry.get("OPTIONS", {})
    if "custom_domain" in options:
        return f"{options['url_protocol']}//{options['custom_domain'].split('/', 1)[0]}"
    if storage_entry.get("BACKEND") == OBJECT_STORAGE:
        return "https://*.amazonaws.com"  # AWS itself, no public address given: virtual-hosted bucket names
    return ""
