"""Filters of the admin listing of sponsorship applications."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from cms.snippets.models import SOURCE_LOCALE

from .models import EventPage, SponsorshipApplication, SponsorshipPackage

__all__ = ["ApplicationFilterSet"]


def events(request):
    return EventPage.objects.filter(**SOURCE_LOCALE).order_by("-start_date")


def packages(request):
    return (
        SponsorshipPackage.objects.filter(**SOURCE_LOCALE)
        .select_related("page")
        .order_by("-page__start_date", "sort_order")
    )


class PackageChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.page.title})"


class PackageFilter(django_filters.ModelChoiceFilter):
    field_class = PackageChoiceField


class ApplicationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Event"), queryset=events)
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=SponsorshipApplication.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    package = PackageFilter(label=_("Package"), queryset=packages)

    class Meta:
        model = SponsorshipApplication
        fields = ["event", "status", "package"]
