"""The partners' profile points: the requested areas among a partner's stated priority
areas, the requested places among its beneficiary regions and countries, the requested
funding types among its own, and the words of the text in its name, acronym, other names or
mandate (in the text's language or in English: see `text`), each in proportion to the share
of the request it matches.

Profiles are read once per search (one query per kind of term), so that scoring a partner
costs no query.

What does not depend on the search is kept in the shared cache until a partner, a locale or
the site changes (`cms.core.page_cache.cached_value`, whose tags every write path bumps:
saves and deletions in the admin, import runs, the demo loader and the scale generator): the
English partners, and the text of every partner record that the free text is looked for in,
in capitals as the database writes them (`UPPER`). At ten times the demo the database spent
about 25 ms on a four-word text capitalizing every name and mandate four times over
(`UPPER(mandate) LIKE '%WORD%'`); a word is now found in the kept text in Python, with the
same result: the database capitalizes the words too, and a word, letters and digits only,
cannot span two fields joined by a line break.
"""

from collections import defaultdict

from django.conf import settings
from django.db import connection
from django.db.models import TextField, Value
from django.db.models.functions import Concat, Upper

from cms.core.page_cache import cached_value
from cms.snippets.models import (
    Partner,
    PartnerCountry,
    PartnerFundingType,
    PartnerRegion,
    PartnerThematicArea,
)

from .matching import country_regions
from .weights import (
    BENEFICIARY_PLACE_POINTS,
    COMPONENT_KEYS,
    FUNDING_TYPE_POINTS,
    NEARBY_PLACE_MATCH,
    PRIORITY_AREA_POINTS,
    PROFILE_TEXT_POINTS,
)

__all__ = ["Profiles", "english_partners"]

_PARTNER_FIELDS = ("pk", "name", "acronym", "kind_id", "is_funding_partner", "translation_key")
_TEXT_FIELDS = ("name", "acronym", "aliases", "mandate")
#: The components of a score that come from the profile, after the agreement ones.
_PROFILE_KEYS = ("priorities", "beneficiaries", "funding", "profile_text")
_NO_AGREEMENT_POINTS = (0.0, 0.0, 0.0, 0.0)
#: The digits of `round` for each of the eight components (to the cent).
_CENTS = (2,) * 8


#: What the kept values below depend on: the partners, and the locales of their records.
_PARTNER_TAGS = ("data:partners", "site")


def english_partners():
    """The partners as the finder ranks them: their English records."""
    return Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def _english_rows():
    """{id: {pk, name, acronym, kind_id, is_funding_partner, translation_key}} of the English
    partners, kept in the shared cache until a partner or a locale changes. Translation keys
    are kept as text: a thousand UUID objects took most of the time of reading the value."""

    def read():
        rows = english_partners().values(*_PARTNER_FIELDS)
        return {row["pk"]: {**row, "translation_key": str(row["translation_key"])} for row in rows}

    return cached_value("finder:english-partners", _PARTNER_TAGS, read)


def _read_partner_texts():
    """{language code: [(English partner id, text)]}: the name, acronym, other names and
    mandate of every partner record that has an English one, joined by line breaks and
    capitalized by the database, by the record's language."""
    english = dict(english_partners().values_list("translation_key", "pk"))
    parts = []
    for name in _TEXT_FIELDS:
        parts += [name, Value("\n")]
    text = Upper(Concat(*parts[:-1], output_field=TextField()))
    rows = Partner.objects.annotate(finder_text=text).values_list(
        "translation_key", "locale__language_code", "finder_text"
    )
    texts = defaultdict(list)
    for key, language, text in rows:
        if key in english:
            texts[language].append((english[key], text))
    return dict(texts)


def _partner_texts():
    """`_read_partner_texts`, kept in the shared cache until a partner or a locale changes."""
    return cached_value("finder:partner-texts", _PARTNER_TAGS, _read_partner_texts)


