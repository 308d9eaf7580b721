"""Amounts in integer minor units, per currency, the way Stripe counts them.

Most currencies have two decimals (500 = 5.00 EUR); Stripe's zero-decimal currencies (JPY, KRW, ...) have none
(500 = 500 JPY) and a few have three. Everything stored or summed is an integer; only forms and display convert.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

# https://docs.stripe.com/currencies#zero-decimal and #three-decimal
ZERO_DECIMAL = frozenset(
    ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"]
)
THREE_DECIMAL = frozenset(["bhd", "jod", "kwd", "omr", "tnd"])

SYMBOLS = {"usd": "$", "eur": "€", "gbp": "£", "jpy": "¥", "chf": "CHF ", "cad": "CA$", "aud": "A$"}


class AmountError(ValueError):
    pass


def exponent(currency: str) -> int:
    currency = currency.lower()
    if currency in ZERO_DECIMAL:
        return 0
    if currency in THREE_DECIMAL:
        return 3
    return 2


def to_minor(text: str | Decimal | int, currency: str) -> int:
    """Parse a reader-typed major amount ("25", "25.50", "1,000") into minor units, refusing extra decimals."""
    try:
        value = Decimal(str(text).strip().replace(",", "").replace("_", ""))
    except InvalidOperation:
        raise AmountError("Enter an amount as a number, for example 25.") from None
    if not value.is_finite() or value <= 0:
        raise AmountError("Enter an amount greater than zero.")
    minor = value.scaleb(exponent(currency))
    if minor != minor.to_integral_value():
        places = exponent(currency)
        plural = "s" if places != 1 else ""
        raise AmountError(f"{currency.upper()} amounts take {places} decimal place{plural} at most.")
    return int(minor)


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
