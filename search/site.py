"""The public site search: what a visitor finds, in their language, for a query.

One module serves the search page, its suggestions and the JSON API, so that they always
agree. A query is cleaned (control characters dropped, cut to MAX_QUERY_LENGTH characters)
and sent to the search backend of the visitor's language (`search.backends.backend_for`);
results come in three groups:

- **opportunities**: live, public opportunity pages of the visitor's language, with two
  facets (thematic area and status) counted on the results;
- **partners**: the funding partners of the partner directory, found by their record in the
  visitor's language (name, acronym, mandate), linked to their profile in the directory of
  that language (no directory, no partner results);
- **pages**: the other live, public pages of the visitor's language.

Whatever the backend says, a result is shown only if the site's own rule of public pages
(live, outside any view restriction, under the live home page of its language: see
`cms.core.seo.visibility`) or of public partners (`funding_partners`) admits it. A partner
matched only through staff-only text (its other names) is left out.

Each group keeps at most MAX_HITS results. The number of queries does not grow with the
number of results: a few per group, whatever their size.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from cms.core.seo.visibility import live_homes, public_pages, site_for_request
from cms.pages.directory_views import ProfileLinks, funding_partners, load_terms, partner_slug
from cms.pages.models import OpportunityPage, OpportunityThematicArea
from cms.snippets.models import Partner, PartnerKind, ThematicArea

from . import highlight
from .backends import backend_for

try:  # The language analysis of the search backends, when it is installed.
    from .analysis import query_terms as analysed_terms
except ImportError:  # pragma: no cover - the highlighter then uses the query's words only
    analysed_terms = None

__all__ = [
    "GROUP_SIZE",
    "MAX_HITS",
    "MAX_QUERY_LENGTH",
    "MIN_SUGGEST_LENGTH",
    "OPPORTUNITY",
    "PAGE",
    "PARTNER",
    "SUGGESTION_LIMIT",
    "TYPES",
    "TYPE_LABELS",
    "TYPE_NAMES",
    "FacetOption",
    "Hit",
    "SearchResults",
    "SearchUnavailable",
    "clean_query",
    "highlight_terms",
    "load_hits",
    "search_site",
    "suggest",
]

logger = logging.getLogger("search")

MAX_QUERY_LENGTH = 200
MAX_HITS = 500
GROUP_SIZE = 5
SUGGESTION_LIMIT = 8
MIN_SUGGEST_LENGTH = 2

OPPORTUNITY, PARTNER, PAGE = "opportunity", "partner", "page"
TYPES = (OPPORTUNITY, PARTNER, PAGE)
TYPE_LABELS = {
    OPPORTUNITY: _("Opportunities"),
    PARTNER: _("Partners"),
    PAGE: _("Pages"),
}
# What one result is, beside a suggestion.
TYPE_NAMES = {
    OPPORTUNITY: _("Opportunity"),
    PARTNER: _("Partner"),
    PAGE: _("Page"),
}

SPACE_RE = re.compile(r"\s+")
WORD_RE = re.compile(r"[^\W_]+")


class SearchUnavailable(Exception):
    """The search backend failed; the visitor is asked to try again later."""


def clean_query(raw):
    """The query a visitor typed, made safe: Unicode-normalized, control and formatting
    characters dropped, white space collapsed, cut to MAX_QUERY_LENGTH characters."""
    text = str(raw or "")[: MAX_QUERY_LENGTH * 4]
    text = unicodedata.normalize("NFKC", text)
    kept = []
    for character in text:
        category = unicodedata.category(character)
        if category == "Cc":
            kept.append(" ")
        elif category[0] != "C":
            kept.append(character)
    text = SPACE_RE.sub(" ", "".join(kept)).strip()
    return text[:MAX_QUERY_LENGTH].strip()


def plain_words(query):
    """The words of a query, without operators, quotes or punctuation."""
    return WORD_RE.findall(query)


def highlight_terms(query, language_code):
    """The strings to mark in results: the query's words and, with the language analysis,
    the forms the backend searched for (stems, pairs of Chinese characters)."""
    terms = plain_words(query)
    if analysed_terms is not None:
        terms += analysed_terms(query, language_code)
    return highlight.prepare_terms(terms)


# --- Results -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One result as a visitor sees it: its title and snippet with the query's words marked,
    its address and its type; `details` are short labels (status, kind) shown beside it."""

    type: str
    pk: int
    title: str
    url: str
    title_html: str = ""
    snippet_html: str = ""
    details: tuple = ()


