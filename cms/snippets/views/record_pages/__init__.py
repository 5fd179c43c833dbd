"""The read-only record pages of partners and agreements: what a listing opens.

Staff look a partner or an agreement up far more often than they change it, and most roles
may not change it at all: the listings open these pages, laid out as records (sections of
definition lists, linked partners, agreements and amendments), and only those the permission
policy allows see the "Edit" button. Confidential agreements and the signed documents follow
the same rules as elsewhere: an agreement's record, and the confidential agreements listed on
a partner's record, are for those who may see the whole archive (`snippets.view_agreement`);
a signed document is offered only to those its private collection lets download it (the
collection's view restriction, as the document's own address checks).

Each page reads its related rows in a fixed number of queries, whatever their number: the
partners at once, the partner's agreements at once, the amendment chain one query per level
of the chain (an addendum of an addendum is a second level), never one per amendment.
"""

from .agreements import AgreementInspectView, AmendmentChain
from .base import EMPTY, RecordPageMixin, may_see_confidential
from .partners import PartnerInspectView

__all__ = [
    "EMPTY",
    "AgreementInspectView",
    "AmendmentChain",
    "PartnerInspectView",
    "RecordPageMixin",
    "may_see_confidential",
]
