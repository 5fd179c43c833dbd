"""The public site search: what a visitor finds, in their language, for a query.

One package serves the search page, its suggestions and the JSON API, so that they always
agree. A query is cleaned (control characters dropped, cut to MAX_QUERY_LENGTH characters)
and sent to the search backend of the visitor's language (`backend_for`, looked up here so
that it can be replaced in one place); results come in three groups:

- **opportunities**: live, public opportunity pages of the visitor's language, with two
  facets (thematic area and status) counted on the results;
- **partners**: the funding partners of the partner directory, found by their record in the
  visitor's language (name, acronym, mandate), linked to their profile in the directory of
  that language (no directory, no partner results);
- **pages**: the other live, public pages of the visitor's language.

Whatever the backend says, a result is shown only if the site's own rule of public pages
(live, outside any view restriction, under the live home page of its language: see
`cms.core.visibility`) or of public partners (`funding_partners`) admits it: the rule is
part of every query sent to the backend (`scope`). A partner matched only through
staff-only text (its other names) is left out.

Each group keeps at most MAX_HITS results. The number of queries does not grow with the
number of results: a few per search, whatever their number.

Modules: `query` (cleaning, words to mark), `scope` (what a search reads of the site, once),
`engine` (searching each group, facets), `results` (what is found), `hits` (loading what is
shown), `suggest` (suggestions as the visitor types).
"""

from ..backends import backend_for
from .engine import search_site
from .hits import load_hits
from .query import (
    MAX_QUERY_LENGTH,
    SearchUnavailable,
    clean_query,
    highlight_terms,
    plain_words,
)
from .results import (
    GROUP_SIZE,
    MAX_HITS,
    OPPORTUNITY,
    PAGE,
    PARTNER,
    TYPE_LABELS,
    TYPE_NAMES,
    TYPES,
    FacetOption,
    Hit,
    SearchResults,
)
from .suggest import MIN_SUGGEST_LENGTH, SUGGESTION_LIMIT, suggest

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
    "backend_for",
    "clean_query",
    "highlight_terms",
    "load_hits",
    "plain_words",
    "search_site",
    "suggest",
]
