"""`masthead privacy_export --email ADDRESS`: everything stored about a reader, as JSON (a request by mail)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.accounts.actions import AccountsError, check_email
from masthead.accounts.privacy import export_data, subject_for


class Command(BaseCommand):
    help = "Export a reader's data (comments, votes, subscriptions, donations, account) as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--output", help="Write to this file instead of standard output.")

    def handle(self, *args: object, **options: Any) -> None:
        try:
            email = check_email(str(options["email"]))
        except AccountsError as error:
            raise CommandError(error.message) from None
        text = json.dumps(export_data(subject_for(email)), indent=2, ensure_ascii=False)
        if options["output"]:
            with open(str(options["output"]), "w", encoding="utf-8") as out:
                out.write(text)
        else:
            self.stdout.write(text)
