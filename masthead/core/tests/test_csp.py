"""The Content-Security-Policy (core/csp.py): on every page type, the same strict policy; no page carries markup
it would refuse; frame-ancestors follows X-Frame-Options; operators add hosts, never keywords."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import path, reverse
from django.views.decorators.clickjacking import xframe_options_exempt, xframe_options_sameorigin

from masthead.core.csp import HEADER, parse_report_uri, parse_sources
from masthead.core.env import SettingError
from masthead.core.tests.csp_site import POLICY, inline_code, make_site
from masthead.funding.models import Campaign

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[3]


def _clients(site) -> tuple[Client, Client, Client]:
    moderator, editor = Client(), Client()
    moderator.force_login(site.moderator)
    editor.force_login(site.admin)
    return Client(), moderator, editor


def _answers(site) -> dict[str, Any]:
    reader, moderator, editor = _clients(site)
    answers = {name: reader.get(url) for name, url in site.pages.items()}
    answers["admin sign-in"] = reader.get("/admin/login/")
    answers["moderation queue"] = moderator.get(site.staff_pages["moderation queue"])
    for name, url in site.staff_pages.items():
        if name.startswith("admin"):
            answers[name] = editor.get(url)
    return answers


def test_every_page_type_sends_the_policy(relaxed_moderation):
    site = make_site()
    answers = _answers(site)
    statuses = {name: answer.status_code for name, answer in answers.items()}
    assert statuses == {**dict.fromkeys(answers, 200), "not found": 404}
    assert {name: answer.get(HEADER) for name, answer in answers.items()} == dict.fromkeys(answers, POLICY)


def test_no_page_carries_markup_the_policy_would_refuse(relaxed_moderation):
    """Inline scripts, style blocks and attributes, event handlers, javascript: URLs: each would be blocked
    (and reported) in the browser, so a page that carries one has lost a feature or its look."""
    site = make_site()
    answers = _answers(site)
    html = {name: answer.content.decode() for name, answer in answers.items()}
    # The pages have what is checked: comments, the passage marks' data, the funding bar, the queue.
    for part in ('id="passage-data"', f'id="comment-{site.reply.pk}"', "funding-bar"):
        assert part in html["article"]
    assert "mq__" in html["moderation queue"]
    assert {name: inline_code(page) for name, page in html.items()} == {name: [] for name in html}


def test_no_admin_page_carries_markup_the_policy_would_refuse(relaxed_moderation):
    """Every model's list and add form in the admin, and the change form of each object made by make_site."""
    site = make_site()
    _reader, _moderator, editor = _clients(site)
    found = {}
    for model in admin.site._registry:
        meta = model._meta
        for view in ("changelist", "add"):
            # follow: adding a donation by hand is the funding app's own staff form
            response = editor.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}"), follow=True)
            if response.status_code == 403:  # models nobody adds by hand (ledger rows, audit log)
                continue
            assert response.status_code == 200, (meta.label, view, response.status_code)
            assert response[HEADER] == POLICY
            found[f"{meta.label} {view}"] = inline_code(response.content.decode())
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            response = editor.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk]))
            assert response.status_code == 200, (meta.label, "change", response.status_code)
            found[f"{meta.label} change"] = inline_code(response.content.decode())
    assert len(found) > 20
    assert found == {name: [] for name in found}


def test_the_check_finds_each_kind_of_inline_code():
    """inline_code above must be able to fail: each kind of markup the policy refuses is found."""
    page = """<p style="color: red">x</p><script>alert(1)</script><script src="/static/x.js"></script>
    <script type="application/ld+json">{}</script><style>p {}</style><img src="/x.png" onerror="go()">
    <a href=" JavaScript:go()">x</a>"""
    assert inline_code(page) == [
        "style attribute on <p> at line 1",
        "inline <script> at line 1",
        "<style> at line 2",
        "onerror handler on <img> at line 2",
        "javascript: URL in <a href> at line 3",
    ]


@xframe_options_sameorigin
def _framed_by_us(request):
    from django.http import HttpResponse

    return HttpResponse("<p>framable by this site</p>")


@xframe_options_exempt
def _framed_by_anyone(request):
    from django.http import HttpResponse

    return HttpResponse("<p>framable anywhere</p>")


urlpatterns = [path("same-origin", _framed_by_us), path("anyone", _framed_by_anyone)]


@pytest.mark.urls("masthead.core.tests.test_csp")
def test_frame_ancestors_follows_x_frame_options(client):
    same_origin, anyone = client.get("/same-origin"), client.get("/anyone")
    assert same_origin["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in same_origin[HEADER].split("; ")
    assert "X-Frame-Options" not in anyone
    assert "frame-ancestors" not in anyone[HEADER]
    assert anyone[HEADER].startswith("default-src 'self'; script-src 'self'; style-src 'self';")


def test_operators_add_image_hosts_form_targets_and_a_report_address(client, settings):
    settings.CSP_IMG_SRC = ["https://images.example.org", "https:"]
    settings.CSP_FORM_ACTION = ["https://pay.example.org"]
    settings.CSP_REPORT_URI = "/csp-reports"
    directives = client.get("/")[HEADER].split("; ")
    assert "img-src 'self' data: https://images.example.org https:" in directives
    assert ("form-action 'self' https://checkout.stripe.com https://billing.stripe.com https://pay.example.org"
            in directives)
    assert directives[-1] == "report-uri /csp-reports"
    assert "script-src 'self'" in directives
    assert "style-src 'self'" in directives


@pytest.mark.parametrize("value", [
    "'unsafe-inline'", "'unsafe-eval'", "'nonce-abc'", "https://a.example.org; script-src *",
    "https://a.example.org script-src", "data:,x", "",
])
def test_a_source_that_is_not_a_host_is_refused(value):
    with pytest.raises(SettingError, match="CSP_IMG_SRC"):
        parse_sources("CSP_IMG_SRC", [value])


def test_hosts_and_schemes_are_accepted():
    sources = ["https:", "https://images.example.org", "*.example.org", "https://cdn.example.org:8443/media/",
               "http://127.0.0.1:9000"]
    assert parse_sources("CSP_IMG_SRC", sources) == sources
    assert parse_report_uri("CSP_REPORT_URI", "https://reports.example.org/csp") == "https://reports.example.org/csp"
    with pytest.raises(SettingError, match="CSP_REPORT_URI"):
        parse_report_uri("CSP_REPORT_URI", "/csp; script-src *")


def test_a_keyword_in_the_environment_stops_start_up(tmp_path):
    env = {**os.environ, "CSP_IMG_SRC": "https://images.example.org,'unsafe-inline'",
           "MASTHEAD_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", "import masthead.settings"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "CSP_IMG_SRC: \"'unsafe-inline'\" is not a host or scheme" in result.stderr


def test_with_debug_on_error_pages_go_without_the_policy(client, settings):
    """Django's debug pages style themselves inline; the policy would leave them unreadable."""
    settings.DEBUG = True
    assert HEADER not in client.get("/no-such-page/")
    assert client.get("/")[HEADER] == POLICY
    settings.DEBUG = False
    assert client.get("/no-such-page/")[HEADER] == POLICY



def test_live_event_streams_carry_the_policy(live_site):
    """The streams are async views, answered through Django's ASGI handler, and never end."""
    campaign = Campaign.objects.create(name="Our goal this month", goal=500_000, is_active=True)
    with urllib.request.urlopen(f"{live_site.url}/support/live/{campaign.pk}/", timeout=10) as stream:
        assert stream.headers["Content-Type"] == "text/event-stream"
        assert stream.headers[HEADER] == POLICY
