"""The score formula of an agreement, written once for the database and for Python.

The finder works an agreement's points out in two places: the database adds up the points of
every partner in one grouped query (`sql_scoring`), and Python scores the partners near the
last place shown again, from their own agreements, to explain each one (`python_scoring`).
Both build their figures from the declarations and functions below, given plain numbers
(`PYTHON`) or database expressions (`sql_scoring.SQL`): the terms, their weights, the shares
of a partial match and the order of the operations are written here only, so the two cannot
drift apart. `tests/finder/test_formula.py` and `tests/demo/test_demo_finder_formula.py` check
that they agree, partner by partner.

An agreement that matches the request earns, for a role weight of 1 (see `weights`):

    term points  = recency × weight of the term × share of the term matched   (area, place, text)
    value points = recency × VALUE_WEIGHT × value × (Σ weight × share) / (Σ weight requested)

and a partner earns each of these times its role's weight, summed over its agreements.
"""

import math
from functools import reduce
from operator import add

from .weights import (
    AREA_WEIGHT,
    HALF_LIFE_YEARS,
    LOG_FLOOR,
    LOG_SPAN,
    NEARBY_PLACE_MATCH,
    PLACE_WEIGHT,
    SECONDARY_AREA_MATCH,
    TEXT_WEIGHT,
    VALUE_FLOOR_USD,
    VALUE_WEIGHT,
)

__all__ = [
    "AGREEMENT_KEYS",
    "AREA_SHARES",
    "MATCH_TERMS",
    "PLACE_SHARES",
    "PYTHON",
    "agreement_points",
    "first_share",
    "full_weight",
    "recency",
    "recency_factor",
    "text_share",
    "value",
    "value_factor",
]

#: The terms an agreement matches, each with the points of a full match, in breakdown order.
MATCH_TERMS = (("area", AREA_WEIGHT), ("place", PLACE_WEIGHT), ("text", TEXT_WEIGHT))
#: The agreement components of a breakdown: the match terms, then the value.
AGREEMENT_KEYS = (*(key for key, _weight in MATCH_TERMS), "value")
#: The share of the area term: by the first rule that holds (none: 0).
AREA_SHARES = (
    ("primary", 1.0),  # its primary area is a requested one
    ("secondary", SECONDARY_AREA_MATCH),  # only a secondary area is
)
#: The share of the place term: by the first rule that holds (none: 0).
PLACE_SHARES = (
    ("requested", 1.0),  # it benefits a requested region or country
    ("nearby", NEARBY_PLACE_MATCH),  # only the region of a requested country
)
_DAYS_PER_YEAR = 365.25


class Arithmetic:
    """The operations the formula needs, on Python numbers; `sql_scoring.SQL` gives the same
    on database expressions."""

    number = staticmethod(float)
    greatest = staticmethod(max)
    least = staticmethod(min)
    log10 = staticmethod(math.log10)

    @staticmethod
    def choose(rules, conditions):
        """The share of the first rule whose condition holds, else 0 (`conditions` are
        booleans, in the order of `rules`)."""
        for (_name, share), holds in zip(rules, conditions, strict=True):
            if holds:
                return share
        return 0.0


PYTHON = Arithmetic()


def first_share(ar, rules, conditions):
    """The share of a term (AREA_SHARES, PLACE_SHARES) given its rules' conditions."""
    return ar.choose(rules, conditions)


def text_share(ar, hits, words):
    """The share of the text term: the requested words found in the title, out of `words`."""
    if not words:
        return ar.number(0)
    return reduce(add, hits) / ar.number(words)


def recency(ar, days):
    """How much an agreement signed `days` before the reference date still counts: halved
    every HALF_LIFE_YEARS years (an agreement of the future counts fully)."""
    years = ar.greatest(days, ar.number(0)) / ar.number(_DAYS_PER_YEAR)
    return ar.number(0.5) ** (years / ar.number(HALF_LIFE_YEARS))


def value(ar, amount_usd):
    """An agreement's value above VALUE_FLOOR_USD on a 0-1 logarithmic scale (the caller
    gives 0 at the floor or below, and for an unknown value)."""
    return ar.least(
        (ar.log10(amount_usd) - ar.number(LOG_FLOOR)) / ar.number(LOG_SPAN), ar.number(1)
    )


def full_weight(criteria):
    """The points of the terms the request asks for: what a full match of it is worth."""
    requested = (
        bool(criteria.areas),
        bool(criteria.regions or criteria.countries),
        bool(criteria.words),
    )
    return reduce(
        add,
        (
            weight if asked else 0.0
            for (_key, weight), asked in zip(MATCH_TERMS, requested, strict=True)
        ),
    )


def agreement_points(ar, shares, age, size, full):
    """The (area, place, text, value) points of an agreement for a role weight of 1, from the
    `shares` of its (area, place, text) terms, its `age` factor (`recency`), its `size`
    factor (`value`) and the `full_weight` of the request."""
    terms = list(zip(MATCH_TERMS, shares, strict=True))
    matched = reduce(add, (ar.number(weight) * share for (_key, weight), share in terms))
    return (
        *(age * ar.number(weight) * share for (_key, weight), share in terms),
        age * ar.number(VALUE_WEIGHT) * size * (matched / ar.number(full)),
    )


def recency_factor(day, reference):
    """How much an agreement of `day` still counts on `reference`: 1 for one signed that day
    (or later), 0.5 one half-life before, 0.25 two half-lives before... (0 without a day)."""
    if day is None:
        return 0.0
    return recency(PYTHON, (reference - day).days)


def value_factor(amount_usd):
    """An agreement's value on a 0-1 logarithmic scale between VALUE_FLOOR_USD and
    VALUE_CEILING_USD (0 when its value is unknown)."""
    if not amount_usd or amount_usd <= VALUE_FLOOR_USD:
        return 0.0
    return value(PYTHON, amount_usd)
