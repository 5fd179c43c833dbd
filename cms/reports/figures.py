"""The statistics page's charts for a period, in a visitor's language.

The numbers come from `agreement_stats` (the code of `manage.py agreement_stats`); this
module only names them in the visitor's language (vocabulary terms by their English row, as
the directory does), writes them as the language writes numbers (`cms.core.formats`) and US
dollars (`cms.core.money`), and orders them as charts show them.
"""

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import partial

from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from cms.core.formats import format_number
from cms.core.money import format_usd
from cms.snippets.models import AgreementType, BeneficiaryRegion, PartnerKind, ThematicArea
from cms.snippets.terms import load_terms

from .agreement_stats import UNDATED, UNDATED_LABEL, period_figures
from .charts import Bar, BarChart, render_bar_chart

__all__ = ["CHARTS", "Chart", "Row", "Statistics", "format_count"]

#: The charts of the page, in their order; also the names of their data downloads.
CHARTS = ("years", "regions", "areas", "types", "value", "partners")


def _plain(value):
    """An exact value as int, or a Decimal rounded to two decimals (fractions of regions)."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return value.numerator
        value = Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return value


def format_count(value):
    """A count as the active language writes it: 27.5 is "27,5" in French."""
    return format_number(_plain(value))


@dataclass(frozen=True)
class Row:
    """One category of a chart: its code (stable, in every language), its label in the
    visitor's language, its exact value and the value as shown."""

    code: str
    label: str
    value: object
    text: str

    @property
    def data_value(self):
        """The value for downloads: an int, or a float with at most two decimals."""
        value = _plain(self.value)
        return float(value) if isinstance(value, Decimal) else value

    @property
    def csv_value(self):
        """The value as plain text with a decimal point and no grouping."""
        value = _plain(self.value)
        if isinstance(value, Decimal):
            return f"{value:f}".rstrip("0").rstrip(".")
        return str(value)


@dataclass(frozen=True)
class Chart:
    """A chart of the statistics page: its rows and what its table and downloads call them."""

    slug: str
    title: str
    category_label: str  # the heading of the table's first column
    value_label: str  # the heading of the values' column
    axis_label: str
    rows: list
    orientation: str
    unit: str  # "agreements", "partners" or "usd"
    rtl: bool = False

    @property
    def total(self):
        """The sum of the rows: a Decimal of dollars, or a count (exact fraction)."""
        if self.unit == "usd":
            return sum((row.value for row in self.rows), start=Decimal("0.00"))
        return sum((Fraction(row.value) for row in self.rows), start=Fraction(0))

    @property
    def total_text(self):
        if self.unit == "usd":
            return format_usd(self.total, unit=False)
        return format_count(self.total)

    @property
    def total_value(self):
        return Row("", "", self.total, "").data_value

    @property
    def svg(self):
        usd = self.unit == "usd"
        bars = [
            Bar(
                label=row.label,
                value=float(row.value) / (1_000_000 if usd else 1),
                text=format_usd(row.value, unit=False, millions=True) if usd else row.text,
            )
            for row in self.rows
        ]
        description = "; ".join(f"{row.label}: {row.text}" for row in self.rows)
        return render_bar_chart(
            BarChart(
                chart_id=f"chart-{self.slug}",
                title=self.title,
                bars=bars,
                orientation=self.orientation,
                rtl=self.rtl,
                axis_label=self.axis_label,
                description=description,
                format_tick=format_number,
            )
        )


class Statistics:
    """The figures of a period in the active language (`language`), chart by chart. The
    counts take a fixed number of queries, whatever the number of agreements."""

    def __init__(self, period, language):
        self.period = period
        self.language = language
        self.rtl = get_language_info(language)["bidi"]
        self.figures, self.breakdowns = period_figures(period.start, period.end)

    def _terms(self, model):
        return load_terms(model, self.language).by_code

    def _vocabulary_rows(self, counts, model):
        terms = self._terms(model)
        return [
            Row(code, terms[code].name if code in terms else code, value, format_count(value))
            for code, value in counts.items()
        ]

    def _year_rows(self, by_year, text):
        """Every year of the period in order (zero when nothing was signed), the undated
        agreements last."""
        years = {str(year): 0 for year in range(self.period.start.year, self.period.end.year + 1)}
        years.update({key: value for key, value in by_year.items() if key != UNDATED})
        rows = [Row(year, year, value, text(value)) for year, value in sorted(years.items())]
        if UNDATED in by_year:
            value = by_year[UNDATED]
            rows.append(Row(UNDATED, str(UNDATED_LABEL), value, text(value)))
        return rows

    @cached_property
    def charts(self):
        """The charts by name, in the order of CHARTS."""
        figures, breakdowns = self.figures, self.breakdowns
        count, agreements = _("Number of agreements"), _("Agreements")
        regions = self._vocabulary_rows(figures.by_region, BeneficiaryRegion)
        charts = [
            Chart(
                "years",
                _("New agreements per year of signature"),
                _("Year"),
                agreements,
                count,
                self._year_rows(figures.by_year, format_count),
                "vertical",
                "agreements",
            ),
            Chart(
                "regions",
                _("New agreements by beneficiary region"),
                _("Region"),
                agreements,
                count,
                regions,
                "horizontal",
                "agreements",
            ),
            Chart(
                "areas",
                _("New agreements by primary thematic area"),
                _("Thematic area"),
                agreements,
                count,
                self._vocabulary_rows(figures.by_area, ThematicArea),
                "horizontal",
                "agreements",
            ),
            Chart(
                "types",
                _("Agreements and addenda by type"),
                _("Type of agreement"),
                agreements,
                count,
                self._vocabulary_rows(breakdowns.by_type, AgreementType),
                "horizontal",
                "agreements",
            ),
            Chart(
                "value",
                _("Estimated value of agreements and addenda per year (USD millions)"),
                _("Year"),
                _("Value (USD)"),
                _("Millions of US dollars"),
                self._year_rows(breakdowns.value_by_year, partial(format_usd, unit=False)),
                "vertical",
                "usd",
            ),
            Chart(
                "partners",
                _("Partners that signed agreements, by kind"),
                _("Kind of partner"),
                _("Partners"),
                _("Number of partners"),
                self._vocabulary_rows(breakdowns.partners_by_kind, PartnerKind),
                "horizontal",
                "partners",
            ),
        ]
        return {chart.slug: replace(chart, rtl=self.rtl) for chart in charts}

    @property
    def value_millions(self):
        return format_usd(self.figures.value_usd, millions=True)
