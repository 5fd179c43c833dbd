"""/api/v1/partner-finder/: the partner finder for staff, in JSON.

Signed-in users of the admin (Django session) holding the "Can use the partner finder"
permission get the same ranked list as `manage.py find_partners --json` (best first:
`partner`, `score`, `agreements`: every agreement that counted), plus each partner's id and
kind, the breakdown of its score and the details of its most valuable agreements (`reasons`,
at most 25; `more_reasons` counts the others). Others get 401 (not signed in) or 403, in JSON.

Confidential agreements count, and are listed, only for users who may see the whole
archive, exactly as in the admin's finder.
"""

from django.utils.translation import override
from ninja import Field, Query, Router, Schema
from ninja.security import SessionAuth

from cms.finder.criteria import Criteria, UnknownTerm, resolve_countries, resolve_terms
from cms.finder.forms import opportunity_query
from cms.finder.models import can_use_finder
from cms.finder.presentation import match_data
from cms.finder.ranking import rank_partners
from cms.finder.views import find_opportunity, may_see_confidential
from cms.finder.weights import DEFAULT_LIMIT, MAX_LIMIT
from cms.snippets.models import BeneficiaryRegion, FundingType, PartnerKind, ThematicArea
from cms.snippets.terms import load_terms

from .errors import ApiError
from .schemas import ErrorOut

__all__ = ["router"]

router = Router(tags=["partner finder"])


class StaffSession(SessionAuth):
    """The admin's session: any signed-in user; the view checks the permission."""

    def authenticate(self, request, key):
        return request.user if request.user.is_authenticated else None


class FinderParams(Schema):
    """What to find partners for. Terms by code or by name in any of the six languages;
    each of area, region, country, funding_type and kind may be repeated."""

    area: list[str] = Field(default_factory=list, description="Thematic area (code or name).")
    region: list[str] = Field(default_factory=list, description="Region code or name.")
    country: list[str] = Field(default_factory=list, description="ISO 3166 country code.")
    funding_type: list[str] = Field(default_factory=list, description="Funding type.")
    kind: list[str] = Field(default_factory=list, description="Only partners of this kind.")
    text: str = Field("", max_length=1000, description="Words to look for.")
    lang: str = Field(
        "",
        max_length=16,
        description=(
            "The language the text is written in (en, fr, es, ru, ar, zh-hans), for a text "
            "whose words could be of several; by default told from its words."
        ),
    )
    opportunity: int | None = Field(
        None, description="Id of an opportunity page whose terms are added to the criteria."
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="How many partners.")


class ReasonOut(Schema):
    reference: str
    title: str
    date: str | None
    role: str
    value_usd: float | None
    confidential: bool
    matched_words: list[str] = Field(
        description="The words of the text found in the agreement's title (only those)."
    )
    recency: float
    points: float


class MatchOut(Schema):
    partner: str
    score: float
    agreements: list[str]
    partner_id: int
    kind: str | None
    breakdown: dict[str, float]
    reasons: list[ReasonOut] = Field(
        description="The most valuable agreements behind the score (at most 25), in detail."
    )
    more_reasons: int = Field(
        description="How many more agreements count (listed in `agreements`, not detailed)."
    )
    profile_words: list[str] = Field(
        description="The words of the text found in the partner's names or mandate."
    )


@router.get(
    "/partner-finder/",
    response={200: list[MatchOut], 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    auth=StaffSession(),
    summary="Rank partners for a new activity (staff only)",
)
def find_partners(request, params: Query[FinderParams]):
    """Partners ranked by their past agreements in the requested areas and places (weighted
    by recency and value) and by their stated priorities, best first, each with the breakdown
    of its score and the agreements behind it."""
    if not can_use_finder(request.user):
        raise ApiError(403, "You do not have permission to use the partner finder.")
    values = {
        name: list(getattr(params, name))
        for name in ("area", "region", "country", "funding_type", "kind")
    }
    if params.opportunity is not None:
        page = find_opportunity(request.user, params.opportunity)
        if page is None:
            raise ApiError(400, f"Unknown opportunity {params.opportunity}.")
        for name, codes in opportunity_query(page).lists():
            if name in values:
                values[name] += codes
    try:
        with override("en"):
            criteria = Criteria(
                areas=resolve_terms(ThematicArea, values["area"]),
                regions=resolve_terms(BeneficiaryRegion, values["region"]),
                countries=resolve_countries(values["country"]),
                funding_types=resolve_terms(FundingType, values["funding_type"]),
                kinds=resolve_terms(PartnerKind, values["kind"]),
                text=params.text,
                language=params.lang,
            )
    except UnknownTerm as error:
        raise ApiError(400, str(error)) from None
    if criteria.is_empty:
        raise ApiError(
            400, "Give at least one area, region, country, funding_type, text or opportunity."
        )
    ranking = rank_partners(
        criteria, include_confidential=may_see_confidential(request.user), limit=params.limit
    )
    kinds = load_terms(PartnerKind, "en")
    return [match_data(match, kinds) for match in ranking.results]
