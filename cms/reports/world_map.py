"""The statistics page's map: the new agreements of a period, or the published opportunities,
by beneficiary country (the visitor switches with `?map=opportunities`, a plain link), drawn by
`cms.pages.world_map` (shapes, classes, legend, SVG and table rows); the table beside it gives
both figures for every country, and a regional summary gives them per beneficiary region,
opportunities that target a whole region without naming countries included.

The agreements' figures are kept in the shared cache with the statistics' tags
(`FIGURES_TAGS`); the opportunities' with `OPPORTUNITY_TAGS` (any opportunity published,
unpublished, moved or restricted, the tree, the vocabularies), which the statistics page
also declares (cms.publishing.page_cache), so the page follows both.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cms.core.formats import format_date, format_number
from cms.core.page_cache import cached_value
from cms.core.visibility import TREE_TAGS, live_homes, public_pages
from cms.pages.models import OpportunityPage
from cms.pages.world_map import CountryFigures, WorldMap, count_by_country
from cms.snippets.models import Agreement, BeneficiaryRegion
from cms.snippets.terms import load_terms

from .agreement_stats import FIGURES_TAGS

__all__ = [
    "LAYERS",
    "OPPORTUNITY_TAGS",
    "OpportunityFigures",
    "RegionRow",
    "StatisticsMap",
    "country_figures",
    "opportunity_figures",
    "period_country_figures",
    "period_region_figures",
    "read_layer",
]

#: The map's layers, by their value in the address (`?map=`); the first is the default.
LAYERS = ("agreements", "opportunities")

#: What the opportunities' figures are computed from (cms.publishing.page_cache bumps them).
OPPORTUNITY_TAGS = ("pages:pages.opportunitypage", *TREE_TAGS, "data:vocabularies")


def read_layer(value):
    """The layer asked for in the address; the agreements' for anything else."""
    return value if value in LAYERS else LAYERS[0]


def country_figures(start, end):
    """The new agreements of a period (confidential ones included, as in every figure of
    the statistics) per beneficiary country, in one query."""
    return count_by_country(Agreement.objects.in_period(start, end).new_agreements())


def period_country_figures(start, end):
    """`country_figures`, from the shared cache until an agreement or a vocabulary changes."""
    return cached_value(
        f"agreements:countries:{start.isoformat()}:{end.isoformat()}",
        FIGURES_TAGS,
        lambda: country_figures(start, end),
    )


def period_region_figures(start, end):
    """{region code: new agreements of the period that benefit it}, each agreement counted
    once in each of its regions (one query, kept in the shared cache)."""

    def compute():
        rows = (
            Agreement.objects.in_period(start, end)
            .new_agreements()
            .order_by()
            .values("regions__code")
            .annotate(count=Count("pk", distinct=True))
        )
        return {row["regions__code"]: row["count"] for row in rows if row["regions__code"]}

    return cached_value(
        f"agreements:regions-whole:{start.isoformat()}:{end.isoformat()}", FIGURES_TAGS, compute
    )


@dataclass(frozen=True)
class OpportunityFigures:
    """The published, public opportunities (each counted once, whatever its languages) per
    beneficiary country, per beneficiary region, and in all."""

    countries: CountryFigures
    by_region: dict
    total: int


def _opportunity_figures(site):
    pages = public_pages(live_homes(site), model=OpportunityPage)
    by_country, regions, keys, with_country = defaultdict(set), {}, set(), set()
    rows = pages.values_list(
        "translation_key", "countries__country__code", "countries__country__region__code"
    )
    for key, code, region in rows:
        keys.add(key)
        if code:
            code = str(code)
            by_country[code].add(key)
            regions[code] = region or ""
            with_country.add(key)
    by_region = defaultdict(set)
    for key, code in pages.values_list("translation_key", "regions__region__code"):
        if code:
            by_region[code].add(key)
    return OpportunityFigures(
        countries=CountryFigures(
            by_country={code: len(found) for code, found in by_country.items()},
            regions=regions,
            without_country=len(keys - with_country),
        ),
        by_region={code: len(found) for code, found in by_region.items()},
        total=len(keys),
    )


def opportunity_figures(site):
    """`OpportunityFigures` of the site's public opportunities, in two queries, from the
    shared cache until an opportunity, the tree or a vocabulary changes."""
    return cached_value(
        f"opportunities:map-figures:{site.pk if site else 0}",
        OPPORTUNITY_TAGS,
        lambda: _opportunity_figures(site),
    )


