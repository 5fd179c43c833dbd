"""Searching each group of results: opportunities (with their facets), partners, pages.

Each group is one query to the backend of the visitor's language, on a queryset that
already holds the site's rule of public pages (see `scope`), so that the database (or, for
Elasticsearch, the database read that follows it) never returns a page the public may not
read. From the database backends only the columns needed are read (ids, status, content
type, title), not the pages' rows. The groups are then put in one order (`ranking`), after
the results editors pinned for the query (`promotions`); a search that finds nothing gets the
closest spellings that would (`spelling`).
"""

import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils.html import strip_tags
from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend

from cms.core.page_cache import cached_value
from cms.pages.models import OpportunityPage
from cms.pages.public_records import funding_partners, partner_slug
from cms.pages.timeline import today
from cms.snippets.models import Partner, ThematicArea
from cms.snippets.terms import load_terms

from .. import highlight
from ..analysis import SOURCE_LANGUAGE
from ..analysis import query_terms as analysed_terms
from .cache import cached_search
from .promotions import promoted_pages
from .query import SearchUnavailable, highlight_terms, plain_words
from .ranking import Candidate, rank
from .results import MAX_HITS, OPPORTUNITY, PAGE, PARTNER, TYPES, FacetOption, SearchResults
from .scope import SearchScope, backend_alias, locale_for
from .spelling import closest_spellings

__all__ = [
    "PartnerRow",
    "public_partners",
    "run",
    "search_partners",
    "merge_partners",
    "search_partners_by_english_name",
    "search_site",
]

logger = logging.getLogger("search")


def run(description, call, query):
    """`call(query)`, retried once with the query's bare words, which no backend can misread
    (operators, quotes and signs dropped). Raises SearchUnavailable when both fail.

    Inside a transaction (a page served in one), each attempt runs in a savepoint, so that a
    database error does not break the rest of the request; outside one, each statement
    commits on its own and a failure breaks nothing, so no savepoint is needed."""
    attempts = [query]
    words = " ".join(plain_words(query))
    if words and words != query:
        attempts.append(words)
    error = None
    for attempt in attempts:
        try:
            if connection.in_atomic_block:
                with transaction.atomic():
                    return call(attempt)
            return call(attempt)
        except Exception as exc:  # noqa: BLE001 - any backend failure must reach the visitor as a message
            error = exc
            logger.warning("Search of %s failed for %r: %s", description, attempt, exc)
    logger.error("Search of %s is unavailable", description, exc_info=error)
    raise SearchUnavailable(str(error))


def _values(search_results, fields):
    """Tuples of `fields` of the results, in their order: from the database backends the
    columns only; from others (Elasticsearch), read on the objects they load."""
    if hasattr(search_results, "get_queryset"):
        return list(search_results.get_queryset().values_list(*fields))
    return [tuple(getattr(obj, name) for name in fields) for obj in search_results]


def _search_values(description, queryset, query, alias, fields, limit=MAX_HITS):
    def call(q):
        return _values(queryset.search(q, backend=alias)[:limit], fields)

    return run(description, call, query)


@dataclass(frozen=True)
class PartnerRow:
    """A partner found by a search: what deciding whether to show it needs, with its English
    row in the partner directory (`english_pk` None: not a funding partner there)."""

    pk: int
    translation_key: object
    name: str
    aliases: str
    english_pk: int | None
    english_name: str | None
    # Found through its English name or acronym, shown in the visitor's language where it is
    # translated and in English otherwise (`language`).
    by_english_name: bool = False
    language: str = ""
    # With the name and other names, what ranks it as a title match (`ranking`).
    acronym: str = ""


PARTNER_FIELDS = (
    "pk",
    "translation_key",
    "name",
    "aliases",
    "english_pk",
    "english_name",
    "acronym",
)


def partner_queryset(locale):
    """The funding partners of a locale, each with its English row of the directory."""
    english = funding_partners().filter(translation_key=OuterRef("translation_key"))
    return Partner.objects.filter(locale=locale, is_funding_partner=True).annotate(
        english_pk=Subquery(english.values("pk")[:1]),
        english_name=Subquery(english.values("name")[:1]),
    )


