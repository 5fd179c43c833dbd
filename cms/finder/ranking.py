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
partners and agreements). The database adds up the agreement points of every partner (one
grouped query, see `_agreement_sums`: the same formulas as `_AgreementScorer`, written as
ORM expressions, on PostgreSQL and SQLite alike); the profiles' matching terms come in one
query each. The partners that may end up among the results (those within SQL_MARGIN points
of the last one shown) are then scored again in Python, exactly as always, from their own
agreements only (one query), and those give the reasons. So the ranking, the scores and the
reasons do not depend on the database's floating-point arithmetic, and only a few hundred
agreements are read into Python instead of every matching one.

A result lists every agreement that counted in `references` (most points first); the
detailed `agreements` (AgreementReason) are the `reasons_limit` most valuable of them
(REASONS_LIMIT by default), so that a partner with hundreds of agreements does not weigh on
the page, the endpoint and the search itself.
"""

from collections import defaultdict
from dataclasses import dataclass, fields

from django.conf import settings
from django.db.models import (
    Case,
    F,
    FloatField,
    Func,
    IntegerField,
    Max,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Least, Power
from django.utils import timezone

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

from .results import AgreementFacts, AgreementReason, PartnerMatch, Ranking
from .weights import (
    AREA_WEIGHT,
    BENEFICIARY_PLACE_POINTS,
    COMPONENT_KEYS,
    DEFAULT_LIMIT,
    FUNDING_TYPE_POINTS,
    HALF_LIFE_YEARS,
    LOG_FLOOR,
    LOG_SPAN,
    NEARBY_PLACE_MATCH,
    PLACE_WEIGHT,
    PRIORITY_AREA_POINTS,
    PROFILE_TEXT_POINTS,
    REASONS_LIMIT,
    ROLE_WEIGHTS,
    SECONDARY_AREA_MATCH,
    TEXT_WEIGHT,
    VALUE_FLOOR_USD,
    VALUE_WEIGHT,
    recency_factor,
    value_factor,
)

__all__ = ["rank_partners"]

#: Partners whose score worked out by the database is within this many points of the last
#: result's are scored again in Python (see `rank_partners`). The database's sums differ
#: from Python's by far less than a millionth; each of the four rounded agreement
#: components may then differ by 0.01, so two partners' scores by less than 0.1.
SQL_MARGIN = 0.1
#: Below this, an agreement component might round to zero: such partners are scored again
#: in Python, to count exactly the partners that score.
_TINY = 0.006


#: What an AgreementReason takes from its agreement's _Facts.
_FACT_FIELDS = tuple(item.name for item in fields(AgreementFacts))


def _through(field_name):
    """The table of a many-to-many field of Agreement, and its two column names."""
    model_field = Agreement._meta.get_field(field_name)
    through = model_field.remote_field.through
    return through, model_field.m2m_field_name(), model_field.m2m_reverse_field_name()


def _pairs(field_name, wanted, agreement_ids):
    """{agreement id: {wanted term id it has}} of the agreements `agreement_ids` from a
    many-to-many table, in one query."""
    through, source, target = _through(field_name)
    found = defaultdict(set)
    rows = through.objects.filter(
        **{f"{target}_id__in": wanted, f"{source}_id__in": agreement_ids}
    ).values_list(f"{source}_id", f"{target}_id")
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
class _Facts(AgreementFacts):
    """An agreement's facts and its points before its partner's role is weighed: worked out
    once per agreement, whoever signed it."""

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
        role)]}, {agreement id: its link row}) of the link `rows`; the points of each
        agreement (`components`) are kept in `self.cache`."""
        points, totals, links, row_of = {}, {}, defaultdict(list), {}
        self.cache = points
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


def _reasons(scorer, links, row_of, limit):
    """(the AgreementReasons of the `limit` most valuable of one partner's (agreement id,
    role) links, the references of all of them), most points first."""
    other = ROLE_WEIGHTS[AgreementPartner.Role.OTHER]
    ranked = []
    for pk, role in links:
        weight = ROLE_WEIGHTS.get(role, other)
        points = round(sum(weight * c for c in scorer.cache[pk]), 2)
        ranked.append((-points, row_of[pk][3], pk, role))
    ranked.sort()
    reasons = []
    for _points, _reference, pk, role in ranked if limit is None else ranked[:limit]:
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
                **{name: getattr(fact, name) for name in _FACT_FIELDS},
                pk=pk,
                role=role,
                role_weight=weight,
                components=components,
                points=round(sum(components.values()), 2),
            )
        )
    return reasons, [reference for _points, reference, _pk, _role in ranked]


