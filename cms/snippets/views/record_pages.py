"""The read-only record pages of partners and agreements: what a listing opens.

Staff look a partner or an agreement up far more often than they change it, and most roles
may not change it at all: the listings open these pages, laid out as records (sections of
definition lists, linked partners, agreements and amendments), and only those the permission
policy allows see the "Edit" button. Confidential agreements and the signed documents follow
the same rules as elsewhere: an agreement's record, and the confidential agreements listed on
a partner's record, are for those who may see the whole archive (`snippets.view_agreement`);
a signed document is offered only to those its private collection lets download it (the
collection's view restriction, as the document's own address checks).

Each page reads its related rows in a fixed number of queries, whatever their number: the
partners at once, the partner's agreements at once, the amendment chain one query per level
of the chain (an addendum of an addendum is a second level), never one per amendment.
"""

from collections import defaultdict
from decimal import Decimal

from django.contrib.admin.utils import quote, unquote
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.rich_text import RichText

from cms.core import languages
from cms.core.formats import format_date, format_money
from cms.core.money import format_usd

from ..models import Agreement, AgreementPartner, Partner
from .records import RecordInspectView, currency_label
from .search import INTERNAL_PERMISSION
from .terms import term_label

__all__ = [
    "EMPTY",
    "AgreementInspectView",
    "PartnerInspectView",
    "RecordPageMixin",
    "may_see_confidential",
]

#: How an empty value reads on a record page.
EMPTY = "—"
AGREEMENT_VIEW_PERMISSION = "snippets.view_agreement"


def may_see_confidential(user):
    """Whether `user` may see confidential agreements: those who may see the whole archive,
    as in the agreements' listing and the partner finder."""
    return user.has_perm(AGREEMENT_VIEW_PERMISSION)


def or_empty(value):
    return EMPTY if value in (None, "") else value


def labels(items):
    """Terms or records named in the staff member's language, joined; a dash for none."""
    return ", ".join(term_label(item) for item in items) or EMPTY


def rich_text(value):
    return RichText(value) if value else EMPTY


def yes_no(value):
    return _("Yes") if value else _("No")


def link_to(item, url):
    """`item` named in the staff member's language, as a link to `url` when there is one."""
    text = term_label(item) if item else ""
    if text and url:
        return format_html('<a href="{}">{}</a>', url, text)
    return text


def record_url(model, user, instance):
    """The address of `instance`'s record page, when `user` may open it; None otherwise."""
    viewset = model.snippet_viewset
    if not viewset.permission_policy.user_has_any_permission(
        user, {"add", "change", "delete", "view"}
    ):
        return None
    return reverse(viewset.get_url_name("inspect"), args=[quote(instance.pk)])


def language_order(code):
    """Where a language comes in the site's language switcher (others last)."""
    order = languages.codes()
    return order.index(code) if code in order else len(order)


class Section:
    """A titled part of a record page: `rows` of (label, value) for a definition list, and
    the name of a fragment for anything else (a list of links, a table)."""

    def __init__(self, key, heading, rows=(), fragment=None, **context):
        self.key = key
        self.heading = heading
        self.rows = [(label, or_empty(value)) for label, value in rows]
        self.fragment = fragment
        self.context = context

    @property
    def dom_id(self):
        return f"record-{self.key}"


class RecordPageMixin:
    """A record page: its sections, and "Edit" as a button of its own (Wagtail hides it in
    the "Actions" menu of an inspect page), shown only to those who may change the record."""

    template_name = "snippets/admin/record_page.html"

    @cached_property
    def header_buttons(self):
        edit_url = self.get_edit_url()
        if not edit_url:
            return []
        return [HeaderButton(_("Edit"), url=edit_url, icon_name="edit", priority=10)]

    @cached_property
    def header_more_buttons(self):
        delete_url = self.get_delete_url()
        if not delete_url:
            return []
        return [Button(_("Delete"), url=delete_url, icon_name="bin", priority=20)]

    def get_page_title(self):
        return self.model._meta.verbose_name

    def get_sections(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = self.get_sections()
        context["flags"] = self.get_flags()
        return context

    def get_flags(self):
        """(label, explanation, is_warning) of the states shown above the sections."""
        return []


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
