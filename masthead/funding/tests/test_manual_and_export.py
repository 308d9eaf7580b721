"""Staff record offline donations with a required, audited note, and export the ledger as a safe CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from masthead.core.staff_roles import FUNDING
from masthead.funding import actions, ledger
from masthead.funding.csv_export import neutralise
from masthead.funding.models import Campaign, Donation, FundingAudit
from masthead.testing.clock import early_this_month, this_month

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor(db):
    """A member of staff who handles money (the Funding group)."""
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw-editor-1234", is_staff=True)
    user.groups.add(Group.objects.get(name=FUNDING))
    return user


@pytest.fixture
def reader(db):
    return get_user_model().objects.create_user("reader", "reader@example.org", "pw-reader-1234")


def _manual(campaign, **overrides):
    return {"campaign": str(campaign.pk), "method": "bank", "amount": "120.50", "received_on": early_this_month(),
            "donor_name": "Cheque Writer", "note": "Bank transfer ref 4411, checked against statement", **overrides}


def test_staff_records_a_manual_donation_with_an_audited_note(client, campaign, editor, clock):
    # Received on the 2nd and counted on the 20th of the same month, whatever day the test runs.
    clock.move_to(this_month(20, hour=9))
    client.force_login(editor)
    response = client.post("/support/staff/manual/", _manual(campaign))
    assert response.status_code == 302
    donation = Donation.objects.get()
    assert (donation.kind, donation.method, donation.amount, donation.status) == ("manual", "bank", 12050, "paid")
    assert donation.recorded_by == editor
    audit = FundingAudit.objects.get()
    assert (audit.action, audit.actor, audit.donation) == ("manual_donation", editor, donation)
    assert "ref 4411" in audit.note
    assert ledger.totals(campaign).raised == 12050


def test_note_is_required(client, campaign, editor):
    client.force_login(editor)
    response = client.post("/support/staff/manual/", _manual(campaign, note="   "))
    assert response.status_code == 400
    assert Donation.objects.count() == 0
    assert FundingAudit.objects.count() == 0


def test_readers_cannot_record_or_export(client, campaign, reader):
    client.force_login(reader)
    assert client.post("/support/staff/manual/", _manual(campaign)).status_code == 302  # to the admin login
    assert client.get("/support/staff/export.csv").status_code == 302
    assert Donation.objects.count() == 0


def test_admin_add_goes_through_the_audited_form(client, editor, campaign):
    editor.is_superuser = True
    editor.save()
    client.force_login(editor)
    response = client.get("/admin/funding/donation/add/")
    assert response.status_code == 302
    assert response["Location"] == "/support/staff/manual/"


def test_csv_export_neutralises_formula_cells(client, campaign, editor):
    client.force_login(editor)
    for name, message in [("=HYPERLINK(\"http://evil\")", "+1 cmd"), ("@SUM(A1)", "-2+3")]:
        client.post("/support/staff/manual/", _manual(campaign, donor_name=name, public_message=message))
    # Forms strip surrounding whitespace; names from Stripe's checkout page may still start with a tab or CR.
    for name, message in [("\tTab", "\rCR"), ("Plain Name", "Thanks!")]:
        entry = actions.ManualDonation(campaign, "cheque", 12050, date(2026, 11, 2), "Cheque 17", donor_name=name,
                                       public_message=message)
        actions.do_record_manual_donation(editor, entry)
    response = client.get("/support/staff/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 4
    names = [row["donor_name"] for row in rows]
    assert names == ["'=HYPERLINK(\"http://evil\")", "'@SUM(A1)", "'\tTab", "Plain Name"]
    assert [row["public_message"] for row in rows] == ["'+1 cmd", "'-2+3", "'\rCR", "Thanks!"]
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert rows[0]["amount"] == "120.50"
    assert FundingAudit.objects.filter(action="csv_export").count() == 1


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("Ada") == "Ada"
    assert neutralise("") == ""
    assert neutralise(None) == ""
    assert neutralise("-") == "'-"


def test_admin_pages_render_for_staff(client, campaign, editor):
    editor.is_superuser = True
    editor.save()
    client.force_login(editor)
    client.post("/support/staff/manual/", _manual(campaign))
    donation = Donation.objects.get()
    for url in ["/admin/funding/campaign/", "/admin/funding/donation/",
                f"/admin/funding/donation/{donation.pk}/change/", "/admin/funding/fundingaudit/",
                "/admin/funding/stripeevent/", "/admin/funding/recurringdonation/", "/support/staff/manual/"]:
        assert client.get(url).status_code == 200, url


def test_admin_action_activates_one_campaign(client, campaign, editor):
    editor.is_superuser = True
    editor.save()
    client.force_login(editor)
    other = Campaign.objects.create(name="Spring", goal=1000)
    response = client.post("/admin/funding/campaign/", {"action": "activate", "_selected_action": [other.pk]})
    assert response.status_code == 302
    assert list(Campaign.objects.filter(is_active=True)) == [other]
