"""Filters of the admin listing of expressions of interest."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Locale

from .models import ExpressionOfInterest

__all__ = ["ExpressionOfInterestFilterSet"]


def opportunities(request):
    """The opportunities that have received expressions of interest, in any language."""
    from cms.pages.models import OpportunityPage

    return (
        OpportunityPage.objects.filter(expressions_of_interest__isnull=False)
        .distinct()
        .select_related("locale")
        .order_by("title", "locale__language_code")
    )


class OpportunityChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.locale.language_code})"


class OpportunityFilter(django_filters.ModelChoiceFilter):
    field_class = OpportunityChoiceField


class ExpressionOfInterestFilterSet(WagtailFilterSet):
    page = OpportunityFilter(label=_("Opportunity"), queryset=opportunities)
    support = django_filters.ChoiceFilter(
        label=_("Support offered"),
        choices=ExpressionOfInterest.Support.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ExpressionOfInterest.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Locale.objects.order_by("language_code")
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ExpressionOfInterest
        fields = ["page", "support", "status", "locale", "created_at"]
