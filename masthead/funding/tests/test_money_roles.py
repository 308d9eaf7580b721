"""Manual donations and the donor CSV are for staff who handle money (the Funding group), not moderators."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from masthead.core.staff_roles import ADMINS, EDITORS, MODERATORS
from masthead.funding import actions
from masthead.funding.models import Donation, FundingAudit
from masthead.testing.clock import early_this_month

pytestmark = pytest.mark.django_db

FUNDING = "Funding"  # core.staff_roles.FUNDING


def _staff(name: str, *groups: str):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", f"pw-{name}-12345", is_staff=True)
    for group in groups:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def _manual(campaign, **overrides):
    return {"campaign": str(campaign.pk), "method": "bank", "amount": "120.50", "received_on": early_this_month(),
            "note": "Bank transfer ref 9", **overrides}


@pytest.mark.parametrize("groups", [(MODERATORS,), (EDITORS,), (ADMINS,), (MODERATORS, EDITORS, ADMINS), ()])
def test_staff_without_the_money_role_are_refused(client, campaign, groups):
    client.force_login(_staff("mod", *groups))
    assert client.get("/support/staff/manual/").status_code == 403
    assert client.post("/support/staff/manual/", _manual(campaign)).status_code == 403
    export = client.get("/support/staff/export.csv")
    assert export.status_code == 403
    assert Donation.objects.count() == 0
    assert FundingAudit.objects.count() == 0


def test_the_action_itself_checks_the_role(campaign):
    with pytest.raises(actions.FundingError, match="handle money"):
        actions.check_manual_donation(_staff("mod", MODERATORS), campaign=campaign, method="bank",
                                      amount_text="10", received_on=campaign.created_at.date(), note="x")


def test_funding_staff_and_superusers_may(client, campaign):
    for user in (_staff("treasurer", FUNDING),
                 get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-boss-12345")):
        client.force_login(user)
        page = client.get("/support/staff/manual/")
        assert page.status_code == 200
        assert "Export all donations (CSV)" in page.content.decode()
        assert client.post("/support/staff/manual/", _manual(campaign)).status_code == 302
        assert client.get("/support/staff/export.csv").status_code == 200
    assert Donation.objects.count() == 2
    assert FundingAudit.objects.filter(action="csv_export").count() == 2


def test_manual_amounts_are_read_by_the_locale(client, campaign, settings):
    settings.PUBLICATION_LANGUAGE = "en"
    client.force_login(_staff("treasurer", FUNDING))
    response = client.post("/support/staff/manual/", _manual(campaign, amount="10,00"))
    assert response.status_code == 400
    assert "is not an amount we can read" in response.content.decode()
    assert Donation.objects.count() == 0
