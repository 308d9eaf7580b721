"""Signing out through one app server ends the session on the others (DESIGN.md's scaled shape): two
`masthead serve` on loopback, one database, one Redis, sessions and signed-in users read from Redis
(core/shared_sessions.py). A second copy of the session cookie (another tab, or a thief) is signed out too."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

from masthead.testing.processes import app_servers

REDIS_URL = "redis://127.0.0.1:6379/0"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
SIGNED_IN = 'id="sign-out"'

SETUP = """
import django
django.setup()
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User

user = User.objects.create_user("ada", "ada@example.org")
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(settings.SESSION_ENGINE, session.session_key)
"""


def _get(url: str, cookies: dict[str, str]) -> str:
    request = urllib.request.Request(url, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
    with urllib.request.urlopen(request, timeout=15) as response:
        return response.read().decode()


def _post(url: str, cookies: dict[str, str], form: dict[str, str]) -> int:
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(form).encode(), method="POST",
        headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
                 "Content-Type": "application/x-www-form-urlencoded"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=15) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_a_sign_out_through_one_server_ends_the_session_on_the_other(install, tmp_path):
    env = {**install.env, "REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": f"masthead-test-{uuid.uuid4().hex[:10]}"}
    made = subprocess.run([sys.executable, "-c", SETUP], env=env, capture_output=True, text=True, timeout=60,
                          check=True)
    engine, session_key = made.stdout.split()[-2:]
    assert engine == "masthead.core.shared_sessions"
    with app_servers(2, env, tmp_path) as (a, b):
        csrf = "c" * 32
        cookies = {"sessionid": session_key, "csrftoken": csrf}
        for _ in range(3):  # read from the database, then from Redis, on both servers
            assert SIGNED_IN in _get(f"{a}/account/", cookies)
            assert SIGNED_IN in _get(f"{b}/account/", cookies)

        page = _get(f"{a}/account/", cookies)
        token = TOKEN.search(page)
        assert token is not None
        assert _post(f"{a}/account/sign-out", cookies, {"csrfmiddlewaretoken": token.group(1)}) == 302

        assert SIGNED_IN not in _get(f"{b}/account/", cookies)  # at once, on the other server
        assert SIGNED_IN not in _get(f"{a}/account/", cookies)
