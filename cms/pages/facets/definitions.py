"""What a visitor can filter the opportunities on: each facet, how it reads its values from
an address, the condition it puts on opportunities and how it counts its values."""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from cms.core.formats import format_number
from cms.snippets.models import (
    SOURCE_LOCALE,
    BeneficiaryRegion,
    Country,
    SustainableDevelopmentGoal,
    ThematicArea,
)

from ..models import (
    OpportunityCountry,
    OpportunityPage,
    OpportunityRegion,
    OpportunitySDG,
    OpportunityThematicArea,
)
from ..timeline import CLOSING_SOON_DAYS, closing_soon_range

__all__ = [
    "BUDGET_RANGES",
    "FACETS",
    "BudgetFacet",
    "BudgetRange",
    "ChoiceFacet",
    "ClosingSoonFacet",
    "CountryFacet",
    "Facet",
    "FacetDefinition",
    "FacetValue",
    "GoalFacet",
    "StatusFacet",
    "VocabularyFacet",
    "collation_key",
]

# A value longer than this, or more values than this in one facet, is not a visitor's choice.
MAX_VALUE_LENGTH = 40
MAX_VALUES_PER_FACET = 30
CODE = re.compile(r"[a-z0-9][a-z0-9_-]*")


def collation_key(text):
    """A key that sorts names the way readers expect, accents aside ("Égypte" with the E's),
    in any script."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet as the form shows it: a checkbox, its label and its count."""

    facet: str
    value: str
    label: str
    count: int
    selected: bool

    @property
    def input_id(self):
        return f"facet-{self.facet}-{self.value}"


@dataclass(frozen=True)
class Facet:
    """A group of the filter form: its parameter, its legend and its values."""

    param: str
    label: str
    values: list

    @property
    def selected(self):
        return [value for value in self.values if value.selected]


class FacetDefinition:
    """What a facet filters on; subclasses say how to read, apply and count it."""

    def __init__(self, param, label):
        self.param = param
        self.label = label

    def clean(self, raw_values):
        """The acceptable values among those of the address, in their order, once each."""
        seen = []
        for raw in raw_values[: MAX_VALUES_PER_FACET * 2]:
            value = self.normalize(raw.strip()[:MAX_VALUE_LENGTH])
            if value and value not in seen:
                seen.append(value)
        return seen[:MAX_VALUES_PER_FACET]

    def normalize(self, value):
        return value.lower() if CODE.fullmatch(value.lower()) else None

    def q(self, values):
        """The condition an opportunity meets when it matches any of `values`."""
        raise NotImplementedError

    def count(self, scoped, selected, locale_id):
        """The facet's values with their counts among `scoped` opportunities: those that
        give at least one result, and the selected ones whatever their count."""
        raise NotImplementedError

    #: Whether the facet counts the opportunities' own columns (`aggregates`, `from_totals`):
    #: such facets are counted together in one query when they share their opportunities.
    by_columns = False


class ColumnFacet(FacetDefinition):
    """A facet counted on the opportunities' own columns: as named counts (`aggregates`) that
    one query may hold beside those of other such facets."""

    by_columns = True

    def aggregates(self):
        """{name: Count(...)} of the facet's values (names prefixed with the param)."""
        raise NotImplementedError

    def from_totals(self, totals, selected):
        """The facet's values from the counts of `aggregates` (by their names)."""
        raise NotImplementedError

    def count(self, scoped, selected, locale_id):
        return self.from_totals(scoped.order_by().aggregate(**self.aggregates()), selected)


class VocabularyFacet(FacetDefinition):
    """A controlled vocabulary linked to opportunities through an orderable relation."""

    def __init__(self, param, label, model, through, term_field):
        super().__init__(param, label)
        self.model = model
        self.through = through
        self.term_field = term_field

    def q(self, values):
        links = self.through.objects.filter(**{f"{self.term_field}__code__in": values})
        return Q(pk__in=links.values("page_id"))

    def label_of(self, term):
        return term.local_name

    def count(self, scoped, selected, locale_id):
        pages = scoped.values("pk")
        counts = (
            self.through.objects.filter(**{self.term_field: OuterRef("pk")}, page_id__in=pages)
            .order_by()
            .values(self.term_field)
            .annotate(total=Count("page_id", distinct=True))
            .values("total")
        )
        # The term's name in the page's language, its English name while it has none.
        local_name = self.model.objects.filter(
            translation_key=OuterRef("translation_key"), locale_id=locale_id
        ).values("name")[:1]
        used = self.through.objects.filter(page_id__in=pages).values(self.term_field)
        terms = (
            self.model.objects.filter(**SOURCE_LOCALE)
            .filter(Q(pk__in=used) | Q(code__in=selected))
            .annotate(
                total=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0)),
                local_name=Coalesce(Subquery(local_name), F("name")),
            )
        )
        return [
            FacetValue(
                self.param, term.code, self.label_of(term), term.total, term.code in selected
            )
            for term in terms
        ]


class GoalFacet(VocabularyFacet):
    """The Sustainable Development Goals, shown with their number."""

    def label_of(self, term):
        return _("Goal %(number)s: %(name)s") % {"number": term.number, "name": term.local_name}


