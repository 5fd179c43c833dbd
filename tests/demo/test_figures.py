"""The demo archive reproduces every figure of the source document, read back through
`manage.py agreement_stats` as a partnership officer would report them."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from cms.snippets.models import Agreement

# The figures of the brief (source document, 2014-2017), written out here on purpose rather
# than read from the fact files, so that a wrong fact file makes these tests fail.
NEW_BY_YEAR = {"2014": 42, "2015": 68, "2016": 29, "2017": 55, "unknown": 3}
BY_REGION = {"AFR": 27.5, "AMS": 26, "ARB": 17, "ASP": 42, "CIS": 5, "EUR": 10.5, "GLO": 69}
BY_AREA = {
    "Capacity Building": 49,
    "ICT Applications": 32,
    "Generic": 29,
    "Infrastructure": 27,
    "Cybersecurity": 20,
    "Enabling Environment": 16,
    "Emergency Telecommunications": 10,
    "Digital Inclusion": 7,
    "Innovation": 3,
    "Climate Change & e-Waste": 2,
    "Statistics & Indicators": 2,
}


def agreement_stats(*args):
    output = StringIO()
    call_command("agreement_stats", *args, "--json", stdout=output)
    return json.loads(output.getvalue())


@pytest.fixture
def period(demo_data):
    return agreement_stats("--start", "2014-01-01", "--end", "2017-12-31")


def test_new_agreements_and_addenda_of_2014_2017(period):
    assert period["new_agreements"] == 197
    assert period["addenda"] == 35


def test_value_of_agreements_and_addenda_is_36_6_million_usd(period):
    assert period["value_usd"] == 36_600_000
    assert isinstance(period["value_usd"], int)


def test_new_agreements_per_year_with_three_undated(period):
    assert period["by_year"] == NEW_BY_YEAR
    assert sum(period["by_year"].values()) == 197


def test_new_agreements_per_region_with_the_one_in_k_rule(period):
    assert period["by_region"] == BY_REGION
    assert isinstance(period["by_region"]["AMS"], int)
    assert sum(period["by_region"].values()) == 197


def test_new_agreements_per_primary_area(period):
    assert period["by_area"] == BY_AREA
    assert list(period["by_area"]) == list(BY_AREA)  # most frequent first, as in the chart


def test_28_agreements_of_2015_for_the_centres_of_excellence(demo_data):
    figures = agreement_stats(
        "--start", "2015-01-01", "--end", "2015-12-31", "--tag", "centres-of-excellence"
    )
    assert figures["new_agreements"] == 28
    assert figures["by_area"]["Capacity Building"] == 28
    assert agreement_stats("--start", "2015-01-01", "--end", "2015-12-31")["new_agreements"] == 68


def test_archive_holds_about_990_agreements_at_the_end_of_2017(demo_data):
    by_end_of_2017 = Agreement.objects.in_period("1900-01-01", "2017-12-31")
    assert by_end_of_2017.count() == 990
    assert Agreement.objects.count() > 990  # and a few signed since
    assert by_end_of_2017.filter(is_confidential=True).exists()


def test_every_addendum_amends_an_earlier_agreement(demo_data):
    addenda = Agreement.objects.amendments().select_related("parent__agreement_type")
    assert addenda.count() > 35
    for addendum in addenda:
        assert addendum.parent is not None
        assert not addendum.parent.agreement_type.is_amendment
        assert addendum.parent.signature_date < addendum.signature_date
        assert addendum.parent.reference in addendum.title


def test_archive_has_every_kind_of_agreement_and_currency(demo_data):
    codes = set(Agreement.objects.values_list("agreement_type__code", flat=True))
    assert {
        "mou",
        "cooperation-agreement",
        "voluntary-contribution",
        "sponsorship-agreement",
        "letter-of-intent",
        "project-document",
        "addendum",
        "amendment",
    } <= codes
    currencies = set(Agreement.objects.exclude(amount=None).values_list("currency", flat=True))
    assert {"USD", "EUR", "CHF"} <= currencies
    assert not Agreement.objects.exclude(amount=None).filter(amount_usd=None).exists()


def test_14_sponsors_of_gsr_17_wtdc_17_and_the_25th_anniversary(demo_data):
    sponsorships = Agreement.objects.filter(
        agreement_type__code="sponsorship-agreement",
        signature_date__year=2017,
        tags__slug__in=["gsr-17", "wtdc-17", "itu-d-25"],
    )
    sponsors = set(sponsorships.values_list("partner_links__partner__name", flat=True))
    assert len(sponsors) == 14
    assert sponsorships.aggregate(total=Sum("amount_usd"))["total"] == Decimal("329590.00")


@pytest.mark.parametrize(
    ("partner", "area"),
    [
        ("Sanofi", "ict-applications"),
        ("Novartis Pharma AG", "ict-applications"),
        ("World Health Organization", "ict-applications"),
        ("Food and Agriculture Organization of the United Nations", "ict-applications"),
        ("Bill & Melinda Gates Foundation", "ict-applications"),
        ("International Solid Waste Association", "climate-change-e-waste"),
        ("UNU Vice-Rectorate in Europe, Sustainable Cycles Programme", "climate-change-e-waste"),
        ("Universidad Nacional de La Plata", "climate-change-e-waste"),
    ],
)
def test_named_partners_signed_agreements_of_their_field(demo_data, partner, area):
    assert (
        Agreement.objects.in_period("2014-01-01", "2017-12-31")
        .filter(partner_links__partner__name=partner, primary_area__code=area)
        .exists()
    )
