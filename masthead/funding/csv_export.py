"""The staff CSV export of the ledger, safe to open in a spreadsheet.

A cell starting with = + - @ (or a tab or carriage return) is a formula to Excel and LibreOffice; donors choose
their names and messages, so every text cell is neutralised with a leading apostrophe (SECURITY.md: CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from masthead.funding import money
from masthead.funding.models import Donation

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

HEADER = [
    "id", "paid_at", "campaign", "kind", "method", "status", "currency", "amount", "refunded", "net",
    "donor_name", "wall_name", "donor_email", "anonymous", "on_wall", "public_message", "article",
    "stripe_payment_intent", "note",
]


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _row(d: Donation) -> list[str]:
    currency = d.currency or "usd"
    return [neutralise(v) for v in (
        d.pk, d.paid_at.isoformat() if d.paid_at else "", d.campaign.name if d.campaign else "", d.kind, d.method,
        d.status, currency.upper(), money.number(d.amount, currency), money.number(d.refunded_amount, currency),
        money.number(d.net_amount, currency), d.donor_name, d.wall_name, d.donor_email,
        "yes" if d.is_anonymous else "no", "yes" if d.show_on_wall else "no", d.public_message,
        d.article.headline if d.article else "",
        d.stripe_payment_intent or "", d.note,
    )]


def rows(donations: Iterable[Donation]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for donation in donations:
        writer.writerow(_row(donation))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
