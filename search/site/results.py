"""What a search finds: the results in one order (`ranked`, see `ranking` and `promotions`),
grouped by type, their facets and the results shown."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

__all__ = [
    "GROUP_SIZE",
    "MAX_HITS",
    "OPPORTUNITY",
    "PAGE",
    "PARTNER",
    "TYPES",
    "TYPE_LABELS",
    "TYPE_NAMES",
    "FacetOption",
    "Hit",
    "SearchResults",
]

MAX_HITS = 500
GROUP_SIZE = 5

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
    # The language of the title and snippet: the visitor's, or English for a record not
    # translated into it (`fallback_language` is then English, and the page says so).
    language: str = ""
    fallback_language: str | None = None
    # Pinned by editors for the query (search promotions), shown first and marked.
    recommended: bool = False


@dataclass(frozen=True)
class FacetOption:
    """A value of a facet with the number of results it gives."""

    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    """What a query found in a language: every result in one order (`ranked`: (type, id),
    the editors' promotions first, then the best match first), the ids of each group in that
    order (after the facets), the facets with their counts, and what is needed to load and
    mark the results (`page_types`: {id of a page result: its content type id}; `scope`:
    what the search read of the site, see `search.site.scope.SearchScope`); with no result,
    the closest spellings of the query (`spellings`, see `spelling`)."""

    query: str
    language_code: str
    locale: Locale | None
    ids: dict = field(default_factory=lambda: {kind: [] for kind in TYPES})
    partner_urls: dict = field(default_factory=dict)
    # {id of a partner result: the language it is shown in}
    partner_languages: dict = field(default_factory=dict)
    area_options: list = field(default_factory=list)
    status_options: list = field(default_factory=list)
    terms: object = None
    page_types: dict = field(default_factory=dict)
    scope: object = field(default=None, repr=False, compare=False)
    ranked: list = field(default_factory=list)
    # {(type, id): score of the ranking}
    scores: dict = field(default_factory=dict)
    # {(type, id) of a promoted result: the editor's description}
    promotions: dict = field(default_factory=dict)
    spellings: list = field(default_factory=list)

    def set_order(self, ranked):
        """Put the results in the order `ranked` ((type, id) of every result), each group's
        ids too."""
        self.ranked = list(ranked)
        self.ids = {kind: [pk for kind_, pk in self.ranked if kind_ == kind] for kind in TYPES}

    @property
    def counts(self):
        return {kind: len(self.ids[kind]) for kind in TYPES}

    @property
    def total(self):
        return sum(self.counts.values())

    def flat(self, types=TYPES):
        """(type, id) of every result of `types`, in the one order of relevance."""
        return [(kind, pk) for kind, pk in self.ranked if kind in types]

    @property
    def best_type(self):
        """The type of the best match (the first result), or None."""
        return self.ranked[0][0] if self.ranked else None

    def group_order(self):
        """The types that have results, the group of the best match first, then by the
        rank of each group's best result."""
        first = {}
        for kind, _pk in self.ranked:
            first.setdefault(kind, len(first))
        return sorted(
            (kind for kind in TYPES if self.ids[kind]), key=lambda kind: first.get(kind, 99)
        )