@dataclass(frozen=True)
class FacetOption:
    """A value of a facet with the number of results it gives."""

    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    """What a query found in a language: the ordered ids of each group (after the facets),
    the facets with their counts, and what is needed to load and mark the results."""

    query: str
    language_code: str
    locale: Locale | None
    ids: dict = field(default_factory=lambda: {kind: [] for kind in TYPES})
    partner_urls: dict = field(default_factory=dict)
    area_options: list = field(default_factory=list)
    status_options: list = field(default_factory=list)
    terms: object = None

    @property
    def counts(self):
        return {kind: len(self.ids[kind]) for kind in TYPES}

    @property
    def total(self):
        return sum(self.counts.values())

    def flat(self, types=TYPES):
        """(type, id) of every result of `types`, group after group."""
        return [(kind, pk) for kind in types for pk in self.ids[kind]]


def _locale(language_code):
    return Locale.objects.filter(language_code=language_code).first()


def _run(description, call, query):
    """`call(query)` inside a savepoint (a database error must not break the request's
    transaction); retried once with the query's bare words, which no backend can misread
    (operators, quotes and signs dropped). Raises SearchUnavailable when both fail."""
    attempts = [query]
    words = " ".join(plain_words(query))
    if words and words != query:
        attempts.append(words)
    error = None
    for attempt in attempts:
        try:
            with transaction.atomic():
                return call(attempt)
        except Exception as exc:  # noqa: BLE001 - any backend failure must reach the visitor as a message
            error = exc
            logger.warning("Search of %s failed for %r: %s", description, attempt, exc)
    logger.error("Search of %s is unavailable", description, exc_info=error)
    raise SearchUnavailable(str(error))


def _page_ids(queryset, query, alias, limit=MAX_HITS):
    def call(q):
        return [page.pk for page in queryset.search(q, backend=alias)[:limit]]

    return _run(f"{queryset.model.__name__} pages", call, query)


def _partner_hits(locale, query, alias, limit=MAX_HITS):
    backend = get_search_backend(alias)
    queryset = Partner.objects.filter(locale=locale, is_funding_partner=True)

    def call(q):
        return list(backend.search(q, queryset)[:limit])

    return _run("partners", call, query)


def _public_order(ids, queryset):
    """`ids` that `queryset` admits, in their order (one query)."""
    if not ids:
        return []
    allowed = set(queryset.filter(pk__in=ids).values_list("pk", flat=True))
    return [pk for pk in ids if pk in allowed]


def _partner_text(partner):
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


def _public_partners(hits, language_code, links, terms):
    """{id of the hit: profile address} of the partner hits the directory shows, in order.

    A hit must be a translation (or the English row) of a funding partner of the English
    database; a hit matched only through its other names, which are staff-only, is dropped.
    """
    if not hits or not links.base_url:
        return {}
    keys = {hit.translation_key for hit in hits}
    english = {
        row["translation_key"]: row
        for row in funding_partners()
        .filter(translation_key__in=keys)
        .values("pk", "name", "translation_key")
    }
    urls = {}
    for hit in hits:
        row = english.get(hit.translation_key)
        if row is None:
            continue
        if (
            terms
            and hit.aliases
            and highlight.matches(hit.aliases, terms)
            and not highlight.matches(_partner_text(hit), terms)
        ):
            continue
        urls[hit.pk] = links.url(row["pk"], partner_slug(row["name"]))
    return urls


