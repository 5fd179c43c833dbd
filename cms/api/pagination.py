"""Pages of API results: {"count", "next", "previous", "results"}, with `page` and
`page_size` (at most MAX_PAGE_SIZE) in the query string."""

from django.core.paginator import Paginator
from ninja import Field, Schema

from .errors import ApiError
from .languages import LANGUAGE_CODES

__all__ = ["DEFAULT_PAGE_SIZE", "MAX_PAGE_SIZE", "LanguageParams", "ListParams", "paginate"]

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
LANGUAGE_HELP = f"Content language, one of {', '.join(LANGUAGE_CODES)} (default en)."


class LanguageParams(Schema):
    """The query parameter of every endpoint."""

    lang: str = Field("en", description=LANGUAGE_HELP, max_length=16)


class ListParams(LanguageParams):
    """The query parameters of a list."""

    page: int = Field(1, ge=1, description="Page number, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Results per page, at most {MAX_PAGE_SIZE}.",
    )


def _page_url(request, number):
    params = request.GET.copy()
    params["page"] = number
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def paginate(request, items, params):
    """The page `params.page` of `items` (an ordered queryset or a list) as (count, next
    address, previous address, items of the page); a 404 error past the last page."""
    paginator = Paginator(items, params.page_size)
    if params.page > paginator.num_pages:
        raise ApiError(
            404,
            f"Page {params.page} does not exist: there are {paginator.num_pages} page(s).",
        )
    page = paginator.page(params.page)
    return (
        paginator.count,
        _page_url(request, page.next_page_number()) if page.has_next() else None,
        _page_url(request, page.previous_page_number()) if page.has_previous() else None,
        list(page.object_list),
    )
