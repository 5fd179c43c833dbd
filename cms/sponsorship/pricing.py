"""Sponsorship prices by ITU membership category, computed on the server only.

A package's price for an applicant is its base price plus the à-la-carte benefits chosen,
less the discount of the applicant's category: the package's own discount for that category
if the admin set one, else the default for every package, else none. An applicant without a
category and one whose category is "none" are the same: no ITU membership.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Q

from cms.core import languages
from cms.snippets.models import MembershipCategory

from .models import CategoryDiscount

__all__ = [
    "NO_MEMBERSHIP_CODE",
    "Price",
    "categories",
    "compute_price",
    "discounts_for",
    "price_table",
]

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
NO_MEMBERSHIP_CODE = "none"


@dataclass(frozen=True)
class Price:
    """A price worked out for one applicant: list price, discount and what they pay."""

    list_price: Decimal
    discount_percent: Decimal
    price: Decimal

    @property
    def discount(self):
        return self.list_price - self.price


def _category_key(category):
    """The key under which a category's discounts are found: None means no membership."""
    if category is None or category.code == NO_MEMBERSHIP_CODE:
        return None
    return category.translation_key


def discounts_for(packages):
    """{(package translation key or None, category key): percent} for these packages and
    the defaults, in one query."""
    keys = {package.translation_key for package in packages}
    rows = CategoryDiscount.objects.filter(
        Q(package__isnull=True) | Q(package__translation_key__in=keys)
    ).values_list(
        "package__translation_key", "category__translation_key", "category__code", "percent"
    )
    found = {}
    for package_key, category_key, code, percent in rows:
        if code == NO_MEMBERSHIP_CODE:
            category_key = None
        found[(package_key, category_key)] = percent
    return found


def _percent(discounts, package, category_key):
    for key in ((package.translation_key, category_key), (None, category_key)):
        if key in discounts:
            return discounts[key]
    return Decimal(0)


def _apply(list_price, percent):
    price = (list_price * (HUNDRED - percent) / HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)
    return Price(list_price.quantize(CENT), percent, price)


def compute_price(package, category, options=()):
    """The price of `package` with the à-la-carte `options` for an applicant of `category`
    (a MembershipCategory row, or None for no membership)."""
    list_price = package.price_usd + sum((option.price_usd for option in options), Decimal(0))
    percent = _percent(discounts_for([package]), package, _category_key(category))
    return _apply(list_price, percent)


def categories(language_code=None):
    """The membership categories in the admin's order, as (English row, name in the
    language); "none" comes last whatever its position."""
    language_code = language_code or languages.active()
    rows = list(
        MembershipCategory.objects.filter(
            locale__language_code__in={settings.LANGUAGE_CODE, language_code}
        ).select_related("locale")
    )
    names = {
        row.translation_key: row.name for row in rows if row.locale.language_code == language_code
    }
    english = sorted(
        (row for row in rows if row.locale.language_code == settings.LANGUAGE_CODE),
        key=lambda row: (row.code == NO_MEMBERSHIP_CODE, row.sort_order, row.name),
    )
    return [(row, names.get(row.translation_key, row.name)) for row in english]


def price_table(packages, category_list):
    """{package pk: [(category name, Price)]}: each package's price for every category,
    with two queries whatever the number of packages."""
    discounts = discounts_for(packages)
    return {
        package.pk: [
            (name, _apply(package.price_usd, _percent(discounts, package, _category_key(row))))
            for row, name in category_list
        ]
        for package in packages
    }
