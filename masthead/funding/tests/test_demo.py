import io

import pytest

from masthead.funding import demo, ledger
from masthead.funding.models import Campaign, Donation

# This month's totals: the month must not turn while a test runs (mid_month, testing/fixtures.py).
pytestmark = pytest.mark.usefixtures("mid_month")


@pytest.mark.django_db
def test_demo_campaign_is_active_and_partly_funded_by_every_kind_of_donation():
    out = io.StringIO()
    campaign = demo.seed(out)
    assert Campaign.objects.get(is_active=True) == campaign
    assert ledger.compute(campaign).raised == 89_500
    kinds = set(Donation.objects.values_list("kind", "status"))
    assert {("one_off", "paid"), ("one_off", "refunded"), ("monthly", "paid"), ("manual", "paid")} <= kinds
    assert "$895 raised of $5,000" in out.getvalue()
    assert demo.seed(out) == campaign  # running it again adds nothing
    assert Donation.objects.count() == 5


@pytest.mark.django_db
def test_api_exposes_public_totals_only(client):
    assert client.get("/api/funding/campaign").status_code == 404
    demo.seed(io.StringIO())
    data = client.get("/api/funding/campaign").json()
    assert (data["raised"], data["raised_display"], data["goal"], data["supporters"]) == (89_500, "$895", 500_000, 4)
    assert [tick["label"] for tick in data["ticks"]] == ["0", "2,500", "5,000"]
    body = str(data)
    assert "Friends of the Library" not in body
    assert "@" not in body
