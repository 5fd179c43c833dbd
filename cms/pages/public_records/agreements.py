"""The public record of an agreement as its own page and the API show it: its partners,
dates, places, areas, amount, amendment chain and linked opportunities, in a visitor's
language, read in a fixed number of queries whatever the number of agreements, partners,
countries or amendments.

Only non-confidential agreements are read, and of them only public fields: a confidential
agreement is never named, not even as the one an amendment amends (it is then left out of
the chain), and internal notes, tags and signed documents are never copied.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django_countries.fields import Country as CountryCode

from cms.core.visibility import live_homes, public_pages, site_for_request
from cms.snippets.models import (
    Agreement,
    AgreementPartner,
    AgreementType,
    BeneficiaryRegion,
    ThematicArea,
)
from cms.snippets.terms import Term

from .records import SOURCE, CountryName, PartnerLink, partner_slug, translated_partner_names

__all__ = [
    "AGREEMENT_URL_NAME",
    "AgreementLink",
    "AgreementPartnerLink",
    "OpportunityLink",
    "PublicAgreementDetail",
    "agreement_url",
    "load_agreement_details",
]

#: The URL name of an agreement's public page (`/<language>/agreements/<reference>/`).
AGREEMENT_URL_NAME = "agreement_page"


def agreement_url(reference, language_code):
    """The address of the public page of the agreement `reference` in a language: the
    reference percent-encoded where an address needs it (spaces, "?", "#"...); None where
    the site has no such page."""
    try:
        with translation.override(language_code):
            return reverse(AGREEMENT_URL_NAME, kwargs={"reference": reference})
    except NoReverseMatch:
        return None


@dataclass(frozen=True)
class AgreementLink:
    """Another public agreement named on an agreement's page (in its amendment chain)."""

    reference: str
    title: str
    url: str | None
    signature_date: date | None = None


@dataclass(frozen=True)
class AgreementPartnerLink:
    """A partner that signed an agreement, with its role named in the visitor's language."""

    partner: PartnerLink
    role: str
    role_name: str


@dataclass(frozen=True)
class OpportunityLink:
    """A published, public opportunity the agreement funds or serves, in the visitor's
    language where it is translated (`language` says which)."""

    title: str
    url: str
    language: str


@dataclass(frozen=True)
class PublicAgreementDetail:
    """What anyone may know about one non-confidential agreement, in a visitor's language.

    `amount` is in the agreement's own `currency`; `amount_usd` its estimated value in US
    dollars. `amends` is the public agreement it amends (None when it amends none, or a
    confidential one); `amendments` its public addenda and amendments, oldest first."""

    pk: int
    reference: str
    title: str
    url: str | None
    language: str
    agreement_type: Term | None
    is_amendment: bool
    status: str
    status_name: str
    signature_date: date | None
    start_date: date | None
    end_date: date | None
    amount: Decimal | None
    currency: str
    amount_usd: Decimal | None
    primary_area: Term | None
    partners: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    secondary_areas: list = field(default_factory=list)
    amends: AgreementLink | None = None
    amendments: list = field(default_factory=list)
    opportunities: list = field(default_factory=list)

    @property
    def year(self):
        return self.signature_date.year if self.signature_date else None

    @property
    def areas(self):
        """The primary thematic area, then the secondary ones."""
        return [area for area in [self.primary_area, *self.secondary_areas] if area]


_FIELDS = (
    "pk",
    "reference",
    "title",
    "agreement_type_id",
    "agreement_type__is_amendment",
    "status",
    "signature_date",
    "start_date",
    "end_date",
    "amount",
    "currency",
    "amount_usd",
    "primary_area_id",
    "parent__reference",
    "parent__title",
    "parent__signature_date",
    "parent__is_confidential",
    "project_page__translation_key",
)


def _through_rows(field_name, ids, *columns):
    """{agreement id: [column values...]} of a many-to-many of agreements, in its order."""
    relation = Agreement._meta.get_field(field_name)
    through = relation.remote_field.through
    source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
    rows = (
        through.objects.filter(**{f"{source}_id__in": ids})
        .order_by(f"{source}_id", "pk")
        .values_list(f"{source}_id", *(f"{target}{column}" for column in columns))
    )
    by_agreement = defaultdict(list)
    for agreement_id, *values in rows:
        by_agreement[agreement_id].append(values[0] if len(values) == 1 else values)
    return by_agreement