def search_partners(method, locale, query, alias, limit=MAX_HITS):
    """`PartnerRow`s of the partners of `locale` found by the backend's `method` ("search"
    or "autocomplete"), in order."""
    queryset = partner_queryset(locale)

    def call(q):
        backend = get_search_backend(alias)
        results = getattr(backend, method)(q, queryset)[:limit]
        return [
            PartnerRow(**dict(zip(PARTNER_FIELDS, row, strict=True)))
            for row in _values(results, PARTNER_FIELDS)
        ]

    return run(f"partner {method}", call, query)


def _name_terms(query):
    """The terms of each word of `query` read as English, prepared once for all the partners
    tested (a word such as "Africa" finds hundreds by their mandates, each tested here)."""
    return [
        highlight.prepare_terms([word, *analysed_terms(word, SOURCE_LANGUAGE)])
        for word in plain_words(query)
    ]


def _names_matcher(words):
    """A test of whether every word (`_name_terms`) is found in a text (a partner's English
    name and acronym): "banks" finds "Bank", "afdb" finds "AfDB"."""

    def names_match(text):
        return bool(words) and all(highlight.matches(text, terms) for terms in words)

    return names_match


def _english_name_initials():
    """The initials (`highlight.initials`) of the English names and acronyms of the funding
    partners, kept until a partner changes."""

    def read():
        rows = funding_partners().values_list("name", "acronym")
        return highlight.initials(f"{name} {acronym or ''}" for name, acronym in rows)

    return cached_value("search:english-name-initials", ("data:partners",), read, in_process=True)


def _may_name_partners(words):
    """Whether every word could match some English name or acronym: a word none of them can
    hold (a Russian, Arabic or Chinese word) makes the search by English name pointless, and
    its query to the backend is spared."""
    if not words:
        return False
    initials = _english_name_initials()
    return all(highlight.may_match(terms, initials) for terms in words)


def search_partners_by_english_name(locale, query, limit=MAX_HITS, method="search"):
    """`PartnerRow`s of the funding partners whose English name or acronym holds every word
    of `query`, for a visitor of another language than English: each the partner's
    translation into `locale` when it has one, its English row otherwise (`language` says
    which), in the order of the English search. One search of the English backend
    (`method` "search", or "autocomplete" for suggestions: names and acronyms begun).

    In every language a partner is found by the name it is known by in English (its acronym
    above all), as the directory finds it; the visitor's own backend finds it by its name in
    their language."""
    translation = Partner.objects.filter(locale=locale, translation_key=OuterRef("translation_key"))
    english = locale_for(SOURCE_LANGUAGE)
    if english is None:
        return []
    # By the locale's id: a searched queryset may only filter on indexed fields.
    queryset = Partner.objects.filter(locale=english, is_funding_partner=True).annotate(
        local_pk=Subquery(translation.values("pk")[:1]),
        local_name=Subquery(translation.values("name")[:1]),
    )
    fields = ("pk", "translation_key", "name", "acronym", "local_pk", "local_name")
    alias = backend_alias(SOURCE_LANGUAGE)

    def call(q):
        results = getattr(get_search_backend(alias), method)(q, queryset)[:limit]
        return _values(results, fields)

    words = _name_terms(query)
    if method == "search" and not _may_name_partners(words):
        # No partner's English name or acronym holds every word: none would be kept below.
        return []
    rows = []
    names_match = _names_matcher(words)
    for pk, key, name, acronym, local_pk, local_name in run(
        f"partner {method} by English name", call, query
    ):
        # Autocomplete reads names and acronyms only; a search reads the mandate and the
        # staff-only other names too, which must not find a partner here.
        if method == "search" and not names_match(f"{name} {acronym}"):
            continue
        translated = local_pk is not None
        rows.append(
            PartnerRow(
                pk=local_pk if translated else pk,
                translation_key=key,
                name=local_name if translated else name,
                aliases="",
                english_pk=pk,
                english_name=name,
                by_english_name=True,
                language=locale.language_code if translated else SOURCE_LANGUAGE,
                acronym=acronym,
            )
        )
    return rows


def merge_partners(found, by_english_name):
    """The partners found in the visitor's language, then those found only by their English
    name or acronym."""
    seen = {row.translation_key for row in found}
    return [*found, *(row for row in by_english_name if row.translation_key not in seen)]


def partner_text(partner):
    return " ".join(
        filter(
            None,
            (
                partner.name,
                partner.acronym,
                strip_tags(partner.mandate or ""),
                strip_tags(partner.development_strategy or ""),
            ),
        )
    )


