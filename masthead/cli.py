"""The ``masthead`` command: Django's management commands with Masthead's settings.

``masthead serve``, ``masthead worker``, ``masthead demo``, ``masthead migrate``, ``masthead createsuperuser``...
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["masthead", *(argv if argv is not None else sys.argv[1:])])
        sys.stdout.flush()  # here, not at exit, where a closed pipe could only be reported as ignored
    except BrokenPipeError:
        # The reader of the output went away (``masthead moderation_screen --input big.jsonl | head``): stop
        # quietly, as other command-line tools do, rather than print a traceback. What is still buffered for
        # standard output goes nowhere, so that flushing it at exit does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)


if __name__ == "__main__":
    main()
