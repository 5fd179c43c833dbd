"""Figures of the agreements archive for a reporting period, as the charts and reports show them.

`agreement_figures(start, end)` counts the agreements of a period (by signature date, or by
registration date when the signature date was not recorded):

- new agreements and addenda/amendments, and their estimated value in USD (both together);
- new agreements per year of signature, the undated ones apart;
- new agreements per beneficiary region, an agreement that benefits k regions counting 1/k in
  each (exact fractions);
- new agreements per primary thematic area.

`agreement_breakdowns(start, end)` adds what the statistics page charts besides: agreements
(new and addenda) by agreement type, their value in USD per year of signature (undated apart),
and the partners that signed agreements of the period, by kind.

Figures include confidential agreements: only their details are restricted, never the totals
the Bureau publishes. Everything is aggregated by the database, in six queries (and four for
the breakdowns); `period_figures` and `archive_years` keep the whole archive's in the shared
cache until an agreement, a partner or a vocabulary changes (`FIGURES_TAGS`).
"""

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, Max, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import ExtractYear
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cms.core.page_cache import cached_value
from cms.snippets.models import (
    Agreement,
    AgreementPartner,
    AgreementType,
    BeneficiaryRegion,
    PartnerKind,
    ThematicArea,
)

__all__ = [
    "FIGURES_TAGS",
    "UNDATED",
    "UNDATED_LABEL",
    "AgreementBreakdowns",
    "AgreementFigures",
    "agreement_breakdowns",
    "agreement_figures",
    "archive_years",
    "period_figures",
    "signature_years",
]

#: What the figures are computed from: cms.publishing.page_cache bumps these tags when an
#: agreement, a partner or a vocabulary changes (an hour's cache once hid a changed value).
FIGURES_TAGS = ("data:agreements", "data:partners", "data:vocabularies")

# The key of undated agreements in `AgreementFigures.by_year`, and how charts label them.
UNDATED = "unknown"
UNDATED_LABEL = _("Date not recorded")


@dataclass(frozen=True)
class AgreementFigures:
    """The figures of one reporting period.

    Regions and areas are keyed by their codes, in the order charts show them: regions in
    their usual order, areas from the most to the least frequent. Every region and area of
    the vocabularies is present, with zero when no agreement of the period concerns it.
    """

    start: datetime.date
    end: datetime.date
    new_agreements: int
    addenda: int
    value_usd: Decimal
    by_year: dict  # "2015" -> count; UNDATED -> count of undated agreements, if any
    by_region: dict  # region code -> Fraction
    by_area: dict  # area code -> count
    area_names: dict  # area code -> English name

    def as_dict(self):
        """The figures as plain JSON values: region codes in capitals, areas by English name,
        whole numbers as integers."""
        return {
            "new_agreements": self.new_agreements,
            "addenda": self.addenda,
            "value_usd": _number(self.value_usd),
            "by_year": dict(self.by_year),
            "by_region": {code.upper(): _number(value) for code, value in self.by_region.items()},
            "by_area": {self.area_names.get(c, c): n for c, n in self.by_area.items()},
        }


def _number(value):
    """An int when the value is whole, else a float (JSON has no fractions or decimals)."""
    if value == int(value):
        return int(value)
    return float(value)


def agreement_figures(start, end, *, tag=None, queryset=None):
    """Compute the figures of the agreements of a period (both dates included).

    `tag` keeps the agreements with that tag only (e.g. "centres-of-excellence");
    `queryset` restricts the agreements further, e.g. `Agreement.objects.public()`.
    """
    agreements = (queryset if queryset is not None else Agreement.objects.all()).in_period(
        start, end
    )
    if tag:
        tagged = Agreement.objects.filter(Q(tags__slug=slugify(tag)) | Q(tags__name__iexact=tag))
        agreements = agreements.filter(pk__in=tagged.values("pk"))
    totals = agreements.order_by().aggregate(
        new=Count("pk", filter=Q(agreement_type__is_amendment=False)),
        addenda=Count("pk", filter=Q(agreement_type__is_amendment=True)),
        value=Sum("amount_usd"),
    )
    new = agreements.new_agreements().order_by()
    by_area, area_names = _by_area(new)
    return AgreementFigures(
        start=start,
        end=end,
        new_agreements=totals["new"],
        addenda=totals["addenda"],
        value_usd=totals["value"] or Decimal("0.00"),
        by_year=_by_year(new),
        by_region=_by_region(new),
        by_area=by_area,
        area_names=area_names,
    )


def _by_year(new):
    rows = (
        new.annotate(year=ExtractYear("signature_date"))
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("year")
    )
    counts = {row["year"]: row["count"] for row in rows}
    by_year = {str(year): counts[year] for year in sorted(y for y in counts if y is not None)}
    if counts.get(None):
        by_year[UNDATED] = counts[None]
    return by_year