def _selected(values, allowed):
    return [value for value in dict.fromkeys(values) if value in allowed]


def _opportunity_facets(results, ids, areas, statuses):
    """Filter the opportunity ids by the chosen areas and statuses, and count each facet's
    values on the results of the other facet (as the opportunity index does)."""
    if not ids:
        return ids
    language = results.language_code
    area_terms = load_terms(ThematicArea, language)
    page_areas = {}
    for page_id, area_id in OpportunityThematicArea.objects.filter(page_id__in=ids).values_list(
        "page_id", "area_id"
    ):
        page_areas.setdefault(page_id, set()).add(area_id)
    page_status = dict(OpportunityPage.objects.filter(pk__in=ids).values_list("pk", "status"))

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
    """The results of `query` (cleaned with `clean_query`) in `language_code`: the ordered
    ids of each group, the opportunity facets (`areas`: thematic-area codes, `statuses`:
    status values; unknown values are ignored) and the partners' profile addresses.

    Raises SearchUnavailable when the backend fails.
    """
    results = SearchResults(query=query, language_code=language_code, locale=None)
    results.terms = highlight_terms(query, language_code)
    if not plain_words(query):
        # Nothing a search engine could look for (empty, punctuation or emoji only).
        return results
    locale = _locale(language_code)
    results.locale = locale
    if locale is None:
        return results
    alias = backend_for(language_code)
    homes = live_homes(site_for_request(request))
    public = public_pages(homes, language_code)
    pages = Page.objects.live().public().filter(locale=locale)

    opportunity_ids = _page_ids(
        OpportunityPage.objects.live().public().filter(locale=locale), query, alias
    )
    opportunity_ids = _public_order(opportunity_ids, public)
    statuses = _selected(statuses, set(OpportunityPage.Status.values))
    areas = list(dict.fromkeys(areas))
    results.ids[OPPORTUNITY] = _opportunity_facets(results, opportunity_ids, areas, statuses)

    page_ids = _page_ids(pages.not_type(OpportunityPage), query, alias)
    results.ids[PAGE] = _public_order(page_ids, public)

    links = ProfileLinks.for_language(language_code, request)
    partner_hits = _partner_hits(locale, query, alias) if links.base_url else []
    results.partner_urls = _public_partners(partner_hits, language_code, links, results.terms)
    results.ids[PARTNER] = [hit.pk for hit in partner_hits if hit.pk in results.partner_urls]
    return results


# --- Loading what is shown ---------------------------------------------------------------


def _stream_text(stream):
    """The readable text of a body of blocks (headings, paragraphs, captions)."""
    parts = []
    for block in getattr(stream, "raw_data", None) or ():
        value = block.get("value") if isinstance(block, dict) else None
        if isinstance(value, str):
            parts.append(strip_tags(value))
        elif isinstance(value, dict):
            parts.extend(
                strip_tags(value[key])
                for key in ("title", "text", "caption")
                if isinstance(value.get(key), str)
            )
    return " ".join(parts)


def _page_text(page):
    parts = [getattr(page, "introduction", "") or page.search_description or ""]
    for name in ("objectives", "expected_results"):
        parts.append(strip_tags(getattr(page, name, "") or ""))
    if hasattr(page, "body"):
        parts.append(_stream_text(page.body))
    return " ".join(part for part in parts if part)


def _page_hits(ids, kind, request, terms):
    if not ids:
        return {}
    hits = {}
    for page in Page.objects.filter(pk__in=ids).live().public().specific():
        url = page.get_url(request)
        if not url:
            continue
        details = ()
        if isinstance(page, OpportunityPage):
            details = (page.get_kind_display(), page.get_status_display())
        hits[page.pk] = Hit(
            type=kind,
            pk=page.pk,
            title=page.title,
            url=url,
            title_html=highlight.highlight(page.title, terms),
            snippet_html=highlight.snippet(_page_text(page), terms),
            details=details,
        )
    return hits


