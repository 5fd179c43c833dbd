"""The list of the agreements of a period (the annex of the Bureau's INF/3 reports): every
agreement and addendum signed in the period, by year of signature, with its partners, type,
beneficiary regions, primary thematic area and amount.

Confidential agreements are listed to partnership officers only (users who may view the
archive, `snippets.view_agreement`). The public list leaves them out entirely, amount
included, and says under each year how many were left out, so that its counts agree with the
published statistics (which count every agreement). The list takes a fixed number of queries,
whatever the number of agreements.

A visitor may narrow the list to one beneficiary region and one primary thematic area
(`region=afr&area=cybersecurity`, codes that are the same in every language); the counts of
the confidential agreements left out follow the same filters.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count
from django.db.models.functions import ExtractYear

from cms.pages.public_records import agreement_url
from cms.snippets.models import (
    Agreement,
    AgreementPartner,
    AgreementType,
    BeneficiaryRegion,
    ThematicArea,
)
from cms.snippets.terms import load_terms

from .agreement_stats import UNDATED, UNDATED_LABEL

__all__ = ["ListedAgreement", "YearGroup", "agreement_list", "may_see_confidential"]


def may_see_confidential(user):
    """Whether a user sees confidential agreements: partnership officers (who may view the
    archive in the admin) and superusers."""
    return user.is_authenticated and user.has_perm("snippets.view_agreement")


@dataclass
class ListedAgreement:
    """An agreement as the list shows it, its terms named in the visitor's language."""

    pk: int
    reference: str
    title: str
    signature_date: object
    agreement_type: str
    is_amendment: bool
    partners: list
    regions: list
    primary_area: str
    amount: Decimal | None
    currency: str
    amount_usd: Decimal | None
    is_confidential: bool
    #: The agreement's public page in the list's language (None for a confidential one).
    url: str | None = None

    @property
    def shows_usd_beside(self):
        """Whether the amount, in another currency, has its value in US dollars beside it."""
        return self.amount is not None and self.amount_usd is not None and self.currency != "USD"


@dataclass
class YearGroup:
    """The agreements of one year of signature (or the undated ones)."""

    key: str
    label: str
    agreements: list = field(default_factory=list)
    confidential_left_out: int = 0

    @property
    def value_usd(self):
        return sum((a.amount_usd or Decimal("0.00") for a in self.agreements), Decimal("0.00"))


def _year_key(row):
    return str(row["signature_date"].year) if row["signature_date"] else UNDATED


def agreement_list(period, language, *, confidential, region=None, area=None):
    """The year groups of a period, oldest year first and the undated agreements last.
    `confidential` says whether confidential agreements are listed; `region` and `area` (ids
    of English terms) keep only the agreements that benefit that region or whose primary
    area that is."""
    agreements = Agreement.objects.in_period(period.start, period.end).order_by(
        "signature_date", "reference"
    )
    if region is not None:
        agreements = agreements.filter(regions=region)
    if area is not None:
        agreements = agreements.filter(primary_area=area)
    listed = agreements if confidential else agreements.public()
    rows = list(
        listed.values(
            "pk",
            "reference",
            "title",
            "signature_date",
            "agreement_type_id",
            "agreement_type__is_amendment",
            "primary_area_id",
            "amount",
            "currency",
            "amount_usd",
            "is_confidential",
        )
    )

    partners = defaultdict(list)
    links = (
        AgreementPartner.objects.filter(agreement__in=listed.values("pk"))
        .order_by("agreement_id", "sort_order", "pk")
        .values_list("agreement_id", "partner__name")
    )
    for agreement_id, name in links:
        partners[agreement_id].append(name)
    region_field = Agreement._meta.get_field("regions")
    through = region_field.remote_field.through
    source, target = region_field.m2m_field_name(), region_field.m2m_reverse_field_name()
    regions = defaultdict(list)
    for agreement_id, region_id in through.objects.filter(
        **{f"{source}__in": listed.values("pk")}
    ).values_list(f"{source}_id", f"{target}_id"):
        regions[agreement_id].append(region_id)
    types = load_terms(AgreementType, language)
    region_terms = load_terms(BeneficiaryRegion, language)
    areas = load_terms(ThematicArea, language)

    groups = {}
    for row in rows:
        key = _year_key(row)
        group = groups.setdefault(key, YearGroup(key, key))
        agreement_type = types.get(row["agreement_type_id"])
        area = areas.get(row["primary_area_id"])
        group.agreements.append(
            ListedAgreement(
                pk=row["pk"],
                reference=row["reference"],
                title=row["title"],
                signature_date=row["signature_date"],
                agreement_type=agreement_type.name if agreement_type else "",
                is_amendment=row["agreement_type__is_amendment"],
                partners=partners[row["pk"]],
                regions=[
                    term.name
                    for term in region_terms.many(
                        sorted(regions[row["pk"]], key=lambda pk: _order(region_terms, pk))
                    )
                ],
                primary_area=area.name if area else "",
                amount=row["amount"],
                currency=row["currency"],
                amount_usd=row["amount_usd"],
                is_confidential=row["is_confidential"],
                url=None if row["is_confidential"] else agreement_url(row["reference"], language),
            )
        )
    if not confidential:
        hidden = (
            agreements.filter(is_confidential=True)
            .annotate(year=ExtractYear("signature_date"))
            .values("year")
            .annotate(count=Count("pk"))
            .order_by()
        )
        for item in hidden:
            key = str(item["year"]) if item["year"] is not None else UNDATED
            group = groups.setdefault(key, YearGroup(key, key))
            group.confidential_left_out = item["count"]
    for group in groups.values():
        if group.key == UNDATED:
            group.label = str(UNDATED_LABEL)
    return sorted(groups.values(), key=lambda g: (g.key == UNDATED, g.key))


def _order(terms, pk):
    term = terms.get(pk)
    return (term.sort_order, term.name) if term else (0, "")
