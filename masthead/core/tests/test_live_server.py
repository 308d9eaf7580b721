import json
import urllib.request

import pytest


@pytest.mark.django_db(transaction=True)
def test_live_server_answers_over_http(live_site):
    with urllib.request.urlopen(f"{live_site.url}/healthz", timeout=5) as response:
        assert json.loads(response.read())["status"] == "ok"
