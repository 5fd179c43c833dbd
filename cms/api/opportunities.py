"""/api/v1/opportunities/: the published, public opportunities of one language."""

from django.db.models import Prefetch
from django.utils import translation
from ninja import Query, Router
from wagtail.rich_text import expand_db_html

from cms.core.visibility import live_homes, public_pages, site_for_request
from cms.pages.context.results import funders_of, progress_reports
from cms.pages.models import (
    OpportunityCountry,
    OpportunityPage,
    OpportunityPartnerKind,
    OpportunityRegion,
    OpportunitySDG,
    OpportunityThematicArea,
)
from cms.pages.models.progress import PROGRESS_SHOWN_STATUSES
from cms.pages.public_records import ProfileLinks, Vocabularies
from cms.snippets.models import (
    BeneficiaryRegion,
    PartnerKind,
    SustainableDevelopmentGoal,
    ThematicArea,
)

from .errors import ApiError
from .languages import resolve_language
from .pagination import LanguageParams, ListParams, paginate
from .schemas import ErrorOut, OpportunityDetailOut, OpportunityPageOut

__all__ = ["public_opportunities", "router"]

router = Router(tags=["opportunities"])


def public_opportunities(request, language_code=None):
    """Opportunities anyone may read (live, outside any view restriction, under a live home
    page of the site: the rule of the sitemaps and feeds); only those of one language when
    it is given."""
    homes = live_homes(site_for_request(request))
    return public_pages(homes, language_code, model=OpportunityPage)


def _with_terms(pages):
    return pages.select_related("locale").prefetch_related(
        Prefetch("thematic_areas", queryset=OpportunityThematicArea.objects.order_by("sort_order")),
        Prefetch("regions", queryset=OpportunityRegion.objects.order_by("sort_order")),
        Prefetch(
            "countries",
            queryset=OpportunityCountry.objects.select_related("country").order_by("sort_order"),
        ),
        Prefetch("sdgs", queryset=OpportunitySDG.objects.order_by("sort_order")),
        Prefetch("partner_kinds", queryset=OpportunityPartnerKind.objects.order_by("sort_order")),
    )


def _terms(terms):
    return [{"code": term.code, "name": term.name} for term in terms]


def _integer(value):
    return int(value) if value is not None else None


def page_url(request, page):
    """The absolute address of a page, on the host the API was asked on."""
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


def opportunity_data(request, page, vocabularies):
    """The public fields of an opportunity page (in the active language)."""
    areas = vocabularies[ThematicArea]
    regions = vocabularies[BeneficiaryRegion]
    goals = vocabularies[SustainableDevelopmentGoal]
    kinds = vocabularies[PartnerKind]
    return {
        "id": page.pk,
        "lang": page.locale.language_code,
        "title": page.title,
        "url": page_url(request, page),
        "kind": {"code": page.kind, "name": str(OpportunityPage.Kind(page.kind).label)},
        # As the site says it: an open call is closed the day after its deadline.
        "status": {"code": page.shown_status(), "name": str(page.shown_status_label)},
        "featured": page.featured,
        "introduction": page.introduction,
        "thematic_areas": _terms(areas.many(link.area_id for link in page.thematic_areas.all())),
        "regions": _terms(regions.many(link.region_id for link in page.regions.all())),
        "countries": [
            {"code": link.country.code.code, "name": str(link.country.code.name)}
            for link in page.countries.all()
        ],
        "sdgs": [
            {"number": goal.number, "code": goal.code, "name": goal.name}
            for goal in goals.many(link.goal_id for link in page.sdgs.all())
        ],
        "partner_kinds": _terms(kinds.many(link.kind_id for link in page.partner_kinds.all())),
        "budget_usd": _integer(page.budget_usd),
        "funding_gap_usd": _integer(page.funding_gap_usd),
        "duration_months": page.duration_months,
        "deadline": page.deadline,
        "decision_date": page.decision_date,
        "start_date": page.start_date,
        "end_date": page.end_date,
        "contact_name": page.contact_name,
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
    }


@router.get(
    "/opportunities/",
    response={200: OpportunityPageOut, 400: ErrorOut, 404: ErrorOut},
    summary="List opportunities",
)
def list_opportunities(request, params: Query[ListParams]):
    """Published, public opportunities in one language, newest first."""
    language = resolve_language(params.lang)
    pages = _with_terms(public_opportunities(request, language)).order_by(
        "-first_published_at", "pk"
    )
    count, next_url, previous_url, items = paginate(request, pages, params)
    vocabularies = Vocabularies(language)
    with translation.override(language):
        results = [opportunity_data(request, page, vocabularies) for page in items]
    return {"count": count, "next": next_url, "previous": previous_url, "results": results}


@router.get(
    "/opportunities/{int:opportunity_id}/",
    response={200: OpportunityDetailOut, 400: ErrorOut, 404: ErrorOut},
    summary="One opportunity",
)
def get_opportunity(request, opportunity_id: int, params: Query[LanguageParams]):
    """An opportunity in the language asked for: the id may be that of any of its language
    versions (each has its own); 404 when it has no published, public version in that
    language."""
    language = resolve_language(params.lang)
    key = public_opportunities(request).filter(pk=opportunity_id).values("translation_key")
    page = _with_terms(
        public_opportunities(request, language).filter(translation_key__in=key)
    ).first()
    if page is None:
        raise ApiError(404, "No published opportunity with this id in this language.")
    vocabularies = Vocabularies(language)
    with translation.override(language):
        data = opportunity_data(request, page, vocabularies)
        data["objectives"] = expand_db_html(page.objectives)
        data["expected_results"] = expand_db_html(page.expected_results)
        versions = public_opportunities(request).filter(translation_key=page.translation_key)
        data["translations"] = [
            {
                "lang": version.locale.language_code,
                "id": version.pk,
                "url": page_url(request, version),
            }
            for version in versions.select_related("locale").exclude(pk=page.pk).order_by("pk")
        ]
        data.update(_results(request, page, language))
    return data


def _results(request, page, language):
    """The progress reports and funders of a funded or closed opportunity, as its page shows
    them (cms.pages.context.results); empty lists for the others."""
    if page.status not in PROGRESS_SHOWN_STATUSES:
        return {"progress_reports": [], "funders": []}
    links = ProfileLinks.for_language(language, request)
    return {
        "progress_reports": [
            {
                "date": report.date,
                "status": {"code": report.status, "name": report.status_label},
                "text": report.text,
            }
            for report in progress_reports(page, language)
        ],
        "funders": [
            {
                "id": funder.pk,
                "name": funder.name,
                "url": request.build_absolute_uri(funder.url) if funder.url else None,
            }
            for funder in funders_of(page, language, links)
        ],
    }
