"""What the partner finder answers: the ranking, each partner's match with its score
breakdown, and the agreements behind it (built by `ranking`)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from cms.snippets.models import AgreementPartner

from .criteria import Criteria
from .weights import COMPONENTS

__all__ = ["AgreementFacts", "AgreementReason", "PartnerMatch", "Ranking"]


@dataclass(slots=True)
class AgreementFacts:
    """What one agreement matches, whoever signed it: `matched_*` hold the ids of the
    requested terms it matched, `*_match` the share of the request, `recency` and `value` its
    factors (see `weights`)."""

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
    #: The words of the free text found in its title (only those), in the text's order.
    matched_words: tuple
    recency: float
    value: float


@dataclass
class AgreementReason(AgreementFacts):
    """A past agreement that earned a partner points: its facts, the partner's role in it and
    how much it earned, by component."""

    pk: int
    role: str
    role_weight: float
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
    #: The most valuable agreements that counted, in detail (at most `reasons_limit`).
    agreements: list = field(default_factory=list)
    #: The references of all the agreements that counted, most points first.
    references: list = field(default_factory=list)
    #: Those of them that are confidential (only for those who may see them).
    confidential_references: frozenset = frozenset()
    priority_areas: tuple = ()
    beneficiary_regions: tuple = ()
    beneficiary_countries: tuple = ()
    funding_types: tuple = ()
    text_words: tuple = ()

    @property
    def more_agreements(self):
        """How many agreements that counted are not detailed in `agreements`."""
        return len(self.references) - len(self.agreements)

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
            "agreements": list(self.references),
        }


@dataclass
class Ranking:
    """The answer to a search: the best partners first, the date recency is counted from,
    and how many partners scored at all."""

    criteria: Criteria
    reference_date: datetime.date
    results: list
    total: int
