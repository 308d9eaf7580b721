"""Before the bounds (0004): rows above the new ceilings stop counting, so the constraints can be added."""

from django.db import migrations, models

AMOUNT_CEILING = 10**13  # money.AMOUNT_CEILING when this migration was written
GOAL_CEILING = 10**15


def neutralise_out_of_range_rows(apps, schema_editor):
    """Rows a pre-bounds form let through (e.g. a manual gift of 92233720368547758.07) would block the constraints.

    Such an amount is not money anyone gave: the row stays, for staff to review, but stops counting (amounts set to
    0, status "failed"), and its note records the figure it had. Campaign bounds are clamped to the ceilings.
    """
    Donation = apps.get_model("funding", "Donation")
    Campaign = apps.get_model("funding", "Campaign")
    RecurringDonation = apps.get_model("funding", "RecurringDonation")
    fields = ("amount", "refunded_amount", "dispute_amount", "net_amount")
    out_of_range = models.Q(dispute_amount__lt=0)
    for field in fields:
        out_of_range |= models.Q(**{f"{field}__gt": AMOUNT_CEILING})
    for donation in Donation.objects.filter(out_of_range):
        figures = ", ".join(f"{field}={getattr(donation, field)}" for field in fields)
        donation.note = f"{donation.note}\n[Out of range, zeroed by migration 0003: {figures}]".strip()
        for field in fields:
            setattr(donation, field, 0)
        donation.is_paid = False
        donation.status = "failed"
        donation.save()
    Campaign.objects.filter(goal__gt=GOAL_CEILING).update(goal=GOAL_CEILING)
    Campaign.objects.filter(max_amount__gt=AMOUNT_CEILING).update(max_amount=AMOUNT_CEILING)
    Campaign.objects.filter(min_amount__gt=models.F("max_amount")).update(min_amount=models.F("max_amount"))
    RecurringDonation.objects.filter(amount__gt=AMOUNT_CEILING).update(amount=0)


class Migration(migrations.Migration):

    dependencies = [
        ('funding', '0002_donation_wall_name'),
    ]

    # Data only: on PostgreSQL, updated rows and ALTER TABLE in one transaction can clash (pending triggers).
    operations = [
        migrations.RunPython(neutralise_out_of_range_rows, migrations.RunPython.noop),
    ]