def _partners(ids, language_code, links):
    rows = list(
        AgreementPartner.objects.filter(agreement_id__in=ids)
        .order_by("agreement_id", "sort_order", "pk")
        .values_list(
            "agreement_id",
            "role",
            "partner_id",
            "partner__name",
            "partner__translation_key",
            "partner__is_funding_partner",
        )
    )
    names = translated_partner_names({row[4] for row in rows}, language_code)
    roles = dict(AgreementPartner.Role.choices)
    by_agreement = defaultdict(list)
    for agreement_id, role, partner_id, name, key, is_funding in rows:
        translated = names.get(key)
        by_agreement[agreement_id].append(
            AgreementPartnerLink(
                partner=PartnerLink(
                    pk=partner_id,
                    name=translated["name"] if translated else name,
                    language=language_code if translated else SOURCE,
                    # Only funding partners have a profile to link to.
                    url=links.url(partner_id, partner_slug(name)) if is_funding else None,
                ),
                role=role,
                role_name=str(roles.get(role, role)),
            )
        )
    return by_agreement


def _amendments(ids, language_code):
    rows = (
        Agreement.objects.public()
        .filter(parent_id__in=ids)
        .order_by("parent_id", "signature_date", "reference")
        .values_list("parent_id", "reference", "title", "signature_date")
    )
    by_agreement = defaultdict(list)
    for parent_id, reference, title, signed in rows:
        by_agreement[parent_id].append(
            AgreementLink(reference, title, agreement_url(reference, language_code), signed)
        )
    return by_agreement


def _opportunities(keys, language_code, request):
    """{translation key: OpportunityLink} of the public opportunities among `keys`, in the
    visitor's language where translated, else in English. One query."""
    if not keys:
        return {}
    opportunity = apps.get_model("pages", "OpportunityPage")
    homes = live_homes(site_for_request(request))
    pages = (
        public_pages(homes, model=opportunity)
        .filter(translation_key__in=keys, locale__language_code__in={SOURCE, language_code})
        .select_related("locale")
        .order_by("pk")
    )
    found = {}
    for page in pages:
        code = page.locale.language_code
        if page.translation_key in found and code != language_code:
            continue
        url = page.get_url(request)
        if url:
            found[page.translation_key] = OpportunityLink(page.title, url, code)
    return found


def load_agreement_details(agreements, language_code, links, vocabularies, request=None):
    """The public records of the non-confidential agreements among `agreements` (a queryset
    of agreements, in the order it gives), in `language_code`; `links`: the partner profiles'
    addresses (`ProfileLinks`). Eight queries at most, whatever their number (fewer while
    the vocabularies are in the shared cache)."""
    rows = list(agreements.public().values(*_FIELDS))
    ids = [row["pk"] for row in rows]
    if not ids:
        return []
    partners = _partners(ids, language_code, links)
    regions = _through_rows("regions", ids, "_id")
    countries = _through_rows("countries", ids, "__code")
    secondary = _through_rows("secondary_areas", ids, "_id")
    amendments = _amendments(ids, language_code)
    keys = {row["project_page__translation_key"] for row in rows} - {None}
    opportunities = _opportunities(keys, language_code, request)
    types = vocabularies[AgreementType]
    areas = vocabularies[ThematicArea]
    region_terms = vocabularies[BeneficiaryRegion]
    statuses = dict(Agreement.Status.choices)

    records = []
    with translation.override(language_code):
        for row in rows:
            pk = row["pk"]
            parent = None
            if row["parent__reference"] and not row["parent__is_confidential"]:
                parent = AgreementLink(
                    row["parent__reference"],
                    row["parent__title"],
                    agreement_url(row["parent__reference"], language_code),
                    row["parent__signature_date"],
                )
            opportunity = opportunities.get(row["project_page__translation_key"])
            records.append(
                PublicAgreementDetail(
                    pk=pk,
                    reference=row["reference"],
                    title=row["title"],
                    url=agreement_url(row["reference"], language_code),
                    language=language_code,
                    agreement_type=types.get(row["agreement_type_id"]),
                    is_amendment=bool(row["agreement_type__is_amendment"]),
                    status=row["status"],
                    status_name=str(statuses.get(row["status"], row["status"])),
                    signature_date=row["signature_date"],
                    start_date=row["start_date"],
                    end_date=row["end_date"],
                    amount=row["amount"],
                    currency=row["currency"] or "",
                    amount_usd=row["amount_usd"],
                    primary_area=areas.get(row["primary_area_id"]),
                    partners=partners[pk],
                    regions=sorted(
                        region_terms.many(regions[pk]), key=lambda term: term.sort_order
                    ),
                    countries=sorted(
                        (
                            CountryName(code=str(code), name=str(CountryCode(code).name))
                            for code in countries[pk]
                        ),
                        key=lambda country: country.name,
                    ),
                    secondary_areas=areas.many(secondary[pk]),
                    amends=parent,
                    amendments=amendments[pk],
                    opportunities=[opportunity] if opportunity else [],
                )
            )
    return records