def _partner_records(ids, results, terms):
    if not ids:
        return {}
    kinds = load_terms(PartnerKind, results.language_code)
    hits = {}
    for partner in Partner.objects.filter(pk__in=ids).defer("internal_notes", "aliases"):
        title = partner.name
        if partner.acronym and partner.acronym.casefold() not in title.casefold():
            title = f"{title} ({partner.acronym})"
        kind = kinds.get(partner.kind_id)
        hits[partner.pk] = Hit(
            type=PARTNER,
            pk=partner.pk,
            title=title,
            url=results.partner_urls[partner.pk],
            title_html=highlight.highlight(title, terms),
            snippet_html=highlight.snippet(
                strip_tags(partner.mandate or partner.development_strategy or ""), terms
            ),
            details=(kind.name,) if kind else (),
        )
    return hits


def load_hits(results, selection, request=None):
    """The `Hit`s of `selection` (a list of (type, id), e.g. a slice of `results.flat()`),
    in its order: a fixed number of queries whatever its length."""
    by_type = {kind: [pk for kind_, pk in selection if kind_ == kind] for kind in TYPES}
    terms = results.terms
    loaded = {
        OPPORTUNITY: _page_hits(by_type[OPPORTUNITY], OPPORTUNITY, request, terms),
        PAGE: _page_hits(by_type[PAGE], PAGE, request, terms),
        PARTNER: _partner_records(by_type[PARTNER], results, terms),
    }
    return [loaded[kind][pk] for kind, pk in selection if pk in loaded[kind]]


# --- Suggestions -------------------------------------------------------------------------


def suggest(query, language_code, request=None, limit=SUGGESTION_LIMIT):
    """Up to `limit` titles that begin with what the visitor is typing, with their address
    and type: opportunities, then partners, then other pages. Raises SearchUnavailable."""
    if len(query) < MIN_SUGGEST_LENGTH or not plain_words(query):
        return []
    locale = _locale(language_code)
    if locale is None:
        return []
    alias = backend_for(language_code)
    homes = live_homes(site_for_request(request))
    public = public_pages(homes, language_code)
    queryset = Page.objects.live().public().filter(locale=locale)

    def pages_call(q):
        return list(queryset.autocomplete(q, backend=alias)[: limit * 2])

    pages = _run("page suggestions", pages_call, query)
    allowed = set(public.filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True))
    opportunity_type = ContentType.objects.get_for_model(OpportunityPage).pk
    suggestions = {OPPORTUNITY: [], PAGE: [], PARTNER: []}
    for page in pages:
        if page.pk not in allowed:
            continue
        url = page.get_url(request)
        if url:
            kind = OPPORTUNITY if page.content_type_id == opportunity_type else PAGE
            suggestions[kind].append({"title": page.title, "url": url, "type": kind})

    links = ProfileLinks.for_language(language_code, request)
    if links.base_url:
        backend = get_search_backend(alias)
        partners = Partner.objects.filter(locale=locale, is_funding_partner=True)

        def partners_call(q):
            return list(backend.autocomplete(q, partners)[:limit])

        hits = _run("partner suggestions", partners_call, query)
        urls = _public_partners(hits, language_code, links, None)
        suggestions[PARTNER] = [
            {"title": hit.name, "url": urls[hit.pk], "type": PARTNER}
            for hit in hits
            if hit.pk in urls
        ]
    return _share(suggestions, limit)


def _share(groups, limit):
    """At most `limit` items of `groups` ({type: items}), taken in turn from each type so
    that one type cannot crowd out the others, listed type after type."""
    taken = dict.fromkeys(TYPES, 0)
    remaining = limit
    while remaining > 0 and any(taken[kind] < len(groups[kind]) for kind in TYPES):
        for kind in TYPES:
            if remaining > 0 and taken[kind] < len(groups[kind]):
                taken[kind] += 1
                remaining -= 1
    return [item for kind in TYPES for item in groups[kind][: taken[kind]]]
