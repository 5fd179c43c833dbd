"""The records behind the exports, as rows in the import format (see the README, "Import
and export columns"), so that an export reads back through `import_agreements` unchanged.

A row is a dict {column: value}, where a value is a string, a list of strings (list
columns) or a bool (yes/no columns); `formats` writes it as CSV, XLSX or JSON. Records are
read in chunks (`iterator(chunk_size=CHUNK_SIZE)`) with their relations prefetched per
chunk, and vocabularies are read once as {id: code} maps: exporting 10 or 10,000
agreements keeps memory flat, and the number of queries depends only on the number of
chunks, never on the rows inside one.

Public datasets follow the rules of the public directory and API
(`cms.pages.public_records`): funding partners only, non-confidential agreements only, and no
internal notes, contacts or other names. The officers' datasets add the confidential
agreements, the `confidential` and `notes` columns of agreements, and every partner (not only
funding partners) with its other names.
"""

from dataclasses import dataclass

from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _

from cms.imports.columns import AGREEMENT_COLUMNS as IMPORT_AGREEMENT_COLUMNS
from cms.imports.columns import PARTNER_COLUMNS as IMPORT_PARTNER_COLUMNS
from cms.pages.public_records import funding_partners
from cms.snippets.models import (
    SOURCE_LOCALE,
    Agreement,
    AgreementPartner,
    AgreementType,
    BeneficiaryRegion,
    Country,
    FundingMechanism,
    FundingType,
    MembershipCategory,
    Partner,
    PartnerCountry,
    PartnerFundingType,
    PartnerKind,
    PartnerRegion,
    PartnerThematicArea,
    ThematicArea,
)

__all__ = [
    "AGREEMENT_COLUMNS",
    "AGREEMENT_OFFICER_COLUMNS",
    "CHUNK_SIZE",
    "DATASETS",
    "PARTNER_COLUMNS",
    "PARTNER_OFFICER_COLUMNS",
    "PARTNER_PUBLIC_COLUMNS",
    "Dataset",
    "agreement_rows",
    "get_dataset",
    "iter_agreements",
    "partner_rows",
    "vocabulary_codes",
]

#: Records read per query; each chunk costs one query plus one per prefetched relation.
CHUNK_SIZE = 500

#: The columns are the import format's (cms/imports/columns.py), so that exports read back
#: through the importer; the public agreement export leaves out `confidential` and `notes`.
AGREEMENT_OFFICER_COLUMNS = list(IMPORT_AGREEMENT_COLUMNS)
AGREEMENT_COLUMNS = [c for c in AGREEMENT_OFFICER_COLUMNS if c not in {"confidential", "notes"}]
AGREEMENT_LISTS = {"partners", "regions", "countries", "areas"}
AGREEMENT_BOOLEANS = {"confidential"}

#: The public partner export leaves out `aliases` (other names are kept from public pages).
#: The import format has no column for partners' internal notes and contacts, so no export
#: carries them (an export must read back through the importer, which refuses unknown
#: columns).
PARTNER_COLUMNS = list(IMPORT_PARTNER_COLUMNS)
PARTNER_PUBLIC_COLUMNS = [column for column in PARTNER_COLUMNS if column != "aliases"]
PARTNER_OFFICER_COLUMNS = PARTNER_COLUMNS
PARTNER_LISTS = {"aliases", "priority_areas", "regions", "countries", "funding_types"}
PARTNER_BOOLEANS = {"is_funding_partner"}

#: What each column holds, for the open-data page.
COLUMN_HELP = {
    "reference": _("The agreement's unique reference in the archive."),
    "title": _("Title of the agreement, in the language it was signed in."),
    "type": _("Agreement type code (e.g. mou, voluntary-contribution, addendum)."),
    "partners": _("Partners that signed, by their English name."),
    "signature_date": _("Signature date, YYYY-MM-DD; empty when not recorded."),
    "amount": _("Amount in the agreement's currency, with a dot and two decimals."),
    "currency": _("ISO 4217 currency code of the amount."),
    "usd_value": _("Estimated value in US dollars at the signature date."),
    "regions": _("ITU-D beneficiary region codes (AFR, AMS, ARB, ASP, CIS, EUR, GLO)."),
    "countries": _("Beneficiary countries, ISO 3166-1 alpha-2 codes."),
    "primary_area": _("Primary thematic area code."),
    "areas": _("Secondary thematic area codes."),
    "parent_reference": _(
        "For an addendum or amendment: the reference of the agreement it amends."
    ),
    "status": _("in_preparation, active, completed or terminated."),
    "confidential": _("yes for a confidential agreement (officers only)."),
    "notes": _("Internal notes (officers only)."),
    "name": _("The partner's name in English."),
    "acronym": _("Acronym."),
    "aliases": _("Other and former names (officers only)."),
    "kind": _("Partner kind code (e.g. government, foundation, company)."),
    "is_funding_partner": _("yes for a partner of the funding-partner database."),
    "website": _("Website address."),
    "headquarters_country": _("Country of the headquarters, ISO 3166-1 alpha-2 code."),
    "membership_category": _("ITU membership category code."),
    "funding_mechanism": _("Funding mechanism code."),
    "priority_areas": _("Priority thematic area codes."),
    "funding_types": _("Funding type codes."),
}


