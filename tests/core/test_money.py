"""Money in one place (cms.core.money): US dollars written the same way on every page of a
language, and converted from the one rate table that the importer and the demo both read."""

from decimal import Decimal

import pytest
from django.utils import translation

from cms.core.money import currencies, format_usd, usd_rate, usd_value

NBSP, NNBSP, RLM = "\u00a0", "\u202f", "\u200f"

#: language: (with the code, in millions, bare figure, bare millions, with cents)
WRITTEN = {
    "en": (f"USD{NBSP}8,000,000", f"USD{NBSP}9.5 million", "1,250,000", "36.6", "USD\xa01,250.50"),
    "fr": (
        f"8{NNBSP}000{NNBSP}000{NBSP}USD",
        f"9,5 millions{NBSP}USD",
        f"1{NNBSP}250{NNBSP}000",
        "36,6",
        f"1{NNBSP}250,50{NBSP}USD",
    ),
    "es": (f"8.000.000{NBSP}USD", f"9,5 millones{NBSP}USD", "1.250.000", "36,6", "1.250,50\xa0USD"),
    "ru": (
        f"8{NBSP}000{NBSP}000{NBSP}USD",
        f"9,5 миллиона{NBSP}USD",
        f"1{NBSP}250{NBSP}000",
        "36,6",
        f"1{NBSP}250,50{NBSP}USD",
    ),
    "ar": (
        f"{RLM}8,000,000{NBSP}USD",
        f"{RLM}9.5 مليون{NBSP}USD",
        "1,250,000",
        "36.6",
        f"{RLM}1,250.50{NBSP}USD",
    ),
    "zh-hans": (f"USD{NBSP}8,000,000", f"USD{NBSP}945万", "1,250,000", "36.6", "USD\xa01,250.50"),
}


@pytest.mark.parametrize("language", list(WRITTEN))
def test_one_formatter_writes_dollars_as_each_language_does(language):
    expected = WRITTEN[language]
    with translation.override(language):
        written = (
            format_usd(Decimal("8000000")),
            format_usd(Decimal("9450475"), millions=True),
            format_usd(Decimal("1250000.40"), unit=False),
            format_usd(Decimal("36600000"), unit=False, millions=True),
            format_usd(Decimal("1250.5")),
        )
    assert written == expected
    # The language can also be given rather than taken from the request.
    assert format_usd(Decimal("8000000"), language=language) == expected[0]


def test_no_amount_is_written_as_nothing():
    assert format_usd(None) == format_usd(None, unit=False, millions=True) == ""


def test_the_admin_listing_and_the_briefs_use_the_one_formatter():
    """The agreements listing's value column and the demo's PDF briefs write dollars as
    cms.core.money does (the briefs with the no-break spaces their PDF font has)."""
    from cms.demo.briefs import _usd
    from cms.snippets.models import Agreement
    from cms.snippets.viewsets.agreements import AgreementViewSet

    column = next(
        column
        for column in AgreementViewSet.list_display
        if getattr(column, "name", None) == "amount_usd"
    )
    with translation.override("fr"):
        written = column.accessor(Agreement(amount_usd=Decimal("1250000.40")))
    assert written == WRITTEN["fr"][2]
    assert _usd(250000, "fr") == format_usd(Decimal(250000), language="fr").replace(NNBSP, NBSP)


@pytest.mark.parametrize(
    ("currency", "year", "rate"),
    [
        ("EUR", 2016, "1.1069"),
        ("eur", 2014, "1.3285"),
        ("JPY", 2018, "0.009058"),
        ("USD", 1990, "1"),
        # Outside the yearly averages, and undated: the currency's long-run average.
        ("EUR", 2022, "1.2000"),
        ("CHF", 1998, "0.8500"),
        ("GBP", None, "1.6000"),
    ],
)
def test_rates_come_from_the_one_table(currency, year, rate):
    assert usd_rate(currency, year) == Decimal(rate)


def test_a_currency_the_table_does_not_know_has_no_rate():
    assert usd_rate("XAF", 2016) is None
    assert usd_value(Decimal("100"), "XAF", 2016) is None
    assert "XAF" not in currencies()
    assert {"USD", "EUR", "CHF", "JPY", "CAD"} <= set(currencies())


def test_conversion_is_rounded_to_the_cent():
    assert usd_value(Decimal("12500.00"), "EUR", 2016) == Decimal("13836.25")
    assert usd_value(Decimal("1000"), "KRW", 2015) == Decimal("0.88")
    assert usd_value(None, "EUR", 2016) is None


def test_the_importer_and_the_demo_convert_with_the_same_rates():
    from cms.demo.archive.drawing import Drawing
    from cms.imports import agreements

    drawing = Drawing()
    for currency in currencies():
        for year in (1995, 2014, 2016, 2018, 2030):
            assert drawing.rate(currency, year) == usd_rate(currency, year)
    assert agreements.usd_value is usd_value
