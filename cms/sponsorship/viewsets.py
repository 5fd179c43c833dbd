"""The admin of sponsorship: applications (listed, filtered, edited, taken through their
steps, invoiced) and membership discounts, grouped in one menu with the overview of figures and
missing assets (admin_views.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup

from cms.core.formats import format_number
from cms.core.model_viewsets import AdminModelViewSet
from cms.core.money import format_usd
from cms.snippets.views.columns import TermColumn

from .admin_logos import LogoSubmissionViewSet
from .admin_urls import APPLICATIONS
from .admin_views import ApplicationEditView, ApplicationInspectView, InvoiceView, TransitionView
from .filters import ApplicationFilterSet
from .models import CategoryDiscount, SponsorshipApplication

__all__ = [
    "SponsorshipViewSetGroup",
    "application_viewset",
    "discount_viewset",
    "logo_viewset",
]


class ApplicationViewSet(AdminModelViewSet):
    """Sponsorship applications: the officers' worklist from application to delivery."""

    model = SponsorshipApplication
    name = APPLICATIONS
    url_prefix = "sponsorship/applications"
    icon = "tag"
    menu_label = _("Sponsorship applications")
    inspect_view_enabled = True
    inspect_view_class = ApplicationInspectView
    # The page the listing opens: the steps above the form (admin_views.py).
    edit_view_class = ApplicationEditView
    copy_view_enabled = False
    add_to_reference_index = False
    search_backend_name = None
    search_fields = ["organisation", "contact_name", "email", "event_title", "package_name"]
    filterset_class = ApplicationFilterSet
    ordering = "-created_at"
    list_per_page = 50
    list_display = [
        "organisation",
        Column("event_title", label=_("Event"), sort_key="event_title"),
        Column("package_name", label=_("Package")),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column(
            "amount_usd",
            label=_("Amount (USD)"),
            accessor=lambda application: format_usd(application.amount_usd, unit=False, decimals=2),
        ),
        LocaleColumn(label=_("Language")),
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
    ]
    list_export = [
        "created_at",
        "event_title",
        "package_name",
        "organisation",
        "contact_name",
        "email",
        "status",
        "list_price_usd",
        "discount_percent",
        "price_usd",
        "agreed_amount_usd",
    ]
    inspect_view_fields = [
        "status",
        "event",
        "package_name",
        "organisation",
        "membership_category",
        "contact_name",
        "email",
        "locale",
        "message",
        "list_price_usd",
        "discount_percent",
        "price_usd",
        "agreed_amount_usd",
        "notes",
        "partner",
        "agreement",
        "display_name",
        "logo",
        "link_url",
        "logo_due_on",
        "details_due_on",
        "created_at",
        "consent_given_at",
    ]
    # What staff may change; the status changes only through the steps' buttons.
    form_fields = [
        "agreed_amount_usd",
        "notes",
        "partner",
        "agreement",
        "display_name",
        "logo",
        "link_url",
        "logo_due_on",
        "details_due_on",
    ]

    def get_queryset(self, request):
        return SponsorshipApplication.objects.select_related("event", "locale")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "step/<int:pk>/<slug:action>/",
                TransitionView.as_view(viewset=self),
                name="transition",
            ),
            path("invoice/<int:pk>/", InvoiceView.as_view(viewset=self), name="invoice"),
        ]


class DiscountViewSet(AdminModelViewSet):
    """Discounts by ITU membership category: defaults, and per package."""

    model = CategoryDiscount
    name = "sponsorship_discounts"
    url_prefix = "sponsorship/discounts"
    icon = "tag"
    menu_label = _("Membership discounts")
    copy_view_enabled = False
    search_backend_name = None
    list_display = [
        # The category named in the staff member's language, as the admin's forms do.
        TermColumn("category", label=_("ITU membership category")),
        Column("package", label=_("Package")),
        Column(
            "percent",
            label=_("Discount (%)"),
            accessor=lambda discount: format_number(discount.percent),
        ),
    ]
    form_fields = ["category", "package", "percent"]

    def get_queryset(self, request):
        return CategoryDiscount.objects.select_related("category", "package__page")


application_viewset = ApplicationViewSet()
discount_viewset = DiscountViewSet()
logo_viewset = LogoSubmissionViewSet()


class SponsorshipViewSetGroup(ModelViewSetGroup):
    menu_label = _("Sponsorship")
    menu_icon = "tag"
    menu_order = 260
    items = [application_viewset, discount_viewset, logo_viewset]