def vocabulary_codes(model):
    """{id: code} of the English rows of a vocabulary (the rows records point at), in one
    query; with `sort_order` so that lists come out in the vocabulary's order."""
    return {
        pk: (sort_order, code)
        for pk, sort_order, code in model.objects.filter(**SOURCE_LOCALE).values_list(
            "pk", "sort_order", "code"
        )
    }


def _codes(terms, ids, upper=False):
    known = sorted((terms[pk] for pk in ids if pk in terms), key=lambda term: term)
    return [code.upper() if upper else code for _order, code in known]


def _code(terms, pk):
    term = terms.get(pk)
    return term[1] if term else ""


def _date(value):
    return value.isoformat() if value else ""


def _decimal(value):
    return "" if value is None else f"{value:.2f}"


def _country_code(country):
    return str(country.code).upper() if country else ""


def iter_agreements(queryset):
    """The agreements of `queryset` with what the exports need, in chunks: oldest signature
    first (undated ones first of all), then by reference, so that an agreement usually
    comes before the addenda that amend it."""
    links = AgreementPartner.objects.select_related("partner").only(
        "pk",
        "agreement_id",
        "sort_order",
        "role",
        "partner_id",
        "partner__name",
        "partner__kind_id",
    )
    return (
        queryset.select_related("parent")
        .only(
            "pk",
            "reference",
            "title",
            "agreement_type_id",
            "signature_date",
            "registered_on",
            "start_date",
            "end_date",
            "status",
            "amount",
            "currency",
            "amount_usd",
            "primary_area_id",
            "is_confidential",
            "notes",
            "parent__reference",
            "parent__is_confidential",
        )
        .prefetch_related(
            Prefetch("partner_links", queryset=links.order_by("sort_order", "pk")),
            Prefetch("regions", queryset=BeneficiaryRegion.objects.only("pk")),
            Prefetch("countries", queryset=Country.objects.only("pk", "code")),
            Prefetch("secondary_areas", queryset=ThematicArea.objects.only("pk")),
        )
        .order_by(F("signature_date").asc(nulls_first=True), "reference")
        .iterator(chunk_size=CHUNK_SIZE)
    )


def agreement_rows(queryset, officer=False):
    """Rows of the agreements of `queryset` in the import format; with `officer`, the
    `confidential` and `notes` columns too. A public row never names a confidential
    agreement: the parent of a public addendum is left empty when it is confidential."""
    types = vocabulary_codes(AgreementType)
    areas = vocabulary_codes(ThematicArea)
    regions = vocabulary_codes(BeneficiaryRegion)
    for agreement in iter_agreements(queryset):
        parent = agreement.parent
        show_parent = parent is not None and (officer or not parent.is_confidential)
        row = {
            "reference": agreement.reference,
            "title": agreement.title,
            "type": _code(types, agreement.agreement_type_id),
            "partners": [link.partner.name for link in agreement.partner_links.all()],
            "signature_date": _date(agreement.signature_date),
            "amount": _decimal(agreement.amount),
            "currency": agreement.currency,
            "usd_value": _decimal(agreement.amount_usd),
            "regions": _codes(regions, [r.pk for r in agreement.regions.all()], upper=True),
            "countries": sorted(_country_code(c) for c in agreement.countries.all()),
            "primary_area": _code(areas, agreement.primary_area_id),
            "areas": _codes(areas, [a.pk for a in agreement.secondary_areas.all()]),
            "parent_reference": parent.reference if show_parent else "",
            "status": agreement.status,
        }
        if officer:
            row["confidential"] = agreement.is_confidential
            row["notes"] = agreement.notes
        yield row


