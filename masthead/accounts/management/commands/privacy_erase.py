"""`masthead privacy_erase --email ADDRESS --yes`: erase a reader's data (a request received by mail)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from masthead.accounts.actions import AccountsError, check_email
from masthead.accounts.privacy import EraseOptions, erase_data, subject_for


class Command(BaseCommand):
    help = "Erase a reader's data: comments anonymised (or removed), votes and subscriptions deleted, " \
           "donations anonymised with amounts kept, account deleted."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--remove-comments", action="store_true",
                            help="Remove comments outright where no reply hangs below them (else tombstones).")
        parser.add_argument("--yes", action="store_true", help="Confirm: this cannot be undone.")

    def handle(self, *args: object, **options: Any) -> None:
        try:
            email = check_email(str(options["email"]))
        except AccountsError as error:
            raise CommandError(error.message) from None
        if not options["yes"]:
            raise CommandError("Erasure cannot be undone: add --yes to confirm.")
        with transaction.atomic():
            counts = erase_data(subject_for(email), EraseOptions(remove_comments=bool(options["remove_comments"])))
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
