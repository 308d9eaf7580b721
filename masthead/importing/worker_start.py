"""The start of an import's preparing worker (importing/preparing.py), in a module that loads no model: a started
(not forked) process imports it before Django is set up."""

from __future__ import annotations


def start_worker(databases: dict[str, str]) -> None:
    """Set Django up and use the writer's databases by name (in tests, the test databases).

    Forking was tried first: a fork copies the locks other threads of the writer hold at that moment (SQLite's,
    a connection pool's) without the threads, and a worker once waited forever on one."""
    import django
    from django.db import connections

    django.setup()
    for alias, name in databases.items():
        connections[alias].settings_dict["NAME"] = name
