"""The "Editors" group: staff in it write, schedule and publish articles, and manage authors and topics."""

from django.db import migrations

EDITORS = "Editors"
PERMISSIONS = [
    ("article", ["add", "change", "delete", "view"]),
    ("author", ["add", "change", "delete", "view"]),
    ("topic", ["add", "change", "delete", "view"]),
    ("relatedarticle", ["view"]),
]


def create_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; make sure this app's exist now.
    publishing = apps.get_app_config("publishing")
    publishing.models_module = True
    create_permissions(publishing, apps=apps, verbosity=0)
    publishing.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS for action in actions]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="publishing", codename__in=codenames)
    )


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("publishing", "0002_vectors_revisions_nav"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
