"""The two ways the finder adds up agreement points, side by side, for the tests that check
that they agree (`formula` is meant to make them the same computation)."""

from django.utils import timezone

from cms.finder.matching import agreement_search, nearby_regions, reference_date_of
from cms.finder.profile_scoring import Profiles, english_partners
from cms.finder.python_scoring import score_agreements
from cms.finder.sql_scoring import agreement_sums
from cms.snippets.models import Agreement

NO_POINTS = [0.0, 0.0, 0.0, 0.0]


def both_scorings(criteria, *, include_confidential=True):
    """{English partner id: (SQL [area, place, text, value], Python [same],
    SQL (score, breakdown), Python (score, breakdown))} for every English partner."""
    agreements = Agreement.objects.all() if include_confidential else Agreement.objects.public()
    reference_date = reference_date_of(agreements, timezone.localdate())
    nearby = nearby_regions(criteria)
    search = agreement_search(criteria, agreements, nearby, reference_date)
    partner_ids = list(english_partners().values_list("pk", flat=True))
    sql, python = {}, {}
    if search.links is not None:
        sql = agreement_sums(search)
        python = score_agreements(search, partner_ids).totals
    profiles = Profiles(criteria, nearby)
    return {
        pk: (
            sql.get(pk, NO_POINTS),
            python.get(pk, NO_POINTS),
            profiles.breakdown(pk, sql.get(pk)),
            profiles.breakdown(pk, python.get(pk)),
        )
        for pk in partner_ids
    }


def disagreements(criteria, *, include_confidential=True, tolerance=1e-9):
    """(the partners whose SQL and Python figures differ, by more than `tolerance` in a raw
    component or by a cent in the breakdown, the largest raw difference, how many partners
    were compared, how many earned agreement points)."""
    scored = both_scorings(criteria, include_confidential=include_confidential)
    wrong, largest, earning = {}, 0.0, 0
    for pk, (sql, python, sql_breakdown, python_breakdown) in scored.items():
        gap = max(abs(a - b) for a, b in zip(sql, python, strict=True))
        largest = max(largest, gap)
        earning += any(python)
        if gap > tolerance or sql_breakdown != python_breakdown:
            wrong[pk] = (sql, python)
    return wrong, largest, len(scored), earning