def partner_rows(queryset, officer=False):
    """Rows of the partners of `queryset` (English rows) in the import format; with
    `officer`, their other names too."""
    kinds = vocabulary_codes(PartnerKind)
    memberships = vocabulary_codes(MembershipCategory)
    mechanisms = vocabulary_codes(FundingMechanism)
    areas = vocabulary_codes(ThematicArea)
    regions = vocabulary_codes(BeneficiaryRegion)
    funding_types = vocabulary_codes(FundingType)
    fields = [
        "pk",
        "name",
        "acronym",
        "kind_id",
        "is_funding_partner",
        "website",
        "headquarters_country__code",
        "membership_category_id",
        "funding_mechanism_id",
    ]
    if officer:
        fields.append("aliases")
    prefetches = [
        Prefetch("priority_areas", queryset=PartnerThematicArea.objects.order_by("sort_order")),
        Prefetch("beneficiary_regions", queryset=PartnerRegion.objects.order_by("sort_order")),
        Prefetch(
            "beneficiary_countries",
            queryset=PartnerCountry.objects.select_related("country").order_by("sort_order"),
        ),
        Prefetch("funding_types", queryset=PartnerFundingType.objects.order_by("sort_order")),
    ]
    partners = (
        queryset.select_related("headquarters_country")
        .only(*fields)
        .prefetch_related(*prefetches)
        .order_by("name", "pk")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    for partner in partners:
        row = {
            "name": partner.name,
            "acronym": partner.acronym,
            "kind": _code(kinds, partner.kind_id),
            "is_funding_partner": partner.is_funding_partner,
            "website": partner.website,
            "headquarters_country": _country_code(partner.headquarters_country),
            "membership_category": _code(memberships, partner.membership_category_id),
            "funding_mechanism": _code(mechanisms, partner.funding_mechanism_id),
            # Stated lists keep the order the partner gave them in.
            "priority_areas": [
                _code(areas, link.area_id)
                for link in partner.priority_areas.all()
                if link.area_id in areas
            ],
            "regions": [
                _code(regions, link.region_id).upper()
                for link in partner.beneficiary_regions.all()
                if link.region_id in regions
            ],
            "countries": [
                _country_code(link.country) for link in partner.beneficiary_countries.all()
            ],
            "funding_types": [
                _code(funding_types, link.funding_type_id)
                for link in partner.funding_types.all()
                if link.funding_type_id in funding_types
            ],
        }
        if officer:
            row["aliases"] = partner.alias_list
        yield {column: row[column] for column in _partner_columns(officer)}


def _partner_columns(officer):
    return PARTNER_OFFICER_COLUMNS if officer else PARTNER_PUBLIC_COLUMNS


@dataclass(frozen=True)
class Dataset:
    """One export: its name, its columns, which of them are lists or yes/no, and its rows."""

    name: str
    title: str
    description: str
    columns: list
    lists: set
    booleans: set
    officer: bool

    def rows(self):
        if self.name == "agreements":
            queryset = Agreement.objects.all() if self.officer else Agreement.objects.public()
            return agreement_rows(queryset, officer=self.officer)
        queryset = Partner.objects.filter(**SOURCE_LOCALE) if self.officer else funding_partners()
        return partner_rows(queryset, officer=self.officer)

    @property
    def column_help(self):
        return [(column, COLUMN_HELP.get(column, "")) for column in self.columns]


DATASETS = {
    ("partners", False): Dataset(
        name="partners",
        title=_("Funding partners"),
        description=_(
            "The funding-partner database: one row per partner, with its kind, headquarters, "
            "ITU membership, funding mechanism and types, priority thematic areas and "
            "beneficiary regions and countries."
        ),
        columns=PARTNER_PUBLIC_COLUMNS,
        lists=PARTNER_LISTS,
        booleans=PARTNER_BOOLEANS,
        officer=False,
    ),
    ("agreements", False): Dataset(
        name="agreements",
        title=_("Partnership agreements"),
        description=_(
            "The public agreements of the archive: one row per agreement, with its partners, "
            "type, dates, value, beneficiary regions and countries and thematic areas. "
            "Confidential agreements are not included."
        ),
        columns=AGREEMENT_COLUMNS,
        lists=AGREEMENT_LISTS,
        booleans=AGREEMENT_BOOLEANS,
        officer=False,
    ),
    ("partners", True): Dataset(
        name="partners",
        title=_("Partners, all fields"),
        description=_(
            "Every partner (English records), funding partners or not, with its other names; "
            "the import format of import_partners."
        ),
        columns=PARTNER_OFFICER_COLUMNS,
        lists=PARTNER_LISTS,
        booleans=PARTNER_BOOLEANS,
        officer=True,
    ),
    ("agreements", True): Dataset(
        name="agreements",
        title=_("Agreements, all fields"),
        description=_(
            "Every agreement, confidential ones included, with the confidential flag and "
            "internal notes; the import format of import_agreements."
        ),
        columns=AGREEMENT_OFFICER_COLUMNS,
        lists=AGREEMENT_LISTS,
        booleans=AGREEMENT_BOOLEANS,
        officer=True,
    ),
}


def get_dataset(name, officer=False):
    """The dataset called `name` ("partners" or "agreements"), public or the officers'."""
    return DATASETS.get((name, officer))
