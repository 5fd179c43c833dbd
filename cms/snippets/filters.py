"""Filters of the admin listings of partners, agreements, recognitions and countries.

Vocabulary choices offer the source-locale (English) rows, the ones records point at.
Filters on a many-valued relation match through a subquery, so that a record is listed once
and the listing's annotations (counts) stay right.

Staff compare groups of records ("Africa and the Arab States", "memoranda and cooperation
agreements", "active or completed"): vocabulary and status filters take several values at
once, a record matching any of them. Signature dates and values in US dollars take a range,
either end of which may be left open; a range whose start is past its end is refused with a
message that names both ends (RecordIndexView shows it above the results), and the form keeps
what was typed so that it can be corrected.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters.fields import RangeField
from wagtail.admin.active_filters import RangeFilterAdapter, register_filter_adapter_class
from wagtail.admin.filters import DateRangePickerWidget, NumberRangeWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from cms.core.formats import format_date
from cms.core.money import format_usd

from .models import (
    SOURCE_LOCALE,
    Agreement,
    AgreementType,
    BeneficiaryRegion,
    Country,
    FundingType,
    MembershipCategory,
    Partner,
    PartnerKind,
    Recognition,
    ThematicArea,
)
from .views.terms import TermChoiceField, TermMultipleChoiceField

__all__ = [
    "NOT_RECORDED",
    "DateRangeFilter",
    "OrderedRangeFilter",
    "TermsFilter",
    "UsdRangeFilter",
    "AgreementFilterSet",
    "CountryFilterSet",
    "PartnerFilterSet",
    "RecognitionFilterSet",
]


class TermChoiceFilter(django_filters.ModelChoiceFilter):
    """A filter on a vocabulary term (or a record), its choices named in the staff member's
    language, each vocabulary read once per request."""

    field_class = TermChoiceField


class TermsFilter(django_filters.ModelMultipleChoiceFilter):
    """Several vocabulary terms (or records), ticked in a list named in the staff member's
    language; a record matches when it has any of them. With `many`, the field is a
    many-valued relation, matched through a subquery (see `matching`)."""

    field_class = TermMultipleChoiceField

    def __init__(self, *args, many=False, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(*args, **kwargs)
        self.many = many

    def filter(self, qs, value):
        if not value:
            return qs
        lookup = {f"{self.field_name}__in": value}
        if self.many:
            return qs.filter(pk__in=matching(qs.model, **lookup))
        return qs.filter(**lookup)


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    """Several choices of a field, ticked; a record matches when it has any of them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value})


class OrderedRangeField(RangeField):
    """A range of two values, either of which may be left empty; a start past the end is
    refused with `reversed_message`, both ends written by `display`."""

    def __init__(self, fields, *, reversed_message, display, **kwargs):
        super().__init__(fields, **kwargs)
        self.reversed_message = reversed_message
        self.display = display

    def compress(self, data_list):
        value = super().compress(data_list)
        reversed_range = (
            value is not None and None not in (value.start, value.stop) and value.start > value.stop
        )
        if reversed_range:
            raise ValidationError(
                self.reversed_message,
                code="reversed",
                params={"start": self.display(value.start), "end": self.display(value.stop)},
            )
        return value


class FromToWidget(NumberRangeWidget):
    """Two amounts, "from" and "to" (`amount_usd_from`, `amount_usd_to` in the address)."""

    suffixes = ["from", "to"]


class OrderedRangeFilter(django_filters.RangeFilter):
    """A range of two values of `value_field` (either may be left empty), refused with
    `reversed_message` when its start is past its end; `display` writes each end in the
    message and in the active filters."""

    widget_class = None
    reversed_message = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", self.widget_class)
        super().__init__(*args, **kwargs)

    def value_field(self):
        raise NotImplementedError

    @staticmethod
    def display(value):
        return str(value)

    @property
    def field(self):
        if not hasattr(self, "_field"):
            self._field = OrderedRangeField(
                (self.value_field(), self.value_field()),
                label=self.label,
                required=False,
                widget=self.extra["widget"],
                reversed_message=self.reversed_message,
                display=self.display,
            )
        return self._field


class DateRangeFilter(OrderedRangeFilter):
    """Dates from one day to another, both included (`signature_date_from`,
    `signature_date_to` in the address)."""

    widget_class = DateRangePickerWidget
    reversed_message = _(
        "The first date (%(start)s) is after the last (%(end)s): give a first date on or "
        "before the last one."
    )
    display = staticmethod(format_date)

    def value_field(self):
        return forms.DateField()


