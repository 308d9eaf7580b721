"""``masthead moderation_screen "text"``: what the pipeline would decide, for publishers tuning their rules.

Nothing is stored and no rate limit is counted (the text is screened as an import would be, plus the
first-comment rule when ``--first`` is given).
"""

from __future__ import annotations

import json
from dataclasses import replace

from django.core.management.base import BaseCommand

from masthead.moderation import rules
from masthead.moderation.config import moderation_settings
from masthead.moderation.models import Tier
from masthead.moderation.pipeline import ScreenContext, screen


class Command(BaseCommand):
    help = "Show how the moderation pipeline would treat a text (nothing is stored)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("text")
        parser.add_argument("--tier", choices=Tier.values, default=Tier.GUEST)
        parser.add_argument("--first", action="store_true", help="Treat it as the author's first comment.")

    def handle(self, *args, **options) -> None:
        decision = screen(options["text"], ScreenContext(tier=options["tier"], source="import", approved_count=1))
        if options["first"]:
            first = rules.first_comment(moderation_settings(), options["tier"], 0)
            if first and decision.action == "publish":
                decision = replace(decision, action=first.action, reasons=(*decision.reasons, first.reason))
            elif first:
                decision = replace(decision, reasons=(*decision.reasons, first.reason))
        self.stdout.write(f"decision:   {decision.action}")
        for reason in decision.reasons:
            self.stdout.write(f"reason:     {reason}")
        self.stdout.write(f"scores:     {json.dumps(decision.scores, ensure_ascii=False)}")
        self.stdout.write(f"model:      {decision.model_id} {decision.model_version}")
        self.stdout.write(f"normalised: {decision.normalised}")
