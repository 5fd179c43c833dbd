"""An agreement of the demo archive as planned, before it is written to the database."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

__all__ = ["PlannedAgreement"]


@dataclass(eq=False)
class PlannedAgreement:
    """One agreement of the demo archive, before it is written to the database."""

    title: str
    type_code: str
    area: str
    regions: tuple
    signature_date: datetime.date | None
    registered_on: datetime.date
    partners: list = field(default_factory=list)  # (partner name, role)
    currency: str = "USD"
    amount: Decimal | None = None
    amount_usd: Decimal | None = None
    countries: tuple = ()
    secondary_areas: tuple = ()
    tags: tuple = ()
    confidential: bool = False
    parent: "PlannedAgreement | None" = None
    purpose: str = ""
    weight: float = 0.0  # share of the period's value still to be given
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    status: str = "active"
    reference: str = ""
    amendments: int = 0

    @property
    def is_amendment(self):
        return self.parent is not None

    @property
    def date(self):
        return self.signature_date or self.registered_on
