"""The sign-in page explains each way in (emailed link for readers, password for account holders and staff)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_sign_in_page_explains_both_ways_in(client):
    html = client.get(reverse("accounts:home")).content.decode()
    text = _text(html)
    assert re.search(r'<h2 id="sign-in-heading">Sign in</h2>', html)
    assert "By emailed link (readers)" in text
    assert "leave the password empty" in text
    assert "By password (account holders who set one, and staff)" in text
    assert re.search(r'<h2 id="verify-heading">Or only verify your email</h2>', html)
    assert "No account needed" in text
    # Each form points at its explanation, and every field has a visible label that says what it is for.
    assert re.search(r'<form [^>]*id="sign-in-form" aria-describedby="ways-in"', html)
    assert re.search(r'<form [^>]*id="verify-form" aria-describedby="verify-explained"', html)
    assert 'id="ways-in"' in html
    assert 'id="verify-explained"' in html
    assert text.count("Email address") == 2
    assert "Password (only if you have set one; leave it empty and we email you a sign-in link)" in text
