"""The partners' agreement points worked out in Python, agreement by agreement, with the
facts that explain each one (what it matched, its recency and value, the partner's role).

`ranking` uses this for the partners that may be shown: their scores are then exactly those of
`formula` on Python floats, whatever the database, and their reasons come with them. The
agreements are read once each (one query for the links, one per many-to-many table).
"""

from collections import defaultdict
from dataclasses import dataclass, fields

from cms.snippets.models import AgreementPartner

from . import formula
from .formula import AREA_SHARES, PLACE_SHARES, PYTHON, recency_factor, value_factor
from .matching import term_pairs
from .results import AgreementFacts, AgreementReason
from .weights import ROLE_WEIGHTS

__all__ = ["LINK_COLUMNS", "AgreementScorer", "PythonScores", "score_agreements"]

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
_NO_POINTS = (0.0, 0.0, 0.0, 0.0)
#: What an AgreementReason takes from its agreement's AgreementFacts.
_FACT_FIELDS = tuple(item.name for item in fields(AgreementFacts))


def role_weight(role):
    """How much an agreement counts for a partner of this role."""
    return ROLE_WEIGHTS.get(role, ROLE_WEIGHTS[AgreementPartner.Role.OTHER])


class AgreementScorer:
    """Scores the agreements of the link rows, each once, whoever signed it.

    `details` are the requested terms each agreement has: ({agreement id: secondary area
    ids}, {agreement id: region ids (requested or nearby)}, {agreement id: country ids})."""

    def __init__(self, search, details):
        self.criteria = search.criteria
        self.nearby = search.nearby
        self.reference_date = search.reference_date
        self.full = search.full
        self.words = len(search.criteria.words)
        self.secondary, self.regions, self.countries = details
        #: {agreement id: its (area, place, text, value) points for a role weight of 1, or
        #: None when it matches nothing}.
        self.cache = {}

    def shares(self, pk, row):
        """The (area, place, text) shares of agreement `pk` (see `formula`)."""
        criteria = self.criteria
        regions = self.regions.get(pk)
        area = formula.first_share(
            PYTHON, AREA_SHARES, (row[8] in criteria.areas, pk in self.secondary)
        )
        requested = pk in self.countries or bool(
            regions and not regions.isdisjoint(criteria.regions)
        )
        nearby = bool(regions and not regions.isdisjoint(self.nearby))
        place = formula.first_share(PYTHON, PLACE_SHARES, (requested, nearby))
        text = formula.text_share(PYTHON, row[11:], self.words)
        return area, place, text

    def points(self, pk, row):
        """The (area, place, text, value) points of agreement `pk` for a role weight of 1, or
        None if it matches nothing (worked out once per agreement)."""
        if pk in self.cache:
            return self.cache[pk]
        shares = self.shares(pk, row)
        points = None
        if any(shares):
            recency = recency_factor(row[5] or row[6], self.reference_date)
            points = formula.agreement_points(
                PYTHON, shares, recency, value_factor(row[7]), self.full
            )
        self.cache[pk] = points
        return points

    def facts(self, pk, row):
        """What agreement `pk` matched, in terms (the requested ids it has), and its factors."""
        criteria = self.criteria
        reference, title, signed, registered, amount, primary, confidential, amendment = row[3:11]
        area, place, text = self.shares(pk, row)
        matched_areas = ()
        if primary in criteria.areas:
            matched_areas = (primary,)
        elif pk in self.secondary:
            matched_areas = tuple(sorted(self.secondary[pk]))
        regions = self.regions.get(pk, frozenset())
        matched_regions = tuple(sorted(regions & criteria.regions))
        matched_countries = tuple(sorted(self.countries.get(pk, ())))
        if place and not (matched_regions or matched_countries):  # only a nearby region
            matched_regions = tuple(sorted(regions & self.nearby))
        matched_words = tuple(
            word for word, hit in zip(criteria.words, row[11:], strict=True) if hit
        )
        day = signed or registered
        return AgreementFacts(
            reference=reference,
            title=title,
            date=day,
            amount_usd=amount,
            is_confidential=confidential,
            is_amendment=amendment,
            area_match=area,
            place_match=place,
            text_match=text,
            matched_areas=matched_areas,
            matched_regions=matched_regions,
            matched_countries=matched_countries,
            matched_words=matched_words,
            recency=recency_factor(day, self.reference_date),
            value=value_factor(amount),
        )

    def reason(self, pk, role, row):
        """The AgreementReason of a partner's link (agreement `pk`, `role`)."""
        facts = self.facts(pk, row)
        weight = role_weight(role)
        components = dict(
            zip(formula.AGREEMENT_KEYS, (weight * c for c in self.cache[pk]), strict=True)
        )
        return AgreementReason(
            **{name: getattr(facts, name) for name in _FACT_FIELDS},
            pk=pk,
            role=role,
            role_weight=weight,
            components=components,
            points=round(sum(components.values()), 2),
        )


