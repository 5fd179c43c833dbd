"""/api/v1/partners/: the funding-partner database, public fields only.

Built from the same public records as the partner directory's pages
(`cms.pages.public_records`), which copy public fields only: internal notes, contacts and
confidential agreements cannot appear here.
"""

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce, Lower
from django.utils import translation
from ninja import Query, Router
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text import expand_db_html

from cms.pages.public_records import (
    ProfileLinks,
    Vocabularies,
    funding_partners,
    load_public_agreements,
    load_public_partners,
    load_public_recognitions,
)
from cms.snippets.models import Partner

from .errors import ApiError
from .languages import resolve_language
from .lookups import english_id
from .pagination import LanguageParams, ListParams, paginate
from .recognitions import recognition_data
from .schemas import ErrorOut, PartnerDetailOut, PartnerPageOut

__all__ = ["router"]

router = Router()

LOGO_SPEC = "max-400x200"


def _term(term):
    return {"code": term.code, "name": term.name} if term else None


def _terms(terms):
    return [_term(term) for term in terms]


def _country(country):
    return {"code": country.code, "name": country.name} if country else None


def _logo_url(request, logo):
    if logo is None:
        return None
    try:
        return request.build_absolute_uri(logo.get_rendition(LOGO_SPEC).url)
    except (SourceImageIOError, OSError):
        return None


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def partner_data(request, partner, language):
    """The public fields of a partner record."""
    parent = partner.parent
    return {
        "id": partner.pk,
        "lang": language,
        "text_lang": partner.language,
        "name": partner.name,
        "acronym": partner.acronym,
        "url": _absolute(request, partner.url),
        "kind": _term(partner.kind),
        "headquarters_country": _country(partner.headquarters_country),
        "website": partner.website,
        "logo_url": _logo_url(request, partner.logo),
        "membership_category": _term(partner.membership_category),
        "parent": (
            {"id": parent.pk, "name": parent.name, "url": _absolute(request, parent.url)}
            if parent
            else None
        ),
        "mandate": expand_db_html(partner.mandate),
        "development_strategy": expand_db_html(partner.development_strategy),
        "priority_areas": _terms(partner.priority_areas),
        "regions": _terms(partner.regions),
        "countries": [_country(country) for country in partner.countries],
        "funding_types": _terms(partner.funding_types),
        "funding_mechanism": _term(partner.funding_mechanism),
    }


def agreement_data(agreement, request):
    return {
        "reference": agreement.reference,
        "title": agreement.title,
        "agreement_type": _term(agreement.agreement_type),
        "year": agreement.year,
        "regions": _terms(agreement.regions),
        "primary_area": _term(agreement.primary_area),
        "amount_usd": float(agreement.amount_usd) if agreement.amount_usd is not None else None,
        "url": _absolute(request, agreement.url),
    }


def _ordered_by_name(language):
    """Funding partners ordered by their name in `language` (English where untranslated)."""
    translated_name = Partner.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language
    ).values("name")[:1]
    return (
        funding_partners()
        .annotate(display_name=Coalesce(Subquery(translated_name), F("name")))
        .order_by(Lower("display_name"), "pk")
    )


@router.get(
    "/partners/",
    response={200: PartnerPageOut, 400: ErrorOut, 404: ErrorOut},
    summary="List funding partners",
    tags=["partners"],
)
def list_partners(request, params: Query[ListParams]):
    """Funding partners with their public fields, by name in the language asked for."""
    language = resolve_language(params.lang)
    ids = _ordered_by_name(language).values_list("pk", flat=True)
    count, next_url, previous_url, page_ids = paginate(request, ids, params)
    links = ProfileLinks.for_language(language, request)
    with translation.override(language):
        partners = load_public_partners(page_ids, language, links)
        results = [partner_data(request, partner, language) for partner in partners]
    return {"count": count, "next": next_url, "previous": previous_url, "results": results}


@router.get(
    "/partners/{int:partner_id}/",
    response={200: PartnerDetailOut, 400: ErrorOut, 404: ErrorOut},
    summary="One funding partner",
    tags=["partners"],
)
def get_partner(request, partner_id: int, params: Query[LanguageParams]):
    """A funding partner with its public agreements and recognitions. Its id is that of its
    English row (the one the list gives, in every language); a translation's id leads to
    the same partner."""
    language = resolve_language(params.lang)
    source_id = english_id(Partner, partner_id, is_funding_partner=True)
    if source_id is None:
        raise ApiError(404, "No funding partner with this id.")
    links = ProfileLinks.for_language(language, request)
    vocabularies = Vocabularies(language)
    with translation.override(language):
        partner = load_public_partners([source_id], language, links, vocabularies)[0]
        data = partner_data(request, partner, language)
        data["agreements"] = [
            agreement_data(agreement, request)
            for agreement in load_public_agreements(source_id, vocabularies)
        ]
        data["recognitions"] = [
            recognition_data(request, recognition, language)
            for recognition in load_public_recognitions(language, links, partner_pk=source_id)
        ]
    return data
