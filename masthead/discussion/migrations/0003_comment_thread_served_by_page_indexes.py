"""The comment's thread gets no index of its own: the page and tree indexes start with the thread (models.py).

Only the index is dropped. An ``AlterField`` would have SQLite copy the whole comment table into a new one to
change nothing but this, which takes minutes on a large site; the index name is the one Django gave it on
both databases.
"""

import django.db.models.deletion
from django.db import migrations, models

INDEX = "discussion_comment_thread_id_f0db2e1e"


class Migration(migrations.Migration):

    dependencies = [
        ("discussion", "0002_comment_by_reader"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="comment",
                    name="thread",
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                            related_name="comments", to="discussion.thread"),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{INDEX}"',
                    reverse_sql=f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "discussion_comment" ("thread_id")',
                ),
            ],
        ),
    ]
