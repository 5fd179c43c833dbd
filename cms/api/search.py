"""/api/v1/search/: the site search as JSON, in one language.

The same search as the site's search page (`search.site`): live, public content of the
language asked for only, in one order across the three types: the results editors pinned
for the query in that language first (`recommended`), then the best match first, a match
in the title (a partner's name, acronym or other names) above a match in the text and an
exact title above all (`search.site.ranking`). A query that finds nothing comes with the
closest spellings that do (`did_you_mean`). Any query is accepted: operators, quotes and
punctuation are read as plain words, control characters are dropped and the query is cut to
200 characters.
One address searching too often gets a 429 with `Retry-After` (search.site.limits).
"""

from typing import Literal

from django.http import JsonResponse
from django.utils import translation
from ninja import Field, Query, Router, Schema

from search.site import TYPES, SearchUnavailable, clean_query, load_hits, search_site
from search.site.limits import TOO_MANY_SEARCHES, wait_before_search

from .errors import ApiError
from .languages import resolve_language
from .pagination import ListParams, paginate
from .schemas import ErrorOut

__all__ = ["SearchPageOut", "SearchParams", "SearchResultOut", "router"]

router = Router(tags=["search"])


class SearchParams(ListParams):
    """The query parameters of a search."""

    q: str = Field(
        "",
        description="What to look for, in the language `lang`; cut to 200 characters. "
        "An empty query finds nothing.",
    )
    type: Literal["opportunity", "partner", "page"] | None = Field(
        None, description="Only results of this type: opportunity, partner or page."
    )


class SearchResultOut(Schema):
    """A search result: its title, its absolute address and what it is."""

    title: str
    url: str
    type: Literal["opportunity", "partner", "page"]
    recommended: bool = Field(
        False, description="Pinned by the site's editors for this query in this language."
    )


class SearchPageOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[SearchResultOut]
    did_you_mean: list[str] = Field(
        [],
        description="When nothing is found: up to three queries of close spelling that find "
        "something in this language, the closest first.",
    )


@router.get(
    "/search/",
    response={200: SearchPageOut, 400: ErrorOut, 404: ErrorOut, 429: ErrorOut, 503: ErrorOut},
    summary="Search the site",
)
def search(request, params: Query[SearchParams]):
    """Opportunities, funding partners and pages of one language matching `q`, in one order
    of relevance: the editors' recommendations first, then the best match."""
    language = resolve_language(params.lang)
    query = clean_query(params.q)
    if not query:
        return {"count": 0, "next": None, "previous": None, "results": []}
    wait = wait_before_search(request)
    if wait:
        # One budget with the search page (search.site.limits), the reason in `lang`.
        with translation.override(language):
            response = JsonResponse({"detail": str(TOO_MANY_SEARCHES)}, status=429)
        response["Retry-After"] = str(wait)
        return response
    try:
        results = search_site(query, language, request)
    except SearchUnavailable as error:
        raise ApiError(503, "Search is unavailable right now; try again later.") from error
    types = (params.type,) if params.type else TYPES
    count, next_url, previous_url, selection = paginate(request, results.flat(types), params)
    hits = load_hits(results, selection, request, marked=False)  # titles and addresses
    return {
        "count": count,
        "next": next_url,
        "previous": previous_url,
        "results": [
            {
                "title": hit.title,
                "url": request.build_absolute_uri(hit.url),
                "type": hit.type,
                "recommended": hit.recommended,
            }
            for hit in hits
        ],
        "did_you_mean": results.spellings,
    }
