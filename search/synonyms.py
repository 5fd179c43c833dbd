"""The editors' synonyms, applied to a visitor's query in its language.

Editors keep, per language, groups of words or phrases that mean the same
(`search.models.SearchSynonym`, in the admin under Settings). When a query holds one term of a
group (compared stem by stem, so ``banques`` holds ``banque`` and ``البنك`` holds ``بنك``), the
other terms of the group are tried beside it: ``FIGI`` also looks for "Financial Inclusion
Global Initiative", and that phrase also for ``FIGI``.

They are applied when a query is read (`search.analysis.read_query`), not when documents are
indexed: the same on SQLite, PostgreSQL and a search cluster, and an editor's change holds at
the next search, without reindexing. The groups of a language are read once and kept in the
shared cache (`cached_value`) until a synonym is saved or deleted (`SYNONYMS_TAG` bumped).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cms.core.page_cache import bump, cached_value

from .analysis import normalize_language, stem_words, tokenize, use_synonyms
from .models import SearchSynonym

__all__ = ["SYNONYMS_TAG", "alternatives", "groups"]

#: The shared-cache tag of the synonyms: bumped when one is saved or deleted. Pages whose
#: content depends on them (the partner directory with a name typed) record it too.
SYNONYMS_TAG = "data:synonyms"


def _read_groups(language_code):
    groups = []
    for row in SearchSynonym.objects.filter(language=language_code).order_by("pk"):
        terms = []
        for term in row.term_list():
            words = tuple(tokenize(term, language_code))
            if words and words not in terms:
                terms.append(words)
        if len(terms) > 1:
            groups.append(tuple(terms))
    return tuple(groups)


def groups(language_code):
    """The synonym groups of a language: tuples of terms, each a tuple of normalised words
    (`tokenize`). From the shared cache until a synonym changes."""
    language_code = normalize_language(language_code)
    return cached_value(
        f"search:synonyms:{language_code}",
        [SYNONYMS_TAG],
        lambda: _read_groups(language_code),
        in_process=True,  # tuples, read by each search several times
    )


def alternatives(words, language_code):
    """{index of a word of `words` (a query's normalised words): [other forms]} from the
    synonym groups of the language: for each phrase of the query that is a term of a group,
    every word of the phrase may be satisfied by another term of the group (a tuple of words,
    all to be found)."""
    found = {}
    language_groups = groups(language_code)
    if not language_groups:
        return found
    stems = stem_words(words, language_code)
    for group in language_groups:
        keys = [tuple(stem_words(term, language_code)) for term in group]
        for position, key in enumerate(keys):
            size = len(key)
            for start in range(len(stems) - size + 1):
                if tuple(stems[start : start + size]) != key:
                    continue
                others = [term for other, term in enumerate(group) if other != position]
                for index in range(start, start + size):
                    found.setdefault(index, []).extend(others)
    return found


@receiver(post_save, sender=SearchSynonym, dispatch_uid="search_synonym_saved")
@receiver(post_delete, sender=SearchSynonym, dispatch_uid="search_synonym_deleted")
def _synonyms_changed(raw=False, **kwargs):
    if not raw:
        bump(SYNONYMS_TAG)


# Queries read from now on try the synonyms (search.analysis cannot import this module).
use_synonyms(alternatives)
