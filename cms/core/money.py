"""Money in one place: how an amount in US dollars is written, and what an amount in another
currency is worth in US dollars.

The archive's figures are totals in US dollars, shown on pages, charts, lists, the admin and
the PDF briefs; each used to have its own formatter, and the rate table lived twice (the
importer's and the demo's). Both now live here, so that a figure reads the same everywhere
and an imported agreement and a demo agreement of the same year are converted alike.

**Writing.** `format_usd` is the one formatter of US dollars, written the way the language
writes numbers and money (CLDR through Babel, `cms.core.formats`): with its code ("USD
8,000,000", "8 000 000 USD"), in millions ("USD 36.6 million", "36,6 millions USD"), or as a
bare figure for a column or an axis whose heading names the unit ("1,250,000", "36.6").

**Converting.** `RATES` below is the source of truth for exchange rates, read by the importer
(a row with an amount and no `usd_value`) and by the demo archive and the benchmark's scale
data. Each rate is the number of US dollars for one unit of the currency, a yearly average:
the euro row is the European Central Bank's yearly average of its euro reference rate (USD
per EUR), the other rows yearly averages of the same kind, for 2014-2018, as of January 2019
(`RATES_AS_OF`). `OTHER_YEARS` holds, per currency, the rough long-run average used for any
year outside the table, and for an undated agreement. The Bureau's own figures use the UN
operational rates of exchange: replace or extend this table with them (and state their date
here) where an exact match matters. A currency missing from the table has no rate: the
importer then asks for the value in US dollars.
"""

from decimal import ROUND_HALF_UP, Decimal

from .formats import format_money, format_money_millions, format_number

__all__ = [
    "OTHER_YEARS",
    "RATES",
    "RATES_AS_OF",
    "currencies",
    "format_usd",
    "usd_rate",
    "usd_value",
]

RATES_AS_OF = "2019-01"

#: {currency: {year: US dollars per unit}}
RATES = {
    "EUR": {2014: "1.3285", 2015: "1.1095", 2016: "1.1069", 2017: "1.1297", 2018: "1.1810"},
    "CHF": {2014: "1.0926", 2015: "1.0398", 2016: "1.0153", 2017: "1.0160", 2018: "1.0225"},
    "GBP": {2014: "1.6475", 2015: "1.5285", 2016: "1.3554", 2017: "1.2886", 2018: "1.3350"},
    "JPY": {
        2014: "0.009450",
        2015: "0.008262",
        2016: "0.009199",
        2017: "0.008915",
        2018: "0.009058",
    },
    "AUD": {2014: "0.9028", 2015: "0.7523", 2016: "0.7441", 2017: "0.7667", 2018: "0.7476"},
    "KRW": {
        2014: "0.000950",
        2015: "0.000884",
        2016: "0.000861",
        2017: "0.000884",
        2018: "0.000909",
    },
    "SEK": {2014: "0.1458", 2015: "0.1187", 2016: "0.1169", 2017: "0.1172", 2018: "0.1151"},
    "NOK": {2014: "0.1589", 2015: "0.1240", 2016: "0.1192", 2017: "0.1210", 2018: "0.1230"},
    "DKK": {2014: "0.1782", 2015: "0.1487", 2016: "0.1487", 2017: "0.1519", 2018: "0.1586"},
    "CAD": {2014: "0.9054", 2015: "0.7820", 2016: "0.7551", 2017: "0.7708", 2018: "0.7718"},
}

#: {currency: US dollars per unit}, for a year outside RATES or no year at all.
OTHER_YEARS = {
    "EUR": "1.2000",
    "CHF": "0.8500",
    "GBP": "1.6000",
    "JPY": "0.009000",
    "AUD": "0.7500",
    "KRW": "0.000850",
    "SEK": "0.1400",
    "NOK": "0.1500",
    "DKK": "0.1600",
    "CAD": "0.8000",
}

CENT = Decimal("0.01")
MILLION = Decimal(1_000_000)


def currencies():
    """The ISO 4217 codes an amount can be converted from, US dollars included, sorted."""
    return sorted({"USD", *RATES, *OTHER_YEARS})


def usd_rate(currency, year=None):
    """US dollars per unit of `currency` in `year`: the year's average, else the currency's
    average for other years; None for a currency the table does not know."""
    currency = (currency or "").upper()
    if currency == "USD":
        return Decimal(1)
    by_year = RATES.get(currency, {})
    if year in by_year:
        return Decimal(by_year[year])
    if currency in OTHER_YEARS:
        return Decimal(OTHER_YEARS[currency])
    if not by_year:
        return None
    # A currency with yearly rates and no long-run average: the nearest year's.
    return Decimal(by_year[min(by_year, key=lambda known: abs(known - (year or max(by_year))))])


def usd_value(amount, currency, year=None):
    """The value in US dollars of `amount` in `currency`, to the cent; None if no rate."""
    rate = usd_rate(currency, year)
    if rate is None or amount is None:
        return None
    return (amount * rate).quantize(CENT, rounding=ROUND_HALF_UP)


def format_usd(value, *, unit=True, millions=False, decimals=None, language=None):
    """An amount of US dollars as the language (the active one by default) writes it.

    - `unit` (default): with the code where the language puts a currency, "USD 8,000,000",
      "8 000 000 USD"; a whole amount without cents, any other with them (or `decimals`).
    - `millions`: in millions, in words with the code ("USD 36.6 million", "USD 3664万"),
      or as a bare figure with one decimal ("36.6") when `unit` is False.
    - `unit=False`: the bare figure, for a column or axis whose heading names the unit,
      whole dollars unless `decimals` says otherwise ("1,250,000").

    Empty for None."""
    if value is None or value == "":
        return ""
    if unit and millions:
        return format_money_millions(value, "USD", 1 if decimals is None else decimals, language)
    if unit:
        return format_money(value, "USD", decimals, language)
    if millions:
        return format_number(
            Decimal(value) / MILLION, 1 if decimals is None else decimals, language
        )
    return format_number(value, 0 if decimals is None else decimals, language)
