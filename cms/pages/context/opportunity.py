"""Presentation of opportunities: the context of an opportunity page (its summary terms and
material in the page's language) and of the opportunity index (facets, results, pages).

Vocabulary references point at the English row of a term; the rows of the page's language
are fetched in bulk (one query per vocabulary, by translation key and locale), so that the
number of queries never grows with the number of terms, opportunities or material.
"""

import hashlib
from dataclasses import dataclass, replace

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from cms.core import chrome
from cms.core.page_cache import cached_value, page_tags
from cms.core.pagination import page_links
from cms.snippets.models import (
    BeneficiaryRegion,
    PartnerKind,
    SustainableDevelopmentGoal,
    ThematicArea,
)
from cms.snippets.terms import load_terms

from ..facets import SORTS, count_facets, read_filters
from ..materials import materials_of
from ..models import OpportunityIndexPage, OpportunityPage
from ..timeline import deadline_note, depend_on_today, timeline_steps, today
from .registry import builds
from .shared import shared_part

__all__ = [
    "CARD_DEFERRED",
    "PER_PAGE",
    "OpportunityCard",
    "card_pages",
    "localized_terms",
    "opportunity_cards",
    "opportunity_context",
    "opportunity_index_context",
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


def localized_terms(model, language_code):
    """{id of a term's English row: the term named in `language_code`} (its English name
    while it is not translated), from the vocabularies kept in the shared cache."""
    return load_terms(model, language_code).by_pk


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


#: Text fields of an opportunity that no card shows (its StreamFields aside).
CARD_DEFERRED = ("search_description", "seo_title", "contact_name", "contact_email")


def card_pages(opportunities):
    """`opportunities` (a queryset) without what no card shows: its StreamFields and long
    texts are neither read nor decoded (a tenth of the index's render)."""
    return opportunities.defer_streamfields().defer(*CARD_DEFERRED)


def opportunity_cards(pages, language_code, request=None):
    """Cards of `pages` (a list of opportunity pages) in `language_code`, in a fixed number
    of queries."""
    pages = list(pages)
    if not pages:
        return []
    prefetch_related_objects(pages, "thematic_areas", "regions")
    areas = localized_terms(ThematicArea, language_code)
    regions = localized_terms(BeneficiaryRegion, language_code)
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
    language. Works on previews too, whose relations are in memory. The same for every
    visitor: kept in the shared cache (`shared_part`), previews aside. The timeline is read
    apart: "closes in 5 days" changes at midnight (the page depends on the day's tag)."""
    context = dict(
        shared_part(page, request, "opportunity", lambda: _opportunity_parts(page, request))
    )
    if page.deadline or page.decision_date or page.start_date or page.end_date:
        language_code = chrome.prime_locale(request, page).locale.language_code
        if page.deadline:
            depend_on_today(request)
        context["timeline"] = timeline_steps(page, language_code)
        context["deadline_note"] = deadline_note(page, language_code)
    return context


def _opportunity_parts(page, request):
    context = {}
    language_code = chrome.prime_locale(request, page).locale.language_code
    for name, relation, field_name, model in SUMMARY_TERMS:
        links = list(getattr(page, relation).all())
        terms = localized_terms(model, language_code)
        context[name] = _terms_in_order(links, field_name, terms)
    country_links = list(page.countries.select_related("country"))
    countries = {link.country_id: link.country for link in country_links}
    context["countries"] = _terms_in_order(country_links, "country", countries)
    materials = materials_of(page)
    context["materials"] = materials
    context["material_documents"] = [item for item in materials if item.is_document]
    context["material_videos"] = [item for item in materials if item.is_video]
    context["material_images"] = [item for item in materials if item.is_image]
    if context["material_images"]:
        # The link previews' picture: the first image of the material, described by its
        # title in the page's language (read here already, not again by the page's meta).
        first = context["material_images"][0]
        context["meta_image"], context["meta_image_alt"] = first.image, first.title
    else:
        # No image among the material: the page's meta need not look for one again.
        context["meta_material_image"] = False
    return context


def _digest(state, *more):
    """A short key of the filters chosen (and of `more`: the order, a page number) on this
    day: the "closing soon" filter, its count and the deadline order change at midnight."""
    chosen = today().isoformat() + "|"
    chosen += "&".join(
        f"{param}={','.join(sorted(values))}" for param, values in sorted(state.selected.items())
    )
    if more:
        chosen += "|" + "|".join(str(value) for value in more)
    return hashlib.sha256(chosen.encode()).hexdigest()[:32]


def _facets(page, opportunities, state, language_code):
    """The facets of the index for the filters chosen (the same for every page of results
    and every order), kept in the shared cache until what the index shows changes (its
    page-cache tags: its opportunities, their vocabularies, the tree above it)."""
    digest = _digest(state)

    def count():
        # Labels as plain text in the page's language: lazy translations are rebuilt one by
        # one when read from the cache, which cost a tenth of the index's render.
        with translation.override(language_code):
            return [
                replace(
                    facet,
                    label=str(facet.label),
                    values=[replace(value, label=str(value.label)) for value in facet.values],
                )
                for facet in count_facets(opportunities, state, page.locale_id)
            ]

    return cached_value(f"facets:{page.pk}:{language_code}:{digest}", page_tags(page), count)


@builds(OpportunityIndexPage)
def opportunity_index_context(page, request):
    """Template context of the opportunity index: facets with counts, the current page of
    results as cards, sort options and links to the other pages, all from the address."""
    state = read_filters(request.GET)
    depend_on_today(request)
    base_url = page.get_url(request) or ""
    opportunities = (
        OpportunityPage.objects.child_of(page).live().exclude(chrome.private_sections(request))
    )
    language_code = chrome.prime_locale(request, page).locale.language_code
    # Read only when the page's filters and cards are not in the shared cache already
    # (`{% shared_fragment %}` in the template).
    facets = SimpleLazyObject(lambda: _facets(page, opportunities, state, language_code))
    results = card_pages(opportunities.filter(state.q()).order_by(*state.ordering))
    paginator = Paginator(results, PER_PAGE)
    # The number of results and the cards of this page of results in this order are the
    # same for every visitor: kept in the shared cache (the paginator is told the count).
    paginator.count = shared_part(
        page, request, "count", lambda: results.count(), variant=_digest(state)
    )
    current = paginator.get_page(request.GET.get("page"))
    results_key = _digest(state, state.sort, current.number)
    cards = SimpleLazyObject(
        lambda: shared_part(
            page,
            request,
            "cards",
            lambda: opportunity_cards(current.object_list, language_code, request),
            variant=results_key,
        )
    )

    def active_filters():
        return [
            {
                "facet": facet.label,
                "label": value.label,
                "remove_url": base_url + state.query_string(without=(facet.param, value.value)),
            }
            for facet in facets
            for value in facet.selected
        ]

    return {
        "facets_key": _digest(state),
        "results_key": results_key,
        "filters": state,
        "facets": facets,
        "cards": cards,
        "result_count": paginator.count,
        "results_page": current,
        "pagination": page_links(
            paginator, current, lambda number: base_url + state.query_string(page=number)
        ),
        "active_filters": SimpleLazyObject(active_filters) if state.is_filtered else [],
        "index_url": base_url,
        "clear_url": base_url + type(state)(sort=state.sort).query_string(),
        "sort_options": [
            {"code": option.code, "label": option.label, "selected": option.code == state.sort}
            for option in SORTS
        ],
    }
