"""The record page of a partner."""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from cms.core.formats import format_date
from cms.core.money import format_usd

from ...models import Agreement, AgreementPartner, Partner
from ..records import RecordInspectView
from ..search import INTERNAL_PERMISSION
from ..terms import term_label
from .base import (
    EMPTY,
    RecordPageMixin,
    Section,
    labels,
    language_order,
    link_to,
    may_see_confidential,
    record_url,
    rich_text,
    yes_no,
)

__all__ = ["PartnerInspectView"]


class PartnerInspectView(RecordPageMixin, RecordInspectView):
    """A partner's record: identity, funding profile, agreements (confidential ones only for
    those who see the archive), its language versions, and its contacts and internal notes
    for holders of `view_partner_internal` only."""

    def get_object(self, queryset=None):
        partners = Partner.objects.select_related(
            "locale",
            "kind",
            "membership_category",
            "headquarters_country",
            "parent",
            "funding_mechanism",
        )
        return get_object_or_404(partners, pk=unquote(str(self.pk)))

    def get_sections(self):
        partner = self.object
        user = self.request.user
        parent_url = partner.parent and record_url(Partner, user, partner.parent)
        sections = [
            Section(
                "identity",
                _("Identity"),
                [
                    (_("Name"), partner.name),
                    (_("Acronym"), partner.acronym),
                    (_("Other names"), ", ".join(partner.alias_list)),
                    (_("Kind"), term_label(partner.kind)),
                    (_("ITU membership category"), term_label(partner.membership_category)),
                    (_("Headquarters country"), term_label(partner.headquarters_country)),
                    (_("Parent organization"), link_to(partner.parent, parent_url)),
                    (_("Website"), link_to(partner.website, partner.website)),
                    (_("Language"), partner.locale.get_display_name()),
                ],
            ),
            Section(
                "profile",
                _("Funding profile"),
                [
                    (_("In the funding-partner database"), yes_no(partner.is_funding_partner)),
                    (_("Mandate"), rich_text(partner.mandate)),
                    (_("Development strategy"), rich_text(partner.development_strategy)),
                    (_("Funding mechanism"), term_label(partner.funding_mechanism)),
                    (
                        _("Priority thematic areas"),
                        labels(link.area for link in partner.priority_areas.all()),
                    ),
                    (
                        _("Beneficiary regions"),
                        labels(link.region for link in partner.beneficiary_regions.all()),
                    ),
                    (
                        _("Beneficiary countries"),
                        labels(
                            link.country
                            for link in partner.beneficiary_countries.select_related("country")
                        ),
                    ),
                    (
                        _("Funding types"),
                        labels(link.funding_type for link in partner.funding_types.all()),
                    ),
                ],
            ),
            self.agreements_section(),
            self.languages_section(),
        ]
        if user.has_perm(INTERNAL_PERMISSION):
            sections.append(self.internal_section())
        return sections

    def agreements_section(self):
        partner = self.object
        user = self.request.user
        signed = AgreementPartner.objects.filter(partner__translation_key=partner.translation_key)
        agreements = Agreement.objects.filter(pk__in=signed.values("agreement_id"))
        sees_all = may_see_confidential(user)
        if not sees_all:
            agreements = agreements.public()
        agreements = agreements.select_related("agreement_type").order_by(
            "-signature_date", "reference"
        )
        rows = [
            {
                "agreement": agreement,
                "url": sees_all and record_url(Agreement, user, agreement),
                "type": term_label(agreement.agreement_type),
                "signed": format_date(agreement.signature_date) or EMPTY,
                "value": format_usd(agreement.amount_usd) or EMPTY,
            }
            for agreement in agreements
        ]
        return Section(
            "agreements",
            _("Agreements"),
            fragment="snippets/admin/record/partner_agreements.html",
            agreements=rows,
            public_only=not sees_all,
        )

    def languages_section(self):
        partner = self.object
        user = self.request.user
        versions = sorted(
            Partner.objects.filter(translation_key=partner.translation_key).select_related(
                "locale"
            ),
            key=lambda row: language_order(row.locale.language_code),
        )
        rows = [
            {
                "language": version.locale.get_display_name(),
                "lang": version.locale.language_code,
                "name": version.name,
                "url": record_url(Partner, user, version),
                "current": version.pk == partner.pk,
            }
            for version in versions
        ]
        return Section(
            "languages",
            _("Language versions"),
            fragment="snippets/admin/record/partner_languages.html",
            versions=rows,
        )

    def internal_section(self):
        partner = self.object
        contacts = [
            " – ".join(part for part in (c.name, c.role, c.email, c.phone) if part)
            for c in partner.contacts.all()
        ]
        return Section(
            "internal",
            _("Internal"),
            [
                (_("Internal notes"), partner.internal_notes),
                (_("Contacts"), "; ".join(contacts)),
            ],
        )
