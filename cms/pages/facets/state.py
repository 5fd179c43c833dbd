"""The state of the opportunity index an address describes (filters, sort order, page) and
the counts of every facet's values under it."""

from dataclasses import dataclass, field

from django.db.models import Case, F, Q, Value, When
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cms.snippets.models import SOURCE_LOCALE

from ..timeline import today
from .definitions import FACETS, Facet, VocabularyFacet

__all__ = [
    "DEFAULT_SORT",
    "SORTS",
    "FilterState",
    "SortOption",
    "count_facets",
    "read_filters",
]


@dataclass(frozen=True)
class SortOption:
    """An order of the results a visitor can choose; `ordering` is a tuple, or a function
    that gives one on the day it is called."""

    code: str
    label: str
    ordering: object


def _by_deadline():
    """Calls still open for the soonest first, then those whose deadline has passed (the
    latest first), then those without a deadline."""
    upcoming = Case(When(deadline__gte=today(), then=F("deadline")))
    return (upcoming.asc(nulls_last=True), F("deadline").desc(nulls_last=True))


SORTS = [
    SortOption("newest", _("Newest first"), (F("first_published_at").desc(nulls_last=True),)),
    SortOption("budget", _("Largest budget first"), (F("budget_usd").desc(nulls_last=True),)),
    SortOption(
        "gap", _("Largest funding gap first"), (F("funding_gap_usd").desc(nulls_last=True),)
    ),
    SortOption("title", _("Title (A to Z)"), (F("title").asc(),)),
    SortOption("deadline", _("Deadline (soonest first)"), _by_deadline),
]
DEFAULT_SORT = SORTS[0].code
SORTS_BY_CODE = {option.code: option for option in SORTS}


@dataclass
class FilterState:
    """The filters and sort order of an address, cleaned: {facet param: [values]}."""

    selected: dict = field(default_factory=dict)
    sort: str = DEFAULT_SORT

    @property
    def is_filtered(self):
        return any(self.selected.values())

    @property
    def ordering(self):
        # The page's path breaks ties, so that the order never changes between two pages.
        ordering = SORTS_BY_CODE[self.sort].ordering
        return (*(ordering() if callable(ordering) else ordering), "path")

    def values_of(self, param):
        return self.selected.get(param, [])

    def q(self, *, except_param=None):
        """The condition of every active filter, but those of `except_param`."""
        condition = Q()
        for definition in FACETS:
            values = self.values_of(definition.param)
            if values and definition.param != except_param:
                condition &= definition.q(values)
        return condition

    def params(self, *, without=None, sort=None, page=None):
        """The query-string pairs of this state; `without` drops one (param, value)."""
        pairs = [
            (definition.param, value)
            for definition in FACETS
            for value in self.values_of(definition.param)
            if (definition.param, value) != without
        ]
        sort = sort or self.sort
        if sort != DEFAULT_SORT:
            pairs.append(("sort", sort))
        if page and page > 1:
            pairs.append(("page", str(page)))
        return pairs

    def query_string(self, **kwargs):
        pairs = self.params(**kwargs)
        return f"?{urlencode(pairs)}" if pairs else ""


def _known_vocabulary_codes(wanted):
    """{facet param: codes that exist} for the vocabulary codes of an address, in one query
    (none when the address has none)."""
    queries = [
        definition.model.objects.filter(**SOURCE_LOCALE, code__in=codes)
        .annotate(facet=Value(definition.param))
        .values_list("code", "facet")
        .order_by()
        for definition in FACETS
        if isinstance(definition, VocabularyFacet)
        for codes in [wanted.get(definition.param)]
        if codes
    ]
    if not queries:
        return {}
    rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    known = {}
    for code, param in rows:
        known.setdefault(param, set()).add(code)
    return known


def read_filters(query_dict):
    """The FilterState of a request's query string; unknown values are left out."""
    selected = {}
    for definition in FACETS:
        values = definition.clean(query_dict.getlist(definition.param))
        if values:
            selected[definition.param] = values
    known = _known_vocabulary_codes(
        {
            definition.param: selected[definition.param]
            for definition in FACETS
            if isinstance(definition, VocabularyFacet) and definition.param in selected
        }
    )
    for definition in FACETS:
        if isinstance(definition, VocabularyFacet) and definition.param in selected:
            values = [v for v in selected[definition.param] if v in known.get(definition.param, ())]
            if values:
                selected[definition.param] = values
            else:
                del selected[definition.param]
    sort = query_dict.get("sort", "")
    return FilterState(selected=selected, sort=sort if sort in SORTS_BY_CODE else DEFAULT_SORT)


def count_facets(opportunities, state, locale_id):
    """Every facet with its values and counts: each counted among `opportunities` filtered
    by the other facets' choices. One query per facet, except for the facets on the
    opportunities' own columns (kind, status, budget) that nobody chose: those all count the
    opportunities of every choice made, in one query together."""
    shared = [
        definition
        for definition in FACETS
        if definition.by_columns and not state.values_of(definition.param)
    ]
    totals = {}
    if shared:
        aggregates = {}
        for definition in shared:
            aggregates.update(definition.aggregates())
        totals = opportunities.filter(state.q()).order_by().aggregate(**aggregates)
    facets = []
    for definition in FACETS:
        selected = state.values_of(definition.param)
        if definition in shared:
            values = definition.from_totals(totals, selected)
        else:
            scoped = opportunities.filter(state.q(except_param=definition.param))
            values = definition.count(scoped, selected, locale_id)
        facets.append(Facet(param=definition.param, label=definition.label, values=values))
    return facets
