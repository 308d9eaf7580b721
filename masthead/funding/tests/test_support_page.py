"""The support page: the campaign, the donation form, and the opt-in donor wall."""

from __future__ import annotations

import pytest

from masthead.funding.models import Donation
from masthead.testing import stripe_fakes as fakes

pytestmark = pytest.mark.django_db(transaction=True)


def _donate(client, campaign, pi: str, *, name: str, wall: bool, anonymous: bool = False, message: str = "",
            amount: int = 1000) -> None:
    metadata = {"wall": "1" if wall else "0", "anonymous": "1" if anonymous else "0", "name": name,
                "message": message}
    session = fakes.checkout_session(pi, amount, campaign.pk, name="Billing Name", metadata=metadata)
    fakes.post(client, fakes.event("checkout.session.completed", session))


def test_support_page_shows_campaign_form_and_suggested_amounts(client, campaign):
    html = client.get("/support/?article=12").content.decode()
    assert "Support The Lantern" in html
    assert 'action="/support/checkout/"' in html
    assert "csrfmiddlewaretoken" in html
    for label in ("$5", "$10", "$25", "$50"):
        assert f"><span>{label}</span></label>" in html  # a choice (radio), not a submit button
    assert 'name="article" value="12"' in html
    assert "at least $3" in html


def test_donor_wall_is_opt_in_and_shows_anonymous_donors_as_such(client, campaign):
    _donate(client, campaign, "pi_w1", name="Grace", wall=True, message="For the river story")
    _donate(client, campaign, "pi_w2", name="Secret Person", wall=True, anonymous=True, message="Anonymous note")
    _donate(client, campaign, "pi_w3", name="Private Pat", wall=False)
    _donate(client, campaign, "pi_w4", name="Refunded Rob", wall=True)
    fakes.post(client, fakes.event("charge.refunded", fakes.charge_refunded("pi_w4", 1000, 1000)))
    html = client.get("/support/").content.decode()
    wall = html[html.index("Donor wall"):]
    assert "Grace" in wall
    assert "For the river story" in wall
    assert "Anonymous" in wall
    assert "Secret Person" not in html
    assert "Private Pat" not in html
    assert "Refunded Rob" not in html
    assert "Billing Name" not in html
    assert "reader@example.org" not in html


def test_wall_escapes_donor_text(client, campaign):
    _donate(client, campaign, "pi_xss", name="<script>alert(1)</script>", wall=True,
            message='<img src=x onerror="alert(2)">')
    html = client.get("/support/").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert Donation.objects.get().wall_name == "<script>alert(1)</script>"  # stored as text, escaped on output


def test_support_page_without_campaign(client, db):
    html = client.get("/support/").content.decode()
    assert "no fundraising campaign running" in html


def test_wall_name_and_message_are_cleaned_before_they_reach_stripe(client, campaign, fake_stripe):
    response = client.post("/support/checkout/", {
        "frequency": "one_off", "amount": "10", "listing": "name",
        "name": "Ad\u200ba \u202eevil\u202c", "message": "Thanks\u200d!\n\nFrom  us",
    })
    assert response.status_code == 303
    form = fake_stripe.requests[0]["form"]
    assert form["metadata[name]"] == "Ada evil"
    assert form["metadata[message]"] == "Thanks! From us"