def public_partners(rows, links, terms):
    """{id of the partner: profile address} of the `PartnerRow`s the directory shows, in
    order.

    A partner must be a translation (or the English row) of a funding partner of the English
    database; one matched only through its other names, which are staff-only, is dropped.
    """
    if not rows or not links.base_url:
        return {}
    rows = [row for row in rows if row.english_pk is not None]
    hidden = set()
    if terms:
        by_alias = [row.pk for row in rows if row.aliases and highlight.matches(row.aliases, terms)]
        if by_alias:
            # Their public text, read only for those (one query).
            for partner in Partner.objects.filter(pk__in=by_alias).only(
                "name", "acronym", "mandate", "development_strategy"
            ):
                if not highlight.matches(partner_text(partner), terms):
                    hidden.add(partner.pk)
    return {
        row.pk: links.url(row.english_pk, partner_slug(row.english_name))
        for row in rows
        if row.pk not in hidden
    }


def _selected(values, allowed):
    return [value for value in dict.fromkeys(values) if value in allowed]


def _opportunity_facets(results, ids, areas, statuses):
    """Filter the opportunities (ids in order) by the chosen areas and statuses, and count
    each facet's values on the results of the other facet (as the opportunity index does).
    The status is the one visitors read today (an open call is closed after its deadline).
    Their statuses and areas are read in one query. Returns the ids kept."""
    if not ids:
        return ids
    area_terms = load_terms(ThematicArea, results.language_code)
    page_areas, page_status = {}, {}
    day = today()
    for page_id, status, deadline, area_id in (
        OpportunityPage.objects.filter(pk__in=ids)
        .order_by()
        .values_list("pk", "status", "deadline", "thematic_areas__area_id")
    ):
        page_status[page_id] = OpportunityPage.status_on(status, deadline, day)
        if area_id is not None:
            page_areas.setdefault(page_id, set()).add(area_id)

    chosen_areas = {term.pk for term in area_terms if term.code in areas}
    chosen_statuses = set(statuses)

    def in_areas(pk):
        return not chosen_areas or bool(page_areas.get(pk, set()) & chosen_areas)

    def in_statuses(pk):
        return not chosen_statuses or page_status.get(pk) in chosen_statuses

    area_counts, status_counts = {}, {}
    for pk in ids:
        if in_statuses(pk):
            for area_id in page_areas.get(pk, ()):
                area_counts[area_id] = area_counts.get(area_id, 0) + 1
        if in_areas(pk):
            status = page_status.get(pk)
            status_counts[status] = status_counts.get(status, 0) + 1
    results.area_options = [
        FacetOption(term.code, term.name, area_counts.get(term.pk, 0), term.code in areas)
        for term in area_terms
        if area_counts.get(term.pk) or term.code in areas
    ]
    results.status_options = [
        FacetOption(value, str(label), status_counts.get(value, 0), value in statuses)
        for value, label in OpportunityPage.Status.choices
        if status_counts.get(value) or value in statuses
    ]
    return [pk for pk in ids if in_areas(pk) and in_statuses(pk)]


def search_site(query, language_code, request=None, *, areas=(), statuses=()):
    """The results of `query` (cleaned with `clean_query`) in `language_code`: all of them
    in one order of relevance, the editors' promotions first (`ranked`), the ids of each
    group in that order, the opportunity facets (`areas`: thematic-area codes, `statuses`:
    status values; unknown values are ignored), the partners' profile addresses and, when
    nothing is found, the closest spellings.

    Raises SearchUnavailable when the backend fails.
    """
    results = SearchResults(query=query, language_code=language_code, locale=None)
    results.terms = highlight_terms(query, language_code)
    if not plain_words(query):
        # Nothing a search engine could look for (empty, punctuation or emoji only).
        return results
    scope = SearchScope(language_code, request)
    results.scope = scope
    locale = results.locale = scope.locale
    if locale is None:
        return results
    if scope.public_q is None:
        # No live home page of this language on this site: nothing of it is public.
        return results

    def compute(results):
        _find(results, scope, query, language_code, areas, statuses)

    return cached_search(
        results,
        compute,
        request,
        query,
        language_code,
        sorted(set(areas)),
        sorted(set(statuses)),
    )


def _opportunity_types():
    """The content type ids of opportunity pages (the type and any subclass of it)."""
    models = [model for model in get_page_models() if issubclass(model, OpportunityPage)]
    return {
        content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()
    }


