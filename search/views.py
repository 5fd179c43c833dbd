"""The public search page (/<language>/search/?q=...) and its suggestions as you type
(/<language>/search/suggest/?q=...), in the visitor's language (the address's prefix).

Every state of the page is an address (`q`, `type`, `area`, `status`, `page`), so that it
works without JavaScript and can be shared. Any input is accepted: see
`search.site.clean_query`. When the search backend fails, the page says so and the failure
is logged; it is never an error page. One address searching too often gets a 429 with
`Retry-After` (the page, in its language, or JSON for the suggestions): `search.site.limits`.
"""

from django.core.paginator import Paginator
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cms.core import languages
from cms.core.pagination import page_links

from .site import (
    GROUP_SIZE,
    MAX_QUERY_LENGTH,
    OPPORTUNITY,
    TYPE_LABELS,
    TYPE_NAMES,
    TYPES,
    SearchUnavailable,
    clean_query,
    load_hits,
    search_site,
    suggest,
)
from .site.limits import TOO_MANY_SEARCHES, wait_before_search, wait_before_suggestions
from .site.spelling import opportunity_index

__all__ = ["PAGE_SIZE", "search_page", "search_suggestions"]

#: Results per page when one type of result is shown.
PAGE_SIZE = 10


def _language(request):
    return languages.active()


class SearchAddress:
    """The address of a state of the search page, built from the current one."""

    def __init__(self, path, query, kind, areas, statuses):
        self.path = path
        self.query = query
        self.kind = kind
        self.areas = list(areas)
        self.statuses = list(statuses)

    def url(self, *, kind=None, areas=None, statuses=None, page=None):
        kind = self.kind if kind is None else kind
        params = QueryDict(mutable=True)
        params["q"] = self.query
        if kind:
            params["type"] = kind
        if kind in ("", OPPORTUNITY):
            params.setlist("area", self.areas if areas is None else areas)
            params.setlist("status", self.statuses if statuses is None else statuses)
        if page and page > 1:
            params["page"] = page
        return f"{self.path}?{params.urlencode()}"


def _facet(param, label, options, prefix):
    return {
        "param": param,
        "label": label,
        "values": [
            {
                "input_id": f"{prefix}-{param}-{index}",
                "value": option.value,
                "label": option.label,
                "count": option.count,
                "selected": option.selected,
            }
            for index, option in enumerate(options)
        ],
    }


def _results_context(request, results, address, kind):
    counts = results.counts
    context = {
        "total": results.total,
        "type_options": [
            {
                "value": "",
                "label": _("All results"),
                "count": results.total,
                "url": address.url(kind=""),
                "is_current": not kind,
            },
            *(
                {
                    "value": value,
                    "label": TYPE_LABELS[value],
                    "count": counts[value],
                    "url": address.url(kind=value),
                    "is_current": kind == value,
                }
                for value in TYPES
            ),
        ],
        "opportunity_facets": [
            facet
            for facet in (
                _facet("area", _("Thematic area"), results.area_options, "search"),
                _facet("status", _("Status"), results.status_options, "search"),
            )
            if facet["values"]
        ],
        "active_filters": [
            *(
                {
                    "label": option.label,
                    "remove_url": address.url(
                        areas=[area for area in address.areas if area != option.value]
                    ),
                }
                for option in results.area_options
                if option.selected
            ),
            *(
                {
                    "label": option.label,
                    "remove_url": address.url(
                        statuses=[value for value in address.statuses if value != option.value]
                    ),
                }
                for option in results.status_options
                if option.selected
            ),
        ],
        "clear_filters_url": address.url(areas=[], statuses=[]),
    }
    if kind:
        paginator = Paginator(results.ids[kind], PAGE_SIZE)
        current = paginator.get_page(request.GET.get("page"))
        selection = [(kind, pk) for pk in current.object_list]
        context["hits"] = load_hits(results, selection, request)
        context["results_page"] = current
        context["pagination"] = page_links(
            paginator, current, lambda number: address.url(page=number)
        )
        context["group_label"] = TYPE_LABELS[kind]
        context["group_count"] = counts[kind]
    else:
        # The groups in the order of their best result, each in the order of the ranking.
        order = results.group_order()
        selection = [(value, pk) for value in order for pk in results.ids[value][:GROUP_SIZE]]
        hits = load_hits(results, selection, request)
        context["groups"] = [
            {
                "type": value,
                "label": TYPE_LABELS[value],
                "count": counts[value],
                "hits": [hit for hit in hits if hit.type == value],
                "more_url": address.url(kind=value) if counts[value] > GROUP_SIZE else "",
            }
            for value in order
        ]
        if len(order) > 1:
            context["best_group"] = {
                "type": order[0],
                "label": TYPE_LABELS[order[0]],
            }
    return context


