"""Ranking rules that compare a few partners of their own, on a database that holds only them
and the vocabularies: who ranks first, and in which order, would change with the ranking
archive beside them, which test_ranking.py builds once for all its tests (moved from there,
unchanged)."""

import datetime

import pytest

from cms.finder.criteria import Criteria
from cms.finder.weights import HALF_LIFE_YEARS, REASONS_LIMIT
from cms.snippets.factories import PartnerFactory

from .conftest import agreement
from .test_ranking import by_name, cyber_in_africa, names, rank

pytestmark = pytest.mark.django_db


def test_secondary_area_counts_half(vocab):
    primary, secondary = PartnerFactory(name="Primary"), PartnerFactory(name="Secondary")
    agreement(vocab, primary, reference="P-1", regions=("eur",))
    agreement(
        vocab,
        secondary,
        reference="S-1",
        area="infra",
        regions=("eur",),
        secondary_areas=[vocab["cyber"]],
    )
    results = by_name(rank(Criteria(areas={vocab["cyber"].pk})))

    assert results["Secondary"].agreements[0].area_match == 0.5
    assert results["Secondary"].score == pytest.approx(results["Primary"].score / 2, abs=0.02)


def test_a_country_matches_its_agreements_fully_and_its_region_half(vocab):
    in_kenya, in_africa = PartnerFactory(name="In Kenya"), PartnerFactory(name="In Africa")
    agreement(vocab, in_kenya, reference="KE-1", area="infra", countries=[vocab["ke"]])
    agreement(vocab, in_africa, reference="AFR-1", area="infra")
    ranking = rank(Criteria(countries={vocab["ke"].pk}))

    assert names(ranking) == ["In Kenya", "In Africa"]
    results = by_name(ranking)
    assert results["In Kenya"].agreements[0].matched_countries == (vocab["ke"].pk,)
    assert results["In Africa"].agreements[0].place_match == 0.5
    assert results["In Africa"].agreements[0].matched_regions == (vocab["afr"].pk,)


def test_role_weighs_the_agreement(vocab):
    funder, beneficiary = PartnerFactory(name="Funder"), PartnerFactory(name="Beneficiary")
    agreement(vocab, funder, reference="F-1")
    agreement(vocab, beneficiary, reference="B-1", role="beneficiary")
    results = by_name(rank(cyber_in_africa(vocab)))

    assert results["Funder"].score > results["Beneficiary"].score
    assert results["Beneficiary"].agreements[0].role_weight < 1


def test_undated_agreements_are_aged_from_their_registration(vocab):
    partner = PartnerFactory(name="Legacy")
    agreement(
        vocab, partner, reference="UNDATED", day=None, registered_on=datetime.date(2008, 1, 1)
    )
    reason = rank(cyber_in_africa(vocab)).results[0].agreements[0]

    assert reason.date == datetime.date(2008, 1, 1)
    assert reason.recency == pytest.approx(0.5 ** (10 / HALF_LIFE_YEARS), abs=0.01)


def test_results_detail_their_most_valuable_agreements_and_name_all(vocab, prolific):
    every = [f"PROLIFIC-{index:02d}" for index in range(REASONS_LIMIT + 3)]

    match = by_name(rank(cyber_in_africa(vocab)))["Prolific Partner"]

    assert match.references == every  # all that counted, most points first
    assert [reason.reference for reason in match.agreements] == every[:REASONS_LIMIT]
    assert match.more_agreements == 3
    # The score counts every agreement, detailed or not.
    assert match.agreement_points == pytest.approx(
        sum(match.breakdown[key] for key in ("area", "place", "text", "value"))
    )
    uncapped = by_name(rank(cyber_in_africa(vocab), reasons_limit=None))["Prolific Partner"]
    assert [reason.reference for reason in uncapped.agreements] == every
    assert uncapped.score == match.score
    assert match.agreement_points > sum(reason.points for reason in match.agreements)
    assert match.agreement_points == pytest.approx(
        sum(reason.points for reason in uncapped.agreements), abs=0.05
    )
