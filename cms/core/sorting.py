"""Listings sort text as people read it: capitals and accents do not change the order.

A database compares bytes unless told otherwise: SQLite, and PostgreSQL on a database whose
collation is `C` or `C.UTF-8` (the default of many clusters, this project's included), put
"ARM" before "African Development Bank" and "Éthiopie" after "Zambie". `natural(expression)`
is the expression to order by:

- on SQLite, the text under the collation `partnerhub_natural`, registered on each new
  connection (`register_collation`): case-folded, accents removed, then the text itself to
  break ties, so that the order is total and stable from one page to the next;
- on PostgreSQL, the text under ICU's root collation `und-x-icu` (Unicode's default order:
  letters first, then accents, then case), whatever the database's own collation.

`natural_ordering(model, ordering)` applies it to the text fields of a listing's ordering
("name", "-title"), leaving other orderings (dates, numbers, related fields) as they are.
"""

import unicodedata

from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import CharField, F, TextField
from django.db.models.functions import Collate

__all__ = [
    "COLLATION",
    "natural",
    "natural_ordering",
    "order_naturally",
    "register_collation",
    "sort_key",
]

COLLATION = "partnerhub_natural"
#: PostgreSQL's collation of Unicode's default order (PostgreSQL built with ICU, as Debian's
#: and the managed services' are).
POSTGRESQL_COLLATION = "und-x-icu"


def sort_key(text):
    """The text as it is compared: case-folded, without accents (``É`` → ``e``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _compare(left, right):
    left_key, right_key = sort_key(left), sort_key(right)
    if left_key != right_key:
        return -1 if left_key < right_key else 1
    return (left > right) - (left < right)


def register_collation(sender, connection, **kwargs):
    """`connection_created` receiver: gives a new SQLite connection the collation."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, _compare)


def natural(expression):
    """`expression` (a text field's name or an expression) to order by as people read."""
    if isinstance(expression, str):
        expression = F(expression)
    if connection.vendor == "sqlite":
        return Collate(expression, COLLATION)
    return Collate(expression, POSTGRESQL_COLLATION)


def natural_ordering(model, ordering):
    """The terms of `ordering` with those naming a text field of `model` ordered naturally
    (descending terms stay descending); other terms unchanged."""
    result = []
    for term in ordering:
        if isinstance(term, str) and term.lstrip("-") and "__" not in term:
            name = term.lstrip("-")
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:  # an annotation: not a column of the model
                field = None
            if isinstance(field, CharField | TextField) and not field.choices:
                expression = natural(name)
                term = expression.desc() if term.startswith("-") else expression.asc()
        result.append(term)
    return result


def order_naturally(queryset):
    """`queryset` with the text fields of its ordering ordered naturally (for a listing
    view's `order_queryset`)."""
    ordering = queryset.query.order_by
    if not ordering:
        return queryset
    return queryset.order_by(*natural_ordering(queryset.model, ordering))
