"""Fixtures shared by every app's tests: the database check, a live ASGI server, and headless Chromium."""

from __future__ import annotations

import os

import pytest

pytest_plugins = ["masthead.testing.clock", "masthead.testing.fixtures", "masthead.testing.redis_fixtures",
                  "masthead.testing.s3"]


def pytest_report_header(config: pytest.Config) -> str:
    return f"masthead database: {'postgresql' if os.environ.get('DATABASE_URL') else 'sqlite'}"
