"""The ranking of the partner finder: which partners to approach for a new activity, and why.

A partner earns points in two ways (the README explains them in plain words):

1. **Past agreements.** Every agreement the partner signed that concerns a requested thematic
   area, a requested place (region or country) or the free text (in its title) *counts*. It
   earns points for what it matches (area, place, title), plus points for its value (on a
   logarithmic scale, in proportion to how much of the request it matches); all of them
   multiplied by its recency (halved every HALF_LIFE_YEARS years) and by the partner's role in
   it (a funder counts fully, a beneficiary little). Agreements that match nothing do not
   count and are not listed.
2. **Its profile.** The share of the requested areas among its stated priority areas, of the
   requested regions and countries among its beneficiary regions and countries, of the
   requested funding types among its funding types, and of the words of the free text found
   in its name, acronym, other names or mandate (in any language).

The score is the sum of these components; each result carries its breakdown and exactly the
agreements that earned points. Partner kinds only restrict the partners considered.

Everything is read with a fixed number of SQL queries (about a dozen, whatever the number of
partners and agreements): the candidate agreements and their partners' parts in them come in
one query of plain values, the matching terms of agreements and profiles in one query each,
and the scores are added up in Python.
"""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Case, IntegerField, Max, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.snippets.models import (
    Agreement,
    AgreementPartner,
    Country,
    Partner,
    PartnerCountry,
    PartnerFundingType,
    PartnerRegion,
    PartnerThematicArea,
)

from .criteria import Criteria

__all__ = [
    "AREA_WEIGHT",
    "BENEFICIARY_PLACE_POINTS",
    "COMPONENTS",
    "DEFAULT_LIMIT",
    "FUNDING_TYPE_POINTS",
    "HALF_LIFE_YEARS",
    "MAX_LIMIT",
    "NEARBY_PLACE_MATCH",
    "PLACE_WEIGHT",
    "PRIORITY_AREA_POINTS",
    "PROFILE_TEXT_POINTS",
    "ROLE_WEIGHTS",
    "SECONDARY_AREA_MATCH",
    "TEXT_WEIGHT",
    "VALUE_CEILING_USD",
    "VALUE_FLOOR_USD",
    "VALUE_WEIGHT",
    "AgreementReason",
    "PartnerMatch",
    "Ranking",
    "rank_partners",
    "recency_factor",
    "value_factor",
]

# --- Weights ------------------------------------------------------------------------------
# Points of one agreement signed today by a funder that matches the whole request: the area
# weight, plus the place weight, plus the title-text weight (when text is given), plus up to
# the value weight for a large agreement.

#: Points of an agreement whose primary thematic area is a requested one.
AREA_WEIGHT = 10.0
#: Share of AREA_WEIGHT when only a secondary area of the agreement is a requested one.
SECONDARY_AREA_MATCH = 0.5
#: Points of an agreement that benefits a requested region or country.
PLACE_WEIGHT = 6.0
#: Share of PLACE_WEIGHT when it benefits only the region a requested country belongs to.
NEARBY_PLACE_MATCH = 0.5
#: Points of an agreement whose title holds every word of the free text (shared by words).
TEXT_WEIGHT = 4.0
#: Points of a large agreement (VALUE_CEILING_USD or more) that matches the whole request.
VALUE_WEIGHT = 4.0
#: Values are compared on a logarithmic scale between these bounds (in USD): an agreement
#: worth the floor or less (or of unknown value) earns no value points, each tenfold
#: increase earns a third of VALUE_WEIGHT, the ceiling and above earn all of it.
VALUE_FLOOR_USD = 10_000
VALUE_CEILING_USD = 10_000_000
#: An agreement's points halve every this many years before the reference date.
HALF_LIFE_YEARS = 5.0
#: How much an agreement counts for a partner, by the partner's role in it.
ROLE_WEIGHTS = {
    AgreementPartner.Role.FUNDER: 1.0,
    AgreementPartner.Role.SPONSOR: 1.0,
    AgreementPartner.Role.IMPLEMENTER: 0.75,
    AgreementPartner.Role.OTHER: 0.5,
    AgreementPartner.Role.BENEFICIARY: 0.25,
}
#: Profile points, each multiplied by the share of the request the profile matches.
#: A profile that states every requested area is worth about one recent agreement.
PRIORITY_AREA_POINTS = 8.0
BENEFICIARY_PLACE_POINTS = 5.0
FUNDING_TYPE_POINTS = 5.0
PROFILE_TEXT_POINTS = 6.0

