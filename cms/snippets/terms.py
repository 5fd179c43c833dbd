"""Vocabulary terms in a visitor's language, fetched in bulk.

Records point at the English row of a term (see `cms.snippets.models.vocabularies`); a page
in another language shows the name of that row's translation. Calling `term.localized` on
each record would cost a query per term shown, so each vocabulary is read once, in English
and in the wanted language together, whatever the number of records on the page; and kept
in the shared cache per language until a term of any vocabulary is saved or deleted (the
`data:vocabularies` tag, bumped by `cms.publishing.page_cache`), so that most pages read
no vocabulary at all.
"""

from dataclasses import dataclass

from django.conf import settings

from cms.core.page_cache import cached_value

__all__ = ["VOCABULARIES_TAG", "Term", "TermList", "load_terms"]

#: The page-cache tag of every vocabulary's rows (cms.publishing.page_cache.DATA_GROUPS).
VOCABULARIES_TAG = "data:vocabularies"


@dataclass(frozen=True)
class Term:
    """A term of a controlled list as a visitor sees it: its stable code and its name in the
    visitor's language (`language` is the language the name is actually in: English when the
    term is not translated yet)."""

    pk: int
    code: str
    name: str
    language: str
    sort_order: int = 0
    number: int | None = None

    def __str__(self):
        return self.name


class TermList:
    """The terms of one vocabulary in one language, in their display order, found by the
    id of their English row or by code."""

    def __init__(self, terms):
        self.terms = list(terms)
        self.by_pk = {term.pk: term for term in self.terms}
        self.by_code = {term.code: term for term in self.terms}

    def __iter__(self):
        return iter(self.terms)

    def __len__(self):
        return len(self.terms)

    def get(self, pk):
        """The term of the English row `pk`, or None (no term, or an unknown one)."""
        return self.by_pk.get(pk)

    def name_of(self, row):
        """The name to show for `row`, an English row of the vocabulary (its own name when
        the list does not know it)."""
        term = self.by_pk.get(row.pk)
        return term.name if term else row.name

    def many(self, pks):
        """The terms of the English rows `pks`, in the given order, unknown ones left out."""
        return [self.by_pk[pk] for pk in pks if pk in self.by_pk]


def load_terms(model, language_code):
    """Every term of the vocabulary `model` named in `language_code` (English names where
    no translation exists): from the shared cache, or in one query."""
    return cached_value(
        f"terms:{model._meta.label_lower}:{language_code}",
        [VOCABULARIES_TAG],
        lambda: _read_terms(model, language_code),
        in_process=True,  # frozen terms, read by most pages and searches
    )


def _read_terms(model, language_code):
    source = settings.LANGUAGE_CODE
    fields = ["pk", "translation_key", "locale__language_code", "code", "name", "sort_order"]
    has_number = any(field.name == "number" for field in model._meta.get_fields())
    if has_number:
        fields.append("number")
    rows = model.objects.filter(locale__language_code__in={source, language_code}).values(*fields)
    english, translated = {}, {}
    for row in rows:
        target = english if row["locale__language_code"] == source else translated
        target[row["translation_key"]] = row
    terms = []
    for key, row in english.items():
        translation = translated.get(key)
        terms.append(
            Term(
                pk=row["pk"],
                code=row["code"],
                name=translation["name"] if translation else row["name"],
                language=language_code if translation else source,
                sort_order=row["sort_order"],
                number=row.get("number"),
            )
        )
    terms.sort(key=lambda term: (term.number or 0, term.sort_order, term.name.casefold()))
    return TermList(terms)
