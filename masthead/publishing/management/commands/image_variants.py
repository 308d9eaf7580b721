"""`masthead image_variants`: make the srcset copies of featured images stored before variants existed.

New uploads get theirs when the article is saved (``actions.do_save_article``); run this once after upgrading.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from masthead.publishing import actions


class Command(BaseCommand):
    help = "Make the width-limited copies (srcset) of featured images that have none yet."

    def handle(self, *args: object, **options: Any) -> None:
        self.stdout.write(f"Made variants for {actions.do_make_missing_image_variants()} image(s).")
