"""The record page of an agreement, with its amendment chain."""

from collections import defaultdict
from decimal import Decimal

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from cms.core import languages
from cms.core.formats import format_date, format_money
from cms.core.money import format_usd

from ...models import Agreement, Partner
from ..records import RecordInspectView, currency_label
from ..terms import term_label
from .base import EMPTY, RecordPageMixin, Section, labels, may_see_confidential, record_url

__all__ = ["AgreementInspectView", "AmendmentChain"]


class AmendmentChain:
    """An agreement's amendment chain: the original agreement, every addendum and amendment
    below it (depth first, each level by signature date), and their total value in USD."""

    def __init__(self, agreement, include_confidential):
        self.agreement = agreement
        queryset = Agreement.objects.select_related("agreement_type")
        if not include_confidential:
            queryset = queryset.public()
        root, seen = agreement, {agreement.pk}
        while root.parent_id and root.parent_id not in seen:
            parent = queryset.filter(pk=root.parent_id).first()
            if parent is None:  # a confidential original, for one who may not see it
                break
            root = parent
            seen.add(root.pk)
        self.root = root
        children = defaultdict(list)
        known, frontier = {root.pk}, [root.pk]
        while frontier:
            level = list(
                queryset.filter(parent_id__in=frontier)
                .exclude(pk__in=known)
                .order_by("signature_date", "reference")
            )
            for row in level:
                children[row.parent_id].append(row)
            frontier = [row.pk for row in level]
            known.update(frontier)
        self.entries = []
        self._walk(root, 0, children, set())

    def _walk(self, node, depth, children, seen):
        seen.add(node.pk)
        self.entries.append((node, depth))
        for child in children.get(node.pk, []):
            if child.pk not in seen:
                self._walk(child, depth + 1, children, seen)

    def __len__(self):
        return len(self.entries)

    @property
    def value_usd(self):
        return sum((node.amount_usd or Decimal("0") for node, _depth in self.entries), Decimal())


class AgreementInspectView(RecordPageMixin, RecordInspectView):
    """An agreement's record: its state (public or confidential), dates, partners (linked to
    their records), scope, value, amendment chain and signed document."""

    def get_object(self, queryset=None):
        agreements = Agreement.objects.select_related(
            "agreement_type", "primary_area", "project_page", "signed_document__collection"
        )
        if not may_see_confidential(self.request.user):
            agreements = agreements.public()
        return get_object_or_404(agreements, pk=unquote(str(self.pk)))

    def get_flags(self):
        if self.object.is_confidential:
            return [
                (
                    _("Confidential"),
                    _(
                        "Shown to partnership officers only: never on the public site, in "
                        "the public figures or in open data."
                    ),
                    True,
                )
            ]
        return [
            (
                _("Public"),
                _("May be shown on the public site, in the public figures and in open data."),
                False,
            )
        ]

    def get_sections(self):
        agreement = self.object
        return [
            Section(
                "agreement",
                _("Agreement"),
                [
                    (_("Reference"), agreement.reference),
                    (_("Title"), agreement.title),
                    (_("Agreement type"), term_label(agreement.agreement_type)),
                    (_("Status"), agreement.get_status_display()),
                    (_("Signature date"), format_date(agreement.signature_date)),
                    (_("Registered in the archive on"), format_date(agreement.registered_on)),
                    (_("Start date"), format_date(agreement.start_date)),
                    (_("End date"), format_date(agreement.end_date)),
                ],
            ),
            self.partners_section(),
            Section(
                "scope",
                _("Scope"),
                [
                    (_("Beneficiary regions"), labels(agreement.regions.all())),
                    (_("Beneficiary countries"), labels(agreement.countries.all())),
                    (_("Primary thematic area"), term_label(agreement.primary_area)),
                    (_("Secondary thematic areas"), labels(agreement.secondary_areas.all())),
                    (
                        _("Initiative or project page"),
                        agreement.project_page.title if agreement.project_page else "",
                    ),
                    (_("Tags"), ", ".join(tag.name for tag in agreement.tags.all())),
                ],
            ),
            Section(
                "value",
                _("Value"),
                [
                    (
                        _("Amount"),
                        format_money(agreement.amount, agreement.currency or "USD"),
                    ),
                    (
                        _("Currency"),
                        currency_label(agreement.currency) if agreement.currency else "",
                    ),
                    (_("Value in USD"), format_usd(agreement.amount_usd)),
                ],
            ),
            self.chain_section(),
            self.documents_section(),
            Section("notes", _("Internal notes"), [(_("Internal notes"), agreement.notes)]),
        ]

    def partners_section(self):
        user = self.request.user
        links = list(self.object.partner_links.select_related("partner"))
        # Named in the staff member's language where the partner was translated into it.
        translated = {
            row.translation_key: row
            for row in Partner.objects.filter(
                translation_key__in=[link.partner.translation_key for link in links],
                locale__language_code=languages.active(),
            )
        }
        rows = []
        for link in links:
            partner = translated.get(link.partner.translation_key, link.partner)
            rows.append(
                {
                    "name": str(partner),
                    "url": record_url(Partner, user, partner),
                    "role": link.get_role_display(),
                }
            )
        return Section(
            "partners",
            _("Partners"),
            fragment="snippets/admin/record/agreement_partners.html",
            partners=rows,
        )

    def chain_section(self):
        user = self.request.user
        chain = AmendmentChain(self.object, may_see_confidential(user))
        entries = [
            {
                "agreement": node,
                "depth": depth,
                # Indented up to four levels (a deeper chain is not met in the archive).
                "indent": min(depth, 4),
                "url": record_url(Agreement, user, node),
                "current": node.pk == self.object.pk,
                "type": term_label(node.agreement_type),
                "signed": format_date(node.signature_date) or EMPTY,
                "value": format_usd(node.amount_usd) or EMPTY,
            }
            for node, depth in chain.entries
        ]
        return Section(
            "chain",
            _("Amendment chain"),
            fragment="snippets/admin/record/amendment_chain.html",
            entries=entries if len(chain) > 1 else [],
            total=format_usd(chain.value_usd),
        )

    def documents_section(self):
        document = self.object.signed_document
        may_open = document is not None and all(
            restriction.accept_request(self.request)
            for restriction in document.collection.get_view_restrictions()
        )
        return Section(
            "documents",
            _("Documents"),
            fragment="snippets/admin/record/agreement_documents.html",
            document=document,
            may_open=may_open,
        )
