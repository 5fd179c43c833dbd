"""The admin listing of subscribers: filtered, searched, read, deleted and exported (a
subscriber types their organisation and name: the exports neutralize what could start a
formula, see `cms.core.spreadsheets`)."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn

from cms.core.model_viewsets import AdminModelViewSet

from .models import Subscriber

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
    list_export = [
        "created_at",
        "organisation",
        "kind",
        "country.code",
        "contact_name",
        "email",
        "language",
        "status",
        "frequency",
        "confirmed_at",
        "unsubscribed_at",
    ]
    export_headings = {
        "created_at": _("Registered"),
        "country.code": _("Country"),
        "confirmed_at": _("Confirmed"),
        "unsubscribed_at": _("Unsubscribed"),
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
        "opportunity_kinds",
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
