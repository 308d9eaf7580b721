"""`masthead reconcile_discussion`: recompute vote scores, reply counts and comment counts from the rows."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from masthead.discussion.reconcile import reconcile_all


class Command(BaseCommand):
    help = "Recompute the discussion's denormalized counters (scores, reply counts, thread comment counts)."

    def handle(self, *args: object, **options: Any) -> None:
        report = reconcile_all()
        self.stdout.write(
            f"Checked {report.threads} threads: fixed {report.comments_fixed} comments "
            f"and {report.threads_fixed} thread counts."
        )