def _by_region(new):
    """Fractional counts: each agreement shares one unit among the regions it benefits."""
    field = Agreement._meta.get_field("regions")
    links = field.remote_field.through.objects
    agreement, region = field.m2m_field_name(), field.m2m_reverse_field_name()
    regions_per_agreement = (
        links.filter(**{agreement: OuterRef(agreement)})
        .values(agreement)
        .annotate(count=Count("pk"))
        .values("count")
    )
    rows = (
        links.filter(**{f"{agreement}__in": new.values("pk")})
        .annotate(k=Subquery(regions_per_agreement))
        .values(f"{region}__code", "k")
        .annotate(count=Count("pk"))
        .order_by()
    )
    totals = {code: Fraction(0) for code in _codes(BeneficiaryRegion)}
    for row in rows:
        code = row[f"{region}__code"]
        totals[code] = totals.get(code, Fraction(0)) + Fraction(row["count"], row["k"])
    return totals


def _by_area(new):
    """Counts per primary area, most frequent first, and the English name of each area."""
    counts = Counter(
        {
            row["primary_area__code"]: row["count"]
            for row in new.values("primary_area__code").annotate(count=Count("pk")).order_by()
        }
    )
    terms = list(ThematicArea.objects.in_source_locale().values_list("code", "name"))
    order = {code: position for position, (code, _name) in enumerate(terms)}
    codes = sorted(set(order) | set(counts), key=lambda c: (-counts[c], order.get(c, len(order))))
    return {code: counts[code] for code in codes}, dict(terms)


def _codes(model):
    return list(model.objects.in_source_locale().values_list("code", flat=True))


@dataclass(frozen=True)
class AgreementBreakdowns:
    """More figures of one reporting period, for the statistics page.

    `by_type` counts every agreement of the period (new ones and addenda) by agreement type
    code, in the vocabulary's order; `value_by_year` sums their USD value by year of
    signature (UNDATED for undated agreements), so that it adds up to the period's value;
    `partners_by_kind` counts the distinct partners that signed at least one agreement of the
    period, by partner kind code (partners without a kind under ""). Every type and kind of
    the vocabularies is present, with zero when nothing of the period concerns it.
    """

    by_type: dict  # agreement type code -> count
    value_by_year: dict  # "2015" -> Decimal; UNDATED -> Decimal
    partners_by_kind: dict  # partner kind code -> count


def agreement_breakdowns(start, end, *, queryset=None):
    """Compute the breakdowns of the agreements of a period (both dates included)."""
    agreements = (queryset if queryset is not None else Agreement.objects.all()).in_period(
        start, end
    )
    agreements = agreements.order_by()
    counts = {
        row["agreement_type__code"]: row["count"]
        for row in agreements.values("agreement_type__code").annotate(count=Count("pk"))
    }
    by_type = {code: counts.get(code, 0) for code in _codes(AgreementType)}
    by_type.update({code: n for code, n in counts.items() if code not in by_type})

    rows = (
        agreements.annotate(year=ExtractYear("signature_date"))
        .values("year")
        .annotate(value=Sum("amount_usd"))
        .order_by("year")
    )
    values = {row["year"]: row["value"] or Decimal("0.00") for row in rows}
    value_by_year = {str(year): values[year] for year in sorted(y for y in values if y is not None)}
    if None in values:
        value_by_year[UNDATED] = values[None]

    kinds = (
        AgreementPartner.objects.filter(agreement__in=agreements.values("pk"))
        .values("partner__kind__code")
        .annotate(count=Count("partner", distinct=True))
        .order_by()
    )
    kind_counts = {row["partner__kind__code"] or "": row["count"] for row in kinds}
    partners_by_kind = {code: kind_counts.get(code, 0) for code in _codes(PartnerKind)}
    partners_by_kind.update({c: n for c, n in kind_counts.items() if c not in partners_by_kind})
    return AgreementBreakdowns(
        by_type=by_type, value_by_year=value_by_year, partners_by_kind=partners_by_kind
    )


def signature_years():
    """The first and last years in which agreements of the archive were signed, or None."""
    dates = Agreement.objects.order_by().aggregate(
        first=Min("signature_date"), last=Max("signature_date")
    )
    if dates["first"] is None:
        return None
    return dates["first"].year, dates["last"].year


def period_figures(start, end):
    """(`agreement_figures`, `agreement_breakdowns`) of the whole archive for a period, from
    the shared cache until an agreement, a partner or a vocabulary changes."""
    return cached_value(
        f"agreements:period:{start.isoformat()}:{end.isoformat()}",
        FIGURES_TAGS,
        lambda: (agreement_figures(start, end), agreement_breakdowns(start, end)),
    )


def archive_years():
    """`signature_years()`, from the shared cache until an agreement changes."""
    return cached_value("agreements:signature-years", FIGURES_TAGS, signature_years)
