"""``masthead moderation_train``: a site model from moderators' decisions (+ the public data), measured, and
promoted only when it beats the active model on held-out decisions.

    masthead moderation_train            # train, report, promote if better
    masthead moderation_train --shadow   # train, report, run it in shadow mode beside the active model
    masthead moderation_train --dry-run  # train and report only
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from masthead.moderation import actions, site_training
from masthead.moderation.config import moderation_settings


class Command(BaseCommand):
    help = "Train a site-specific moderation model from moderators' decisions; promote it if it measures better."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--shadow", action="store_true", help="Run the new model in shadow mode; never promote.")
        parser.add_argument("--dry-run", action="store_true", help="Train and report; change no setting.")
        parser.add_argument("--no-public", action="store_true", help="Train on this site's decisions only.")
        parser.add_argument("--name", default="", help="Model name (default: site-<timestamp>).")

    def handle(self, *args, **options) -> None:
        config = moderation_settings()
        try:
            report = site_training.train(active_model=config.active_model, threshold=config.hold_threshold,
                                         use_public=not options["no_public"], name=options["name"])
        except (ValueError, RuntimeError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"trained {report.name} on {report.train_examples} examples; "
                          f"{report.held_out} held-out moderator decisions")
        for label, metrics in (("candidate", report.candidate), (f"active ({config.active_model})", report.active)):
            if metrics is None:
                self.stdout.write(f"  {label}: not measured (need {site_training.MIN_HELD_OUT}+ held-out "
                                  "decisions of both kinds)")
            else:
                self.stdout.write(f"  {label}: precision {metrics.precision:.3f} recall {metrics.recall:.3f} "
                                  f"F1 {metrics.f1:.3f} ROC-AUC {metrics.roc_auc:.3f}")
        if options["dry_run"]:
            return
        with transaction.atomic():
            if options["shadow"]:
                actions.do_set_shadow_model(None, report.name, reason="moderation_train --shadow")
                self.stdout.write(f"{report.name} now runs in shadow mode")
            elif report.better:
                actions.do_promote_model(None, report.name, reason="better precision and recall on held-out "
                                         "moderator decisions")
                self.stdout.write(f"promoted {report.name}")
            else:
                self.stdout.write(f"kept {config.active_model}: {report.name} is not better on both precision "
                                  "and recall")