@dataclass
class PythonScores:
    """The agreement points of some partners: `totals` ({partner id: [area, place, text,
    value]}), `links` ({partner id: [(agreement id, role)]} of the agreements that earned
    points), `rows` ({agreement id: its link row}) and the `scorer` that explains them."""

    totals: dict
    links: dict
    rows: dict
    scorer: AgreementScorer

    def reasons(self, partner_id, limit):
        """(the AgreementReasons of the `limit` most valuable agreements of the partner (all
        when None), the references of all of them), most points first."""
        ranked = []
        for pk, role in self.links[partner_id]:
            weight = role_weight(role)
            points = round(sum(weight * c for c in self.scorer.cache[pk]), 2)
            ranked.append((-points, self.rows[pk][3], pk, role))
        ranked.sort()
        detailed = ranked if limit is None else ranked[:limit]
        reasons = [self.scorer.reason(pk, role, self.rows[pk]) for _p, _r, pk, role in detailed]
        return reasons, [reference for _points, reference, _pk, _role in ranked]

    def confidential_references(self, partner_id):
        """The references of the partner's agreements that counted and are confidential
        (there are none unless confidential agreements were included)."""
        return frozenset(
            self.rows[pk][3] for pk, _role in self.links[partner_id] if self.rows[pk][9]
        )


def _add(totals, partner_id, weight, points):
    sums = totals.get(partner_id)
    if sums is None:
        sums = totals[partner_id] = [0.0, 0.0, 0.0, 0.0]
    for index, component in enumerate(points):
        sums[index] += weight * component


def score_agreements(search, partner_ids):
    """The PythonScores of the partners `partner_ids` in the AgreementSearch `search`: their
    link rows (one query; which words their titles hold comes from the search's
    `title_hits`), the requested terms of those agreements (one query per many-to-many
    table), each agreement scored once, then weighed by each partner's role."""
    criteria = search.criteria
    rows = [
        (*row, *search.word_hits(row[2]))
        for row in search.links.filter(partner_id__in=partner_ids)
        .values_list(*LINK_COLUMNS)
        .order_by()
    ]
    ids = sorted({row[2] for row in rows})
    details = (
        term_pairs("secondary_areas", criteria.areas, ids),
        term_pairs("regions", criteria.regions | search.nearby, ids),
        term_pairs("countries", criteria.countries, ids),
    )
    scorer = AgreementScorer(search, details)
    totals, links, row_of = {}, defaultdict(list), {}
    for row in rows:
        partner_id, role, pk = row[0], row[1], row[2]
        points = scorer.points(pk, row)
        row_of.setdefault(pk, row)
        if points is None or points == _NO_POINTS:
            continue
        _add(totals, partner_id, role_weight(role), points)
        links[partner_id].append((pk, role))
    return PythonScores(totals=totals, links=links, rows=row_of, scorer=scorer)
