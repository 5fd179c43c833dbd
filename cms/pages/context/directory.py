"""What the partner directory shows: filters with their counts, the letter index and a page
of partner cards.

The directory is browsed with plain links and a GET form, so that every state (filters,
letter, name, sort order, page) is an address that can be shared and works without
JavaScript. Filter values are the stable codes of the terms, the same in every language.
"""

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject

from cms.core import chrome
from cms.core.page_cache import cached_value, depends_on
from cms.core.pagination import page_links
from cms.snippets.models import (
    BeneficiaryRegion,
    Partner,
    PartnerKind,
    PartnerRegion,
    PartnerThematicArea,
    ThematicArea,
)
from search.analysis import SOURCE_LANGUAGE, index_terms, read_query
from search.backends.base import SEARCH_INDEX_TAG
from search.synonyms import SYNONYMS_TAG

from ..models import PartnerDirectoryPage
from ..public_records import (
    ProfileLinks,
    Vocabularies,
    funding_partners,
    load_public_partners,
    name_initial,
)
from .directory_engine import engine_name_matches
from .registry import builds

__all__ = ["PAGE_SIZE", "DirectoryFilters", "FacetOption", "Letter", "directory_context"]

PAGE_SIZE = 24
MAX_QUERY_LENGTH = 100
# Languages whose names have no alphabet to file them under: no letter index there (the
# name filter still works).
LANGUAGES_WITHOUT_ALPHABET = {"zh-hans"}


def _fold(text):
    """Text compared without case or accents, so that "societe" finds "Société"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class _Entry:
    """A funding partner as the filters see it."""

    pk: int
    name: str
    kind_id: int
    areas: frozenset
    regions: frozenset
    initial: str
    sort_key: str
    search_text: str
    # The search terms of its names (see `_name_terms`), only read when there is a query.
    terms: frozenset = frozenset()


@dataclass(frozen=True)
class FacetOption:
    """One value of a filter, with the number of partners it would give."""

    code: str
    name: str
    language: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Letter:
    """A letter of the index, with its number of partners (0: shown but not a link)."""

    letter: str
    count: int
    selected: bool


@lru_cache(maxsize=8192)
def _name_terms(language_code, name, acronym, english_name, english_acronym):
    """The words of a partner's names as the search analysis reads them (normalised and
    stemmed): its name and acronym in the visitor's language, and its English ones.

    Kept between requests: the result depends on these strings alone, so an edited name is
    simply another key (the directory would otherwise analyse every partner's names on every
    request with a name query)."""
    terms = set(index_terms(f"{name} {acronym}", language_code))
    terms.update(index_terms(f"{english_name} {english_acronym}", SOURCE_LANGUAGE))
    return frozenset(terms)


@dataclass(frozen=True)
class NameQuery:
    """What the visitor typed in the name box, ready to compare with a partner's names: as
    folded text (found inside a name: "banq" finds "Banque") and as the search reads it in the
    visitor's language and in English (every word found, whatever its inflection, or one of
    its other forms: "фонды" finds "Фонд", "banks" finds "Bank", "البنك" finds "المصرف" by the
    editors' synonyms, "cyber security" finds "cybersecurity"; search.analysis.read_query).

    With a search engine, the engine reads the words instead (`directory_engine`): the
    partners it found are `engine_matches`, and the names are not analysed here."""

    text: str
    folded: str
    local_terms: object
    english_terms: object
    engine_matches: frozenset | None = None

    @classmethod
    def read(cls, text, language_code, engine_matches=None):
        if engine_matches is not None:
            return cls(
                text=text,
                folded=_fold(text),
                local_terms=None,
                english_terms=None,
                engine_matches=engine_matches,
            )
        return cls(
            text=text,
            folded=_fold(text),
            local_terms=read_query(text, language_code, prefix=False),
            english_terms=read_query(text, SOURCE_LANGUAGE, prefix=False),
        )

    def __bool__(self):
        return bool(self.text)

    def __str__(self):
        return self.text

    def matches(self, entry):
        if self.folded in entry.search_text:
            return True
        if self.engine_matches is not None:
            return entry.pk in self.engine_matches
        return any(
            reading and reading.matches(entry.terms)
            for reading in (self.local_terms, self.english_terms)
        )


@dataclass
class DirectoryFilters:
    """The visitor's choices, read from the address; unknown values are ignored."""

    kind: int | None = None
    area: int | None = None
    region: int | None = None
    letter: str = ""
    query: str = ""
    sort: str = "name"
    language_code: str = SOURCE_LANGUAGE
    # The entries the search engine found by name, when it read the name box.
    engine_matches: frozenset | None = None

    @property
    def active(self):
        return bool(self.kind or self.area or self.region or self.letter or self.query)

    @cached_property
    def name_query(self):
        """The name box as a `NameQuery`, read once."""
        return NameQuery.read(self.query, self.language_code, self.engine_matches)

    @classmethod
    def from_request(cls, params, kinds, areas, regions, language_code=SOURCE_LANGUAGE):
        def term_pk(terms, name):
            term = terms.by_code.get(params.get(name, "").strip())
            return term.pk if term else None

        letter = params.get("letter", "").strip()
        return cls(
            kind=term_pk(kinds, "kind"),
            area=term_pk(areas, "area"),
            region=term_pk(regions, "region"),
            letter=letter.upper() if len(letter) == 1 else "",
            query=" ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH],
            sort="-name" if params.get("sort") == "-name" else "name",
            language_code=language_code,
        )

    def matches(self, entry, ignore=None):
        """Whether a partner passes every filter but `ignore` (the facet being counted)."""
        if ignore != "kind" and self.kind and entry.kind_id != self.kind:
            return False
        if ignore != "area" and self.area and self.area not in entry.areas:
            return False
        if ignore != "region" and self.region and self.region not in entry.regions:
            return False
        if ignore != "letter" and self.letter and entry.initial != self.letter:
            return False
        return not self.query or self.name_query.matches(entry)


