"""Publishing's tests run background tasks inline, so "More on this topic" is filled when the test reads it."""

import pytest


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