class _DaysBefore(Func):
    """The days from a date expression to `reference` (negative after it), as a float."""

    output_field = FloatField()

    def __init__(self, expression, reference):
        super().__init__(expression)
        self.reference = reference

    def as_sql(self, compiler, connection, **extra_context):  # PostgreSQL
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return (
            f"CAST((CAST(%s AS date) - {sql}) AS double precision)",
            (self.reference.isoformat(), *params),
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"(julianday(%s) - julianday({sql}))", (self.reference.isoformat(), *params)


class _Log10(Func):
    """The decimal logarithm of a number, as a float."""

    output_field = FloatField()
    template = "LOG(CAST(%(expressions)s AS double precision))"  # PostgreSQL: base 10

    def as_sqlite(self, compiler, connection, **extra_context):
        # Django's SQLite LOG takes the base first (django.db.backends.sqlite3._functions).
        return self.as_sql(compiler, connection, template="LOG(10, CAST(%(expressions)s AS REAL))")


def _number(value):
    return Value(float(value), output_field=FloatField())


def _agreement_sums(links, criteria, nearby, reference_date, full):
    """{partner id: [area, place, text, value] points} of the AgreementPartner rows `links`,
    added up by the database: `_AgreementScorer.components` times the role's weight, as ORM
    expressions (one query, one row per partner)."""
    zero = _number(0)
    area = zero
    if criteria.areas:
        through, source, target = _through("secondary_areas")
        secondary = through.objects.filter(**{f"{target}_id__in": criteria.areas})
        area = Case(
            When(agreement__primary_area_id__in=criteria.areas, then=_number(1)),
            When(
                agreement_id__in=secondary.values(f"{source}_id"),
                then=_number(SECONDARY_AREA_MATCH),
            ),
            default=zero,
        )
    whens = []
    in_place = Q()
    if criteria.regions:
        through, source, target = _through("regions")
        rows = through.objects.filter(**{f"{target}_id__in": criteria.regions})
        in_place |= Q(agreement_id__in=rows.values(f"{source}_id"))
    if criteria.countries:
        through, source, target = _through("countries")
        rows = through.objects.filter(**{f"{target}_id__in": criteria.countries})
        in_place |= Q(agreement_id__in=rows.values(f"{source}_id"))
    if in_place:
        whens.append(When(in_place, then=_number(1)))
    if nearby:
        through, source, target = _through("regions")
        rows = through.objects.filter(**{f"{target}_id__in": nearby})
        whens.append(
            When(agreement_id__in=rows.values(f"{source}_id"), then=_number(NEARBY_PLACE_MATCH))
        )
    place = Case(*whens, default=zero) if whens else zero
    text = zero
    if criteria.words:
        hits = [
            Case(When(agreement__title__icontains=word, then=_number(1)), default=zero)
            for word in criteria.words
        ]
        text = sum(hits[1:], hits[0]) / _number(len(criteria.words))
    day = Coalesce("agreement__signature_date", "agreement__registered_on")
    recency = Case(
        When(
            agreement__signature_date__isnull=True, agreement__registered_on__isnull=True, then=zero
        ),
        default=Power(
            _number(0.5),
            Greatest(_DaysBefore(day, reference_date), zero) / _number(365.25 * HALF_LIFE_YEARS),
        ),
    )
    value = Case(
        When(
            agreement__amount_usd__gt=VALUE_FLOOR_USD,
            then=Least(
                _number(1),
                (_Log10("agreement__amount_usd") - _number(LOG_FLOOR)) / _number(LOG_SPAN),
            ),
        ),
        default=zero,
    )
    other = ROLE_WEIGHTS[AgreementPartner.Role.OTHER]
    weight = Case(
        *(When(role=role, then=_number(points)) for role, points in ROLE_WEIGHTS.items()),
        default=_number(other),
    )
    rows = (
        links.alias(
            w_area=area,
            w_place=place,
            w_text=text,
            w_recency=recency,
            w_value=value,
            w_role=weight,
        )
        .alias(w_factor=F("w_role") * F("w_recency"))
        .values("partner_id")
        .annotate(
            area=Sum(F("w_factor") * _number(AREA_WEIGHT) * F("w_area")),
            place=Sum(F("w_factor") * _number(PLACE_WEIGHT) * F("w_place")),
            text=Sum(F("w_factor") * _number(TEXT_WEIGHT) * F("w_text")),
            value=Sum(
                F("w_factor")
                * _number(VALUE_WEIGHT)
                * F("w_value")
                * (
                    _number(AREA_WEIGHT) * F("w_area")
                    + _number(PLACE_WEIGHT) * F("w_place")
                    + _number(TEXT_WEIGHT) * F("w_text")
                )
                / _number(full)
            ),
        )
        .values_list("partner_id", "area", "place", "text", "value")
        .order_by()
    )
    return {
        pk: [area or 0.0, place or 0.0, text or 0.0, value or 0.0]
        for pk, area, place, text, value in rows
    }


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
    fields = ("name", "acronym", "aliases", "mandate")
    annotations = _word_hits(words, fields)
    # The same condition as "any hit_N is 1", written so that the trigram indexes serve it.
    condition = Q()
    for word in words:
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
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
    criteria,
    *,
    include_confidential=True,
    limit=DEFAULT_LIMIT,
    reference_date=None,
    language=None,
    reasons_limit=REASONS_LIMIT,
):
    """Rank the partners (English records) for `criteria`, best first.

    `include_confidential`: whether confidential agreements count (and are listed); only
    those who may see the whole archive should have them. `reference_date`: the day ages are
    counted from (by default the latest signature date, see `_reference_date`). `language`:
    the language partners are named in (their translation's name where one exists); English
    names are always in `english_name`. `limit`: how many results (None for all).
    `reasons_limit`: how many agreements of each result are detailed in its `agreements`
    (None for all); its `references` list all of them.
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

    # Past agreements: each partner's points, added up by the database.
    condition = _matched_agreements(criteria, nearby)
    links_query = None
    sums = {}
    if condition:
        links_query = AgreementPartner.objects.filter(agreement__in=agreements.filter(condition))
        if criteria.kinds:
            links_query = links_query.filter(partner__kind_id__in=criteria.kinds)
        scorer = _AgreementScorer(criteria, (None, None, None, nearby), reference_date)
        sums = _agreement_sums(links_query, criteria, nearby, reference_date, scorer.full)

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

    def breakdown_of(pk, agreement_points):
        """The rounded breakdown of partner `pk` with these [area, place, text, value]
        points, and its score."""
        breakdown = dict.fromkeys(COMPONENT_KEYS, 0.0)
        if agreement_points is not None:
            area, place, text, value = agreement_points
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
        return round(sum(breakdown.values()), 2), breakdown

    def order(pk):
        return (-scores[pk][0], partners[pk]["name"].casefold(), pk)

    # Only partners with something in their favour can score.
    candidates = set(sums).union(priorities, stated_regions, stated_countries, funding, text_hits)
    scores = {
        pk: breakdown_of(pk, sums.get(pk))
        for pk in candidates
        if pk in partners and not (criteria.kinds and partners[pk]["kind_id"] not in criteria.kinds)
    }

    # Those that may be shown, and those whose score might round to zero, are scored again in
    # Python from their own agreements: the figures, the order and the reasons are exact.
    links, row_of, scorer = {}, {}, None
    if sums:
        scoring = [pk for pk, (score, _breakdown) in scores.items() if score > 0]
        last = None
        if limit is not None and len(scoring) > limit:
            last = scores[sorted(scoring, key=order)[limit - 1]][0]
        again = {
            pk
            for pk, points in sums.items()
            if pk in scores
            and (last is None or scores[pk][0] >= last - SQL_MARGIN or max(points) < _TINY)
        }
        words = criteria.words
        rows = list(
            links_query.filter(partner_id__in=again)
            .annotate(**_word_hits(words, ("agreement__title",)))
            .values_list(*LINK_COLUMNS, *(f"hit_{index}" for index in range(len(words))))
            .order_by()
        )
        ids = sorted({row[2] for row in rows})
        places = criteria.regions | nearby
        details = (
            _pairs("secondary_areas", criteria.areas, ids) if criteria.areas and ids else {},
            _pairs("regions", places, ids) if places and ids else {},
            _pairs("countries", criteria.countries, ids) if criteria.countries and ids else {},
            nearby,
        )
        scorer = _AgreementScorer(criteria, details, reference_date)
        totals, links, row_of = scorer.score(rows)
        for pk in again:
            scores[pk] = breakdown_of(pk, totals.get(pk))

    ranked = sorted((pk for pk, (score, _breakdown) in scores.items() if score > 0), key=order)
    total = len(ranked)
    if limit is not None:
        ranked = ranked[:limit]
    results = []
    for pk in ranked:
        row = partners[pk]
        score, breakdown = scores[pk]
        match = PartnerMatch(
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
        if pk in links:
            match.agreements, match.references = _reasons(scorer, links[pk], row_of, reasons_limit)
        results.append(match)
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
