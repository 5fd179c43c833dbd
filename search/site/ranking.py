"""One order for the results of the three groups (opportunities, partners, pages).

Each group is one query to the backend of the visitor's language, and the scores of three
queries are not comparable: BM25 on SQLite, ts_rank on PostgreSQL and Lucene's score on
Elasticsearch/OpenSearch each depend on the documents of the query's own model (a word
rare among pages is common among opportunities). So the merge does not read them. Every
hit gets a score computed here, in the same way whatever the backend, from what it is
known to hold:

1. **exact title** (1,000 points): the title, or a partner's name, acronym or one of its
   other names, *is* the query once both are read by the language's analysis (case,
   accents, the Arabic article, inflections and, in Chinese, pairs of characters do not
   matter);
2. **title coverage** (up to 10 points): the share of the query's words found in the title
   (for a partner: its name, acronym and other names), each word weighing by how much it
   says: a stop word of the language ("how", "to", "de") counts a quarter of another;
3. **title precision** (up to 2 points, only with some coverage): the share of the title's
   words that the query holds, so that "How to partner with us" ranks above a long title
   that merely contains the same words;
4. **rank in its group** (at most 1 point): 1 / (1 + position) of the hit in its own
   group's answer, the only part of the backend's relevance that is comparable across
   queries (a reciprocal-rank fusion). The body matches of the three groups then take
   turns, best first.

So any title match outranks every body-only match, an exact title comes before everything
but the editors' promotions (`promotions`), and ties keep the order opportunities,
partners, pages. The titles are read with the ids the groups' queries already return: the
order costs no query.
"""

from dataclasses import dataclass
from functools import lru_cache

from cms.finder.text import stop_words

from ..analysis import analyze, normalize_language, tokenize

__all__ = [
    "EXACT_WEIGHT",
    "PRECISION_WEIGHT",
    "STOP_WORD_WEIGHT",
    "TITLE_WEIGHT",
    "Candidate",
    "QueryWords",
    "rank",
    "score",
]

EXACT_WEIGHT = 1000.0
TITLE_WEIGHT = 10.0
PRECISION_WEIGHT = 2.0
STOP_WORD_WEIGHT = 0.25


@dataclass(frozen=True)
class Candidate:
    """A hit before ordering: its type and id, its position in its group's answer, the
    texts that count as its title (a partner: name, acronym, other names) and the language
    they are read in."""

    type: str
    pk: int
    position: int
    titles: tuple
    language: str


class QueryWords:
    """The query read in one language: its terms in order, each with its weight."""

    def __init__(self, query, language_code):
        language_code = normalize_language(language_code)
        self.terms = tuple(analyze(query, language_code))
        stops = stop_words(language_code)
        weights = {}
        # `analyze` stems the words of `tokenize` one for one.
        for word, term in zip(tokenize(query, language_code), self.terms, strict=True):
            weight = STOP_WORD_WEIGHT if word in stops else 1.0
            weights[term] = max(weights.get(term, 0.0), weight)
        # A query of stop words only is still looked for: they count fully then.
        if weights and max(weights.values()) < 1.0:
            weights = dict.fromkeys(weights, 1.0)
        self.weights = weights
        self.total = sum(weights.values())


@lru_cache(maxsize=50_000)
def _title_terms(title, language_code):
    """The analysed terms of a title, each line's in order (a partner's other names are one
    a line) and all of them as a set; kept, since the same titles come back search after
    search."""
    lines = tuple(
        terms
        for line in str(title or "").splitlines()
        if (terms := tuple(analyze(line, language_code)))
    )
    return lines, frozenset(term for terms in lines for term in terms)


def score(candidate, query_words):
    """The candidate's score for the query (see the module's description)."""
    words = query_words[candidate.language]
    exact = coverage = precision = 0.0
    if words.total:
        title_terms = set()
        for title in candidate.titles:
            lines, terms = _title_terms(title, candidate.language)
            if words.terms in lines:
                exact = 1.0
            title_terms |= terms
        found = title_terms & words.weights.keys()
        coverage = sum(words.weights[term] for term in found) / words.total
        if found:
            precision = len(found) / len(title_terms)
    return (
        EXACT_WEIGHT * exact
        + TITLE_WEIGHT * coverage
        + PRECISION_WEIGHT * precision
        + 1.0 / (1 + candidate.position)
    )


def rank(candidates, query, language_code, types):
    """The (type, id) of `candidates` from the best to the least match, and {(type, id):
    score}; equal scores keep the order of `types`, then the order of the groups' answers."""
    language_code = normalize_language(language_code)
    languages = {language_code, *(candidate.language for candidate in candidates)}
    query_words = {language: QueryWords(query, language) for language in languages}
    order = {kind: index for index, kind in enumerate(types)}
    scored = [
        (-score(candidate, query_words), order[candidate.type], candidate.position, candidate)
        for candidate in candidates
    ]
    scored.sort(key=lambda item: item[:3])
    return [(candidate.type, candidate.pk) for *_key, candidate in scored], {
        (candidate.type, candidate.pk): -key for key, *_rest, candidate in scored
    }