def _spelling_context(request, results, address):
    """Help for a search that found nothing: the closest spellings as links, and the
    opportunity index of the language."""
    index = opportunity_index(results.scope) if results.scope is not None else None
    return {
        "spellings": [
            {"query": text, "url": SearchAddress(address.path, text, "", [], []).url()}
            for text in results.spellings
        ],
        "opportunity_index": {"url": index.get_url(request), "title": index.title}
        if index
        else None,
    }


@require_GET
def search_page(request):
    """Search results for `q` in the visitor's language, grouped by type (opportunities,
    partners, pages) with their counts; one type at a time with `type`, in pages; the
    opportunities filtered by thematic area and status."""
    language = _language(request)
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    kind = request.GET.get("type", "")
    kind = kind if kind in TYPES else ""
    areas = [value[:100] for value in request.GET.getlist("area")[:20]]
    statuses = [value[:40] for value in request.GET.getlist("status")[:10]]
    address = SearchAddress(request.path, query, kind, areas, statuses)
    context = {
        "query": query,
        "query_was_cut": len(raw.strip()) > MAX_QUERY_LENGTH,
        "max_query_length": MAX_QUERY_LENGTH,
        "type": kind,
        "type_label": TYPE_LABELS.get(kind, ""),
        "search_url": request.path,
        "suggest_url": reverse("site_search_suggest"),
        "areas": areas,
        "statuses": statuses,
        "unavailable": False,
        "rate_limited": False,
        # Results are not for search engines; the empty search page is.
        "meta_noindex": bool(query),
    }
    status = 200
    wait = wait_before_search(request) if query else 0
    if wait:
        # Beyond the address's budget: the page with its search box and the reason, no results.
        context["rate_limited"] = True
        status = 429
    elif query:
        try:
            results = search_site(query, language, request, areas=areas, statuses=statuses)
            context.update(_results_context(request, results, address, kind))
            if not results.total:
                context.update(_spelling_context(request, results, address))
        except SearchUnavailable:
            context["unavailable"] = True
            status = 503
    response = render(request, "search/search_page.html", context, status=status)
    if status == 503:
        response["Retry-After"] = "60"
    if status == 429:
        response["Retry-After"] = str(wait)
    return response


@require_GET
def search_suggestions(request):
    """Up to eight titles that begin with what the visitor is typing, as JSON:
    {"query": ..., "results": [{"title", "url", "type", "type_label"}]}."""
    language = _language(request)
    query = clean_query(request.GET.get("q", ""))
    wait = wait_before_suggestions(request) if query else 0
    if wait:
        response = JsonResponse(
            {"query": query, "results": [], "detail": str(TOO_MANY_SEARCHES)}, status=429
        )
        response["Retry-After"] = str(wait)
        return response
    try:
        items = suggest(query, language, request)
    except SearchUnavailable:
        return JsonResponse(
            {"query": query, "results": [], "detail": _("Search is unavailable right now.")},
            status=503,
        )
    results = [{**item, "type_label": str(TYPE_NAMES[item["type"]])} for item in items]
    return JsonResponse({"query": query, "results": results})
