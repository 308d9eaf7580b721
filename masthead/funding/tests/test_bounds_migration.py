"""A site that already took a hostile amount can still migrate: the row stops counting, the bounds are added."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("funding", "0002_donation_wall_name")]
AFTER = [("funding", "0004_bounded_amounts_and_other_ways")]


@pytest.mark.django_db(transaction=True)
def test_out_of_range_rows_are_zeroed_with_their_figures_kept_in_the_note():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        apps = executor.loader.project_state(BEFORE).apps
        Campaign = apps.get_model("funding", "Campaign")
        Donation = apps.get_model("funding", "Donation")
        campaign = Campaign.objects.create(name="Hit", goal=2**63 - 1, max_amount=2**62, min_amount=300,
                                           currency="usd")
        hostile = Donation.objects.create(campaign=campaign, kind="manual", method="bank", currency="usd",
                                          amount=2**63 - 1, net_amount=2**63 - 1, is_paid=True, status="paid",
                                          note="Typed by mistake")
        fine = Donation.objects.create(campaign=campaign, kind="manual", method="bank", currency="usd",
                                       amount=12_050, net_amount=12_050, is_paid=True, status="paid", note="Cheque")

        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        apps = executor.loader.project_state(AFTER).apps
        Campaign = apps.get_model("funding", "Campaign")
        Donation = apps.get_model("funding", "Donation")
        hostile = Donation.objects.get(pk=hostile.pk)
        assert (hostile.amount, hostile.net_amount, hostile.status, hostile.is_paid) == (0, 0, "failed", False)
        assert hostile.note.startswith("Typed by mistake\n[Out of range, zeroed by migration 0003: ")
        assert f"amount={2**63 - 1}" in hostile.note
        assert Donation.objects.get(pk=fine.pk).net_amount == 12_050
        campaign = Campaign.objects.get(pk=campaign.pk)
        assert (campaign.goal, campaign.max_amount) == (10**15, 10**13)
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
