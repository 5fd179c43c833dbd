"""What a search finds: the groups of results, their facets and the results shown."""

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
    the facets with their counts, and what is needed to load and mark the results
    (`page_types`: {id of a page result: its content type id}; `scope`: what the search read
    of the site, see `search.site.scope.SearchScope`)."""

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

    @property
    def counts(self):
        return {kind: len(self.ids[kind]) for kind in TYPES}

    @property
    def total(self):
        return sum(self.counts.values())

    def flat(self, types=TYPES):
        """(type, id) of every result of `types`, group after group."""
        return [(kind, pk) for kind in types for pk in self.ids[kind]]
