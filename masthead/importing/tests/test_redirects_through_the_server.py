"""Old addresses through the real ASGI server with its in-process page cache: a 301 is never kept as a shared
page, a cached home page never answers a "/?p=12" address, and a removed redirect stops at once."""

from __future__ import annotations

import urllib.error
import urllib.request
from email.message import Message

import pytest

from masthead.importing.models import Redirect
from masthead.importing.tests.conftest import run_import

pytestmark = pytest.mark.django_db(transaction=True)


class _NoFollow(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def fetch(url: str) -> tuple[int, Message]:
    opener = urllib.request.build_opener(_NoFollow)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_old_addresses_redirect_through_the_page_cache(live_site, wxr_dir):
    run_import("wordpress", str(wxr_dir / "remark42_wordpress_test_xmlTestWP.xml"))
    home_status, home = fetch(f"{live_site.url}/")
    assert home_status == 200
    assert home["Cache-Control"] == "public, max-age=0, s-maxage=1"  # the home page is shared and kept

    for _ in range(2):  # the second time, the home page is in the cache: the redirect must still win
        status, headers = fetch(f"{live_site.url}/?p=100")
        assert (status, headers["Location"]) == (301, "/articles/do-you-rp/")
        assert "public" not in (headers.get("Cache-Control") or "")
    status, headers = fetch(f"{live_site.url}/2010/07/do-you-rp/")
    assert (status, headers["Location"]) == (301, "/articles/do-you-rp/")
    assert "public" not in (headers.get("Cache-Control") or "")

    Redirect.objects.filter(old_path__in=["/2010/07/do-you-rp/", "/?p=100"]).delete()
    status, _ = fetch(f"{live_site.url}/2010/07/do-you-rp/")
    assert status == 404  # nothing kept the old answer...
    status, _ = fetch(f"{live_site.url}/?p=100")
    assert status == 200  # ...in the same second: the home page again, as before the import
    status, _ = fetch(f"{live_site.url}/articles/do-you-rp/")
    assert status == 200
