"""The weights of the partner finder's score, as named constants, so that the rules can be
tuned in one place; `formula` combines them into an agreement's points and `profile_scoring`
into a profile's. The README explains them in plain words."""

import math

from django.utils.translation import gettext_lazy as _

from cms.snippets.models import AgreementPartner

__all__ = [
    "AREA_WEIGHT",
    "BENEFICIARY_PLACE_POINTS",
    "COMPONENTS",
    "COMPONENT_KEYS",
    "DEFAULT_LIMIT",
    "FUNDING_TYPE_POINTS",
    "HALF_LIFE_YEARS",
    "LOG_FLOOR",
    "LOG_SPAN",
    "MAX_LIMIT",
    "NEARBY_PLACE_MATCH",
    "PLACE_WEIGHT",
    "PRIORITY_AREA_POINTS",
    "PROFILE_TEXT_POINTS",
    "REASONS_LIMIT",
    "ROLE_WEIGHTS",
    "SECONDARY_AREA_MATCH",
    "TEXT_WEIGHT",
    "VALUE_CEILING_USD",
    "VALUE_FLOOR_USD",
    "VALUE_WEIGHT",
]

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
#: The same bounds as powers of ten (the database's sums use them too).
LOG_FLOOR = math.log10(VALUE_FLOOR_USD)
LOG_SPAN = math.log10(VALUE_CEILING_USD) - LOG_FLOOR
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
#: Detailed reasons (AgreementReason) kept per result, the most valuable first; every
#: agreement that counted is still listed in the result's `references`.
REASONS_LIMIT = 25
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
