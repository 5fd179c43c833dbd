"""How each language writes numbers, money and dates (cms.core.formats): one table per kind
of value, one column per language."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from django.template import Context, Template
from django.utils import translation

from cms.core import formats

NBSP, NNBSP, RLM = "\u00a0", "\u202f", "\u200f"
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")

NUMBERS = {
    # value, decimals: en, fr, es, ru, ar, zh-hans
    (9450475, None): (
        "9,450,475",
        f"9{NNBSP}450{NNBSP}475",
        "9.450.475",
        f"9{NBSP}450{NBSP}475",
        "9,450,475",
        "9,450,475",
    ),
    (329590, None): (
        "329,590",
        f"329{NNBSP}590",
        "329.590",
        f"329{NBSP}590",
        "329,590",
        "329,590",
    ),
    (Decimal("27.50"), None): ("27.5", "27,5", "27,5", "27,5", "27.5", "27.5"),
    (Fraction(55, 2), None): ("27.5", "27,5", "27,5", "27,5", "27.5", "27.5"),
    (36.64, 1): ("36.6", "36,6", "36,6", "36,6", "36.6", "36.6"),
    (Decimal("0.125"), None): ("0.13", "0,13", "0,13", "0,13", "0.13", "0.13"),
    (0, None): ("0", "0", "0", "0", "0", "0"),
    (1234, 2): (
        "1,234.00",
        f"1{NNBSP}234,00",
        "1.234,00",
        f"1{NBSP}234,00",
        "1,234.00",
        "1,234.00",
    ),
}

MONEY = {
    # amount, currency: en, fr, es, ru, ar, zh-hans
    (8000000, "USD"): (
        f"USD{NBSP}8,000,000",
        f"8{NNBSP}000{NNBSP}000{NBSP}USD",
        f"8.000.000{NBSP}USD",
        f"8{NBSP}000{NBSP}000{NBSP}USD",
        f"{RLM}8,000,000{NBSP}USD",
        f"USD{NBSP}8,000,000",
    ),
    (Decimal("1250.5"), "EUR"): (
        f"EUR{NBSP}1,250.50",
        f"1{NNBSP}250,50{NBSP}EUR",
        f"1.250,50{NBSP}EUR",
        f"1{NBSP}250,50{NBSP}EUR",
        f"{RLM}1,250.50{NBSP}EUR",
        f"EUR{NBSP}1,250.50",
    ),
    (Decimal("1000.4"), "JPY"): (
        f"JPY{NBSP}1,000",
        f"1{NNBSP}000{NBSP}JPY",
        f"1.000{NBSP}JPY",
        f"1{NBSP}000{NBSP}JPY",
        f"{RLM}1,000{NBSP}JPY",
        f"JPY{NBSP}1,000",
    ),
}

MILLIONS = {
    # amount: en, fr, es, ru, ar, zh-hans
    Decimal("36640000"): (
        f"USD{NBSP}36.6 million",
        f"36,6 millions{NBSP}USD",
        f"36,6 millones{NBSP}USD",
        f"36,6 миллиона{NBSP}USD",
        f"{RLM}36.6 مليون{NBSP}USD",
        f"USD{NBSP}3664万",
    ),
    Decimal("400000"): (
        f"USD{NBSP}0.4 million",
        f"0,4 million{NBSP}USD",
        f"0,4 millones{NBSP}USD",
        f"0,4 миллиона{NBSP}USD",
        f"{RLM}0.4 مليون{NBSP}USD",
        f"USD{NBSP}40万",
    ),
    Decimal("1000000"): (
        f"USD{NBSP}1 million",
        f"1 million{NBSP}USD",
        f"1 millón{NBSP}USD",
        f"1 миллион{NBSP}USD",
        f"{RLM}1 مليون{NBSP}USD",
        f"USD{NBSP}100万",
    ),
}

PERCENTS = {
    Decimal("12.5"): ("12.5%", f"12,5{NBSP}%", f"12,5{NBSP}%", f"12,5{NBSP}%", "12.5%", "12.5%"),
}

DATES = {
    datetime.date(2014, 5, 1): (
        "1 May 2014",
        "1 mai 2014",
        "1 de mayo de 2014",
        f"1 мая 2014{NNBSP}г.",
        "1 أيار/مايو 2014",
        "2014年5月1日",
    ),
    datetime.date(2017, 12, 31): (
        "31 December 2017",
        "31 décembre 2017",
        "31 de diciembre de 2017",
        f"31 декабря 2017{NNBSP}г.",
        "31 كانون الأول/ديسمبر 2017",
        "2017年12月31日",
    ),
}


def _cases(table):
    return [
        pytest.param(key, language, expected, id=f"{key}-{language}")
        for key, row in table.items()
        for language, expected in zip(LANGUAGES, row, strict=True)
    ]


@pytest.mark.parametrize(("key", "language", "expected"), _cases(NUMBERS))
def test_numbers(key, language, expected):
    value, decimals = key
    assert formats.format_number(value, decimals, language=language) == expected


@pytest.mark.parametrize(("key", "language", "expected"), _cases(MONEY))
def test_money_with_iso_code_where_the_language_puts_the_currency(key, language, expected):
    amount, currency = key
    assert formats.format_money(amount, currency, language=language) == expected


@pytest.mark.parametrize(("key", "language", "expected"), _cases(MILLIONS))
def test_amounts_in_millions_in_words(key, language, expected):
    assert formats.format_money_millions(key, language=language) == expected


@pytest.mark.parametrize(("key", "language", "expected"), _cases(PERCENTS))
def test_percentages(key, language, expected):
    assert formats.format_percent(key, language=language) == expected


@pytest.mark.parametrize(("key", "language", "expected"), _cases(DATES))
def test_dates_are_written_out(key, language, expected):
    assert formats.format_date(key, language=language) == expected


def test_arabic_uses_western_digits_and_the_un_months():
    text = formats.format_date(datetime.date(2014, 6, 9), language="ar")
    assert text == "9 حزيران/يونيه 2014"
    assert not any("\u0660" <= char <= "\u0669" for char in text)
    assert all(len(month.split("/")) == 2 for month in formats.UN_ARABIC_MONTHS)


def test_whole_amounts_have_no_cents_and_others_have_the_currency_digits():
    assert formats.format_money(Decimal("1250.00"), language="en") == f"USD{NBSP}1,250"
    assert formats.format_money(Decimal("1250.05"), language="en") == f"USD{NBSP}1,250.05"
    assert formats.format_money(1250, decimals=2, language="en") == f"USD{NBSP}1,250.00"


DATETIMES = {
    datetime.datetime(2014, 5, 1, 14, 5, tzinfo=datetime.UTC): (
        "1 May 2014, 2:05\u202fpm",
        "1 mai 2014, 14:05",
        "1 de mayo de 2014, 14:05",
        f"1 мая 2014{NNBSP}г., 14:05",
        "1 أيار/مايو 2014، 2:05 م",
        "2014年5月1日 14:05",
    ),
}


@pytest.mark.parametrize(("key", "language", "expected"), _cases(DATETIMES))
def test_moments_are_their_day_written_out_and_their_time(key, language, expected):
    assert formats.format_datetime(key, language=language) == expected


def test_a_datetime_is_its_day_in_the_site_time_zone():
    moment = datetime.datetime(2014, 5, 1, 23, 30, tzinfo=datetime.UTC)
    assert formats.format_date(moment, language="en") == "1 May 2014"


@pytest.mark.parametrize("value", [None, "", "abc", float("nan"), True])
def test_nothing_to_write_gives_an_empty_string(value):
    assert formats.format_number(value) == ""
    assert formats.format_money(value) == ""
    assert formats.format_money_millions(value) == ""
    assert formats.format_percent(value) == ""
    assert formats.format_date(value) == ""
    assert formats.format_datetime(value) == ""


def test_numeric_strings_are_numbers():
    assert formats.format_number("9450475", language="fr") == f"9{NNBSP}450{NNBSP}475"


def test_the_active_language_is_the_default():
    with translation.override("fr"):
        assert formats.format_number(9450475) == f"9{NNBSP}450{NNBSP}475"
    with translation.override("zh-hans"):
        assert formats.format_date(datetime.date(2014, 5, 1)) == "2014年5月1日"


def test_unknown_language_falls_back_to_english():
    assert formats.format_number(1234.5, language="xx") == "1,234.5"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", f"9,450,475 · 36.6 · USD{NBSP}8,000,000 · 1 May 2014 · 12.5%"),
        ("ar", f"9,450,475 · 36.6 · {RLM}8,000,000{NBSP}USD · 1 أيار/مايو 2014 · 12.5%"),
        ("zh-hans", f"9,450,475 · 36.6 · USD{NBSP}8,000,000 · 2014年5月1日 · 12.5%"),
        (
            "fr",
            f"9{NNBSP}450{NNBSP}475 · 36,6 · 8{NNBSP}000{NNBSP}000{NBSP}USD · 1 mai 2014 · "
            f"12,5{NBSP}%",
        ),
    ],
)
def test_template_filters(language, expected):
    template = Template(
        "{% load format_tags %}{{ n|number }} · {{ m|number:1 }} · {{ a|money:'USD' }} · "
        "{{ d|long_date }} · {{ p|percent }}"
    )
    context = Context(
        {"n": 9450475, "m": 36.64, "a": 8000000, "d": datetime.date(2014, 5, 1), "p": 12.5}
    )
    with translation.override(language):
        assert template.render(context) == expected


def test_filters_print_nothing_for_missing_values():
    template = Template(
        "{% load format_tags %}[{{ x|number }}{{ x|money }}{{ x|money_millions }}"
        "{{ x|percent }}{{ x|long_date }}{{ x|long_datetime }}]"
    )
    assert template.render(Context({"x": None})) == "[]"
