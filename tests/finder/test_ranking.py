"""The ranking rules, on constructed data: recent, large agreements in the requested area
and region first; old, small or unrelated ones lower or not at all; and the reasons of each
result are exactly the agreements that earned it points."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.finder.criteria import Criteria, UnknownTerm, resolve_countries, resolve_terms
from cms.finder.formula import recency_factor, value_factor
from cms.finder.ranking import rank_partners
from cms.finder.weights import (
    AREA_WEIGHT,
    HALF_LIFE_YEARS,
    PLACE_WEIGHT,
    PRIORITY_AREA_POINTS,
)
from cms.snippets.factories import PartnerFactory

from . import built_once
from .conftest import OLD, RECENT, REFERENCE_DATE, agreement

pytestmark = pytest.mark.django_db

# The conftest's vocabularies and ranking archive, built once for this module (built_once.py).
finder_records, vocab, archive = built_once.FIXTURES


def rank(criteria, **kwargs):
    kwargs.setdefault("reference_date", REFERENCE_DATE)
    return rank_partners(criteria, **kwargs)


def names(ranking):
    return [match.name for match in ranking.results]


def by_name(ranking):
    return {match.name: match for match in ranking.results}


def cyber_in_africa(vocab, **extra):
    return Criteria(areas={vocab["cyber"].pk}, regions={vocab["afr"].pk}, **extra)


def test_recent_large_in_area_and_region_ranks_first(vocab, archive):
    ranking = rank(cyber_in_africa(vocab))

    assert names(ranking)[0] == "Recent Large Partner"
    order = names(ranking)
    assert order.index("Recent Large Partner") < order.index("Old Partner")
    assert order.index("Recent Large Partner") < order.index("Small Partner")
    # A partner whose only agreement is in another area and region is not a result.
    assert "Unrelated Partner" not in order


def test_old_and_small_agreements_rank_below_the_same_agreement_recent_and_large(vocab, archive):
    results = by_name(rank(cyber_in_africa(vocab)))

    # Same area, region, role; only the age differs.
    recent_one = next(
        r for r in results["Recent Large Partner"].agreements if r.reference == "BEST-1"
    )
    old_one = results["Old Partner"].agreements[0]
    assert old_one.points < recent_one.points
    # Same area, region, age; only the value differs.
    small_one = results["Small Partner"].agreements[0]
    assert small_one.points < recent_one.points
    assert (
        results["Small Partner"].breakdown["value"]
        < results["Recent Large Partner"].breakdown["value"]
    )


def test_reasons_are_exactly_the_agreements_that_counted(vocab, archive):
    results = by_name(rank(cyber_in_africa(vocab)))

    assert {r.reference for r in results["Recent Large Partner"].agreements} == {"BEST-1", "BEST-2"}
    assert [r.reference for r in results["Mixed Partner"].agreements] == ["MIXED-IN"]
    assert [r.reference for r in results["Old Partner"].agreements] == ["OLD-1"]
    for match in results.values():
        assert all(reason.points > 0 for reason in match.agreements)


def test_breakdown_adds_up_to_the_score(vocab, archive):
    for match in rank(cyber_in_africa(vocab, text="cooperation")).results:
        assert match.score == pytest.approx(sum(match.breakdown.values()), abs=0.011)
        agreement_points = sum(reason.points for reason in match.agreements)
        assert match.agreement_points == pytest.approx(agreement_points, abs=0.05)


def test_the_unrelated_partner_is_found_for_its_own_area(vocab, archive):
    ranking = rank(Criteria(areas={vocab["infra"].pk}))

    # The same agreement (recent, large, in the area): a tie, broken by name.
    assert names(ranking) == ["Mixed Partner", "Unrelated Partner"]
    assert [r.reference for r in by_name(ranking)["Mixed Partner"].agreements] == ["MIXED-OUT"]


def test_area_only_and_place_only_matches_earn_their_share(vocab, archive):
    partner = PartnerFactory(name="Half Match")
    agreement(vocab, partner, reference="AREA-ONLY", regions=("eur",))
    agreement(vocab, partner, reference="PLACE-ONLY", area="infra")
    reasons = {
        r.reference: r for r in by_name(rank(cyber_in_africa(vocab)))["Half Match"].agreements
    }

    assert reasons["AREA-ONLY"].components["area"] > 0
    assert reasons["AREA-ONLY"].components["place"] == 0
    assert reasons["PLACE-ONLY"].components["area"] == 0
    assert reasons["PLACE-ONLY"].components["place"] > 0
    # A primary-area match weighs more than a place match.
    assert AREA_WEIGHT > PLACE_WEIGHT
    assert reasons["AREA-ONLY"].points > reasons["PLACE-ONLY"].points


def test_confidential_agreements_count_only_when_allowed(vocab, archive):
    secret = PartnerFactory(name="Secret Partner")
    agreement(vocab, secret, reference="SECRET-1", is_confidential=True)

    with_them = by_name(rank(cyber_in_africa(vocab), include_confidential=True))
    assert [r.reference for r in with_them["Secret Partner"].agreements] == ["SECRET-1"]
    assert with_them["Secret Partner"].agreements[0].is_confidential

    without = rank(cyber_in_africa(vocab), include_confidential=False)
    assert "Secret Partner" not in names(without)
    assert all(not r.is_confidential for m in without.results for r in m.agreements)


def test_stated_priorities_beneficiaries_and_funding_types_count(vocab, archive):
    PartnerFactory(
        name="Profile Only",
        areas=[vocab["cyber"]],
        regions=[vocab["afr"]],
        funding=[vocab["grant"]],
    )
    criteria = cyber_in_africa(vocab, funding_types={vocab["grant"].pk})
    match = by_name(rank(criteria))["Profile Only"]

    assert match.agreements == []
    assert match.breakdown["priorities"] == PRIORITY_AREA_POINTS
    assert match.breakdown["beneficiaries"] > 0
    assert match.breakdown["funding"] > 0
    assert match.priority_areas == (vocab["cyber"].pk,)
    # A recent, large agreement in the area and region outweighs a profile alone.
    assert names(rank(criteria)).index("Recent Large Partner") < names(rank(criteria)).index(
        "Profile Only"
    )


def test_kinds_restrict_the_partners(vocab, archive):
    ranking = rank(cyber_in_africa(vocab, kinds={vocab["foundation"].pk}))

    assert set(names(ranking)) == {"Small Partner", "Mixed Partner"}


def test_free_text_matches_titles_and_profiles(vocab, archive):
    partner = PartnerFactory(name="Telemedicine Trust", mandate="<p>Rural eHealth networks.</p>")
    agreement(
        vocab,
        partner,
        reference="EH-1",
        area="infra",
        regions=("eur",),
        title="eHealth pilot in rural clinics",
    )
    match = by_name(rank(Criteria(text="eHealth")))["Telemedicine Trust"]

    assert [r.reference for r in match.agreements] == ["EH-1"]
    assert match.breakdown["text"] > 0
    assert match.breakdown["profile_text"] > 0
    assert match.text_words == ("ehealth",)
    assert "Recent Large Partner" not in names(rank(Criteria(text="eHealth")))


def test_empty_criteria_rank_nobody(vocab, archive):
    assert rank(Criteria(kinds={vocab["government"].pk})).results == []


def test_limit_and_total(vocab, archive):
    ranking = rank(cyber_in_africa(vocab), limit=2)

    assert len(ranking.results) == 2
    assert ranking.total == 4


def test_reference_date_is_the_latest_signature(vocab, archive):
    ranking = rank_partners(cyber_in_africa(vocab))

    assert ranking.reference_date == RECENT


def test_recency_and_value_scales():
    assert recency_factor(REFERENCE_DATE, REFERENCE_DATE) == 1
    five_years = REFERENCE_DATE - datetime.timedelta(days=round(365.25 * HALF_LIFE_YEARS))
    assert recency_factor(five_years, REFERENCE_DATE) == pytest.approx(0.5, abs=0.001)
    assert recency_factor(OLD, REFERENCE_DATE) < 0.1
    assert value_factor(None) == 0
    assert value_factor(10_000) == 0
    assert value_factor(100_000) == pytest.approx(1 / 3)
    assert value_factor(1_000_000) == pytest.approx(2 / 3)
    assert value_factor(50_000_000) == 1


def test_terms_are_found_by_code_or_name_in_any_language(vocab, locales):
    french = vocab["cyber"].copy_for_translation(locales["fr"])
    french.name = "Cybersécurité"
    french.save()

    area = {vocab["cyber"].pk}
    assert resolve_terms(type(vocab["cyber"]), ["Cybersécurité"]) == area
    assert resolve_terms(type(vocab["cyber"]), ["cybersecurite"]) == area
    assert resolve_terms(type(vocab["cyber"]), ["CYBERSECURITY"]) == area
    assert resolve_terms(type(vocab["afr"]), ["AFR"]) == {vocab["afr"].pk}
    assert resolve_countries(["ke", "KEN", "France"]) == {vocab["ke"].pk, vocab["fr"].pk}
    with pytest.raises(UnknownTerm, match="Atlantis"):
        resolve_terms(type(vocab["afr"]), ["Atlantis"])
    with pytest.raises(UnknownTerm, match="ZZ"):
        resolve_countries(["ZZ"])


def _grow(vocab, start, count):
    for number in range(start, start + count):
        partner = PartnerFactory(
            name=f"Grown {number}", areas=[vocab["cyber"]], regions=[vocab["afr"]]
        )
        agreement(
            vocab, partner, reference=f"GROW-{number}-A", title=f"Security cooperation {number}"
        )
        agreement(
            vocab,
            partner,
            reference=f"GROW-{number}-B",
            area="infra",
            countries=[vocab["ke"]],
            secondary_areas=[vocab["cyber"]],
        )


def test_query_count_does_not_grow_with_partners_and_agreements(vocab, archive):
    criteria = Criteria(
        areas={vocab["cyber"].pk},
        regions={vocab["afr"].pk},
        countries={vocab["ke"].pk},
        funding_types={vocab["grant"].pk},
        text="security cooperation",
    )
    # The partners kept in the shared cache are read again once after a change: each count
    # is taken warm.
    _grow(vocab, 0, 3)
    rank_partners(criteria, language="fr")
    with CaptureQueriesContext(connection) as few:
        small = rank_partners(criteria, language="fr")
    _grow(vocab, 3, 30)
    rank_partners(criteria, language="fr")
    with CaptureQueriesContext(connection) as many:
        large = rank_partners(criteria, language="fr")

    assert large.total > small.total
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(many.captured_queries) <= 14


def test_the_ranking_does_not_depend_on_how_many_results_are_asked_for(vocab, archive):
    """The database adds up the points; the partners near the last place shown are scored
    again in Python: the first results are the same whatever the limit."""
    for index in range(6):
        agreement(
            vocab,
            PartnerFactory(name=f"Tied Partner {index}", kind=vocab["government"]),
            reference=f"TIED-{index}",
            day=datetime.date(2010 + index % 2, 1, 1),
        )
    everyone = rank(cyber_in_africa(vocab), limit=None)

    for limit in range(1, len(everyone.results) + 1):
        ranking = rank(cyber_in_africa(vocab), limit=limit)
        assert ranking.total == everyone.total
        assert [(m.pk, m.score, m.breakdown) for m in ranking.results] == [
            (m.pk, m.score, m.breakdown) for m in everyone.results[:limit]
        ]