class CountryFacet(FacetDefinition):
    """Beneficiary countries by ISO code, named in the active language (django-countries)."""

    def normalize(self, value):
        value = value.upper()
        return value if len(value) == 2 and value in countries else None

    def q(self, values):
        links = OpportunityCountry.objects.filter(country__code__in=values)
        return Q(pk__in=links.values("page_id"))

    def count(self, scoped, selected, locale_id):
        pages = scoped.values("pk")
        counts = (
            OpportunityCountry.objects.filter(country=OuterRef("pk"), page_id__in=pages)
            .order_by()
            .values("country")
            .annotate(total=Count("page_id", distinct=True))
            .values("total")
        )
        used = OpportunityCountry.objects.filter(page_id__in=pages).values("country")
        rows = (
            Country.objects.filter(Q(pk__in=used) | Q(code__in=selected))
            .annotate(total=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0)))
            .order_by()
        )
        values = [
            FacetValue(self.param, str(row.code), row.name, row.total, str(row.code) in selected)
            for row in rows
        ]
        # A country chosen in the address but in no record yet: still shown, to be unticked.
        listed = {value.value for value in values}
        values += [
            FacetValue(self.param, code, str(countries.name(code)), 0, True)
            for code in selected
            if code not in listed
        ]
        return sorted(values, key=lambda value: collation_key(value.label))


class ChoiceFacet(ColumnFacet):
    """A field of the opportunity with fixed choices (kind, status)."""

    def __init__(self, param, label, field_name, choices):
        super().__init__(param, label)
        self.field_name = field_name
        self.choices = choices

    def normalize(self, value):
        value = value.lower()
        return value if value in dict(self.choices) else None

    def condition(self, value):
        """The opportunities that have `value`."""
        return Q(**{self.field_name: value})

    def q(self, values):
        condition = Q()
        for value in values:
            condition |= self.condition(value)
        return condition

    def aggregates(self):
        return {
            f"{self.param}__{value}": Count("pk", filter=self.condition(value))
            for value, _label in self.choices
        }

    def from_totals(self, totals, selected):
        counts = {value: totals[f"{self.param}__{value}"] for value, _label in self.choices}
        return [
            FacetValue(self.param, value, label, counts[value], value in selected)
            for value, label in self.choices
            if counts[value] or value in selected
        ]


class StatusFacet(ChoiceFacet):
    """The status as visitors read it on the day the address is served: an open call whose
    deadline has passed counts as closed (OpportunityPage.status_condition)."""

    def __init__(self, param, label):
        super().__init__(param, label, "status", OpportunityPage.Status.choices)

    def condition(self, value):
        return OpportunityPage.status_condition(value)


@dataclass(frozen=True)
class BudgetRange:
    """A range of estimated budgets in USD: from `low` included to `high` excluded."""

    code: str
    label: str
    low: int | None
    high: int | None

    @property
    def q(self):
        condition = Q(budget_usd__isnull=False)
        if self.low is not None:
            condition &= Q(budget_usd__gte=Decimal(self.low))
        if self.high is not None:
            condition &= Q(budget_usd__lt=Decimal(self.high))
        return condition


BUDGET_RANGES = [
    BudgetRange("under-1m", _("Under USD 1 million"), None, 1_000_000),
    BudgetRange("1m-5m", _("USD 1 to 5 million"), 1_000_000, 5_000_000),
    BudgetRange("5m-20m", _("USD 5 to 20 million"), 5_000_000, 20_000_000),
    BudgetRange("20m-plus", _("USD 20 million or more"), 20_000_000, None),
]


class BudgetFacet(ColumnFacet):
    """A few fixed ranges of estimated budget; an opportunity without a budget is in none."""

    ranges = {budget_range.code: budget_range for budget_range in BUDGET_RANGES}

    def normalize(self, value):
        value = value.lower()
        return value if value in self.ranges else None

    def q(self, values):
        condition = Q()
        for value in values:
            condition |= self.ranges[value].q
        return condition

    def aggregates(self):
        return {
            f"{self.param}__{code}": Count("pk", filter=budget_range.q)
            for code, budget_range in self.ranges.items()
        }

    def from_totals(self, totals, selected):
        counts = {code: totals[f"{self.param}__{code}"] for code in self.ranges}
        return [
            FacetValue(self.param, code, budget_range.label, counts[code], code in selected)
            for code, budget_range in self.ranges.items()
            if counts[code] or code in selected
        ]


class ClosingSoonFacet(ColumnFacet):
    """Calls still open whose deadline falls within the next 14 days, today included (read
    on the day the address is served)."""

    VALUE = "closing-soon"

    def normalize(self, value):
        value = value.lower()
        return value if value == self.VALUE else None

    @staticmethod
    def condition():
        first, last = closing_soon_range()
        return Q(status=OpportunityPage.Status.OPEN, deadline__gte=first, deadline__lte=last)

    def q(self, values):
        return self.condition()

    def aggregates(self):
        return {f"{self.param}__{self.VALUE}": Count("pk", filter=self.condition())}

    def from_totals(self, totals, selected):
        count = totals[f"{self.param}__{self.VALUE}"]
        label = ngettext(
            "Closing within %(days)s day", "Closing within %(days)s days", CLOSING_SOON_DAYS
        ) % {"days": format_number(CLOSING_SOON_DAYS)}
        if not count and self.VALUE not in selected:
            return []
        return [FacetValue(self.param, self.VALUE, label, count, self.VALUE in selected)]


FACETS = [
    VocabularyFacet("area", _("Thematic area"), ThematicArea, OpportunityThematicArea, "area"),
    VocabularyFacet(
        "region", _("Beneficiary region"), BeneficiaryRegion, OpportunityRegion, "region"
    ),
    CountryFacet("country", _("Beneficiary country")),
    GoalFacet(
        "sdg", _("Sustainable Development Goal"), SustainableDevelopmentGoal, OpportunitySDG, "goal"
    ),
    ChoiceFacet("kind", _("Kind"), "kind", OpportunityPage.Kind.choices),
    StatusFacet("status", _("Status")),
    BudgetFacet("budget", _("Estimated budget")),
    ClosingSoonFacet("deadline", _("Deadline")),
]
