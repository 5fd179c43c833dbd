"""What a partner search asks for, and how names typed by a person become vocabulary terms.

Records point at the English row of a vocabulary term (see
`cms.snippets.models.vocabularies`), so criteria are kept as the ids of English rows. A term
may be named by its code (`afr`, `cybersecurity`) or by its name in any of the six languages
(`Cybersécurité`, `الأمن السيبراني`); the name in another language leads to the English row
through the translation key, as everywhere else in the project.
"""

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries as country_names

from cms.core.page_cache import cached_value
from cms.snippets.country_names import code_for_name
from cms.snippets.models import (
    BeneficiaryRegion,
    Country,
    FundingType,
    PartnerKind,
    ThematicArea,
)

from .text import MAX_TEXT_LENGTH, MAX_WORDS, text_words

__all__ = [
    "MAX_TEXT_LENGTH",
    "MAX_WORDS",
    "Criteria",
    "UnknownTerm",
    "resolve_countries",
    "resolve_terms",
    "text_words",
]


@dataclass(frozen=True)
class Criteria:
    """A search for partners: English-row ids of the wanted terms, and free text.

    Areas, places (regions and countries) and text are what agreements and profiles are
    matched on; funding types are matched on the partners' stated funding types; kinds
    restrict the partners considered. `language`: the language the person works in, which
    settles the language of a text whose words could be of several (see `text`).
    """

    areas: frozenset = field(default_factory=frozenset)
    regions: frozenset = field(default_factory=frozenset)
    countries: frozenset = field(default_factory=frozenset)
    funding_types: frozenset = field(default_factory=frozenset)
    kinds: frozenset = field(default_factory=frozenset)
    text: str = ""
    language: str = ""

    def __post_init__(self):
        for name in ("areas", "regions", "countries", "funding_types", "kinds"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "text", " ".join((self.text or "").split())[:MAX_TEXT_LENGTH])

    @cached_property
    def text_terms(self):
        """The TextWords of the free text: the words looked for and their languages."""
        return text_words(self.text, self.language or None)

    @cached_property
    def words(self):
        """The words of the free text that are matched, lower-cased, each once, without the
        stop words of their language."""
        return [word.text for word in self.text_terms]

    @cached_property
    def word_languages(self):
        """The languages of the partners' text each word of `words` is looked for in."""
        return [word.languages for word in self.text_terms]

    @property
    def is_empty(self):
        """True when nothing would rank a partner (kinds alone only restrict)."""
        return not (
            self.areas or self.regions or self.countries or self.funding_types or self.words
        )


class UnknownTerm(ValueError):
    """A term typed by a person that names nothing in its vocabulary; its message says
    which, in the active language."""

    def __init__(self, message, value):
        self.value = value
        super().__init__(str(message) % {"value": value})


def _folded(text):
    """`text` compared without case and accents: "Sécurité" and "securite" are equal."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).strip()


# The message of an unknown term, by vocabulary (one sentence each, for translators).
UNKNOWN = {
    ThematicArea: _("Unknown thematic area: “%(value)s”."),
    BeneficiaryRegion: _("Unknown region: “%(value)s”."),
    FundingType: _("Unknown funding type: “%(value)s”."),
    PartnerKind: _("Unknown partner kind: “%(value)s”."),
}
UNKNOWN_COUNTRY = _("Unknown country: “%(value)s”.")


def _read_term_names(model):
    """{code or name in any language, folded: the id of the term's English row, or None}."""
    rows = list(
        model.objects.values_list("translation_key", "locale__language_code", "code", "name", "pk")
    )
    english = {
        key: pk for key, language, _code, _name, pk in rows if language == settings.LANGUAGE_CODE
    }
    names = {}
    for key, _language, code, name, _pk in rows:
        names.setdefault(_folded(code), key)
        names.setdefault(_folded(name), key)
    return {folded: english.get(key) for folded, key in names.items()}


def _term_names(model):
    """`_read_term_names`, kept in the shared cache until a vocabulary, a locale or the site
    changes: every search named its terms by reading and folding the whole vocabulary."""
    return cached_value(
        f"finder:term-names:{model._meta.label_lower}",
        ("data:vocabularies", "site"),
        lambda: _read_term_names(model),
    )


def resolve_terms(model, values):
    """The ids of the English rows of `model` named by `values` (codes, or names in any
    language, without regard to case or accents), in one query at most.

    Raises UnknownTerm for the first value that names nothing.
    """
    values = [value for value in (str(v).strip() for v in values) if value]
    if not values:
        return frozenset()
    names = _term_names(model)
    found = set()
    for value in values:
        pk = names.get(_folded(value))
        if pk is None:
            raise UnknownTerm(UNKNOWN[model], value)
        found.add(pk)
    return frozenset(found)


def resolve_countries(values):
    """The ids of the countries named by `values`: ISO 3166 codes (two or three letters, or
    numeric) or English names, in one query. Raises UnknownTerm for the first unknown one."""
    values = [value for value in (str(v).strip() for v in values) if value]
    if not values:
        return frozenset()
    codes = {}
    for value in values:
        # English names: the UN's, as the site shows them, or ISO's.
        code = country_names.alpha2(value) or code_for_name(value)
        if not code:
            raise UnknownTerm(UNKNOWN_COUNTRY, value)
        codes[value] = code
    known = dict(Country.objects.filter(code__in=codes.values()).values_list("code", "pk"))
    for value, code in codes.items():
        if code not in known:
            raise UnknownTerm(UNKNOWN_COUNTRY, value)
    return frozenset(known[code] for code in codes.values())
