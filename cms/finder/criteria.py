"""What a partner search asks for, and how names typed by a person become vocabulary terms.

Records point at the English row of a vocabulary term (see
`cms.snippets.models.vocabularies`), so criteria are kept as the ids of English rows. A term
may be named by its code (`afr`, `cybersecurity`) or by its name in any of the six languages
(`Cybersécurité`, `الأمن السيبراني`); the name in another language leads to the English row
through the translation key, as everywhere else in the project.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries as country_names

from cms.snippets.country_names import code_for_name
from cms.snippets.models import (
    BeneficiaryRegion,
    Country,
    FundingType,
    PartnerKind,
    ThematicArea,
)

__all__ = [
    "MAX_TEXT_LENGTH",
    "MAX_WORDS",
    "Criteria",
    "UnknownTerm",
    "resolve_countries",
    "resolve_terms",
    "text_words",
]

#: Free text is cut to this many characters, and only its first words are used.
MAX_TEXT_LENGTH = 200
MAX_WORDS = 8
#: Words shorter than this are ignored ("of", "de", ...), except in scripts without spaces.
MIN_WORD_LENGTH = 2


@dataclass(frozen=True)
class Criteria:
    """A search for partners: English-row ids of the wanted terms, and free text.

    Areas, places (regions and countries) and text are what agreements and profiles are
    matched on; funding types are matched on the partners' stated funding types; kinds
    restrict the partners considered.
    """

    areas: frozenset = field(default_factory=frozenset)
    regions: frozenset = field(default_factory=frozenset)
    countries: frozenset = field(default_factory=frozenset)
    funding_types: frozenset = field(default_factory=frozenset)
    kinds: frozenset = field(default_factory=frozenset)
    text: str = ""

    def __post_init__(self):
        for name in ("areas", "regions", "countries", "funding_types", "kinds"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "text", " ".join((self.text or "").split())[:MAX_TEXT_LENGTH])

    @cached_property
    def words(self):
        """The words of the free text that are matched, lower-cased, each once."""
        return text_words(self.text)

    @property
    def is_empty(self):
        """True when nothing would rank a partner (kinds alone only restrict)."""
        return not (
            self.areas or self.regions or self.countries or self.funding_types or self.words
        )


def text_words(text):
    """The words of `text` used for matching: lower-cased, each once, at most MAX_WORDS."""
    words = []
    for word in re.findall(r"\w+", (text or "")[:MAX_TEXT_LENGTH].casefold()):
        if (len(word) >= MIN_WORD_LENGTH or not word.isascii()) and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


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


def resolve_terms(model, values):
    """The ids of the English rows of `model` named by `values` (codes, or names in any
    language, without regard to case or accents), in one query.

    Raises UnknownTerm for the first value that names nothing.
    """
    values = [value for value in (str(v).strip() for v in values) if value]
    if not values:
        return frozenset()
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
    found = set()
    for value in values:
        key = names.get(_folded(value))
        if key is None or key not in english:
            raise UnknownTerm(UNKNOWN[model], value)
        found.add(english[key])
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
