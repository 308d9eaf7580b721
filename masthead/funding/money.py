"""Amounts in integer minor units, per currency, the way Stripe counts them.

Most currencies have two decimals (500 = 5.00 EUR); Stripe's zero-decimal currencies (JPY, KRW, ...) have none
(500 = 500 JPY) and a few have three. Everything stored or summed is an integer; only forms and display convert.

Bounds (docs/funding.md, "Bounds"): every stored amount is at most ``AMOUNT_CEILING`` and every goal at most
``GOAL_CEILING`` minor units, enforced by check constraints in the database; below those, the publisher's policy
caps (``FUNDING_MAX_DONATION``, ``FUNDING_MAX_GOAL``, in major units) apply to what people may enter.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.conf import settings
from django.utils.formats import get_format

# https://docs.stripe.com/currencies#zero-decimal and #three-decimal
ZERO_DECIMAL = frozenset(
    ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"]
)
THREE_DECIMAL = frozenset(["bhd", "jod", "kwd", "omr", "tnd"])

SYMBOLS = {"usd": "$", "eur": "€", "gbp": "£", "jpy": "¥", "chf": "CHF ", "cad": "CA$", "aud": "A$"}


# No single payment, refund or dispute stored in the ledger exceeds this (10 billion USD; no card network comes
# close). Totals are summed so that even millions of rows at the ceiling cannot overflow (ledger.compute).
AMOUNT_CEILING = 10**13
GOAL_CEILING = 10**15

# Longest amount text we read at all (a reader's "1,000,000.00" is 12 characters).
_MAX_INPUT = 32
# Spaces readers and locales put between thousands (space, no-break space, narrow no-break space, thin space).
_SPACES = re.compile("[ \u00a0\u202f\u2009]")


class AmountError(ValueError):
    pass


class AmountTooLarge(AmountError):
    pass


def exponent(currency: str) -> int:
    currency = currency.lower()
    if currency in ZERO_DECIMAL:
        return 0
    if currency in THREE_DECIMAL:
        return 3
    return 2


def max_donation(currency: str) -> int:
    """The largest single donation anyone may enter (staff or reader), in minor units of ``currency``."""
    return min(AMOUNT_CEILING, settings.FUNDING_MAX_DONATION * 10 ** exponent(currency))


def max_goal(currency: str) -> int:
    return min(GOAL_CEILING, settings.FUNDING_MAX_GOAL * 10 ** exponent(currency))


def separators() -> tuple[str, str]:
    """The publication locale's decimal mark and thousands separator ("." and "," in English, "," and "." in German)."""
    language = settings.PUBLICATION_LANGUAGE
    return str(get_format("DECIMAL_SEPARATOR", lang=language)), str(get_format("THOUSAND_SEPARATOR", lang=language))


def example(currency: str) -> str:
    """How to write an amount here: "25 or 25.50" (English), "25 or 25,50" (German), "2500" for yen."""
    decimal_mark, _ = separators()
    places = exponent(currency)
    return "2500" if places == 0 else f"25 or 25{decimal_mark}{'5'.ljust(places, '0')}"


def _unreadable(raw: str, currency: str) -> AmountError:
    decimal_mark, group_mark = separators()
    group = "a space" if _SPACES.fullmatch(group_mark) else f"“{group_mark}”"
    rule = f"{group} only between thousands" if exponent(currency) == 0 else (
        f"“{decimal_mark}” before the decimals and {group} only between thousands")
    return AmountError(f"“{raw[:_MAX_INPUT]}” is not an amount we can read: write it like {example(currency)} "
                       f"({rule}).")


def to_minor(text: str, currency: str, *, maximum: int = AMOUNT_CEILING) -> int:
    """Parse a typed major amount into minor units, by the publication's locale, refusing anything ambiguous.

    In English "25", "25.50" and "1,000" are read; "10,00" or "1,0000" are refused rather than guessed (a German
    reader's "10,00" is ten, an English reader's "1,000" a thousand). Exponents, signs and extra decimals are
    refused; nothing goes through floats. Amounts above ``maximum`` are refused too.
    """
    raw = str(text).strip()
    decimal_mark, group_mark = separators()
    cleaned = _SPACES.sub(" ", raw)  # every kind of space groups thousands, like the locale's separator
    if not cleaned:
        raise AmountError(f"Enter an amount, for example {example(currency)}.")
    if len(cleaned) > _MAX_INPUT:
        raise AmountError("That amount is too long to be real.")
    if cleaned.startswith("-"):
        raise AmountError("Enter an amount greater than zero.")
    whole, _, decimals = cleaned.partition(decimal_mark)
    groups = re.split(f"[{re.escape(group_mark)} ]", whole)
    readable = (
        all(part.isascii() and part.isdigit() for part in groups)
        and (len(groups) == 1 or (len(groups[0]) <= 3 and all(len(part) == 3 for part in groups[1:])))
        and (decimals == "" or (decimals.isascii() and decimals.isdigit()))
    )
    if not readable:
        raise _unreadable(raw, currency)
    places = exponent(currency)
    if len(decimals) > places:
        plural = "s" if places != 1 else ""
        raise AmountError(f"{currency.upper()} amounts take {places} decimal place{plural} at most.")
    minor = int("".join(groups)) * 10**places + int(decimals.ljust(places, "0") or "0")
    if minor <= 0:
        raise AmountError("Enter an amount greater than zero.")
    if minor > maximum:
        raise AmountTooLarge(f"The largest amount accepted is {display(maximum, currency)}.")
    return minor


def plain(minor: int, currency: str) -> str:
    """The amount as one would type it here, without thousands separators ("1000", "25.50"; "25,50" in German)."""
    places = exponent(currency)
    whole, part = divmod(minor, 10**places)
    if places == 0 or part == 0:
        return str(whole)
    return f"{whole}{separators()[0]}{str(part).rjust(places, '0')}"


def number(minor: int, currency: str) -> str:
    """ "2,500" for 250000 USD cents; decimals only when the amount has them ("895.50")."""
    places = exponent(currency)
    major = Decimal(minor).scaleb(-places)
    if places == 0 or major == major.to_integral_value():
        return f"{int(major):,}"
    return f"{major:,.{places}f}"


def display(minor: int, currency: str) -> str:
    """The amount with its currency: "€895", "¥5,000", "12.50 SEK" for currencies without a symbol here."""
    symbol = SYMBOLS.get(currency.lower())
    if symbol:
        return f"{symbol}{number(minor, currency)}"
    return f"{number(minor, currency)} {currency.upper()}"
