"""How numbers, money and dates are written, in one place for the whole site.

Every page, chart, table, e-mail and admin listing writes a figure through this module (or
its template filters in `cms.core.templatetags.format_tags`), so that a figure reads the same
everywhere in a language. The rules are CLDR's, through Babel:

- numbers: the language's grouping and decimal sign ("9,450,475" in English, Arabic and
  Chinese, "9 450 475" in French and Russian, "9.450.475" in Spanish);
- money: the ISO 4217 code where CLDR puts the currency sign, with CLDR's spacing between a
  code and digits ("USD 8,000,000", "8 000 000 USD", "‏8,000,000 USD");
- dates: the language's long date, never all digits ("1 May 2014", "1 mai 2014",
  "1 de mayo de 2014", "1 мая 2014 г.", "2014年5月1日", "1 أيار/مايو 2014").

Choices made here, and why:

- English is CLDR's international English (`en_001`): "1 May 2014", as the UN writes it,
  rather than the American "May 1, 2014".
- Arabic is written with Western digits (0-9), as the UN's Arabic documents write them, and
  CLDR's Arabic symbols for those digits ("." decimal sign, "," grouping). Its months are
  those of the UN's Arabic documents, the Levantine and the Egyptian name joined by a slash
  ("أيار/مايو"): CLDR's `ar` has the Egyptian name alone. That table is the one exception to
  CLDR data in this module.
- Data files (CSV, XLSX, JSON, the API) never come through here: they keep machine formats
  (ISO dates, a decimal point, no grouping).

Functions take the language explicitly or use the active one (`get_language()`).
"""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django.utils import timezone
from django.utils.translation import get_language

__all__ = [
    "UN_ARABIC_MONTHS",
    "babel_locale",
    "format_date",
    "format_datetime",
    "format_money",
    "format_money_millions",
    "format_number",
    "format_percent",
    "to_decimal",
]

#: Django language code -> CLDR locale. Codes not listed are the same in both.
CLDR_LOCALES = {"en": "en_001", "zh-hans": "zh_Hans", "zh-hant": "zh_Hant"}

#: The months of the UN's Arabic documents (Levantine/Egyptian names).
UN_ARABIC_MONTHS = (
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
)

# CLDR's currencySpacing: a no-break space between a currency code and the digits.
CURRENCY_SPACE = "\u00a0"


def babel_locale(language=None):
    """The CLDR locale of a Django language code (the active language by default); English
    for a code CLDR does not know."""
    return _locale((language or get_language() or "en").lower())


@lru_cache(maxsize=32)
def _locale(code):
    name = CLDR_LOCALES.get(code, code.replace("-", "_"))
    try:
        return Locale.parse(name)
    except (ValueError, LookupError, UnknownLocaleError):
        base = code.split("-")[0]
        try:
            return Locale.parse(base)
        except (ValueError, LookupError, UnknownLocaleError):
            return Locale.parse(CLDR_LOCALES["en"])


def to_decimal(value):
    """A Decimal from an int, float, Decimal, Fraction or numeric string; None for None, ""
    or anything that is not a number."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return number if number.is_finite() else None


def _quantize(number, decimals):
    return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _decimals_of(number, limit):
    """How many decimals a number needs to be written exactly, at most `limit`."""
    exponent = _quantize(number, limit).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_number(value, decimals=None, language=None):
    """A number as the language writes it: "9,450,475", "9 450 475", "27,5".

    `decimals` fixes the number of decimals (rounded half up); without it, the number is
    written with the decimals it has, up to two ("27.5", "1,200"). Empty for None or for
    anything that is not a number."""
    number = to_decimal(value)
    if number is None:
        return ""
    if decimals is None:
        decimals = _decimals_of(number, 2)
    return _format_decimal(number, decimals, babel_locale(language))


def _format_decimal(number, decimals, locale, grouping=True):
    number = _quantize(number, decimals)
    if not number:
        number = abs(number)  # no "-0"
    # Babel groups every number of four digits or more ("1.234" in Spanish too: it does not
    # apply CLDR's minimum grouping digits), the same way on every page.
    return babel_numbers.format_decimal(
        number,
        format=_locale_decimal_pattern(locale, decimals),
        locale=locale,
        decimal_quantization=True,
        group_separator=grouping,
    )


def _locale_decimal_pattern(locale, decimals):
    """The locale's decimal pattern with a fixed number of decimals (CLDR's grouping kept:
    every language of the site groups by three)."""
    pattern = locale.decimal_formats[None].pattern.split(";")[0]
    integer = pattern.split(".")[0]
    return integer + ("." + "0" * decimals if decimals else "")


def _currency_pattern(locale, decimals):
    """CLDR's currency pattern of the locale, with the ISO code (¤¤) where the sign goes
    and a fixed number of decimals."""
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    head, _sep, tail = pattern.partition("#")
    body = "#" + tail
    number_end = max(body.rfind("0"), body.rfind("#")) + 1
    number, after = body[:number_end], body[number_end:]
    integer = number.split(".")[0]
    number = integer + ("." + "0" * decimals if decimals else "")
    return (head + number + after).replace("¤", "¤¤")


def _space_code(text, currency):
    """CLDR's currency spacing: a no-break space between the code and an adjacent digit."""
    index = text.find(currency)
    if index < 0:
        return text
    end = index + len(currency)
    if end < len(text) and text[end].isdigit():
        text = text[:end] + CURRENCY_SPACE + text[end:]
    if index > 0 and text[index - 1].isdigit():
        text = text[:index] + CURRENCY_SPACE + text[index:]
    return text


