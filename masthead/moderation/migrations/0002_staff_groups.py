"""Formerly created the "Moderators" and "Admins" groups. Staff groups are now ensured after every migrate by
masthead.core.staff_roles (so they also survive test-database flushes); kept so the migration graph holds."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("moderation", "0001_initial"),
    ]

    operations = []  # deliberately empty (see above)