def _capitalized(words):
    """`words` capitalized by the database, as `icontains` compares them (`UPPER` on
    PostgreSQL; on SQLite, whose LIKE ignores the case of ASCII letters only, its `UPPER`
    does the same), in one query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(["UPPER(%s)"] * len(words)), list(words))
        return list(cursor.fetchone())


def _profile_terms(model, term_field, wanted, partner_filter):
    """{partner id: {wanted term ids among its stated ones}}, in one query."""
    found = defaultdict(set)
    if not wanted:
        return found
    rows = model.objects.filter(
        partner__in=partner_filter, **{f"{term_field}_id__in": wanted}
    ).values_list("partner_id", f"{term_field}_id")
    for partner_id, term_id in rows:
        found[partner_id].add(term_id)
    return found


def _profile_text_hits(words, languages):
    """{English partner id: {indexes of the words found}} in the name, acronym, other names
    or mandate of a partner's version in each word's `languages` (the text's language and
    English): the words capitalized in one query, looked for in the kept texts."""
    found = defaultdict(set)
    if not words:
        return found
    texts = _partner_texts()
    for index, (word, word_languages) in enumerate(
        zip(_capitalized(words), languages, strict=True)
    ):
        for language in word_languages:
            for partner_id, text in texts.get(language, ()):
                if word in text:
                    found[partner_id].add(index)
    return found


def _share(points, found, requested):
    """`points` times the share of the `requested` terms found (0 when none is requested)."""
    return points * found / requested if requested else 0.0


class Profiles:
    """The English partners of a search and what their profiles match (read on creation)."""

    def __init__(self, criteria, nearby, regions_of=None):
        """`regions_of`: the `matching.country_regions` of the criteria, read here when not
        given."""
        self.criteria = criteria
        source = english_partners()
        self.partners = _english_rows()
        self.priorities = _profile_terms(PartnerThematicArea, "area", criteria.areas, source)
        self.regions = _profile_terms(PartnerRegion, "region", criteria.regions | nearby, source)
        self.countries = _profile_terms(PartnerCountry, "country", criteria.countries, source)
        self.funding = _profile_terms(
            PartnerFundingType, "funding_type", criteria.funding_types, source
        )
        self.text_hits = _profile_text_hits(criteria.words, criteria.word_languages)
        self.country_region = country_regions(criteria) if regions_of is None else regions_of
        #: How many areas, places, funding types and words the request has.
        self.requested = (
            len(criteria.areas),
            len(criteria.regions) + len(criteria.countries),
            len(criteria.funding_types),
            len(criteria.words),
        )

    def candidates(self, scored):
        """The partners that may score: those with agreement points (`scored`) or a profile
        term in their favour, of the requested kinds."""
        kinds = self.criteria.kinds
        found = set(scored).union(
            self.priorities, self.regions, self.countries, self.funding, self.text_hits
        )
        return [
            pk
            for pk in found
            if pk in self.partners and not (kinds and self.partners[pk]["kind_id"] not in kinds)
        ]

    def _place_share(self, pk):
        """The requested places among the partner's beneficiary ones (a country's region
        counts in part)."""
        criteria = self.criteria
        regions = self.regions.get(pk, set())
        countries = self.countries.get(pk, set())
        if not (regions or countries):  # most partners of a search
            return 0
        found = len(regions & criteria.regions) + len(countries)
        found += sum(
            NEARBY_PLACE_MATCH
            for country in criteria.countries - countries
            if self.country_region.get(country) in regions
        )
        return found

    def _profile_values(self, pk):
        """The (priorities, beneficiaries, funding, profile_text) points of partner `pk`."""
        areas, places, funding, words = self.requested
        return (
            _share(PRIORITY_AREA_POINTS, len(self.priorities.get(pk, ())), areas),
            _share(BENEFICIARY_PLACE_POINTS, self._place_share(pk), places),
            _share(FUNDING_TYPE_POINTS, len(self.funding.get(pk, ())), funding),
            _share(PROFILE_TEXT_POINTS, len(self.text_hits.get(pk, ())), words),
        )

    def points(self, pk):
        """{component key: points} of partner `pk`'s profile."""
        return dict(zip(_PROFILE_KEYS, self._profile_values(pk), strict=True))

    def _rounded(self, pk, agreement_points):
        """Every component of partner `pk`'s score rounded to the cent, in COMPONENT_KEYS
        order."""
        agreement = _NO_AGREEMENT_POINTS if agreement_points is None else agreement_points
        return tuple(map(round, (*agreement, *self._profile_values(pk)), _CENTS))

    def score(self, pk, agreement_points):
        """The score `breakdown` gives, without building the breakdown: a search ranks about
        a thousand partners at ten times the demo and shows twenty."""
        return round(sum(self._rounded(pk, agreement_points)), 2)

    def breakdown(self, pk, agreement_points):
        """(score, breakdown) of partner `pk` with these [area, place, text, value] agreement
        points (None for none): every component rounded to the cent, the score their sum."""
        rounded = self._rounded(pk, agreement_points)
        return round(sum(rounded), 2), dict(zip(COMPONENT_KEYS, rounded, strict=True))

    def matched_terms(self, pk):
        """The profile terms of partner `pk` that matched, as PartnerMatch takes them."""
        return {
            "priority_areas": tuple(sorted(self.priorities.get(pk, ()))),
            "beneficiary_regions": tuple(sorted(self.regions.get(pk, ()))),
            "beneficiary_countries": tuple(sorted(self.countries.get(pk, ()))),
            "funding_types": tuple(sorted(self.funding.get(pk, ()))),
            "text_words": tuple(
                self.criteria.words[index] for index in sorted(self.text_hits.get(pk, ()))
            ),
        }
