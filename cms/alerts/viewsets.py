"""The admin listing of subscribers: filtered, searched, read, deleted and exported (a
subscriber types their organisation and name: the exports neutralize what could start a
formula, see `cms.core.spreadsheets`).

The export is what an officer reads, not the database's rows: each subscriber with their
criteria (areas, regions, countries and kinds of opportunity by name, in the officer's
language, and the keywords as typed),
language, frequency and status in words, and their consent history, one event per line, so
that every e-mail sent can be traced to a consent from the spreadsheet itself.
"""

from functools import cached_property

import django_filters
from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import InspectView

from cms.core import languages
from cms.core.model_viewsets import AdminModelViewSet, SafeExportIndexView
from cms.pages.models import OpportunityPage
from cms.snippets.models import BeneficiaryRegion, PartnerKind, ThematicArea
from cms.snippets.terms import load_terms

from .models import Consent, Subscriber

__all__ = ["SubscriberViewSet", "subscriber_viewset"]


class SubscriberFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Subscriber.Status.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    frequency = django_filters.ChoiceFilter(
        label=_("Frequency"), choices=Subscriber.Frequency.choices
    )

    class Meta:
        model = Subscriber
        fields = ["status", "language", "frequency"]


def _moment(value):
    """A moment as the officer reads it: local time, to the second (no microseconds)."""
    return timezone.localtime(value).replace(microsecond=0, tzinfo=None) if value else None


class SubscriberIndexView(SafeExportIndexView):
    """The listing, whose export rows carry words rather than codes."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.is_export:
            queryset = queryset.prefetch_related(
                "areas",
                "regions",
                "countries",
                Prefetch("consents", queryset=Consent.objects.order_by("given_at", "pk")),
            )
        return queryset

    @cached_property
    def _names(self):
        """The vocabularies' names in the staff member's language, read once per export."""
        language = languages.active()
        return (
            load_terms(ThematicArea, language),
            load_terms(BeneficiaryRegion, language),
            load_terms(PartnerKind, language),
            dict(OpportunityPage.Kind.choices),
        )

    def to_row_dict(self, item):
        areas, regions, kinds, opportunity_kinds = self._names
        values = {
            "created_at": _moment(item.created_at),
            "organisation": item.organisation,
            "kind": kinds.name_of(item.kind),
            "country": item.country.name,
            "contact_name": item.contact_name,
            "email": item.email,
            "language": languages.label(item.language),
            "areas": "; ".join(areas.name_of(area) for area in item.areas.all())
            or _("Every thematic area"),
            "regions": "; ".join(regions.name_of(region) for region in item.regions.all())
            or _("Every region"),
            "opportunity_kinds": "; ".join(
                str(opportunity_kinds.get(code, code)) for code in item.opportunity_kinds
            )
            or _("Every kind of opportunity"),
            "countries": "; ".join(country.name for country in item.countries.all())
            or _("Every country"),
            "keywords": "; ".join(item.keywords),
            "frequency": item.get_frequency_display(),
            "status": item.get_status_display(),
            "confirmed_at": _moment(item.confirmed_at),
            "unsubscribed_at": _moment(item.unsubscribed_at),
            "consents": "\n".join(
                _("%(moment)s: %(event)s (privacy notice %(version)s, %(language)s)")
                % {
                    "moment": date_format(_moment(consent.given_at), "Y-m-d H:i:s"),
                    "event": consent.get_event_display(),
                    "version": consent.privacy_notice_version,
                    "language": languages.label(consent.language),
                }
                for consent in item.consents.all()
            ),
        }
        return {field: values[field] for field in self.list_export}


class SubscriberInspectView(InspectView):
    """A subscriber's record; keywords as typed, not as a stored list."""

    def get_keywords_display_value(self):
        return ", ".join(self.object.keywords) or "—"


class SubscriberViewSet(AdminModelViewSet):
    """Subscribers as registered; never edited here (see permissions.py)."""

    model = Subscriber
    name = "subscribers"
    url_prefix = "subscribers"
    icon = "group"
    add_to_admin_menu = True
    menu_order = 260
    menu_label = _("Subscribers")
    inspect_view_enabled = True
    inspect_view_class = SubscriberInspectView
    copy_view_enabled = False
    add_to_reference_index = False
    search_backend_name = None
    search_fields = ["organisation", "contact_name", "email"]
    filterset_class = SubscriberFilterSet
    ordering = "-created_at"
    list_per_page = 50
    list_display = [
        "organisation",
        Column("contact_name", label=_("Contact")),
        Column("email", label=_("E-mail")),
        Column("language", label=_("Language"), accessor="get_language_display"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("frequency", label=_("Frequency"), accessor="get_frequency_display"),
        DateColumn("created_at", label=_("Registered"), sort_key="created_at"),
    ]
    index_view_class = SubscriberIndexView
    list_export = [
        "created_at",
        "organisation",
        "kind",
        "country",
        "contact_name",
        "email",
        "language",
        "areas",
        "regions",
        "countries",
        "opportunity_kinds",
        "keywords",
        "frequency",
        "status",
        "confirmed_at",
        "unsubscribed_at",
        "consents",
    ]
    export_headings = {
        "created_at": _("Registered"),
        "organisation": _("Organisation"),
        "kind": _("Kind of organisation"),
        "country": _("Country"),
        "contact_name": _("Contact"),
        "email": _("E-mail"),
        "language": _("Language"),
        "areas": _("Thematic areas"),
        "regions": _("Regions"),
        "countries": _("Beneficiary countries"),
        "opportunity_kinds": _("Kinds of opportunity"),
        "keywords": _("Keywords"),
        "frequency": _("Frequency"),
        "status": _("Status"),
        "confirmed_at": _("Confirmed"),
        "unsubscribed_at": _("Unsubscribed"),
        "consents": _("Consent history"),
    }
    export_filename = "subscribers"
    inspect_view_fields = [
        "organisation",
        "kind",
        "country",
        "contact_name",
        "email",
        "language",
        "areas",
        "regions",
        "countries",
        "opportunity_kinds",
        "keywords",
        "frequency",
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    form_fields = ["organisation", "contact_name", "email"]

    def get_queryset(self, request):
        return Subscriber.objects.select_related("kind")


subscriber_viewset = SubscriberViewSet()
