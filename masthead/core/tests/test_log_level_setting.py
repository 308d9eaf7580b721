"""LOG_LEVEL and TASK_LOG_LEVEL: any case is accepted (``warning``), and a level that is not one stops start-up
with a message naming the setting and the levels it takes (logging.config's own error named neither)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from masthead.core.env import SettingError, env_log_level
from masthead.testing.processes import masthead_env

PRINT_LEVELS = ("import django, logging; django.setup(); "
                "print(logging.getLevelName(logging.getLogger().level), "
                "logging.getLevelName(logging.getLogger('django_tasks').level))")


def _start(tmp_path, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PRINT_LEVELS], env=masthead_env(tmp_path, "", **environment),
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize(("value", "level"), [("warning", "WARNING"), ("Error", "ERROR"), (" debug ", "DEBUG"),
                                              ("INFO", "INFO"), ("", "INFO")])
def test_a_level_is_read_in_any_case(monkeypatch, value, level):
    monkeypatch.setenv("LOG_LEVEL", value)
    assert env_log_level("LOG_LEVEL", "INFO") == level


@pytest.mark.parametrize("value", ["loud", "warn ing", "10", "notset"])
def test_a_level_that_is_not_one_is_refused_naming_the_setting_and_the_levels(monkeypatch, value):
    monkeypatch.setenv("TASK_LOG_LEVEL", value)
    with pytest.raises(SettingError, match=r"^TASK_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL"):
        env_log_level("TASK_LOG_LEVEL", "WARNING")


def test_start_up_takes_a_lower_case_level_and_stops_clearly_on_a_wrong_one(tmp_path):
    lower = _start(tmp_path, LOG_LEVEL="warning", TASK_LOG_LEVEL="info")
    assert lower.returncode == 0, lower.stderr
    assert lower.stdout.split() == ["WARNING", "INFO"]
    wrong = _start(tmp_path, LOG_LEVEL="verbose")
    assert wrong.returncode != 0
    assert "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL (in any case), not 'verbose'" in wrong.stderr
    assert "Unable to configure" not in wrong.stderr