def _entries(language_code, with_terms=False):
    """Every funding partner, with what the filters need: from the shared cache per language
    until a partner changes (`data:partners`: names, kinds, areas, regions), else read in
    four queries and folded once; with the search terms of their names when `with_terms`
    (a name was typed)."""
    return cached_value(
        f"directory:entries:{language_code}:{int(with_terms)}",
        ["data:partners"],
        lambda: _read_entries(language_code, with_terms),
    )


def _read_entries(language_code, with_terms):
    partners = funding_partners()
    names = {
        key: (name, acronym)
        for key, name, acronym in Partner.objects.filter(
            locale__language_code=language_code,
            translation_key__in=partners.values("translation_key"),
        ).values_list("translation_key", "name", "acronym")
    }
    areas, regions = {}, {}
    for partner_id, area_id in PartnerThematicArea.objects.filter(partner__in=partners).values_list(
        "partner_id", "area_id"
    ):
        areas.setdefault(partner_id, set()).add(area_id)
    for partner_id, region_id in PartnerRegion.objects.filter(partner__in=partners).values_list(
        "partner_id", "region_id"
    ):
        regions.setdefault(partner_id, set()).add(region_id)
    entries = []
    for pk, key, english_name, acronym, kind_id in partners.values_list(
        "pk", "translation_key", "name", "acronym", "kind_id"
    ):
        name, local_acronym = names.get(key, (english_name, acronym))
        entries.append(
            _Entry(
                pk=pk,
                name=name,
                kind_id=kind_id,
                areas=frozenset(areas.get(pk, ())),
                regions=frozenset(regions.get(pk, ())),
                initial=name_initial(name),
                sort_key=_fold(name),
                # The English name and acronym find a partner in every language, beside its
                # name and acronym in the visitor's.
                search_text=" ".join(
                    _fold(text) for text in (name, local_acronym, english_name, acronym)
                ),
                terms=(
                    _name_terms(language_code, name, local_acronym, english_name, acronym)
                    if with_terms
                    else frozenset()
                ),
            )
        )
    return entries


def _options(terms, counts, selected):
    return [
        FacetOption(
            code=term.code,
            name=term.name,
            language=term.language,
            count=counts.get(term.pk, 0),
            selected=term.pk == selected,
        )
        for term in terms
    ]


def _page_url(params):
    """The address of a page of the directory, keeping its filters."""

    def url(number):
        query = params.copy()
        query["page"] = number
        return "?" + query.urlencode()

    return url


@builds(PartnerDirectoryPage, "directory")
def directory_context(page, request):
    """The directory of funding partners: filters with their counts, the letter index, and
    one page of partner cards. The same number of queries for 3 or 3,000 partners."""
    language = chrome.prime_locale(request, page).locale.language_code
    vocabularies = Vocabularies(language)
    kinds = vocabularies[PartnerKind]
    areas = vocabularies[ThematicArea]
    regions = vocabularies[BeneficiaryRegion]
    filters = DirectoryFilters.from_request(request.GET, kinds, areas, regions, language)
    if filters.query:
        depends_on(request, SYNONYMS_TAG)  # a name typed is read with the editors' synonyms
        filters.engine_matches = engine_name_matches(filters.query, language)
        if filters.engine_matches is not None:
            depends_on(request, SEARCH_INDEX_TAG)  # what the engine holds of the names

    # The names' search terms are needed only when the directory reads the name box itself.
    entries = _entries(language, with_terms=bool(filters.query) and filters.engine_matches is None)
    kind_counts = Counter(e.kind_id for e in entries if filters.matches(e, ignore="kind"))
    area_counts = Counter(
        area for e in entries if filters.matches(e, ignore="area") for area in e.areas
    )
    region_counts = Counter(
        region for e in entries if filters.matches(e, ignore="region") for region in e.regions
    )
    letter_counts = Counter(e.initial for e in entries if filters.matches(e, ignore="letter"))

    results = sorted(
        (e for e in entries if filters.matches(e)),
        key=lambda e: (e.sort_key, e.pk),
        reverse=filters.sort == "-name",
    )
    paginator = Paginator(results, PAGE_SIZE)
    page_of_results = paginator.get_page(request.GET.get("page"))
    # Read only when the page of partner cards is not in the shared cache already
    # (`{% shared_fragment %}` in the template).
    partners = SimpleLazyObject(
        lambda: load_public_partners(
            [entry.pk for entry in page_of_results],
            language,
            ProfileLinks(page, request),
            vocabularies,
        )
    )
    # What the filters and the cards depend on in the address; a name typed is not kept.
    filters_key = (
        None
        if filters.query
        else f"{filters.kind}|{filters.area}|{filters.region}|{filters.letter}|{filters.sort}"
    )

    letters = []
    if language not in LANGUAGES_WITHOUT_ALPHABET:
        letters = [
            Letter(
                letter=letter, count=letter_counts.get(letter, 0), selected=letter == filters.letter
            )
            for letter in sorted({e.initial for e in entries}, key=_fold)
        ]
    return {
        "filters_key": filters_key,
        "results_key": None if filters_key is None else f"{filters_key}|{page_of_results.number}",
        "filters": filters,
        "kind_options": _options(kinds, kind_counts, filters.kind),
        "area_options": _options(areas, area_counts, filters.area),
        "region_options": _options(regions, region_counts, filters.region),
        "letters": letters,
        "partners": partners,
        "pagination": page_links(paginator, page_of_results, _page_url(request.GET)),
        "result_count": paginator.count,
        "total_count": len(entries),
    }
