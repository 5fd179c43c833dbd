"""The viewset of the agreements archive."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, StatusFlagColumn

from cms.core.formats import format_date
from cms.core.money import format_usd

from ..filters import AgreementFilterSet
from ..forms import AgreementForm, ChainValuePanel
from ..models import Agreement
from ..views import (
    AgreementIndexView,
    AgreementInspectView,
    agreement_partners,
    agreement_regions,
)
from ..views.columns import TermColumn
from .base import CHECKBOXES, SELECT, RecordViewSet

__all__ = ["AgreementViewSet"]


class AgreementViewSet(RecordViewSet):
    """The archive of agreements; confidential ones are for officers, who alone see it."""

    model = Agreement
    icon = "doc-full"
    index_view_class = AgreementIndexView
    inspect_view_class = AgreementInspectView
    inspect_template_name = AgreementInspectView.template_name
    filterset_class = AgreementFilterSet
    search_fields = [
        "reference",
        "title",
        "partner_links__partner__name",
        "partner_links__partner__acronym",
    ]
    chooser_search_fields = ("reference", "title")
    ordering = "-signature_date"
    # What staff scan an archive for, in the order they read a row: which agreement, with
    # whom, what kind, when, how much, where, and its state. The thematic areas, countries
    # and dates of the period are in the filters, the record page and the exports.
    list_display = [
        "reference",
        "title",
        Column("partners", label=_("Partners"), accessor=agreement_partners),
        TermColumn("agreement_type", Agreement, sort_key="agreement_type__sort_order"),
        Column(
            "signature_date",
            label=_("Signed"),
            accessor=lambda agreement: format_date(agreement.signature_date) or "-",
            sort_key="signature_date",
        ),
        Column(
            "amount_usd",
            label=_("Value (USD)"),
            accessor=lambda agreement: format_usd(agreement.amount_usd, unit=False),
            sort_key="amount_usd",
        ),
        Column("regions", label=_("Regions"), accessor=agreement_regions),
        "status",
        StatusFlagColumn(
            "is_confidential",
            label=_("Confidential"),
            true_label=_("Confidential"),
            sort_key="is_confidential",
        ),
    ]
    list_export = [
        "reference",
        "title",
        "agreement_type",
        "parent_reference",
        "signature_date",
        "registered_on",
        "start_date",
        "end_date",
        "get_status_display",
        "partners",
        "regions",
        "countries",
        "primary_area",
        "secondary_areas",
        "amount",
        "currency",
        "amount_usd",
        "is_confidential",
    ]
    export_headings = {
        "parent_reference": _("Amends"),
        "get_status_display": _("Status"),
        "partners": _("Partners"),
        "regions": _("Beneficiary regions"),
        "countries": _("Beneficiary countries"),
        "secondary_areas": _("Secondary thematic areas"),
    }

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel(
                        [
                            FieldPanel(
                                "reference",
                                help_text=_("The agreement's unique reference in the archive."),
                            ),
                            FieldPanel("agreement_type", widget=SELECT),
                            FieldPanel("status"),
                        ]
                    ),
                    FieldPanel("title"),
                    FieldPanel("parent"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [FieldPanel("signature_date"), FieldPanel("registered_on")]
                            ),
                            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                        ],
                        heading=_("Dates"),
                    ),
                    InlinePanel(
                        "partner_links",
                        heading=_("Partners"),
                        label=_("partner"),
                        min_num=1,
                        panels=[FieldRowPanel([FieldPanel("partner"), FieldPanel("role")])],
                        help_text=_("Every partner that signed, with its role; at least one."),
                    ),
                ],
                heading=_("Agreement"),
            ),
            ObjectList(
                [
                    FieldPanel("primary_area", widget=SELECT),
                    FieldPanel("secondary_areas", widget=CHECKBOXES),
                    FieldPanel(
                        "regions",
                        widget=CHECKBOXES,
                        help_text=_(
                            "An agreement that benefits several regions counts as a share "
                            "in each of them in the figures."
                        ),
                    ),
                    FieldPanel(
                        "countries",
                        widget=forms.SelectMultiple(attrs={"size": 12}),
                        help_text=_("Hold Ctrl (or Cmd on a Mac) to select several countries."),
                    ),
                    FieldPanel("project_page"),
                    FieldPanel("tags"),
                ],
                heading=_("Scope"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("amount"), FieldPanel("currency")]),
                            FieldPanel(
                                "amount_usd",
                                help_text=_(
                                    "Estimated value in US dollars at the signature date; "
                                    "filled in from the amount when it is in US dollars."
                                ),
                            ),
                        ],
                        heading=_("Value"),
                    ),
                    ChainValuePanel(),
                    FieldPanel("signed_document"),
                    FieldPanel("is_confidential"),
                    FieldPanel("notes"),
                ],
                heading=_("Value and records"),
            ),
        ],
        base_form_class=AgreementForm,
    )

    def get_queryset(self, request):
        return Agreement.objects.select_related(
            "agreement_type", "primary_area", "parent"
        ).prefetch_related("partner_links__partner", "regions", "countries", "secondary_areas")
