"""Staff roles as Django groups, with the model permissions each needs in the admin.

- **Editors** write, schedule and publish articles and manage authors and topics; they may also moderate.
- **Contributors** write and revise drafts on the desk (and upload their images) but cannot publish, schedule
  or unpublish: publishing needs ``publishing.publish_article``, which only Editors (and superusers) hold.
- **Moderators** work the moderation queue and ban authors.
- **Admins** also change the moderation settings and word rules and read the audit log.
- **Funding** handles money: records manual donations, exports the donor CSV, manages campaigns
  (checked in ``masthead.funding.roles``).

What each role may do in Masthead's own views is decided in ``masthead.moderation.roles``. The groups are
ensured after every ``migrate`` (and every test-database flush) by a ``post_migrate`` handler, so they always
exist with their permissions, however the database was made.
"""

from __future__ import annotations

from typing import Any

EDITORS = "Editors"
MODERATORS = "Moderators"
ADMINS = "Admins"
FUNDING = "Funding"
CONTRIBUTORS = "Contributors"

# group -> app label -> model -> actions
ROLE_PERMISSIONS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    EDITORS: {
        "publishing": {
            "article": ("add", "change", "delete", "view", "publish"),
            "author": ("add", "change", "delete", "view"),
            "topic": ("add", "change", "delete", "view"),
            "relatedarticle": ("view",),
            "revision": ("view",),
            "correction": ("add", "view"),
            "bodyimage": ("add", "change", "view"),
        },
    },
    CONTRIBUTORS: {
        "publishing": {
            "article": ("add", "change", "view"),
            "author": ("view",),
            "topic": ("view",),
            "revision": ("view",),
            "bodyimage": ("add", "change", "view"),
        },
    },
    MODERATORS: {
        "moderation": {
            "ban": ("add", "change", "view"),
            "moderationdecision": ("view",),
            "wordrule": ("view",),
        },
    },
    ADMINS: {
        "moderation": {
            "ban": ("add", "change", "delete", "view"),
            "moderationdecision": ("view",),
            "wordrule": ("add", "change", "delete", "view"),
            "moderationsettings": ("change", "view"),
            "auditlog": ("view",),
        },
    },
    FUNDING: {
        "funding": {
            "campaign": ("add", "change", "view"),
            "donation": ("add", "view"),
            "recurringdonation": ("view",),
            "stripeevent": ("view",),
            "fundingaudit": ("view",),
        },
    },
}


def ensure_staff_roles(*, using: str = "default", **_: Any) -> None:
    """Create the groups and grant their permissions; safe to run any number of times."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    labels = {label for grants in ROLE_PERMISSIONS.values() for label in grants}
    for label in labels:
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    for name, grants in ROLE_PERMISSIONS.items():
        group = Group.objects.using(using).get_or_create(name=name)[0]  # (``_`` names the extra arguments)
        wanted = [
            permission
            for label, models in grants.items()
            for permission in Permission.objects.using(using).filter(
                content_type__app_label=label,
                codename__in=[f"{action}_{model}" for model, actions in models.items() for action in actions],
            )
        ]
        group.permissions.add(*wanted)


def on_post_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """Connected for the accounts app only: post_migrate is sent once per app, and once is enough."""
    ensure_staff_roles(using=using)
