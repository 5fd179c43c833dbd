"""The viewset of partners: the funding-partner database and every other signatory."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column

from ..filters import PartnerFilterSet
from ..forms import PartnerForm
from ..models import AgreementPartner, Partner
from ..views import INTERNAL_PERMISSION, PartnerIndexView, PartnerInspectView, partner_regions
from ..views.columns import LanguageColumn, TermColumn, UpdatedColumn, YesNoColumn
from .base import SELECT, RecordViewSet

__all__ = ["PartnerViewSet"]


class PartnerViewSet(RecordViewSet):
    """The funding-partner database and every other entity the Bureau signs with."""

    model = Partner
    icon = "group"
    index_view_class = PartnerIndexView
    inspect_view_class = PartnerInspectView
    inspect_template_name = PartnerInspectView.template_name
    filterset_class = PartnerFilterSet
    search_fields = ["name", "acronym", "aliases"]
    chooser_search_fields = ("name", "acronym", "aliases")
    ordering = "name"
    list_display = [
        "name",
        "acronym",
        TermColumn("kind", Partner, sort_key="kind__sort_order"),
        TermColumn("membership_category", Partner, sort_key="membership_category__sort_order"),
        YesNoColumn(
            "is_funding_partner", label=_("Funding partner"), sort_key="is_funding_partner"
        ),
        Column("regions", label=_("Regions"), accessor=partner_regions),
        Column("agreement_count", label=_("Agreements"), sort_key="agreement_count"),
        LanguageColumn(),
        UpdatedColumn(),
    ]
    list_export = [
        "name",
        "acronym",
        "kind",
        "membership_category",
        "is_funding_partner",
        "headquarters_country",
        "website",
        "funding_mechanism",
        "regions",
        "priority_areas",
        "funding_types",
        "agreement_count",
        "locale",
    ]
    export_headings = {
        "is_funding_partner": _("Funding partner"),
        "regions": _("Beneficiary regions"),
        "priority_areas": _("Priority thematic areas"),
        "funding_types": _("Funding types"),
        "agreement_count": _("Agreements"),
        "locale": _("Language"),
    }

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("acronym"), FieldPanel("website")]),
                    FieldPanel("aliases"),
                    FieldRowPanel(
                        [
                            FieldPanel("kind", widget=SELECT),
                            FieldPanel("membership_category", widget=SELECT),
                        ]
                    ),
                    FieldPanel("headquarters_country"),
                    FieldPanel("parent"),
                    FieldPanel("logo"),
                ],
                heading=_("Identity"),
            ),
            ObjectList(
                [
                    FieldPanel(
                        "is_funding_partner",
                        help_text=_(
                            "Tick for an administration, agency, bank, foundation or company "
                            "that funds the Bureau's work; the partner search tool looks at "
                            "these partners' priorities."
                        ),
                    ),
                    FieldPanel("mandate"),
                    FieldPanel("development_strategy"),
                    FieldPanel("funding_mechanism", widget=SELECT),
                    InlinePanel(
                        "priority_areas",
                        heading=_("Priority thematic areas"),
                        label=_("thematic area"),
                        panels=[FieldPanel("area", widget=SELECT)],
                    ),
                    InlinePanel(
                        "beneficiary_regions",
                        heading=_("Beneficiary regions"),
                        label=_("region"),
                        panels=[FieldPanel("region", widget=SELECT)],
                    ),
                    InlinePanel(
                        "beneficiary_countries",
                        heading=_("Beneficiary countries"),
                        label=_("country"),
                        panels=[FieldPanel("country")],
                    ),
                    InlinePanel(
                        "funding_types",
                        heading=_("Funding types"),
                        label=_("funding type"),
                        panels=[FieldPanel("funding_type", widget=SELECT)],
                    ),
                ],
                heading=_("Funding profile"),
            ),
            ObjectList(
                [
                    FieldPanel("internal_notes", permission=INTERNAL_PERMISSION),
                    InlinePanel(
                        "contacts",
                        heading=_("Contacts"),
                        label=_("contact"),
                        panels=[
                            FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
                            FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                        ],
                    ),
                ],
                heading=_("Internal"),
                permission=INTERNAL_PERMISSION,
            ),
        ],
        base_form_class=PartnerForm,
    )

    def get_queryset(self, request):
        agreements = (
            AgreementPartner.objects.filter(partner__translation_key=OuterRef("translation_key"))
            .order_by()
            .values("partner__translation_key")
            .annotate(total=Count("agreement", distinct=True))
            .values("total")[:1]
        )
        return (
            Partner.objects.select_related(
                "locale", "kind", "membership_category", "headquarters_country", "funding_mechanism"
            )
            .prefetch_related(
                "beneficiary_regions__region",
                "priority_areas__area",
                "funding_types__funding_type",
            )
            .annotate(
                agreement_count=Coalesce(
                    Subquery(agreements, output_field=IntegerField()), Value(0)
                )
            )
        )
