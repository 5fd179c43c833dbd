"""The admin listing of expressions of interest, with filters and export; what was sent is
read-only, its status is set on its record (admin_views.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn

from cms.core.model_viewsets import AdminModelViewSet

from .admin_views import ExpressionOfInterestInspectView, StatusView
from .filters import ExpressionOfInterestFilterSet
from .models import ExpressionOfInterest

__all__ = ["ExpressionOfInterestViewSet", "expression_of_interest_viewset"]


class ExpressionOfInterestViewSet(AdminModelViewSet):
    """Expressions of interest as received: listed, filtered, searched, exported and read,
    never edited (see permissions.ReadOnlyPermissionPolicy); their status is set on their
    record by those the permission policy allows ("set_status")."""

    model = ExpressionOfInterest
    name = "expressions_of_interest"
    url_prefix = "expressions-of-interest"
    icon = "mail"
    add_to_admin_menu = True
    menu_order = 250
    menu_label = _("Expressions of interest")
    inspect_view_enabled = True
    inspect_view_class = ExpressionOfInterestInspectView
    copy_view_enabled = False
    add_to_reference_index = False
    # The model is not in the search index: search the database.
    search_backend_name = None
    search_fields = ["organisation", "contact_name", "email", "message", "page_title"]
    filterset_class = ExpressionOfInterestFilterSet
    ordering = "-created_at"
    list_per_page = 50
    list_display = [
        "organisation",
        Column("page_title", label=_("Opportunity"), sort_key="page_title"),
        Column("contact_name", label=_("Contact")),
        Column("support", label=_("Support offered"), accessor="get_support_display"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        LocaleColumn(label=_("Language")),
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
    ]
    list_export = [
        "created_at",
        "page_title",
        "page_url",
        "locale",
        "organisation",
        "contact_name",
        "email",
        "support_label",
        "status_label",
        "message",
        "consent_given_at",
        "privacy_notice_version",
    ]
    export_headings = {
        "created_at": _("Received"),
        "page_title": _("Opportunity"),
        "page_url": _("Page"),
        "locale": _("Language"),
        "organisation": _("Organisation"),
        "contact_name": _("Contact"),
        "email": _("E-mail"),
        "support_label": _("Support offered"),
        "status_label": _("Status"),
        "message": _("Message"),
        "consent_given_at": _("Consent given at"),
        "privacy_notice_version": _("Privacy notice version"),
    }
    export_filename = "expressions-of-interest"
    inspect_view_fields = [
        "status",
        "created_at",
        "page",
        "page_title",
        "locale",
        "organisation",
        "contact_name",
        "email",
        "support",
        "message",
        "consent_given_at",
        "privacy_notice_version",
    ]

    # The add and edit views exist (Wagtail builds them) but the permission policy refuses
    # them to everyone; these fields only make the form class they would use.
    form_fields = ["organisation", "contact_name", "email", "support", "message"]

    def get_queryset(self, request):
        return ExpressionOfInterest.objects.select_related("page", "locale")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("status/<int:pk>/", StatusView.as_view(viewset=self), name="status"),
        ]


expression_of_interest_viewset = ExpressionOfInterestViewSet()
