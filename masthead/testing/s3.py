"""A real S3 API server for the tests: moto's server mode, run as its own process on a free loopback port.

It speaks the S3 protocol over HTTP like any S3-compatible store (MinIO, Ceph, a cloud bucket), so the media
storage is exercised through boto3 and the network, never through an object patched inside the test process.
It can be stopped and started again on the same port (the "S3 unavailable" drill); its data lives in memory, so
a restart starts empty.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from masthead.core.media_settings import s3_storage
from masthead.core.media_storage import CLIENT_CONFIG

ACCESS_KEY, SECRET_KEY, REGION = "test-access-key", "test-secret-key", "us-east-1"


def _moto_command() -> str:
    beside_python = Path(sys.executable).with_name("moto_server")
    return str(beside_python) if beside_python.exists() else (shutil.which("moto_server") or "moto_server")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def public_read_policy(bucket: str) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": [{
        "Sid": "PublicReadForMastheadMedia", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{bucket}/*",
    }]}


class S3Server:
    """``moto_server -H 127.0.0.1 -p <port>`` as a child process."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 30.0) -> None:
        self.process = subprocess.Popen([_moto_command(), "-H", "127.0.0.1", "-p", str(self.port)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moto_server exited with status {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/moto-api/", timeout=1):  # noqa: S310 - http, loopback
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("moto_server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def client(self) -> Any:
        return boto3.client("s3", endpoint_url=self.url, region_name=REGION, aws_access_key_id=ACCESS_KEY,
                            aws_secret_access_key=SECRET_KEY, config=CLIENT_CONFIG)

    def make_public(self, bucket: str) -> None:
        """Anyone may read the bucket's objects, as docs/operations.md tells operators to set up."""
        self.client().put_bucket_policy(Bucket=bucket, Policy=json.dumps(public_read_policy(bucket)))

    def storage_entry(self, bucket: str) -> dict[str, Any]:
        """``STORAGES["default"]`` as settings.py builds it from ``MEDIA_S3_*`` for this server and bucket."""
        return s3_storage(bucket=bucket, endpoint_url=self.url, region=REGION, access_key_id=ACCESS_KEY,
                          secret_access_key=SECRET_KEY)

    def environment(self, bucket: str) -> dict[str, str]:
        """The ``MEDIA_S3_*`` settings of a `masthead` process using this server and bucket."""
        return {"MEDIA_S3_BUCKET": bucket, "MEDIA_S3_ENDPOINT_URL": self.url, "MEDIA_S3_REGION": REGION,
                "MEDIA_S3_ACCESS_KEY_ID": ACCESS_KEY, "MEDIA_S3_SECRET_ACCESS_KEY": SECRET_KEY}


@pytest.fixture(scope="module")
def s3_server() -> Iterator[S3Server]:
    server = S3Server()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def s3_media(s3_server: S3Server, settings: Any) -> str:
    """Media in a fresh bucket on the S3 server for this test; yields the bucket's name."""
    if s3_server.process is None:  # a test before this one stopped it
        s3_server.start()
    bucket = f"media-{time.monotonic_ns()}"
    s3_server.client().create_bucket(Bucket=bucket)
    s3_server.make_public(bucket)
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.storage_entry(bucket)}
    return bucket
