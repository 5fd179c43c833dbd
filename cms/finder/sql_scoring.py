"""The partners' agreement points added up by the database: one grouped query, one row per
partner, whatever the size of the archive.

The figures are those of `formula`, built from the same declarations as database expressions
(`SQL` is its arithmetic on expressions), on PostgreSQL and SQLite alike. They may differ from
Python's in the last bits of a float: `ranking` scores the partners that may be shown again in
Python, so these sums only choose which partners those are.
"""

from django.db import connections
from django.db.models import Case, F, FloatField, Func, Q, Sum, Value, When
from django.db.models.functions import Coalesce, Greatest, Least

from cms.snippets.models import AgreementPartner

from . import formula
from .formula import AGREEMENT_KEYS, AREA_SHARES, PLACE_SHARES
from .matching import AmongIds, through, word_ids
from .weights import ROLE_WEIGHTS, VALUE_FLOOR_USD

__all__ = ["SQL", "agreement_sums"]


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


class _Float(Value):
    """A number as a float. PostgreSQL reads a bare ``0.5`` as a NUMERIC and converted the
    shares and role weights to floats again on every row (through text); typed, the
    constant is converted once, when the query is planned."""

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = self.as_sql(compiler, connection, **extra_context)
        return f"{sql}::double precision", params


class SqlArithmetic:
    """`formula.Arithmetic` on database expressions: a condition is a Q, or None for a rule
    the request cannot meet."""

    @staticmethod
    def number(value):
        return _Float(float(value), output_field=FloatField())

    greatest = Greatest
    least = Least
    log10 = _Log10

    def choose(self, rules, conditions):
        whens = [
            When(condition, then=self.number(share))
            for (_name, share), condition in zip(rules, conditions, strict=True)
            if condition is not None
        ]
        return Case(*whens, default=self.number(0)) if whens else self.number(0)


SQL = SqlArithmetic()


def _linked_to(field_name, wanted):
    """The condition of AgreementPartner rows whose agreement has one of the `wanted` terms
    in its many-to-many `field_name`, or None when nothing is wanted."""
    if not wanted:
        return None
    table, source, target = through(field_name)
    rows = table.objects.filter(**{f"{target}_id__in": wanted})
    return Q(agreement_id__in=rows.values(f"{source}_id"))


def _area_share(criteria):
    if not criteria.areas:
        return SQL.number(0)
    primary = Q(agreement__primary_area_id__in=criteria.areas)
    return formula.first_share(
        SQL, AREA_SHARES, (primary, _linked_to("secondary_areas", criteria.areas))
    )


def _place_share(criteria, nearby):
    requested = [
        _linked_to("regions", criteria.regions),
        _linked_to("countries", criteria.countries),
    ]
    requested = [condition for condition in requested if condition is not None]
    in_place = Q.create(requested, connector=Q.OR) if requested else None
    return formula.first_share(SQL, PLACE_SHARES, (in_place, _linked_to("regions", nearby)))


def _text_share(search):
    """The titles were searched once for the whole search (`matching.title_hits`): each row
    only looks its agreement up among those holding each word. A title test written here
    was evaluated for every use of the share (two sums) on every row, and even as a
    subquery it scanned the titles once per use."""
    words = search.criteria.words
    hits = [
        Case(
            When(AmongIds("agreement_id", word_ids(search.hits, index)), then=SQL.number(1)),
            default=SQL.number(0),
        )
        for index in range(len(words))
    ]
    return formula.text_share(SQL, hits, len(words))


def _recency(reference_date):
    day = Coalesce("agreement__signature_date", "agreement__registered_on")
    return Case(
        When(
            agreement__signature_date__isnull=True,
            agreement__registered_on__isnull=True,
            then=SQL.number(0),
        ),
        default=formula.recency(SQL, _DaysBefore(day, reference_date)),
    )


def _value():
    return Case(
        When(
            agreement__amount_usd__gt=VALUE_FLOOR_USD,
            then=formula.value(SQL, F("agreement__amount_usd")),
        ),
        default=SQL.number(0),
    )


def _role_weight():
    other = ROLE_WEIGHTS[AgreementPartner.Role.OTHER]
    return Case(
        *(When(role=role, then=SQL.number(points)) for role, points in ROLE_WEIGHTS.items()),
        default=SQL.number(other),
    )


def agreement_sums(search):
    """{partner id: [area, place, text, value] points} of the AgreementPartner rows of the
    AgreementSearch `search`, added up by the database (one query, one row per partner)."""
    criteria = search.criteria
    points = formula.agreement_points(
        SQL,
        (F("w_area"), F("w_place"), F("w_text")),
        F("w_recency"),
        F("w_value"),
        search.full,
    )
    rows = (
        search.links.alias(
            w_area=_area_share(criteria),
            w_place=_place_share(criteria, search.nearby),
            w_text=_text_share(search),
            w_recency=_recency(search.reference_date),
            w_value=_value(),
            w_role=_role_weight(),
        )
        .values("partner_id")
        .annotate(
            **{
                key: Sum(F("w_role") * term)
                for key, term in zip(AGREEMENT_KEYS, points, strict=True)
            }
        )
        .values_list("partner_id", *AGREEMENT_KEYS)
        .order_by()
    )
    # Read through the cursor: the sums are floats already, and Django's conversion of
    # every value of about a thousand rows took longer than the rest of the reading.
    sql, params = rows.query.get_compiler(using=rows.db).as_sql()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        return {pk: [points or 0.0 for points in sums] for pk, *sums in cursor.fetchall()}