class UsdRangeFilter(OrderedRangeFilter):
    """Values in US dollars from one amount to another, both included (`amount_usd_from`,
    `amount_usd_to`)."""

    widget_class = FromToWidget
    reversed_message = _(
        "The lowest value (%(start)s) is higher than the highest (%(end)s): give a lowest "
        "value at or below the highest one."
    )
    display = staticmethod(format_usd)

    def value_field(self):
        return forms.DecimalField(min_value=0, decimal_places=2)


class RangeAdapter(RangeFilterAdapter):
    """An active range, each end written as the staff member's language writes it (dates,
    US dollars)."""

    def format_value(self, value):
        return self.filter.display(value) if value is not None else self.empty_value_label


register_filter_adapter_class(OrderedRangeFilter, RangeAdapter)


# The "year of signature" choice for legacy agreements whose signature date was not recorded.
NOT_RECORDED = "none"


def source_terms(model):
    return model.objects.filter(**SOURCE_LOCALE)


def signature_year_choices():
    years = Agreement.objects.dates("signature_date", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in years] + [
        (NOT_RECORDED, _("Date not recorded"))
    ]


def recognition_year_choices():
    years = Recognition.objects.order_by("-year").values_list("year", flat=True).distinct()
    return [(str(year), str(year)) for year in years]


def matching(model, **lookup):
    """Primary keys of `model` rows matching a lookup across a many-valued relation."""
    return model.objects.filter(**lookup).values("pk")


class AgreementFilterSet(WagtailFilterSet):
    agreement_type = TermsFilter(label=_("Agreement type"), queryset=source_terms(AgreementType))
    is_amendment = django_filters.BooleanFilter(
        field_name="agreement_type__is_amendment",
        label=_("Addendum or amendment"),
        widget=BooleanRadioSelect,
    )
    status = ChoicesFilter(label=_("Status"), choices=Agreement.Status.choices)
    signature_year = django_filters.MultipleChoiceFilter(
        label=_("Year of signature"),
        choices=signature_year_choices,
        method="filter_year",
        widget=forms.CheckboxSelectMultiple,
    )
    signature_date = DateRangeFilter(label=_("Signature date"))
    amount_usd = UsdRangeFilter(label=_("Value in USD"))
    region = TermsFilter(
        label=_("Beneficiary region"),
        field_name="regions",
        queryset=source_terms(BeneficiaryRegion),
        many=True,
    )
    primary_area = TermsFilter(
        label=_("Primary thematic area"), queryset=source_terms(ThematicArea)
    )
    partner = TermChoiceFilter(
        label=_("Partner"), queryset=source_terms(Partner), method="filter_partner"
    )
    is_confidential = django_filters.BooleanFilter(
        label=_("Confidential"), widget=BooleanRadioSelect
    )

    class Meta:
        model = Agreement
        fields = []

    def filter_year(self, queryset, name, value):
        condition = Q()
        for year in value:
            if year == NOT_RECORDED:
                condition |= Q(signature_date__isnull=True)
            else:
                condition |= Q(signature_date__year=int(year))
        return queryset.filter(condition)

    def filter_partner(self, queryset, name, value):
        return queryset.filter(pk__in=matching(Agreement, partner_links__partner=value))


class PartnerFilterSet(WagtailFilterSet):
    kind = TermsFilter(label=_("Kind"), queryset=source_terms(PartnerKind))
    is_funding_partner = django_filters.BooleanFilter(
        label=_("In the funding-partner database"), widget=BooleanRadioSelect
    )
    membership_category = TermsFilter(
        label=_("ITU membership category"), queryset=source_terms(MembershipCategory)
    )
    region = TermsFilter(
        label=_("Beneficiary region"),
        field_name="beneficiary_regions__region",
        queryset=source_terms(BeneficiaryRegion),
        many=True,
    )
    priority_area = TermsFilter(
        label=_("Priority thematic area"),
        field_name="priority_areas__area",
        queryset=source_terms(ThematicArea),
        many=True,
    )
    funding_type = TermsFilter(
        label=_("Funding type"),
        field_name="funding_types__funding_type",
        queryset=source_terms(FundingType),
        many=True,
    )

    class Meta:
        model = Partner
        fields = []


class RecognitionFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(label=_("Year"), choices=recognition_year_choices)

    class Meta:
        model = Recognition
        fields = []


class CountryFilterSet(WagtailFilterSet):
    region = TermChoiceFilter(label=_("ITU-D region"), queryset=source_terms(BeneficiaryRegion))
    no_region = django_filters.BooleanFilter(
        field_name="region",
        lookup_expr="isnull",
        label=_("Without a region"),
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = Country
        fields = []
