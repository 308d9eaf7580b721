"""The "Moderators" and "Admins" groups (the "Editors" group comes from publishing). Idempotent.

What each role may do is decided in masthead/moderation/roles.py; the model permissions below let the same
people use the Django admin pages for moderation data.
"""

from django.db import migrations

GROUPS = {
    "Moderators": [
        ("ban", ["add", "change", "view"]),
        ("moderationdecision", ["view"]),
        ("wordrule", ["view"]),
    ],
    "Admins": [
        ("ban", ["add", "change", "delete", "view"]),
        ("moderationdecision", ["view"]),
        ("wordrule", ["add", "change", "delete", "view"]),
        ("moderationsettings", ["change", "view"]),
        ("auditlog", ["view"]),
    ],
}


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; make sure this app's exist now.
    moderation = apps.get_app_config("moderation")
    moderation.models_module = True
    create_permissions(moderation, apps=apps, verbosity=0)
    moderation.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_{model}" for model, actions in permissions for action in actions]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="moderation", codename__in=codenames)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(GROUPS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("moderation", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
