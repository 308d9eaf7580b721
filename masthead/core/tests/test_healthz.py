import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_database(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] in {"sqlite", "postgresql"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405


def test_healthz_answers_plain_http_probes_on_an_https_site(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # what SECURE_HTTPS=true sets

    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301  # every page still moves to HTTPS