@dataclass(frozen=True)
class RegionRow:
    """A beneficiary region of the regional summary, named in the visitor's language, with
    its two figures as written."""

    code: str
    name: str
    agreements: str
    opportunities: str


def _opportunities(count):
    return ngettext("%(count)s opportunity", "%(count)s opportunities", count) % {
        "count": format_number(count)
    }


#: The statistics map's texts for each layer (its heading, the SVG's title, the legend's).
LAYER_TEXTS = {
    "agreements": {
        "heading": gettext_lazy("New agreements by beneficiary country"),
        "title": gettext_lazy("Map of the new agreements by beneficiary country"),
        "legend_title": gettext_lazy("Number of new agreements that benefit the country"),
        "none_label": gettext_lazy("No agreement"),
    },
    "opportunities": {
        "heading": gettext_lazy("Opportunities by beneficiary country"),
        "title": gettext_lazy("Map of the published opportunities by beneficiary country"),
        "legend_title": gettext_lazy("Number of published opportunities that benefit the country"),
        "none_label": gettext_lazy("No opportunity"),
    },
}


def _layer_text(name):
    """A text of the section that depends on the layer shown, in the active language."""
    return property(lambda self: str(LAYER_TEXTS[self.layer][name]))


class StatisticsMap(WorldMap):
    """The new agreements of the period, or the published opportunities, by beneficiary
    country; the table beside it gives both, and `regions` sums them up by region."""

    columns = (gettext_lazy("New agreements"), gettext_lazy("Opportunities"))
    without_label = gettext_lazy("Without a country")

    def __init__(self, period, language, layer=LAYERS[0], site=None):
        self.period = period
        self.layer = read_layer(layer)
        self.opportunities = opportunity_figures(site)
        self.agreements = period_country_figures(period.start, period.end)
        figures = self.agreements if self.layer == "agreements" else self.opportunities.countries
        super().__init__(figures, language)

    def other_figures(self):
        # The table's columns are always new agreements, then opportunities.
        if self.layer == "agreements":
            return (self.opportunities.countries,)
        return (self.agreements,)

    @property
    def columns_in_order(self):
        """The table's column headings, the map's figure first."""
        if self.layer == "agreements":
            return self.columns
        return tuple(reversed(self.columns))

    heading = _layer_text("heading")
    title = _layer_text("title")
    legend_title = _layer_text("legend_title")
    none_label = _layer_text("none_label")

    def count_text(self, value):
        if self.layer == "agreements":
            return super().count_text(value)
        return _opportunities(value)

    def svg_key(self):
        period = self.period
        return (
            f"agreements:map-svg:{self.layer}:{period.start.isoformat()}:"
            f"{period.end.isoformat()}:{self.language}"
        )

    def svg_tags(self):
        if self.layer == "agreements":
            return super().svg_tags()
        return OPPORTUNITY_TAGS

    def description(self):
        if self.layer == "opportunities":
            return _(
                "The opportunities published now that benefit each country; %(without)s name "
                "no country (they target whole regions: see the regional summary). The table "
                "beside the map gives every figure, also for the countries too small to be "
                "drawn."
            ) % {"without": format_number(self.figures.without_country)}
        return _(
            "New agreements signed from %(start)s to %(end)s that benefit each country; "
            "%(without)s name no country. The table beside the map gives every figure, "
            "also for the countries too small to be drawn."
        ) % {
            "start": format_date(self.period.start),
            "end": format_date(self.period.end),
            "without": format_number(self.figures.without_country),
        }

    @property
    def regions(self):
        """Every beneficiary region in its order, with the new agreements of the period and
        the published opportunities that benefit it (by a country of it or as a whole)."""
        agreements = period_region_figures(self.period.start, self.period.end)
        opportunities = self.opportunities.by_region
        with translation.override(self.language):
            return [
                RegionRow(
                    code=term.code,
                    name=term.name,
                    agreements=format_number(agreements.get(term.code, 0)),
                    opportunities=format_number(opportunities.get(term.code, 0)),
                )
                for term in sorted(
                    load_terms(BeneficiaryRegion, self.language).by_code.values(),
                    key=lambda term: term.sort_order,
                )
            ]

    @property
    def opportunity_total_text(self):
        with translation.override(self.language):
            return format_number(self.opportunities.total)
