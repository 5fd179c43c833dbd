"""/api/v1/agreements/: the public (non-confidential) agreements of the archive.

Built from the same public records as the agreements' own pages
(`cms.pages.public_records.load_agreement_details`), which read non-confidential agreements
only and copy public fields only: a confidential agreement is never listed, counted, found
by a filter or named in another's amendment chain, and notes, tags and signed documents
cannot appear.
"""

from django.db.models import F, Q
from django.utils import translation
from django_countries import countries as iso_countries
from ninja import Field, Query, Router

from cms.pages.public_records import (
    ProfileLinks,
    Vocabularies,
    load_agreement_details,
)
from cms.snippets.models import (
    Agreement,
    AgreementType,
    BeneficiaryRegion,
    Partner,
    ThematicArea,
)
from cms.snippets.terms import load_terms

from .errors import ApiError
from .languages import resolve_language
from .lookups import english_id
from .pagination import LanguageParams, ListParams, paginate
from .schemas import AgreementDetailOut, AgreementPageOut, ErrorOut

__all__ = ["AgreementParams", "agreement_data", "router"]

router = Router(tags=["agreements"])


class AgreementParams(ListParams):
    """The filters of the list of agreements; all of them together narrow it."""

    year: int | None = Field(
        None, ge=1900, le=2100, description="Year of signature.", examples=[2016]
    )
    region: str | None = Field(
        None,
        max_length=32,
        description="Code of a beneficiary region (afr, ams, arb, asp, cis, eur, glo).",
        examples=["asp"],
    )
    country: str | None = Field(
        None,
        max_length=2,
        description="ISO 3166-1 alpha-2 code of a beneficiary country.",
        examples=["KE"],
    )
    area: str | None = Field(
        None,
        max_length=64,
        description="Code of a thematic area, primary or secondary.",
        examples=["cybersecurity"],
    )
    partner: int | None = Field(
        None,
        ge=1,
        description="Id of a partner that signed it (the id of /partners/, any language's).",
        examples=[12],
    )
    type: str | None = Field(
        None, max_length=64, description="Code of a type of agreement.", examples=["mou"]
    )


def _term_id(model, value, what):
    """The id of the English term of `model` whose code is `value`; a 400 otherwise."""
    terms = load_terms(model, "en")
    term = terms.by_code.get(value.strip().lower()) or terms.by_code.get(value.strip())
    if term is None:
        codes = ", ".join(sorted(term.code for term in terms))
        raise ApiError(400, f"Unknown {what} {value!r}: use one of {codes}.")
    return term.pk


def _filtered(params):
    agreements = Agreement.objects.public()
    if params.year is not None:
        agreements = agreements.filter(signature_date__year=params.year)
    if params.region:
        agreements = agreements.filter(regions=_term_id(BeneficiaryRegion, params.region, "region"))
    if params.country:
        code = params.country.strip().upper()
        if code not in dict(iso_countries):
            raise ApiError(
                400, f"Unknown country {params.country!r}: use an ISO 3166-1 alpha-2 code."
            )
        agreements = agreements.filter(countries__code=code)
    if params.area:
        area = _term_id(ThematicArea, params.area, "thematic area")
        agreements = agreements.filter(Q(primary_area=area) | Q(secondary_areas=area))
    if params.partner is not None:
        partner = english_id(Partner, params.partner)
        if partner is None:
            raise ApiError(400, f"Unknown partner {params.partner}: use an id of /partners/.")
        agreements = agreements.filter(partner_links__partner_id=partner)
    if params.type:
        agreements = agreements.filter(
            agreement_type=_term_id(AgreementType, params.type, "type of agreement")
        )
    return agreements


def _term(term):
    return {"code": term.code, "name": term.name} if term else None


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def _number(value):
    return float(value) if value is not None else None


def _link(request, link):
    return {
        "reference": link.reference,
        "title": link.title,
        "url": _absolute(request, link.url),
        "signature_date": link.signature_date,
    }


def agreement_data(request, agreement):
    """The public fields of an agreement record (`PublicAgreementDetail`)."""
    return {
        "reference": agreement.reference,
        "lang": agreement.language,
        "title": agreement.title,
        "url": _absolute(request, agreement.url),
        "agreement_type": _term(agreement.agreement_type),
        "is_amendment": agreement.is_amendment,
        "status": {"code": agreement.status, "name": agreement.status_name},
        "signature_date": agreement.signature_date,
        "start_date": agreement.start_date,
        "end_date": agreement.end_date,
        "year": agreement.year,
        "amount": _number(agreement.amount),
        "currency": agreement.currency,
        "amount_usd": _number(agreement.amount_usd),
        "partners": [
            {
                "id": link.partner.pk,
                "name": link.partner.name,
                "url": _absolute(request, link.partner.url),
                "role": {"code": link.role, "name": link.role_name},
            }
            for link in agreement.partners
        ],
        "regions": [_term(term) for term in agreement.regions],
        "countries": [{"code": c.code, "name": c.name} for c in agreement.countries],
        "primary_area": _term(agreement.primary_area),
        "secondary_areas": [_term(term) for term in agreement.secondary_areas],
        "amends": _link(request, agreement.amends) if agreement.amends else None,
        "amendments": [_link(request, link) for link in agreement.amendments],
        "opportunities": [
            {"title": o.title, "url": _absolute(request, o.url), "lang": o.language}
            for o in agreement.opportunities
        ],
    }


def _records(request, agreements, language):
    links = ProfileLinks.for_language(language, request)
    return load_agreement_details(agreements, language, links, Vocabularies(language), request)


@router.get(
    "/agreements/",
    response={200: AgreementPageOut, 400: ErrorOut, 404: ErrorOut},
    summary="List public agreements",
)
def list_agreements(request, params: Query[AgreementParams]):
    """Public agreements of the archive, newest signature first (undated ones last), with
    their partners, places, areas, amounts and amendment chain in the language asked for;
    narrowed by year of signature, beneficiary region or country, thematic area, partner and
    type of agreement. A filter value that names nothing is a 400 saying what to use."""
    language = resolve_language(params.lang)
    # The filters join partners, countries and areas: each agreement once, by a subquery.
    ids = (
        Agreement.objects.public()
        .filter(pk__in=_filtered(params).values("pk"))
        .order_by(F("signature_date").desc(nulls_last=True), "reference", "pk")
        .values_list("pk", flat=True)
    )
    count, next_url, previous_url, page_ids = paginate(request, ids, params)
    with translation.override(language):
        by_pk = {
            record.pk: record
            for record in _records(request, Agreement.objects.filter(pk__in=page_ids), language)
        }
        results = [agreement_data(request, by_pk[pk]) for pk in page_ids if pk in by_pk]
    return {"count": count, "next": next_url, "previous": previous_url, "results": results}


@router.get(
    "/agreements/{path:reference}/",
    response={200: AgreementDetailOut, 400: ErrorOut, 404: ErrorOut},
    summary="One public agreement",
)
def get_agreement(request, reference: str, params: Query[LanguageParams]):
    """A public agreement by its reference, in the language asked for; 404 for a reference
    the archive does not hold and for a confidential agreement alike."""
    language = resolve_language(params.lang)
    with translation.override(language):
        records = _records(request, Agreement.objects.filter(reference=reference), language)
        if not records:
            raise ApiError(404, "No public agreement with this reference.")
        return agreement_data(request, records[0])
