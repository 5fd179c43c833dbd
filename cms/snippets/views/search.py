"""Searching partnership records and showing their values the way staff read them.

Admin searches run through the ORM (`icontains` on each word), not through the search index:
staff look records up by fragments of references, acronyms or former names, which a
full-text index splits or stems away, and a listing must find a record the moment it is
imported, before any reindexing.
"""

from decimal import Decimal

from django.db.models import Q
from django.utils.formats import number_format
from django_countries import countries

__all__ = [
    "INTERNAL_PERMISSION",
    "country_codes_matching",
    "format_usd",
    "join_names",
    "search_records",
]

INTERNAL_PERMISSION = "snippets.view_partner_internal"


def search_records(queryset, fields, query):
    """Rows of `queryset` where every word of `query` is found in at least one of `fields`.

    Fields may follow relations (`partner_links__partner__name`); the match goes through a
    subquery on primary keys, so a record matching through two related rows is listed once.
    """
    condition = Q()
    for word in query.split():
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    matches = queryset.model._default_manager.filter(condition).values("pk")
    return queryset.filter(pk__in=matches)


def country_codes_matching(query):
    """ISO codes of the countries whose name, in the active language, or code matches."""
    needle = query.strip().casefold()
    return [
        code for code, name in countries if needle in name.casefold() or needle == code.casefold()
    ]


def format_usd(value):
    """A USD amount as staff read it in their language, without cents: 1,250,000."""
    if value is None:
        return ""
    return number_format(Decimal(value), decimal_pos=0, use_l10n=True, force_grouping=True)


def join_names(items):
    return ", ".join(str(item) for item in items)
