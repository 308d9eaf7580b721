"""The ``masthead`` command: Django's management commands with Masthead's settings.

``masthead serve``, ``masthead worker``, ``masthead demo``, ``masthead migrate``, ``masthead createsuperuser``...
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["masthead", *(argv if argv is not None else sys.argv[1:])])


if __name__ == "__main__":
    main()
