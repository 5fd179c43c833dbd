"""Template filters of the opportunity pages: amounts in USD as a reader of the page's
language writes them."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils import numberformat
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

# (decimal separator, thousands separator, group size) where Django's own locale formats do
# not group digits (Arabic), or group them by four without a separator (Chinese): the
# symbols CLDR gives these languages for Latin digits, so that large amounts stay readable.
NUMBER_SYMBOLS = {"ar": (".", ",", 3), "zh-hans": (".", ",", 3)}


def _grouped(amount, decimal_pos):
    symbols = NUMBER_SYMBOLS.get(get_language() or "")
    if symbols is None:
        return number_format(amount, decimal_pos=decimal_pos, use_l10n=True, force_grouping=True)
    decimal_sep, thousand_sep, grouping = symbols
    return numberformat.format(
        amount,
        decimal_sep,
        decimal_pos=decimal_pos,
        grouping=grouping,
        thousand_sep=thousand_sep,
        force_grouping=True,
    )


def _decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


@register.filter
def usd(value):
    """An amount in US dollars, grouped the way the active language groups digits:
    "USD 1,250,000" in English, "1 250 000 USD" in French (the order is the translators');
    empty without an amount."""
    amount = _decimal(value)
    if amount is None:
        return ""
    grouped = _grouped(amount, 0)
    return _("USD %(amount)s") % {"amount": grouped}


@register.filter
def usd_millions(value):
    """An amount in millions of US dollars with one decimal: "USD 36.6 million"."""
    amount = _decimal(value)
    if amount is None:
        return ""
    millions = (amount / Decimal(1_000_000)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    grouped = _grouped(millions, 1)
    return _("USD %(amount)s million") % {"amount": grouped}
