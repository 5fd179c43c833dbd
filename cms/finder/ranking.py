"""The ranking of the partner finder: which partners to approach for a new activity, and why.

A partner earns points in two ways (the README explains them in plain words):

1. **Past agreements.** Every agreement the partner signed that concerns a requested thematic
   area, a requested place (region or country) or the free text (in its title) *counts*. It
   earns points for what it matches (area, place, title), plus points for its value (on a
   logarithmic scale, in proportion to how much of the request it matches); all of them
   multiplied by its recency (halved every HALF_LIFE_YEARS years) and by the partner's role in
   it (a funder counts fully, a beneficiary little). Agreements that match nothing do not
   count and are not listed. The formula is written once, in `formula`.
2. **Its profile** (`profile_scoring`): the share of the requested areas among its stated
   priority areas, of the requested regions and countries among its beneficiary ones, of the
   requested funding types among its own, and of the words of the free text found in its
   name, acronym, other names or mandate (in the text's language or in English).

The score is the sum of these components; each result carries its breakdown and exactly the
agreements that earned points. Partner kinds only restrict the partners considered.

`rank_partners` composes the parts with a fixed number of SQL queries (about a dozen, whatever
the number of partners and agreements): the database adds up every partner's agreement points
(`sql_scoring`, one grouped query); the profiles come in one query per kind of term; the
partners that may end up among the results (those within SQL_MARGIN points of the last one
shown) are then scored again in Python from their own agreements only (`python_scoring`), and
those give the reasons. So the ranking, the scores and the reasons do not depend on the
database's floating-point arithmetic, and only a few hundred agreements are read into Python.

A result lists every agreement that counted in `references` (most points first); the detailed
`agreements` (AgreementReason) are the `reasons_limit` most valuable of them (REASONS_LIMIT by
default), so that a partner with hundreds of agreements does not weigh on the page, the
endpoint and the search itself.
"""

from django.conf import settings
from django.utils import timezone

from cms.snippets.models import Agreement, Partner

from .matching import agreement_search, country_regions, nearby_regions, reference_date_of
from .profile_scoring import Profiles
from .python_scoring import score_agreements
from .results import PartnerMatch, Ranking
from .sql_scoring import agreement_sums
from .weights import DEFAULT_LIMIT, REASONS_LIMIT

__all__ = ["SQL_MARGIN", "rank_partners"]

#: Partners whose score worked out by the database is within this many points of the last
#: result's are scored again in Python (see `rank_partners`). The database's sums differ
#: from Python's by far less than a millionth; each of the four rounded agreement
#: components may then differ by 0.01, so two partners' scores by less than 0.1.
SQL_MARGIN = 0.1
#: Below this, an agreement component might round to zero: such partners are scored again
#: in Python, to count exactly the partners that score.
_TINY = 0.006


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
    counted from (by default the latest signature date, see `reference_date_of`).
    `language`: the language partners are named in (their translation's name where one
    exists); English names are always in `english_name`. `limit`: how many results (None for
    all). `reasons_limit`: how many agreements of each result are detailed in its
    `agreements` (None for all); its `references` list all of them.
    """
    agreements = Agreement.objects.all() if include_confidential else Agreement.objects.public()
    if reference_date is None:
        reference_date = reference_date_of(agreements, timezone.localdate())
    if criteria.is_empty:
        return Ranking(criteria=criteria, reference_date=reference_date, results=[], total=0)

    regions_of = country_regions(criteria)
    nearby = nearby_regions(criteria, regions_of)
    profiles = Profiles(criteria, nearby, regions_of)
    scores, exact = _scores(
        agreement_search(criteria, agreements, nearby, reference_date), profiles, limit
    )
    ranked = sorted(
        (pk for pk, (score, _points) in scores.items() if score > 0),
        key=_order(scores, profiles),
    )
    shown = ranked if limit is None else ranked[:limit]
    results = [_match(pk, scores[pk], profiles, exact, reasons_limit) for pk in shown]
    if language and language != settings.LANGUAGE_CODE and results:
        _localize_names(results, profiles.partners, language)
    return Ranking(
        criteria=criteria, reference_date=reference_date, results=results, total=len(ranked)
    )


def _scores(search, profiles, limit):
    """{partner id: (score, [area, place, text, value] agreement points or None)} of every
    partner that may score, and the PythonScores of those that may be shown (None when no
    agreement can match).

    The database adds up the agreement points of every partner; those that may be shown, and
    those whose score might round to zero, are scored again in Python from their own
    agreements: the figures, the order and the reasons are exact. Only the partners shown
    get their breakdown (`_match`)."""
    sums = agreement_sums(search) if search.links is not None else {}
    scores = {}
    for pk in profiles.candidates(sums):
        points = sums.get(pk)
        scores[pk] = (profiles.score(pk, points), points)
    if not sums:
        return scores, None
    again = _to_score_again(scores, sums, limit, _order(scores, profiles))
    exact = score_agreements(search, again)
    for pk in again:
        points = exact.totals.get(pk)
        scores[pk] = (profiles.score(pk, points), points)
    return scores, exact


def _order(scores, profiles):
    """The ranking's order: best score first, ties by name, then by id."""
    return lambda pk: (-scores[pk][0], profiles.partners[pk]["name"].casefold(), pk)


def _to_score_again(scores, sums, limit, order):
    """The partners with agreement points whose database score is close enough to the last
    place shown (within SQL_MARGIN) to be shown, or small enough to round to zero."""
    scoring = [pk for pk, (score, _points) in scores.items() if score > 0]
    last = None
    if limit is not None and len(scoring) > limit:
        last = scores[sorted(scoring, key=order)[limit - 1]][0]
    return {
        pk
        for pk, points in sums.items()
        if pk in scores
        and (last is None or scores[pk][0] >= last - SQL_MARGIN or max(points) < _TINY)
    }


def _match(pk, scored, profiles, exact, reasons_limit):
    """The PartnerMatch of partner `pk` with its (score, agreement points), its breakdown,
    profile terms and, from the Python scores `exact`, the agreements behind it."""
    row = profiles.partners[pk]
    score, breakdown = profiles.breakdown(pk, scored[1])
    match = PartnerMatch(
        pk=pk,
        name=row["name"],
        english_name=row["name"],
        acronym=row["acronym"],
        kind_id=row["kind_id"],
        is_funding_partner=row["is_funding_partner"],
        score=score,
        breakdown=breakdown,
        **profiles.matched_terms(pk),
    )
    if exact is not None and pk in exact.links:
        match.agreements, match.references = exact.reasons(pk, reasons_limit)
        match.confidential_references = exact.confidential_references(pk)
    return match


def _localize_names(results, partners, language):
    """Name the results in `language` where the partner is translated (one query)."""
    keys = {partners[match.pk]["translation_key"]: match for match in results}
    rows = Partner.objects.filter(
        locale__language_code=language, translation_key__in=keys
    ).values_list("translation_key", "name")
    for key, name in rows:
        if name:
            keys[str(key)].name = name