#: Results shown when no limit is given, and the most that may be asked for.
DEFAULT_LIMIT = 20
MAX_LIMIT = 200

#: The components of a score, in the order a breakdown lists them.
COMPONENTS = (
    ("area", _("Agreements in the thematic areas")),
    ("place", _("Agreements in the regions and countries")),
    ("text", _("Agreement titles matching the text")),
    ("value", _("Value of those agreements")),
    ("priorities", _("Stated priority areas")),
    ("beneficiaries", _("Stated beneficiary regions and countries")),
    ("funding", _("Stated funding types")),
    ("profile_text", _("Name or mandate matching the text")),
)
COMPONENT_KEYS = tuple(key for key, _label in COMPONENTS)


def recency_factor(day, reference):
    """How much an agreement of `day` still counts on `reference`: 1 for one signed that day
    (or later), 0.5 one half-life before, 0.25 two half-lives before..."""
    if day is None:
        return 0.0
    years = max((reference - day).days, 0) / 365.25
    return 0.5 ** (years / HALF_LIFE_YEARS)


def value_factor(amount_usd):
    """An agreement's value on a 0-1 logarithmic scale between VALUE_FLOOR_USD and
    VALUE_CEILING_USD (0 when its value is unknown)."""
    if not amount_usd or amount_usd <= VALUE_FLOOR_USD:
        return 0.0
    return min((math.log10(amount_usd) - _LOG_FLOOR) / _LOG_SPAN, 1.0)


_LOG_FLOOR = math.log10(VALUE_FLOOR_USD)
_LOG_SPAN = math.log10(VALUE_CEILING_USD) - _LOG_FLOOR


@dataclass
class AgreementReason:
    """A past agreement that earned a partner points, with what it matched and how much it
    earned. `matched_*` hold the ids of the requested terms it matched."""

    pk: int
    reference: str
    title: str
    date: datetime.date | None
    role: str
    amount_usd: Decimal | None
    is_confidential: bool
    is_amendment: bool
    area_match: float
    place_match: float
    text_match: float
    matched_areas: tuple
    matched_regions: tuple
    matched_countries: tuple
    recency: float
    role_weight: float
    value: float
    components: dict
    points: float

    @property
    def role_label(self):
        return AgreementPartner.Role(self.role).label


@dataclass
class PartnerMatch:
    """A partner as the finder ranks it: its score, the score's breakdown by component, the
    agreements that earned points (most points first) and the profile terms that matched."""

    pk: int
    name: str
    english_name: str
    acronym: str
    kind_id: int
    is_funding_partner: bool
    score: float = 0.0
    breakdown: dict = field(default_factory=dict)
    agreements: list = field(default_factory=list)
    priority_areas: tuple = ()
    beneficiary_regions: tuple = ()
    beneficiary_countries: tuple = ()
    funding_types: tuple = ()
    text_words: tuple = ()

    @property
    def agreement_points(self):
        return sum(self.breakdown.get(key, 0.0) for key in ("area", "place", "text", "value"))

    def components(self):
        """(key, label, points) of every component with points, in the breakdown's order."""
        return [
            (key, label, self.breakdown[key])
            for key, label in COMPONENTS
            if self.breakdown.get(key)
        ]

    def as_dict(self):
        """The result as the command's JSON prints it (English name, agreement references)."""
        return {
            "partner": self.english_name,
            "score": self.score,
            "agreements": [reason.reference for reason in self.agreements],
        }


@dataclass
class Ranking:
    """The answer to a search: the best partners first, the date recency is counted from,
    and how many partners scored at all."""

    criteria: Criteria
    reference_date: datetime.date
    results: list
    total: int


