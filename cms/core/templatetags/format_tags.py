"""Template filters writing numbers, money and dates in the active language
(`cms.core.formats`): the only way templates print a figure or a date.

    {% load format_tags %}
    {{ figures.new_agreements|number }}          9,450,475 · 9 450 475
    {{ row.value|number:1 }}                     36.6 · 36,6
    {{ agreement.amount|money:agreement.currency }}   USD 8,000,000 · 8 000 000 USD
    {{ figures.value_usd|money_millions }}       USD 36.6 million · 36,6 millions USD
    {{ price.discount_percent|percent }}         12.5% · 12,5 %
    {{ agreement.signature_date|long_date }}     1 May 2014 · 1 mai 2014 · 2014年5月1日
    {{ run.created_at|long_datetime }}           1 May 2014, 2:05 pm · 1 mai 2014, 14:05

Each filter gives an empty string for None or a value that is not a number or a date.
"""

from django import template

from cms.core import formats

register = template.Library()


def _decimals(arg):
    if arg in (None, ""):
        return None
    try:
        return int(arg)
    except (TypeError, ValueError):
        return None


@register.filter
def number(value, decimals=None):
    """A number with the language's grouping and decimal sign; optional fixed decimals."""
    return formats.format_number(value, _decimals(decimals))


@register.filter
def money(value, currency="USD"):
    """An amount with its ISO 4217 code where the language puts the currency."""
    return formats.format_money(value, currency or "USD")


@register.filter
def money_millions(value, currency="USD"):
    """An amount in millions, in words of the language: "USD 36.6 million"."""
    return formats.format_money_millions(value, currency or "USD")


@register.filter
def percent(value, decimals=None):
    """A value given in percent (12.5), with the language's percent sign and spacing."""
    return formats.format_percent(value, _decimals(decimals))


@register.filter
def long_datetime(value):
    """A moment as its day written out and its time, in the site's time zone."""
    return formats.format_datetime(value)


@register.filter
def long_date(value):
    """A date written out in the language: "1 May 2014", "1 أيار/مايو 2014"."""
    return formats.format_date(value)
