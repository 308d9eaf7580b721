"""`masthead refresh_related`: re-rank "More on this topic" (all articles, or some), with timings.

Saving an article already refreshes its list and its neighbours' in the background; run this after an import,
a change to the ranking, or ``--rerender`` after a Markdown renderer upgrade.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from masthead.publishing import actions


class Command(BaseCommand):
    help = 'Recompute the stored "More on this topic" lists (all live articles unless ids are given).'

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, help="Article ids (and their neighbours) to refresh.")
        parser.add_argument("--rerender", action="store_true",
                            help="First re-render articles stored by an older Markdown renderer.")

    def handle(self, *args: object, **options: Any) -> None:
        if options["rerender"]:
            self.stdout.write(f"Re-rendered {actions.do_rerender_stale()} article(s).")
        started = time.perf_counter()
        ids: list[int] = options["ids"]
        if ids:
            for article_id in ids:
                one = time.perf_counter()
                done = actions.do_refresh_related(article_id)
                self.stdout.write(f"Article {article_id}: re-ranked {len(done)} list(s) in "
                                  f"{(time.perf_counter() - one) * 1000:.0f} ms.")
        else:
            count = actions.do_refresh_all_related()
            self.stdout.write(f"Re-ranked {count} article(s).")
        self.stdout.write(self.style.SUCCESS(f"Done in {time.perf_counter() - started:.2f} s."))
