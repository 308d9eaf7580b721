"""``masthead moderation_train``: a site model from moderators' decisions (or a file of past decisions), built on
the base model and measured on held-out decisions beside the active model. It is left as a *candidate*: the
moderation screens (Moderation > Models) show the publisher what it measured and its gain over the model in use,
and an admin promotes it there; --promote makes it active at once, for scripts.

    masthead moderation_train                         # the queue's decisions: train, report, keep as a candidate
    masthead moderation_train --input past.jsonl      # {"text": ..., "decision": "publish"|"hold"|"reject"} lines
    masthead moderation_train --input past.jsonl --promote   # make it the active model now (scripts, imports)
    masthead moderation_train --shadow                # run it in shadow mode beside the active model
    masthead moderation_train --dry-run               # train and report only

Training needs scikit-learn (``pip install 'masthead[train]'``); screening with the model it makes does not.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, transaction
from django.urls import reverse

from masthead.moderation import actions, site_training
from masthead.moderation.batch_files import open_text
from masthead.moderation.config import moderation_settings


class Command(BaseCommand):
    help = ("Train a site moderation model from moderators' decisions (the queue's, or a file of past ones) on "
            "top of the base model, measure it beside the active model on a fifth of them held out, and keep it "
            "as a candidate: promote it under Moderation > Models, or at once with --promote. Needs scikit-learn "
            "(pip install 'masthead[train]').")
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", default="", metavar="FILE",
                            help='Learn from a file instead of the queue: one JSON object per line, {"text": "...", '
                                 '"decision": "publish"|"hold"|"reject"} (approved = publish; spam, trash = '
                                 "reject). A bad line stops with its number and nothing is trained. '-' reads "
                                 "standard input.")
        parser.add_argument("--promote", action="store_true",
                            help="Make the new model active at once, whatever it scores (scripts).")
        parser.add_argument("--shadow", action="store_true", help="Run the new model in shadow mode; never promote.")
        parser.add_argument("--dry-run", action="store_true", help="Train and report; change no setting.")
        parser.add_argument("--name", default="", help="Model name (default: site-<timestamp>).")
        parser.add_argument("--no-public", action="store_true", help=argparse_suppress())

    def handle(self, *args: object, **options: Any) -> None:
        try:
            config = moderation_settings()
        except DatabaseError as error:
            raise CommandError(f"cannot read the moderation settings from the database ({error}); "
                               "set it up first with: masthead migrate") from error
        try:
            examples = None
            if options["input"]:
                with open_text(options["input"], stdin=options.get("stdin")) as handle:
                    examples = site_training.file_examples(handle)
            report = site_training.train(active_model=config.active_model, share=config.benign_hold_share,
                                         fallback_threshold=config.hold_threshold, examples=examples,
                                         name=options["name"])
        except OSError as error:
            raise CommandError(f"cannot read {options['input']}: {error.strerror or error}") from error
        except (ValueError, RuntimeError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"trained {report.name} on {report.train_examples} decisions; "
                          f"{report.held_out} held out to measure it")
        for label, metrics in (("candidate", report.candidate), (f"active ({config.active_model})", report.active)):
            if metrics is None:
                self.stdout.write(f"  {label}: not measured (need {site_training.MIN_HELD_OUT}+ held-out "
                                  "decisions of both kinds)")
            else:
                self.stdout.write(f"  {label}: precision {metrics.precision:.3f} recall {metrics.recall:.3f} "
                                  f"F1 {metrics.f1:.3f} ROC-AUC {metrics.roc_auc:.3f} "
                                  f"(held {metrics.flagged:.1%} of the held-out decisions)")
        if options["dry_run"]:
            return
        with transaction.atomic():
            if options["shadow"]:
                actions.do_set_shadow_model(None, report.name, reason="moderation_train --shadow")
                self.stdout.write(f"{report.name} now runs in shadow mode")
            elif options["promote"]:
                reason = ("moderation_train --promote" if not report.better else
                          "moderation_train --promote; better precision and recall on held-out moderator decisions")
                actions.do_promote_model(None, report.name, reason=reason)
                self.stdout.write(f"promoted {report.name}")
            else:
                verdict = ("measures better on both precision and recall" if report.better else
                           "is not better on both precision and recall")
                self.stdout.write(f"kept {config.active_model}; {report.name} {verdict} and waits as a candidate: "
                                  f"promote it under Moderation > Models ({settings.SITE_URL}"
                                  f"{reverse('moderation:models')}) or with --promote")


def argparse_suppress() -> str:
    import argparse

    return argparse.SUPPRESS  # accepted for old scripts: site models no longer mix in public data
