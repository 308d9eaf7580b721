"""Guests' votes remember their network, so one network's guests count a bounded number of times per comment.

The vote's new column is added with plain ``ALTER TABLE ... ADD COLUMN ... DEFAULT ''``: Django's SQLite
editor would copy the whole vote table into a new one to add a NOT NULL column, which takes minutes on a
large site; both databases add a column with a constant default in place. Votes cast before this migration
have no network and do not count against any network's allowance.
"""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("discussion", "0003_comment_thread_served_by_page_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="discussionsettings",
            name="guest_votes_per_network",
            field=models.PositiveSmallIntegerField(
                default=1,
                help_text="Guest (not signed-in) votes counted per comment from one network (IPv4 /24, IPv6 /64); "
                "0: only signed-in readers vote. Accounts always count one each.",
                validators=[django.core.validators.MaxValueValidator(10)],
            ),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="vote",
                    name="network_hash",
                    field=models.CharField(blank=True, default="", max_length=40),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    """ALTER TABLE "discussion_vote" ADD COLUMN "network_hash" varchar(40) DEFAULT '' NOT NULL""",
                    reverse_sql='ALTER TABLE "discussion_vote" DROP COLUMN "network_hash"',
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="vote",
            index=models.Index(fields=["comment", "network_hash"], name="vote_guest_network"),
        ),
    ]
