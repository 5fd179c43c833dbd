"""Faceted browsing of the opportunities of one index: what a visitor can filter on, how the
filters of an address are read, and how many opportunities each value would give.

A visitor's choices live in the query string (`?area=cybersecurity&region=afr&sort=gap`),
so that every state of the index is an address to share. Within one facet the chosen values
are alternatives (an opportunity in any of the chosen regions); across facets they all apply.
The count next to a value is the number of opportunities it would give together with the
filters of the *other* facets, computed by the database in one query per facet.

Vocabulary terms are named by their code, the same in every language; what is unknown or
malformed in an address is dropped, never an error.
"""

from .definitions import (
    BUDGET_RANGES,
    FACETS,
    BudgetRange,
    Facet,
    FacetValue,
    collation_key,
)
from .state import DEFAULT_SORT, SORTS, FilterState, SortOption, count_facets, read_filters

__all__ = [
    "BUDGET_RANGES",
    "DEFAULT_SORT",
    "FACETS",
    "SORTS",
    "BudgetRange",
    "Facet",
    "FacetValue",
    "FilterState",
    "SortOption",
    "collation_key",
    "count_facets",
    "read_filters",
]
