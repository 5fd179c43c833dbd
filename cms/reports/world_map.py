"""The statistics page's map: the new agreements of a period by beneficiary country, drawn
by `cms.pages.world_map` (shapes, classes, legend, SVG and table rows), with its figures kept
in the shared cache with the statistics' tags (`FIGURES_TAGS`)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.core.formats import format_date, format_number
from cms.core.page_cache import cached_value
from cms.pages.world_map import WorldMap, count_by_country
from cms.snippets.models import Agreement

from .agreement_stats import FIGURES_TAGS

__all__ = ["StatisticsMap", "country_figures", "period_country_figures"]


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


class StatisticsMap(WorldMap):
    """The new agreements of the period by beneficiary country."""

    heading = gettext_lazy("New agreements by beneficiary country")
    title = gettext_lazy("Map of the new agreements by beneficiary country")
    legend_title = gettext_lazy("Number of new agreements that benefit the country")
    without_label = gettext_lazy("New agreements without a country")

    def __init__(self, period, language):
        super().__init__(period_country_figures(period.start, period.end), language)
        self.period = period

    def svg_key(self):
        period = self.period
        return (
            f"agreements:map-svg:{period.start.isoformat()}:{period.end.isoformat()}:"
            f"{self.language}"
        )

    def description(self):
        return _(
            "New agreements signed from %(start)s to %(end)s that benefit each country; "
            "%(without)s name no country. The table beside the map gives every figure, "
            "also for the countries too small to be drawn."
        ) % {
            "start": format_date(self.period.start),
            "end": format_date(self.period.end),
            "without": format_number(self.figures.without_country),
        }