def _through(field_name):
    """The table of a many-to-many field of Agreement, and its two column names."""
    model_field = Agreement._meta.get_field(field_name)
    through = model_field.remote_field.through
    return through, model_field.m2m_field_name(), model_field.m2m_reverse_field_name()


def _pairs(field_name, wanted):
    """{agreement id: {wanted term id it has}} from a many-to-many table, in one query."""
    through, source, target = _through(field_name)
    found = defaultdict(set)
    rows = through.objects.filter(**{f"{target}_id__in": wanted}).values_list(
        f"{source}_id", f"{target}_id"
    )
    for agreement_id, term_id in rows:
        found[agreement_id].add(term_id)
    return found


def _reference_date(agreements, today):
    """The day ages are counted from: the latest signature in the archive, or today if that
    is later than today (a typing error), so that an archive that has not been updated for
    a while still tells its recent agreements from its old ones."""
    latest = agreements.aggregate(latest=Max("signature_date"))["latest"]
    return min(latest, today) if latest else today


def _word_hits(words, fields):
    """Annotations hit_0, hit_1...: 1 when the word is in any of `fields` (any case)."""
    annotations = {}
    for index, word in enumerate(words):
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        annotations[f"hit_{index}"] = Case(
            When(condition, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    return annotations


def _matched_agreements(criteria, nearby_regions):
    """The condition of agreements that match the request in an area, a place or the text."""
    condition = Q()
    if criteria.areas:
        through, source, target = _through("secondary_areas")
        secondary = through.objects.filter(**{f"{target}_id__in": criteria.areas})
        condition |= Q(primary_area_id__in=criteria.areas)
        condition |= Q(pk__in=secondary.values(f"{source}_id"))
    regions = criteria.regions | nearby_regions
    if regions:
        through, source, target = _through("regions")
        rows = through.objects.filter(**{f"{target}_id__in": regions})
        condition |= Q(pk__in=rows.values(f"{source}_id"))
    if criteria.countries:
        through, source, target = _through("countries")
        rows = through.objects.filter(**{f"{target}_id__in": criteria.countries})
        condition |= Q(pk__in=rows.values(f"{source}_id"))
    for word in criteria.words:
        condition |= Q(title__icontains=word)
    return condition


# The columns of the query of partners' parts in matching agreements, in this order, followed
# by one 0/1 column per word of the free text (hit in the title).
LINK_COLUMNS = (
    "partner_id",
    "role",
    "agreement_id",
    "agreement__reference",
    "agreement__title",
    "agreement__signature_date",
    "agreement__registered_on",
    "agreement__amount_usd",
    "agreement__primary_area_id",
    "agreement__is_confidential",
    "agreement__agreement_type__is_amendment",
)


@dataclass(slots=True)
class _Facts:
    """What one agreement matches and earns before its partner's role is weighed: worked out
    once per agreement, whoever signed it."""

    reference: str
    title: str
    date: datetime.date | None
    amount_usd: Decimal | None
    is_confidential: bool
    is_amendment: bool
    area_match: float
    place_match: float
    text_match: float
    matched_areas: tuple
    matched_regions: tuple
    matched_countries: tuple
    recency: float
    value: float
    components: tuple  # (area, place, text, value) points for a role weight of 1


class _AgreementScorer:
    """Scores the agreements of the links query, each once (see _Facts)."""

    def __init__(self, criteria, details, reference_date):
        self.criteria = criteria
        self.secondary, self.regions, self.countries, self.nearby = details
        self.reference_date = reference_date
        self.words = len(criteria.words)
        self.full = (
            (AREA_WEIGHT if criteria.areas else 0.0)
            + (PLACE_WEIGHT if (criteria.regions or criteria.countries) else 0.0)
            + (TEXT_WEIGHT if self.words else 0.0)
        )

    def facts(self, pk, row):
        """The _Facts of agreement `pk` from its link row, or None if it matches nothing."""
        criteria = self.criteria
        (reference, title, signed, registered, amount, primary, confidential, amendment) = row[3:11]
        area_match, matched_areas = 0.0, ()
        if primary in criteria.areas:
            area_match, matched_areas = 1.0, (primary,)
        elif pk in self.secondary:
            area_match, matched_areas = SECONDARY_AREA_MATCH, tuple(sorted(self.secondary[pk]))
        agreement_regions = self.regions.get(pk, frozenset())
        matched_regions = tuple(sorted(agreement_regions & criteria.regions))
        matched_countries = tuple(sorted(self.countries.get(pk, ())))
        place_match = 0.0
        if matched_regions or matched_countries:
            place_match = 1.0
        elif agreement_regions & self.nearby:
            place_match = NEARBY_PLACE_MATCH
            matched_regions = tuple(sorted(agreement_regions & self.nearby))
        text_match = sum(row[11:]) / self.words if self.words else 0.0
        if not (area_match or place_match or text_match):
            return None
        day = signed or registered
        recency = recency_factor(day, self.reference_date)
        value = value_factor(amount)
        matched = AREA_WEIGHT * area_match + PLACE_WEIGHT * place_match + TEXT_WEIGHT * text_match
        components = (
            recency * AREA_WEIGHT * area_match,
            recency * PLACE_WEIGHT * place_match,
            recency * TEXT_WEIGHT * text_match,
            recency * VALUE_WEIGHT * value * (matched / self.full),
        )
        if sum(components) <= 0:
            return None
        return _Facts(
            reference=reference,
            title=title,
            date=day,
            amount_usd=amount,
            is_confidential=confidential,
            is_amendment=amendment,
            area_match=area_match,
            place_match=place_match,
            text_match=text_match,
            matched_areas=matched_areas,
            matched_regions=matched_regions,
            matched_countries=matched_countries,
            recency=recency,
            value=value,
            components=components,
        )

    def components(self, pk, row):
        """The (area, place, text, value) points of agreement `pk` for a role weight of 1, or
        None if it matches nothing: the same figures as `facts`, worked out faster, for
        every matching agreement of the archive."""
        criteria = self.criteria
        if row[8] in criteria.areas:
            area_match = 1.0
        elif pk in self.secondary:
            area_match = SECONDARY_AREA_MATCH
        else:
            area_match = 0.0
        agreement_regions = self.regions.get(pk)
        if pk in self.countries or (
            agreement_regions and not agreement_regions.isdisjoint(criteria.regions)
        ):
            place_match = 1.0
        elif agreement_regions and not agreement_regions.isdisjoint(self.nearby):
            place_match = NEARBY_PLACE_MATCH
        else:
            place_match = 0.0
        text_match = sum(row[11:]) / self.words if self.words else 0.0
        if not (area_match or place_match or text_match):
            return None
        recency = recency_factor(row[5] or row[6], self.reference_date)
        matched = AREA_WEIGHT * area_match + PLACE_WEIGHT * place_match + TEXT_WEIGHT * text_match
        return (
            recency * AREA_WEIGHT * area_match,
            recency * PLACE_WEIGHT * place_match,
            recency * TEXT_WEIGHT * text_match,
            recency * VALUE_WEIGHT * value_factor(row[7]) * (matched / self.full),
        )

    def score(self, rows):
        """({partner id: [area, place, text, value] points}, {partner id: [(agreement id,
        role)]}, {agreement id: its link row}) of the link `rows`."""
        points, totals, links, row_of = {}, {}, defaultdict(list), {}
        other = ROLE_WEIGHTS[AgreementPartner.Role.OTHER]
        for row in rows:
            partner_id, role, pk = row[0], row[1], row[2]
            if pk in points:
                components = points[pk]
            else:
                components = points[pk] = self.components(pk, row)
                row_of[pk] = row
            if components is None or components == (0.0, 0.0, 0.0, 0.0):
                continue
            weight = ROLE_WEIGHTS.get(role, other)
            area, place, text, value = components
            sums = totals.get(partner_id)
            if sums is None:
                sums = totals[partner_id] = [0.0, 0.0, 0.0, 0.0]
            sums[0] += weight * area
            sums[1] += weight * place
            sums[2] += weight * text
            sums[3] += weight * value
            links[partner_id].append((pk, role))
        return totals, links, row_of


def _reasons(scorer, links, row_of):
    """The AgreementReasons of one partner's (agreement id, role) links, most points first."""
    other = ROLE_WEIGHTS[AgreementPartner.Role.OTHER]
    reasons = []
    for pk, role in links:
        fact = scorer.facts(pk, row_of[pk])
        weight = ROLE_WEIGHTS.get(role, other)
        components = dict(
            zip(
                ("area", "place", "text", "value"),
                (weight * c for c in fact.components),
                strict=True,
            )
        )
        reasons.append(
            AgreementReason(
                pk=pk,
                reference=fact.reference,
                title=fact.title,
                date=fact.date,
                role=role,
                amount_usd=fact.amount_usd,
                is_confidential=fact.is_confidential,
                is_amendment=fact.is_amendment,
                area_match=fact.area_match,
                place_match=fact.place_match,
                text_match=fact.text_match,
                matched_areas=fact.matched_areas,
                matched_regions=fact.matched_regions,
                matched_countries=fact.matched_countries,
                recency=fact.recency,
                role_weight=weight,
                value=fact.value,
                components=components,
                points=round(sum(components.values()), 2),
            )
        )
    reasons.sort(key=lambda reason: (-reason.points, reason.reference))
    return reasons


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


def _profile_text_hits(words, english_by_key):
    """{English partner id: {indexes of the words found}} in the name, acronym, other names
    or mandate of any language version of a partner, in one query."""
    found = defaultdict(set)
    if not words:
        return found
    annotations = _word_hits(words, ("name", "acronym", "aliases", "mandate"))
    condition = Q()
    for name in annotations:
        condition |= Q(**{name: 1})
    rows = (
        Partner.objects.annotate(**annotations)
        .filter(condition)
        .values("translation_key", *annotations)
    )
    for row in rows:
        partner_id = english_by_key.get(row["translation_key"])
        if partner_id is None:
            continue
        found[partner_id].update(i for i in range(len(words)) if row[f"hit_{i}"])
    return found


def rank_partners(
    criteria, *, include_confidential=True, limit=DEFAULT_LIMIT, reference_date=None, language=None
):
    """Rank the partners (English records) for `criteria`, best first.

    `include_confidential`: whether confidential agreements count (and are listed); only
    those who may see the whole archive should have them. `reference_date`: the day ages are
    counted from (by default the latest signature date, see `_reference_date`). `language`:
    the language partners are named in (their translation's name where one exists); English
    names are always in `english_name`. `limit`: how many results (None for all).
    """
    agreements = Agreement.objects.all() if include_confidential else Agreement.objects.public()
    if reference_date is None:
        reference_date = _reference_date(agreements, timezone.localdate())
    if criteria.is_empty:
        return Ranking(criteria=criteria, reference_date=reference_date, results=[], total=0)

    source = Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    nearby = frozenset()
    if criteria.countries:
        country_regions = Country.objects.filter(pk__in=criteria.countries, region__isnull=False)
        nearby = frozenset(country_regions.values_list("region_id", flat=True)) - criteria.regions

    # Past agreements: the parts of partners in matching agreements, with what they match.
    totals, links, row_of, scorer = {}, {}, {}, None
    condition = _matched_agreements(criteria, nearby)
    if condition:
        words = criteria.words
        rows = (
            AgreementPartner.objects.filter(agreement__in=agreements.filter(condition))
            .annotate(**_word_hits(words, ("agreement__title",)))
            .values_list(*LINK_COLUMNS, *(f"hit_{index}" for index in range(len(words))))
            .order_by()
        )
        details = (
            _pairs("secondary_areas", criteria.areas) if criteria.areas else {},
            _pairs("regions", criteria.regions | nearby) if criteria.regions | nearby else {},
            _pairs("countries", criteria.countries) if criteria.countries else {},
            nearby,
        )
        scorer = _AgreementScorer(criteria, details, reference_date)
        totals, links, row_of = scorer.score(rows)

    # Profiles: stated priorities, beneficiary places and funding types; text.
    partners = {
        row["pk"]: row
        for row in source.values(
            "pk", "name", "acronym", "kind_id", "is_funding_partner", "translation_key"
        )
    }
    priorities = _profile_terms(PartnerThematicArea, "area", criteria.areas, source)
    stated_regions = _profile_terms(PartnerRegion, "region", criteria.regions | nearby, source)
    stated_countries = _profile_terms(PartnerCountry, "country", criteria.countries, source)
    funding = _profile_terms(PartnerFundingType, "funding_type", criteria.funding_types, source)
    english_by_key = {row["translation_key"]: pk for pk, row in partners.items()}
    text_hits = _profile_text_hits(criteria.words, english_by_key)
    country_region = {}
    if criteria.countries:
        country_region = dict(
            Country.objects.filter(pk__in=criteria.countries).values_list("pk", "region_id")
        )

    places_requested = len(criteria.regions) + len(criteria.countries)
    results = []
    # Only partners with something in their favour can score.
    candidates = set(totals).union(priorities, stated_regions, stated_countries, funding, text_hits)
    for pk in candidates:
        row = partners.get(pk)
        if row is None or (criteria.kinds and row["kind_id"] not in criteria.kinds):
            continue
        breakdown = dict.fromkeys(COMPONENT_KEYS, 0.0)
        if pk in totals:
            area, place, text, value = totals[pk]
            breakdown.update(area=area, place=place, text=text, value=value)
        if criteria.areas:
            breakdown["priorities"] = (
                PRIORITY_AREA_POINTS * len(priorities.get(pk, ())) / len(criteria.areas)
            )
        if places_requested:
            regions_of_partner = stated_regions.get(pk, set())
            countries_of_partner = stated_countries.get(pk, set())
            share = len(regions_of_partner & criteria.regions) + len(countries_of_partner)
            share += sum(
                NEARBY_PLACE_MATCH
                for country in criteria.countries - countries_of_partner
                if country_region.get(country) in regions_of_partner
            )
            breakdown["beneficiaries"] = BENEFICIARY_PLACE_POINTS * share / places_requested
        if criteria.funding_types:
            breakdown["funding"] = (
                FUNDING_TYPE_POINTS * len(funding.get(pk, ())) / len(criteria.funding_types)
            )
        if criteria.words:
            breakdown["profile_text"] = (
                PROFILE_TEXT_POINTS * len(text_hits.get(pk, ())) / len(criteria.words)
            )
        breakdown = {key: round(points, 2) for key, points in breakdown.items()}
        score = round(sum(breakdown.values()), 2)
        if score <= 0:
            continue
        results.append(
            PartnerMatch(
                pk=pk,
                name=row["name"],
                english_name=row["name"],
                acronym=row["acronym"],
                kind_id=row["kind_id"],
                is_funding_partner=row["is_funding_partner"],
                score=score,
                breakdown=breakdown,
                priority_areas=tuple(sorted(priorities.get(pk, ()))),
                beneficiary_regions=tuple(sorted(stated_regions.get(pk, ()))),
                beneficiary_countries=tuple(sorted(stated_countries.get(pk, ()))),
                funding_types=tuple(sorted(funding.get(pk, ()))),
                text_words=tuple(criteria.words[index] for index in sorted(text_hits.get(pk, ()))),
            )
        )
    results.sort(key=lambda match: (-match.score, match.name.casefold(), match.pk))
    total = len(results)
    if limit is not None:
        results = results[:limit]
    for match in results:
        if match.pk in links:
            match.agreements = _reasons(scorer, links[match.pk], row_of)
    if language and language != settings.LANGUAGE_CODE and results:
        _localize_names(results, partners, language)
    return Ranking(criteria=criteria, reference_date=reference_date, results=results, total=total)


def _localize_names(results, partners, language):
    """Name the results in `language` where the partner is translated (one query)."""
    keys = {partners[match.pk]["translation_key"]: match for match in results}
    rows = Partner.objects.filter(
        locale__language_code=language, translation_key__in=keys
    ).values_list("translation_key", "name")
    for key, name in rows:
        if name:
            keys[key].name = name
