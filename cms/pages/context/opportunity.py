"""Presentation of opportunities: the context of an opportunity page (its summary terms and
material in the page's language) and of the opportunity index (facets, results, pages).

Vocabulary references point at the English row of a term; the rows of the page's language
are fetched in bulk (one query per vocabulary, by translation key and locale), so that the
number of queries never grows with the number of terms, opportunities or material.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Q, prefetch_related_objects
from django.utils import translation
from wagtail.models import Page

from cms.core.pagination import page_links
from cms.snippets.models import (
    BeneficiaryRegion,
    Country,
    PartnerKind,
    SustainableDevelopmentGoal,
    ThematicArea,
)

from ..facets import SORTS, count_facets, read_filters
from ..materials import materials_of
from ..models import OpportunityIndexPage, OpportunityPage
from .registry import builds

__all__ = [
    "PER_PAGE",
    "OpportunityCard",
    "localized_terms",
    "opportunity_cards",
    "opportunity_context",
    "opportunity_index_context",
    "private_sections",
]

#: Opportunities per page of the index.
PER_PAGE = 12

# (context name, child relation, foreign key, vocabulary) of the summary's terms.
SUMMARY_TERMS = (
    ("thematic_areas", "thematic_areas", "area", ThematicArea),
    ("regions", "regions", "region", BeneficiaryRegion),
    ("sdgs", "sdgs", "goal", SustainableDevelopmentGoal),
    ("partner_kinds", "partner_kinds", "kind", PartnerKind),
)


def private_sections():
    """The condition of pages in a private section of the site (one query): public lists
    exclude it. Worked out once per request and reused by every query that needs it."""
    return Page.objects.all().private_q()


def localized_terms(model, ids, locale_id):
    """{id of a term's English row: the row to show in the locale `locale_id`}.

    The locale's row when the term is translated, else the English row; English rows and
    their translations come in one query.
    """
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    keys = model.objects.filter(pk__in=ids).values("translation_key")
    rows = list(
        model.objects.filter(Q(pk__in=ids) | Q(locale_id=locale_id, translation_key__in=keys))
    )
    local = {row.translation_key: row for row in rows if row.locale_id == locale_id}
    return {row.pk: local.get(row.translation_key, row) for row in rows if row.pk in ids}


def _terms_in_order(links, field_name, terms):
    """The terms of an opportunity's links in the editor's order, each once."""
    seen, result = set(), []
    for link in links:
        term_id = getattr(link, f"{field_name}_id")
        if term_id in terms and term_id not in seen:
            seen.add(term_id)
            result.append(terms[term_id])
    return result


# --- Cards -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpportunityCard:
    """An opportunity as a list shows it: the page, its address, and its thematic areas and
    regions in the language of the list."""

    page: OpportunityPage
    url: str
    areas: list
    regions: list


def opportunity_cards(pages, locale_id, request=None):
    """Cards of `pages` (a list of opportunity pages) in the language of `locale_id`, in a
    fixed number of queries."""
    pages = list(pages)
    if not pages:
        return []
    prefetch_related_objects(pages, "thematic_areas", "regions")
    area_ids = [link.area_id for page in pages for link in page.thematic_areas.all()]
    region_ids = [link.region_id for page in pages for link in page.regions.all()]
    areas = localized_terms(ThematicArea, area_ids, locale_id)
    regions = localized_terms(BeneficiaryRegion, region_ids, locale_id)
    return [
        OpportunityCard(
            page=page,
            url=page.get_url(request) or "",
            areas=_terms_in_order(page.thematic_areas.all(), "area", areas),
            regions=_terms_in_order(page.regions.all(), "region", regions),
        )
        for page in pages
    ]


# --- Page contexts -----------------------------------------------------------------------


@builds(OpportunityPage)
def opportunity_context(page, request):
    """Template context of an opportunity page: its summary terms and material in the page's
    language. Works on previews too, whose relations are in memory."""
    context = {}
    for name, relation, field_name, model in SUMMARY_TERMS:
        links = list(getattr(page, relation).all())
        ids = [getattr(link, f"{field_name}_id") for link in links]
        terms = localized_terms(model, ids, page.locale_id)
        context[name] = _terms_in_order(links, field_name, terms)
    country_links = list(page.countries.all())
    country_ids = [link.country_id for link in country_links]
    countries = Country.objects.in_bulk(country_ids) if country_ids else {}
    context["countries"] = _terms_in_order(country_links, "country", countries)
    materials = materials_of(page)
    context["materials"] = materials
    context["material_documents"] = [item for item in materials if item.is_document]
    context["material_videos"] = [item for item in materials if item.is_video]
    context["material_images"] = [item for item in materials if item.is_image]
    return context


@builds(OpportunityIndexPage)
def opportunity_index_context(page, request):
    """Template context of the opportunity index: facets with counts, the current page of
    results as cards, sort options and links to the other pages, all from the address."""
    state = read_filters(request.GET)
    base_url = page.get_url(request) or ""
    opportunities = OpportunityPage.objects.child_of(page).live().exclude(private_sections())
    with translation.override(page.locale.language_code):
        facets = count_facets(opportunities, state, page.locale_id)
    results = opportunities.filter(state.q()).order_by(*state.ordering)
    paginator = Paginator(results, PER_PAGE)
    current = paginator.get_page(request.GET.get("page"))
    cards = opportunity_cards(current.object_list, page.locale_id, request)
    active_filters = [
        {
            "facet": facet.label,
            "label": value.label,
            "remove_url": base_url + state.query_string(without=(facet.param, value.value)),
        }
        for facet in facets
        for value in facet.selected
    ]
    return {
        "filters": state,
        "facets": facets,
        "cards": cards,
        "result_count": paginator.count,
        "results_page": current,
        "pagination": page_links(
            paginator, current, lambda number: base_url + state.query_string(page=number)
        ),
        "active_filters": active_filters,
        "index_url": base_url,
        "clear_url": base_url + type(state)(sort=state.sort).query_string(),
        "sort_options": [
            {"code": option.code, "label": option.label, "selected": option.code == state.sort}
            for option in SORTS
        ],
    }
