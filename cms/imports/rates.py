"""The rate table that turns an amount in another currency into its value in US dollars.

Used by the import when a row gives an amount but no `usd_value`. Each rate is the number of
US dollars for one unit of the currency, as a yearly average; an agreement takes the rate of
its signature year (the latest year of the table for later or undated agreements, and the
earliest one for earlier agreements).

Source: the table of the demo archive (cms/demo/data/exchange_rates.csv), for the years
2014-2018, as of January 2019: the euro row is the European Central Bank's yearly average of
its euro reference rate (USD per EUR); the other rows are yearly averages of the same kind.
The Bureau's own figures use the UN operational rates of exchange: replace or extend this
table with them (and state their date here) where an exact match matters. A currency
missing from the table is an error unless the row gives its `usd_value`.
"""

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["RATES", "RATES_AS_OF", "usd_rate", "usd_value"]

RATES_AS_OF = "2019-01"

#: {currency: {year: US dollars per unit}}
RATES = {
    "USD": {2014: "1", 2015: "1", 2016: "1", 2017: "1", 2018: "1"},
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

CENT = Decimal("0.01")


def usd_rate(currency, year=None):
    """US dollars per unit of `currency` in `year` (None: the latest year); None if unknown."""
    by_year = RATES.get((currency or "").upper())
    if not by_year:
        return None
    years = sorted(by_year)
    if year is None or year > years[-1]:
        year = years[-1]
    year = max(year, years[0])
    return Decimal(by_year[year])


def usd_value(amount, currency, year=None):
    """The value in US dollars of `amount` in `currency`, to the cent; None if no rate."""
    rate = usd_rate(currency, year)
    if rate is None:
        return None
    return (amount * rate).quantize(CENT, rounding=ROUND_HALF_UP)
