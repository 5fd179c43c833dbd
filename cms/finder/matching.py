"""Which agreements and partners a search concerns, before any scoring: the request's
places (with the regions of its countries), the agreements it matches, and the link rows
(partner, role, agreement) that SQL and Python scoring both read.

An agreement *counts* when its primary or a secondary area is requested, when it benefits a
requested region or country (or the region of a requested country), or when its title holds
a word of the text.

The titles are searched once per search (`title_hits`, one query that PostgreSQL answers
from the trigram index): testing `title LIKE '%word%'` wherever a rule needs it cost a scan
of every title for each use, up to ten times per search at ten times the demo. The later
queries look the agreement up among the ids found (`AmongIds`), and the conditions are
written on the link rows' own join with their agreement rather than in a second subquery
over the whole archive.
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import BooleanField, Case, F, Func, IntegerField, Max, Q, Value, When

from cms.snippets.models import Agreement, AgreementPartner, Country

from .formula import full_weight

__all__ = [
    "AgreementSearch",
    "AmongIds",
    "agreement_search",
    "country_regions",
    "nearby_regions",
    "reference_date_of",
    "term_pairs",
    "through",
    "title_hits",
    "word_condition",
    "word_hits",
    "word_ids",
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
    rows = (
        table.objects.filter(**{f"{target}_id__in": wanted})
        .filter(AmongIds(f"{source}_id", agreement_ids))
        .values_list(f"{source}_id", f"{target}_id")
    )
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


class AmongIds(Func):
    """The condition that a column (an agreement id) is one of `ids`, given to the database
    as one value: an array on PostgreSQL, which looks it up in a hash table, and a JSON
    list on SQLite. A search's word may hold in hundreds of titles: one placeholder per id
    would cost Django and the driver more than the lookup itself."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, column, ids):
        super().__init__(F(column))
        self.ids = sorted(ids)

    def as_sql(self, compiler, connection, **extra_context):  # PostgreSQL
        sql, params = compiler.compile(self.get_source_expressions()[0])
        # The array as PostgreSQL writes it: the driver's own conversion of a list took
        # longer than the query's lookups.
        array = "{" + ",".join(str(int(pk)) for pk in self.ids) + "}"
        return f"({sql} = ANY(%s::bigint[]))", (*params, array)

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.get_source_expressions()[0])
        # Only the compiled column is written into the SQL; the ids are a parameter.
        subquery = "SELECT value FROM json_each(%s)"
        return f"({sql} IN ({subquery}))", (*params, json.dumps(self.ids))


def title_hits(words):
    """{agreement id: (1 or 0 for each of `words`)} of the agreements whose title holds at
    least one of the words (any case), in one query; empty without words."""
    if not words:
        return {}
    annotations = word_hits(words, ("title",))
    rows = (
        Agreement._base_manager.filter(reduce(or_, (Q(title__icontains=word) for word in words)))
        .annotate(**annotations)
        .values_list("pk", *annotations)
        .order_by()
    )
    return {pk: tuple(hits) for pk, *hits in rows}


def word_ids(hits, index):
    """The ids of the agreements of `title_hits` whose title holds word number `index`."""
    return [pk for pk, found in hits.items() if found[index]]


def reference_date_of(agreements, today):
    """The day ages are counted from: the latest signature in the archive, or today if that
    is later than today (a typing error), so that an archive that has not been updated for
    a while still tells its recent agreements from its old ones."""
    latest = agreements.aggregate(latest=Max("signature_date"))["latest"]
    return min(latest, today) if latest else today


def country_regions(criteria):
    """{requested country id: its region id, or None} (one query, none without countries)."""
    if not criteria.countries:
        return {}
    return dict(Country.objects.filter(pk__in=criteria.countries).values_list("pk", "region_id"))


def nearby_regions(criteria, regions_of=None):
    """The regions of the requested countries that are not requested themselves: an
    agreement or a profile there matches the place in part (`regions_of`: the
    `country_regions` of the criteria, read here when not given)."""
    if not criteria.countries:
        return frozenset()
    if regions_of is None:
        regions_of = country_regions(criteria)
    return frozenset(region for region in regions_of.values() if region) - criteria.regions


def _in_terms(field_name, wanted):
    table, source, target = through(field_name)
    rows = table.objects.filter(**{f"{target}_id__in": wanted})
    return Q(agreement_id__in=rows.values(f"{source}_id"))


def _matched_links(criteria, nearby, hits):
    """The condition of AgreementPartner rows whose agreement matches the request in an
    area, a place or the text (`hits`: the `title_hits` of its words)."""
    condition = Q()
    if criteria.areas:
        condition |= Q(agreement__primary_area_id__in=criteria.areas)
        condition |= _in_terms("secondary_areas", criteria.areas)
    regions = criteria.regions | nearby
    if regions:
        condition |= _in_terms("regions", regions)
    if criteria.countries:
        condition |= _in_terms("countries", criteria.countries)
    if criteria.words:
        condition |= Q(AmongIds("agreement_id", hits))
    return condition


@dataclass(frozen=True)
class AgreementSearch:
    """The agreements side of a search: the criteria, the regions of its countries
    (`nearby`), the day ages are counted from, the full weight of the request, `links`,
    the AgreementPartner rows of the matching agreements (None when only the profile can
    match, e.g. funding types alone), and `hits`, the `title_hits` of the text's words."""

    criteria: object
    nearby: frozenset
    reference_date: object
    full: float
    links: object
    hits: dict

    def word_hits(self, agreement_id):
        """(1 or 0 for each word of the text) of whether the agreement's title holds it."""
        return self.hits.get(agreement_id) or (0,) * len(self.criteria.words)


def agreement_search(criteria, agreements, nearby, reference_date):
    """The AgreementSearch of `criteria` among `agreements` (public ones only, or all)."""
    hits = title_hits(criteria.words)
    condition = _matched_links(criteria, nearby, hits)
    links = None
    if condition:
        links = AgreementPartner.objects.filter(condition)
        if agreements.query.has_filters():  # e.g. public ones only
            links = links.filter(agreement__in=agreements)
        if criteria.kinds:
            links = links.filter(partner__kind_id__in=criteria.kinds)
    return AgreementSearch(criteria, nearby, reference_date, full_weight(criteria), links, hits)
