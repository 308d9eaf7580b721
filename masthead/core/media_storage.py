"""Uploaded media on S3-compatible object storage, when ``MEDIA_S3_BUCKET`` is set (docs/operations.md, "Media").

Local disk (``MEDIA_ROOT``) stays the default. With a bucket, every app server reads and writes the same objects,
so an image uploaded through one server is shown by all. Pages link straight to the bucket's public address
(``MEDIA_S3_PUBLIC_URL``, or the endpoint's path-style address): the app servers never carry image bytes.

Code that touches media goes through Django's storage API (``default_storage``, a field's ``storage``), never
through paths. ``ObjectStorage`` turns the S3 client's own exceptions into ``OSError`` (``FileNotFoundError`` for
a missing object, ``MediaUnavailable`` when the store does not answer), which is what the callers already handle
for local files: a page renders without the image, an upload fails with a clear message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any, TypeVar

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.base import File
from storages.backends.s3 import S3Storage

T = TypeVar("T")

# An unreachable store must not hold a request for minutes (boto's defaults: 60 s connect, 5 attempts).
CLIENT_CONFIG = Config(connect_timeout=3, read_timeout=10, retries={"max_attempts": 2, "mode": "standard"},
                       signature_version="s3v4", s3={"addressing_style": "path"})
NOT_FOUND_CODES = {"404", "NoSuchKey", "NotFound"}


class MediaUnavailable(OSError):
    """The object store did not answer, or refused the request."""


def _as_os_error(call: Callable[[], T], name: str) -> T:
    try:
        return call()
    except ClientError as error:
        code = str(error.response.get("Error", {}).get("Code", ""))
        if code in NOT_FOUND_CODES:
            raise FileNotFoundError(f"No media object named {name!r}") from error
        raise MediaUnavailable(f"The media store refused {name!r}: {code or error}") from error
    except BotoCoreError as error:
        raise MediaUnavailable(f"The media store did not answer: {error}") from error


class ObjectStorage(S3Storage):
    """django-storages' S3 backend, with failures as ``OSError`` like a local disk's."""

    _probe: Any = None  # the health check's own client (short timeouts, no retry), made on first use

    def __init__(self, **options: Any) -> None:
        options.setdefault("client_config", CLIENT_CONFIG)
        super().__init__(**options)

    def _open(self, name: str, mode: str = "rb") -> File:
        file = _as_os_error(lambda: super(ObjectStorage, self)._open(name, mode), name)
        # django-storages reads lazily; read the head now so a missing object fails here, not in the caller.
        _as_os_error(lambda: file.file, name)
        return file

    def _save(self, name: str, content: IO[Any]) -> str:
        return _as_os_error(lambda: super(ObjectStorage, self)._save(name, content), name)

    def delete(self, name: str) -> None:
        _as_os_error(lambda: super(ObjectStorage, self).delete(name), name)

    def exists(self, name: str) -> bool:
        return _as_os_error(lambda: super(ObjectStorage, self).exists(name), name)

    def size(self, name: str) -> int:
        return _as_os_error(lambda: super(ObjectStorage, self).size(name), name)

    def check_reachable(self, timeout: float) -> None:
        """Raise ``MediaUnavailable`` unless the bucket answers one HEAD request within ``timeout`` (/healthz)."""
        if self._probe is None:
            config = CLIENT_CONFIG.merge(Config(connect_timeout=timeout, read_timeout=timeout,
                                                retries={"max_attempts": 1, "mode": "standard"}))
            self._probe = self._create_session().client(
                "s3", endpoint_url=self.endpoint_url, region_name=self.region_name, use_ssl=self.use_ssl,
                verify=self.verify, config=config)
        _as_os_error(lambda: self._probe.head_bucket(Bucket=self.bucket_name), self.bucket_name)
