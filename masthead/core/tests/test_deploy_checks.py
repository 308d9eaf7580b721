"""Production settings pass Django's deployment checks (SECURITY.md), and those checks are really running."""

from __future__ import annotations

import secrets
import subprocess

from masthead.testing.processes import MASTHEAD, masthead_env

PRODUCTION = {
    "DEBUG": "false",
    "SECURE_HTTPS": "true",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "news.example.org",
    "SITE_URL": "https://news.example.org",
    "EMAIL_HOST": "mail.example.org",
}


def deploy_check(tmp_path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MASTHEAD, "check", "--deploy", "--fail-level", "WARNING"],
        env=masthead_env(tmp_path, "", **env), capture_output=True, text=True, timeout=60, check=False,
    )


def test_production_settings_pass_the_deploy_checks(tmp_path):
    result = deploy_check(tmp_path, **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    # Only security.W003 is silenced (it looks for Django's CsrfViewMiddleware by path; masthead.core.csrf
    # replaces that middleware and checks itself, see test_csrf.py). Anything else must come with a comment.
    assert "no issues (1 silenced)" in result.stdout


def test_deploy_checks_flag_a_site_without_https(tmp_path):
    result = deploy_check(tmp_path, **{**PRODUCTION, "SECURE_HTTPS": "false"})

    assert result.returncode != 0
    assert "security.W004" in result.stderr  # no HSTS
    assert "security.W008" in result.stderr  # no redirect to HTTPS


def test_deploy_checks_flag_a_site_that_sends_no_mail(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "EMAIL_HOST"}
    result = deploy_check(tmp_path, **env)

    assert result.returncode != 0
    assert "masthead.W003" in result.stderr  # mail kept in the outbox, never sent
