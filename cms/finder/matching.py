"""Which agreements and partners a search concerns, before any scoring: the request's
places (with the regions of its countries), the agreements it matches, and the link rows
(partner, role, agreement) that SQL and Python scoring both read.

An agreement *counts* when its primary or a secondary area is requested, when it benefits a
requested region or country (or the region of a requested country), or when its title holds
a word of the text.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Case, IntegerField, Max, Q, Value, When

from cms.snippets.models import Agreement, AgreementPartner, Country

from .formula import full_weight

__all__ = [
    "AgreementSearch",
    "agreement_search",
    "nearby_regions",
    "reference_date_of",
    "term_pairs",
    "through",
    "word_condition",
    "word_hits",
]


def through(field_name):
    """The table of a many-to-many field of Agreement, and its two column names."""
    model_field = Agreement._meta.get_field(field_name)
    table = model_field.remote_field.through
    return table, model_field.m2m_field_name(), model_field.m2m_reverse_field_name()


def term_pairs(field_name, wanted, agreement_ids):
    """{agreement id: {wanted term id it has}} of the agreements `agreement_ids` from a
    many-to-many table, in one query (none when nothing is wanted or no agreement given)."""
    found = defaultdict(set)
    if not (wanted and agreement_ids):
        return found
    table, source, target = through(field_name)
    rows = table.objects.filter(
        **{f"{target}_id__in": wanted, f"{source}_id__in": agreement_ids}
    ).values_list(f"{source}_id", f"{target}_id")
    for agreement_id, term_id in rows:
        found[agreement_id].add(term_id)
    return found


def word_condition(word, fields, languages=None):
    """The condition of rows that hold `word` in any of `fields` (any case), and are in one
    of `languages` (a set of language codes) when given."""
    condition = reduce(or_, (Q(**{f"{name}__icontains": word}) for name in fields))
    if languages is not None:
        condition &= Q(locale__language_code__in=sorted(languages))
    return condition


def word_hits(words, fields, languages=None):
    """Annotations hit_0, hit_1...: 1 when the word is in any of `fields` (any case) and,
    with `languages` (one set of language codes per word), the row is in one of the word's
    languages."""
    annotations = {}
    for index, word in enumerate(words):
        condition = word_condition(word, fields, languages[index] if languages else None)
        annotations[f"hit_{index}"] = Case(
            When(condition, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    return annotations


def reference_date_of(agreements, today):
    """The day ages are counted from: the latest signature in the archive, or today if that
    is later than today (a typing error), so that an archive that has not been updated for
    a while still tells its recent agreements from its old ones."""
    latest = agreements.aggregate(latest=Max("signature_date"))["latest"]
    return min(latest, today) if latest else today


def nearby_regions(criteria):
    """The regions of the requested countries that are not requested themselves: an
    agreement or a profile there matches the place in part (one query, none without
    countries)."""
    if not criteria.countries:
        return frozenset()
    country_regions = Country.objects.filter(pk__in=criteria.countries, region__isnull=False)
    return frozenset(country_regions.values_list("region_id", flat=True)) - criteria.regions


def _in_terms(field_name, wanted):
    table, source, target = through(field_name)
    rows = table.objects.filter(**{f"{target}_id__in": wanted})
    return Q(pk__in=rows.values(f"{source}_id"))


def _matched_agreements(criteria, nearby):
    """The condition of agreements that match the request in an area, a place or the text."""
    condition = Q()
    if criteria.areas:
        condition |= Q(primary_area_id__in=criteria.areas)
        condition |= _in_terms("secondary_areas", criteria.areas)
    regions = criteria.regions | nearby
    if regions:
        condition |= _in_terms("regions", regions)
    if criteria.countries:
        condition |= _in_terms("countries", criteria.countries)
    for word in criteria.words:
        condition |= Q(title__icontains=word)
    return condition


@dataclass(frozen=True)
class AgreementSearch:
    """The agreements side of a search: the criteria, the regions of its countries
    (`nearby`), the day ages are counted from, the full weight of the request, and `links`,
    the AgreementPartner rows of the matching agreements (None when only the profile can
    match, e.g. funding types alone)."""

    criteria: object
    nearby: frozenset
    reference_date: object
    full: float
    links: object


def agreement_search(criteria, agreements, nearby, reference_date):
    """The AgreementSearch of `criteria` among `agreements` (public ones only, or all)."""
    condition = _matched_agreements(criteria, nearby)
    links = None
    if condition:
        links = AgreementPartner.objects.filter(agreement__in=agreements.filter(condition))
        if criteria.kinds:
            links = links.filter(partner__kind_id__in=criteria.kinds)
    return AgreementSearch(criteria, nearby, reference_date, full_weight(criteria), links)