def format_money(value, currency="USD", decimals=None, language=None):
    """An amount with its ISO 4217 currency code where the language puts the currency:
    "USD 8,000,000", "8 000 000 USD", "8.000.000 USD", "USD 1,250.50".

    Without `decimals`, a whole amount is written without decimals and any other with the
    currency's minor digits (two for USD, none for JPY). Empty for None."""
    number = to_decimal(value)
    if number is None:
        return ""
    currency = (currency or "USD").upper()
    if decimals is None:
        minor = babel_numbers.get_currency_precision(currency)
        decimals = 0 if number == number.to_integral_value() else minor
    number = _quantize(number, decimals)
    if not number:
        number = abs(number)
    locale = babel_locale(language)
    text = babel_numbers.format_currency(
        number,
        currency,
        format=_currency_pattern(locale, decimals),
        locale=locale,
        currency_digits=False,
        decimal_quantization=True,
    )
    return _space_code(text, currency)


def _million_words(number, decimals, locale):
    """The amount in CLDR's long compact pattern of a million, whatever its size:
    "36.6 million", "0,4 million", "36,6 миллиона", "3664万"."""
    forms = locale.compact_decimal_formats["long"]
    patterns = {form: forms[form].get("1000000") for form in forms}
    patterns = {form: pattern.pattern for form, pattern in patterns.items() if pattern}
    if not patterns:
        patterns = {"other": "0 million"}
    # "0 million" counts millions; "000万" counts ten thousands (000万 is one million).
    digits = len(re.search(r"0+", next(iter(patterns.values()))).group())
    count = _quantize(number / Decimal(10) ** (7 - digits), decimals)
    shown = _decimals_of(count, decimals)
    words = patterns.get(locale.plural_form(abs(_quantize(count, shown)))) or patterns.get("other")
    words = words or next(iter(patterns.values()))
    head, tail = re.split(r"0+", words.replace("'", ""), maxsplit=1)
    # CLDR's compact patterns ("0 million", "000万") do not group digits.
    return head + _format_decimal(count, shown, locale, grouping=False) + tail


def format_money_millions(value, currency="USD", decimals=1, language=None):
    """An amount in millions, in words of the language, with its currency code where the
    language puts the currency: "USD 36.6 million", "36,6 millions USD", "36,6 миллиона USD",
    "USD 0.4 million". Chinese counts in 万 (ten thousands), as CLDR does: "USD 3664万".
    Empty for None."""
    number = to_decimal(value)
    if number is None:
        return ""
    currency = (currency or "USD").upper()
    locale = babel_locale(language)
    amount = _million_words(number, decimals, locale)
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    head, _sep, tail = pattern.partition("#")
    after = tail[max(tail.rfind("0"), tail.rfind("#")) + 1 :]
    return _space_code(
        head.replace("¤", currency) + amount + after.replace("¤", currency), currency
    )


def format_percent(value, decimals=None, language=None):
    """A percentage given in percent (12.5 for 12.5 %), as the language writes it: "12.5%",
    "12,5 %"."""
    number = to_decimal(value)
    if number is None:
        return ""
    if decimals is None:
        decimals = _decimals_of(number, 2)
    locale = babel_locale(language)
    pattern = _percent_pattern(locale.percent_formats[None].pattern.split(";")[0], decimals)
    return babel_numbers.format_percent(
        _quantize(number, decimals) / 100,
        format=pattern,
        locale=locale,
        decimal_quantization=True,
    )


def _percent_pattern(pattern, decimals):
    """CLDR's percent pattern of a locale with a fixed number of decimals."""
    start = min(i for i in (pattern.find("#"), pattern.find("0")) if i >= 0)
    end = max(pattern.rfind("#"), pattern.rfind("0")) + 1
    integer = pattern[start:end].split(".")[0]
    return pattern[:start] + integer + ("." + "0" * decimals if decimals else "") + pattern[end:]


def _as_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def format_date(value, language=None):
    """A date written out, never all digits: "1 May 2014", "1 mai 2014", "1 de mayo de 2014",
    "1 мая 2014 г.", "2014年5月1日", "1 أيار/مايو 2014". A datetime is shown as its day in
    the site's time zone. Empty for None."""
    day = _as_date(value)
    if day is None:
        return ""
    locale = babel_locale(language)
    pattern = locale.date_formats["long"].pattern
    if locale.language == "ar":
        month = UN_ARABIC_MONTHS[day.month - 1]
        pattern = _replace_month(pattern, f"'{month}'")
    return babel_dates.format_date(day, format=pattern, locale=locale)


def format_datetime(value, language=None):
    """A moment as its day written out and its time, in the site's time zone:
    "1 May 2014, 2:05 pm", "1 mai 2014, 14:05", "2014年5月1日 14:05". Empty for None."""
    if not isinstance(value, datetime.datetime):
        return format_date(value, language)
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    locale = babel_locale(language)
    time = babel_dates.format_time(value.time(), "short", locale=locale)
    pattern = locale.datetime_formats["medium"]
    pattern = pattern if isinstance(pattern, str) else "{1}, {0}"
    pattern = pattern.replace("'", "")
    return pattern.replace("{1}", format_date(value, language)).replace("{0}", time)


def _replace_month(pattern, literal):
    """The pattern with its month field (MMMM or LLLL) replaced by a quoted literal."""
    for field in ("MMMM", "LLLL"):
        if field in pattern:
            return pattern.replace(field, literal, 1)
    return pattern
