"""``masthead.wsgi``, the entry the servers benchmark gives gunicorn and Granian: it answers through Django's WSGI
handler with the start-up work done (benchmarks/servers.py starts the real servers)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_wsgi_application_answers_a_page():
    from masthead import wsgi

    environ: dict[str, Any] = {"PATH_INFO": "/healthz", "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO()}
    setup_testing_defaults(environ)
    environ["HTTP_HOST"] = "localhost"
    started: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], object]:
        started.append(status)
        return lambda data: None

    body = b"".join(wsgi.application(environ, start_response))
    assert len(started) == 1, body[:300]
    assert started[0].startswith("200"), (started, body[:300])
