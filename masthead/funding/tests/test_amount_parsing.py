"""Typed amounts are read by the publication's locale; ambiguous input is refused, never guessed."""

from __future__ import annotations

import pytest

from masthead.funding import money

ENGLISH = [("25", 2500), ("25.50", 2550), ("25.5", 2550), ("1,000", 100_000), ("1,000.50", 100_050),
           ("1 000", 100_000), ("12,345,678", 1_234_567_800), ("25.", 2500)]
GERMAN = [("25", 2500), ("25,50", 2550), ("10,00", 1000), ("1.000", 100_000), ("1.000,50", 100_050),
          ("1 000,5", 100_050), ("1\u202f000,50", 100_050)]
AMBIGUOUS_EN = ["10,00", "1,0000", "1,00,000", ",5", "1.000.000", "1,000,00", "10,5", "10 00", "1 0"]
AMBIGUOUS_DE = ["10.00", "1.0000", "1,000.50", "10.5"]


@pytest.mark.parametrize(("text", "minor"), ENGLISH)
def test_english_amounts(settings, text, minor):
    settings.PUBLICATION_LANGUAGE = "en"
    assert money.to_minor(text, "usd") == minor


@pytest.mark.parametrize(("text", "minor"), GERMAN)
def test_german_amounts(settings, text, minor):
    settings.PUBLICATION_LANGUAGE = "de"
    assert money.to_minor(text, "eur") == minor


@pytest.mark.parametrize("text", AMBIGUOUS_EN)
def test_ambiguous_english_input_is_refused(settings, text):
    settings.PUBLICATION_LANGUAGE = "en"
    with pytest.raises(money.AmountError, match="is not an amount we can read"):
        money.to_minor(text, "usd")


@pytest.mark.parametrize("text", AMBIGUOUS_DE)
def test_ambiguous_german_input_is_refused(settings, text):
    settings.PUBLICATION_LANGUAGE = "de"
    with pytest.raises(money.AmountError):
        money.to_minor(text, "eur")


@pytest.mark.parametrize("text", ["1e3", "1E+30", "NaN", "Infinity", "0x10", "\uff12\uff15", "25€", "+25", "-5", "0",
                                  "0.00", "", "   ", "."])
def test_anything_but_plain_digits_is_refused(settings, text):
    settings.PUBLICATION_LANGUAGE = "en"
    with pytest.raises(money.AmountError):
        money.to_minor(text, "usd")


def test_decimals_follow_the_currency(settings):
    settings.PUBLICATION_LANGUAGE = "en"
    assert money.to_minor("1,500", "jpy") == 1500
    assert money.to_minor("1.500", "kwd") == 1500
    with pytest.raises(money.AmountError, match="JPY amounts take 0 decimal places"):
        money.to_minor("1500.5", "jpy")
    with pytest.raises(money.AmountError, match="USD amounts take 2 decimal places"):
        money.to_minor("1.000", "usd")


def test_plain_is_what_to_minor_reads_back(settings):
    for language, currency in [("en", "usd"), ("de", "eur"), ("fr", "eur"), ("en", "jpy"), ("en", "kwd")]:
        settings.PUBLICATION_LANGUAGE = language
        for minor in (1, 99, 2550, 100_000, 123_456_789):
            assert money.to_minor(money.plain(minor, currency), currency) == minor


@pytest.mark.django_db
def test_checkout_refuses_ten_comma_zero_zero_in_english(client, campaign, fake_stripe, settings):
    settings.PUBLICATION_LANGUAGE = "en"
    response = client.post("/support/checkout/", {"frequency": "one_off", "amount": "10,00"})
    assert response.status_code == 400
    assert "is not an amount we can read: write it like 25 or 25.50" in response.content.decode()
    assert fake_stripe.requests == []


@pytest.mark.django_db
def test_checkout_reads_ten_comma_zero_zero_as_ten_in_german(client, campaign, fake_stripe, settings):
    settings.PUBLICATION_LANGUAGE = "de"
    response = client.post("/support/checkout/", {"frequency": "one_off", "amount": "10,00"})
    assert response.status_code == 303
    assert fake_stripe.requests[0]["form"]["line_items[0][price_data][unit_amount]"] == "1000"


@pytest.mark.django_db
def test_suggested_amount_buttons_submit_what_the_locale_reads(client, campaign, fake_stripe, settings):
    settings.PUBLICATION_LANGUAGE = "de"
    campaign.suggested_amounts = [2550, 100_000]
    campaign.save()
    html = client.get("/support/").content.decode()
    assert 'name="preset" value="25,50"' in html
    assert 'name="preset" value="1000"' in html
    client.post("/support/checkout/", {"frequency": "one_off", "preset": "1000", "amount": ""})
    assert fake_stripe.requests[0]["form"]["line_items[0][price_data][unit_amount]"] == "100000"
