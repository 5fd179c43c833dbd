"""Figures of a period computed on small, hand-made archives."""

import datetime
import json
from decimal import Decimal
from fractions import Fraction
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cms.reports.agreement_stats import agreement_figures
from cms.snippets.factories import (
    AgreementFactory,
)

START, END = datetime.date(2014, 1, 1), datetime.date(2017, 12, 31)


@pytest.fixture
def make(mou, areas, regions):
    """An agreement of 2015 in Capacity Building benefiting the given region codes."""

    def make(*codes, **fields):
        fields.setdefault("agreement_type", mou)
        fields.setdefault("primary_area", areas["capacity-building"])
        return AgreementFactory(regions=[regions[code] for code in codes or ["glo"]], **fields)

    return make


def stats_json(*args):
    output = StringIO()
    call_command("agreement_stats", *args, "--json", stdout=output)
    return json.loads(output.getvalue())


def test_an_agreement_benefiting_k_regions_counts_one_kth_in_each(make):
    make("afr")
    make("afr", "eur")
    make("afr", "ams", "asp")
    figures = agreement_figures(START, END)
    assert figures.by_region["afr"] == Fraction(11, 6)
    assert figures.by_region["eur"] == Fraction(1, 2)
    assert figures.by_region["ams"] == figures.by_region["asp"] == Fraction(1, 3)
    assert figures.by_region["glo"] == 0
    assert sum(figures.by_region.values()) == figures.new_agreements == 3

    data = stats_json("--start", "2014-01-01", "--end", "2017-12-31")
    assert data["by_region"]["EUR"] == 0.5
    assert data["by_region"]["AFR"] == pytest.approx(11 / 6)
    assert data["by_region"]["CIS"] == 0 and isinstance(data["by_region"]["CIS"], int)


def test_whole_region_counts_are_integers(make):
    make("arb", "asp")
    make("arb", "asp")
    data = stats_json("--start", "2015-01-01", "--end", "2015-12-31")
    assert data["by_region"]["ARB"] == 1 and isinstance(data["by_region"]["ARB"], int)


def test_undated_agreements_count_by_registration_date_under_unknown(make):
    make(signature_date=datetime.date(2016, 3, 1))
    make(signature_date=None, registered_on=datetime.date(2016, 5, 1))
    make(signature_date=None, registered_on=datetime.date(2013, 5, 1))  # outside the period
    # Signed before the period, registered in it: the signature date decides.
    make(signature_date=datetime.date(2013, 12, 20), registered_on=datetime.date(2014, 1, 8))
    data = stats_json("--start", "2014-01-01", "--end", "2017-12-31")
    assert data["new_agreements"] == 2
    assert data["by_year"] == {"2016": 1, "unknown": 1}


def test_addenda_add_value_but_are_not_new_agreements(make, addendum, areas):
    original = make("afr", amount=Decimal("100000.00"))
    make(
        "afr",
        agreement_type=addendum,
        parent=original,
        primary_area=areas["cybersecurity"],
        amount=Decimal("50000.25"),
    )
    make("eur", currency="EUR", amount=Decimal("10000.00"), amount_usd=Decimal("11000.00"))
    data = stats_json("--start", "2015-01-01", "--end", "2015-12-31")
    assert data["new_agreements"] == 2
    assert data["addenda"] == 1
    assert data["value_usd"] == 161000.25
    assert data["by_year"] == {"2015": 2}
    assert data["by_area"] == {"Capacity Building": 2, "Cybersecurity": 0}
    assert sum(data["by_region"].values()) == 2


def test_confidential_agreements_count_in_the_figures(make):
    make("asp", is_confidential=True)
    assert agreement_figures(START, END).new_agreements == 1


def test_tag_keeps_only_tagged_agreements(make):
    make("afr", tags=["centres-of-excellence"])
    make("ams", tags=["centres-of-excellence", "other"])
    make("arb")
    figures = agreement_figures(START, END, tag="centres-of-excellence")
    assert figures.new_agreements == 2
    assert figures.by_region["arb"] == 0
    data = stats_json("--start", "2014-01-01", "--end", "2017-12-31", "--tag", "nothing-tagged")
    assert data["new_agreements"] == 0 and data["value_usd"] == 0


def test_restricting_to_public_agreements(make):
    from cms.snippets.models import Agreement

    make("asp", is_confidential=True)
    make("asp")
    figures = agreement_figures(START, END, queryset=Agreement.objects.public())
    assert figures.new_agreements == 1


def test_figures_take_a_fixed_handful_of_queries(make, django_assert_max_num_queries):
    for index in range(12):
        make("afr", "eur") if index % 3 else make(signature_date=None)
    with django_assert_max_num_queries(6):
        figures = agreement_figures(START, END)
    assert figures.new_agreements == 12


def test_readable_table_without_json(make):
    make("afr", signature_date=None, registered_on=datetime.date(2015, 2, 1))
    output = StringIO()
    call_command("agreement_stats", "--start", "2014-01-01", "--end", "2017-12-31", stdout=output)
    text = output.getvalue()
    assert "New agreements" in text
    assert "Date not recorded" in text
    assert "Capacity Building" in text


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2014-13-01", "2017-12-31", "--start"),
        ("2014-01-01", "31/12/2017", "--end"),
        ("", "2017-12-31", "--start"),
        ("2018-01-01", "2017-12-31", "before"),
    ],
)
def test_bad_dates_are_refused_with_a_clear_message(db, start, end, message):
    with pytest.raises(CommandError, match=message):
        call_command("agreement_stats", "--start", start, "--end", end)