def _search_pages(scope, query, alias):
    """The opportunities ((id, title) in order) and the other pages ((id, content type id,
    title) in order) found, at most MAX_HITS of each.

    One query to the backend finds both (the same ranking: each found page's score is that of
    its index entry, whatever the model searched). Only when that query fills its limit, so
    that one group may have crowded out the other, is each group searched on its own."""
    locale = scope.locale
    pages = scope.public(Page.objects.filter(locale=locale))
    page_fields = ("pk", "content_type_id", "title")
    limit = 2 * MAX_HITS
    found = _search_values("Page pages", pages, query, alias, page_fields, limit=limit)
    if len(found) >= limit:
        opportunities = scope.public(OpportunityPage.objects.filter(locale=locale))
        return (
            _search_values(
                "OpportunityPage pages",
                opportunities,
                query,
                alias,
                ("pk", "title"),
                limit=MAX_HITS,
            ),
            _search_values(
                "Page pages",
                pages.not_type(OpportunityPage),
                query,
                alias,
                page_fields,
                limit=MAX_HITS,
            ),
        )
    opportunity_types = _opportunity_types()
    opportunities = [(pk, title) for pk, type_, title in found if type_ in opportunity_types]
    others = [row for row in found if row[1] not in opportunity_types][:MAX_HITS]
    return opportunities[:MAX_HITS], others


def _find(results, scope, query, language_code, areas, statuses):
    """What `search_site` finds, computed (see `cache` for when it is not)."""
    locale = scope.locale
    alias = backend_alias(language_code)
    promotions = promoted_pages(query, scope)
    promoted = {promotion.pk for promotion in promotions}

    opportunity_rows, page_rows = _search_pages(scope, query, alias)
    rows = opportunity_rows
    titles = dict(rows)
    facet_ids = [
        *(promotion.pk for promotion in promotions if promotion.type == OPPORTUNITY),
        *(pk for pk, _title in rows if pk not in promoted),
    ]
    statuses = _selected(statuses, set(OpportunityPage.Status.values))
    areas = list(dict.fromkeys(areas))
    results.ids[OPPORTUNITY] = _opportunity_facets(results, facet_ids, areas, statuses)

    rows = page_rows
    results.ids[PAGE] = [promotion.pk for promotion in promotions if promotion.type == PAGE]
    results.ids[PAGE] += [pk for pk, _type, _title in rows if pk not in promoted]
    results.page_types = {pk: content_type for pk, content_type, _title in rows}
    results.page_types.update({promotion.pk: promotion.content_type_id for promotion in promotions})
    titles.update((pk, title) for pk, _type, title in rows)

    links = scope.profile_links
    partners = []
    if links.base_url:
        partners = search_partners("search", locale, query, alias)
        if language_code != SOURCE_LANGUAGE:
            partners = merge_partners(partners, search_partners_by_english_name(locale, query))
    results.partner_urls = public_partners(partners, links, results.terms)
    results.partner_languages = {row.pk: row.language or language_code for row in partners}
    results.ids[PARTNER] = [row.pk for row in partners if row.pk in results.partner_urls]

    candidates = [
        Candidate(kind, pk, position, (titles.get(pk, ""),), language_code)
        for kind in (OPPORTUNITY, PAGE)
        for position, pk in enumerate(pk for pk in results.ids[kind] if pk not in promoted)
    ]
    shown = [row for row in partners if row.pk in results.partner_urls]
    candidates += [
        Candidate(
            PARTNER,
            row.pk,
            position,
            (row.english_name, row.acronym)
            if row.by_english_name
            else (row.name, row.acronym, row.aliases),
            SOURCE_LANGUAGE if row.by_english_name else language_code,
        )
        for position, row in enumerate(shown)
    ]
    pinned = [
        (promotion.type, promotion.pk)
        for promotion in promotions
        if promotion.pk in results.ids[promotion.type]
    ]
    order, results.scores = rank(candidates, query, language_code, TYPES)
    results.set_order(pinned + order)
    results.promotions = {
        (promotion.type, promotion.pk): promotion.description
        for promotion in promotions
        if (promotion.type, promotion.pk) in pinned
    }
    if not results.total and not (areas or statuses):
        results.spellings = closest_spellings(query, scope)
    return results
