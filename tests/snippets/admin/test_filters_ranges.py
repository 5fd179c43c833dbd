"""Filters of the agreements and partners listings that take several values at once (types,
regions, areas, statuses, years), and the ranges of signature dates and values in US dollars:
what an officer gets, and the message of a range whose start is past its end, which keeps
what was typed."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core.formats import format_date
from cms.core.money import format_usd
from cms.snippets.models import (
    Agreement,
    AgreementType,
    BeneficiaryRegion,
    Partner,
    PartnerKind,
    PartnerRegion,
    ThematicArea,
)
from tests.pages.html import parse

from .records import make_agreement, make_partner, term
from .staff_language import make_officer
from .test_admin_search import list_url, listed


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def pks(model, *codes):
    return [model.objects.get(code=code).pk for code in codes]


@pytest.fixture
def archive(db):
    who = make_partner("World Health Organization", kind="un-agency", acronym="WHO")
    addendum = term(AgreementType, "addendum", "Addendum", is_amendment=True)
    cooperation = term(AgreementType, "cooperation", "Cooperation agreement")
    infrastructure = term(ThematicArea, "infrastructure", "Infrastructure")
    return {
        "mou_2014": make_agreement(
            "A-2014",
            partners=[who],
            regions=["afr"],
            signature_date=datetime.date(2014, 6, 30),
            amount_usd=Decimal("100000"),
        ),
        "coop_2015": make_agreement(
            "A-2015",
            partners=[who],
            regions=["arb"],
            agreement_type=cooperation,
            primary_area=infrastructure,
            signature_date=datetime.date(2015, 1, 1),
            amount_usd=Decimal("250000"),
            status=Agreement.Status.COMPLETED,
        ),
        "addendum_2016": make_agreement(
            "A-2016",
            partners=[who],
            regions=["afr", "eur"],
            agreement_type=addendum,
            signature_date=datetime.date(2016, 12, 31),
            amount_usd=Decimal("1000000"),
            status=Agreement.Status.TERMINATED,
        ),
        "undated": make_agreement(
            "A-LEGACY", partners=[who], regions=["eur"], signature_date=None, amount_usd=None
        ),
    }


def filtered(client, archive, params):
    found = listed(client.get(list_url(Agreement), params))
    assert len(found) == len(set(found))  # each agreement once
    keys = {agreement.pk: key for key, agreement in archive.items()}
    return {keys[agreement.pk] for agreement in found}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # Several values of one filter: any of them.
        (
            lambda: {"region": pks(BeneficiaryRegion, "afr", "arb")},
            {"mou_2014", "coop_2015", "addendum_2016"},
        ),
        (lambda: {"region": pks(BeneficiaryRegion, "eur")}, {"addendum_2016", "undated"}),
        (
            lambda: {"agreement_type": pks(AgreementType, "cooperation", "addendum")},
            {"coop_2015", "addendum_2016"},
        ),
        (lambda: {"status": ["completed", "terminated"]}, {"coop_2015", "addendum_2016"}),
        (
            lambda: {"primary_area": pks(ThematicArea, "infrastructure", "capacity-building")},
            {"mou_2014", "coop_2015", "addendum_2016", "undated"},
        ),
        (lambda: {"signature_year": ["2014", "none"]}, {"mou_2014", "undated"}),
        # Two filters: both.
        (
            lambda: {"region": pks(BeneficiaryRegion, "afr", "eur"), "status": ["active"]},
            {"mou_2014", "undated"},
        ),
    ],
)
def test_filters_take_several_values(officer_client, archive, params, expected):
    assert filtered(officer_client, archive, params()) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # Both ends included; either end may be left open.
        (
            {"signature_date_from": "2015-01-01", "signature_date_to": "2016-12-31"},
            {"coop_2015", "addendum_2016"},
        ),
        ({"signature_date_from": "2015-01-02"}, {"addendum_2016"}),
        ({"signature_date_to": "2014-06-30"}, {"mou_2014"}),
        ({"amount_usd_from": "100000", "amount_usd_to": "250000"}, {"mou_2014", "coop_2015"}),
        ({"amount_usd_from": "250000.01"}, {"addendum_2016"}),
        ({"amount_usd_to": "99999"}, set()),
        # A range and a multi-valued filter together.
        ({"amount_usd_from": "200000", "status": ["active", "terminated"]}, {"addendum_2016"}),
    ],
)
def test_ranges_of_signature_date_and_value(officer_client, archive, params, expected):
    assert filtered(officer_client, archive, params) == expected


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        (
            {"signature_date_from": "2017-01-01", "signature_date_to": "2015-12-31"},
            "signature_date",
            "The first date (1 January 2017) is after the last (31 December 2015)",
        ),
        (
            {"amount_usd_from": "500000", "amount_usd_to": "1000"},
            "amount_usd",
            "The lowest value (USD\xa0500,000) is higher than the highest (USD\xa01,000)",
        ),
    ],
)
def test_an_impossible_range_is_explained_and_keeps_what_was_typed(
    officer_client, archive, params, field, message
):
    response = officer_client.get(list_url(Agreement), params)
    # Nothing is filtered out: the listing shows every agreement, and says why above them.
    assert len(listed(response)) == len(archive)
    page = parse(response)
    alert = page.select_one("[role=alert] .record-filter-errors")
    assert alert is not None
    assert message in alert.get_text(" ", strip=True)
    # What was typed is still in the filter's fields, to be corrected.
    for name, value in params.items():
        assert page.select_one(f"input[name={name}]")["value"] == value
    assert field in response.context["filters"].form.errors


def test_the_range_message_is_in_the_staff_language(client, archive):
    client.force_login(make_officer("fr"))
    response = client.get(
        list_url(Agreement),
        {"signature_date_from": "2017-01-01", "signature_date_to": "2015-12-31"},
    )
    alert = (
        parse(response).select_one("[role=alert] .record-filter-errors").get_text(" ", strip=True)
    )
    first = format_date(datetime.date(2017, 1, 1), language="fr")
    last = format_date(datetime.date(2015, 12, 31), language="fr")
    assert f"La première date ({first}) est postérieure à la dernière ({last})" in alert


def test_an_invalid_amount_is_refused_in_the_staff_language(client, archive):
    client.force_login(make_officer("fr"))
    response = client.get(list_url(Agreement), {"amount_usd_from": "-5"})
    assert len(listed(response)) == len(archive)
    alert = (
        parse(response).select_one("[role=alert] .record-filter-errors").get_text(" ", strip=True)
    )
    assert "supérieure ou égale à 0" in alert


def test_active_ranges_read_as_the_staff_language_writes_them(officer_client, archive):
    response = officer_client.get(
        list_url(Agreement),
        {"signature_date_from": "2015-01-01", "amount_usd_to": "250000"},
    )
    shown = {str(active.value) for active in response.context["active_filters"]}
    assert f"{format_date(datetime.date(2015, 1, 1))} - any" in shown
    assert f"any - {format_usd(Decimal('250000'))}" in shown


def test_every_ticked_value_shows_as_an_active_filter(officer_client, archive):
    response = officer_client.get(
        list_url(Agreement), {"region": pks(BeneficiaryRegion, "afr", "eur")}
    )
    shown = [str(active.value) for active in response.context["active_filters"]]
    assert len(shown) == 2


# --- Partners ---------------------------------------------------------------------------------


@pytest.fixture
def partners(db):
    australia = make_partner("Government of Australia", kind="government", is_funding_partner=True)
    PartnerRegion.objects.create(partner=australia, region=term(BeneficiaryRegion, "asp"))
    gates = make_partner("Bill & Melinda Gates Foundation", kind="foundation")
    PartnerRegion.objects.create(partner=gates, region=term(BeneficiaryRegion, "afr"))
    PartnerRegion.objects.create(partner=gates, region=term(BeneficiaryRegion, "asp"))
    gsma = make_partner("GSM Association", kind="company")
    return {"australia": australia, "gates": gates, "gsma": gsma}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (lambda: {"kind": pks(PartnerKind, "government", "company")}, {"australia", "gsma"}),
        (lambda: {"region": pks(BeneficiaryRegion, "afr", "asp")}, {"australia", "gates"}),
        (
            lambda: {
                "region": pks(BeneficiaryRegion, "asp"),
                "kind": pks(PartnerKind, "foundation"),
            },
            {"gates"},
        ),
    ],
)
def test_partner_filters_take_several_values(officer_client, partners, params, expected):
    found = listed(officer_client.get(list_url(Partner), params()))
    assert len(found) == len(set(found))
    assert set(found) == {partners[key] for key in expected}


def test_a_partner_listed_once_keeps_its_agreement_count(officer_client, partners):
    gates = partners["gates"]
    make_agreement(partners=[gates])
    found = listed(
        officer_client.get(list_url(Partner), {"region": pks(BeneficiaryRegion, "afr", "asp")})
    )
    counts = {partner.pk: partner.agreement_count for partner in found}
    assert counts[gates.pk] == 1


# --- Queries ----------------------------------------------------------------------------------


def count_queries(client, params):
    client.get(list_url(Agreement), params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(list_url(Agreement), params)
    return len(queries), len(listed(response))


def test_filtered_listing_queries_do_not_grow_with_rows(officer_client, archive):
    params = {
        "region": pks(BeneficiaryRegion, "afr", "eur"),
        "status": ["active", "terminated"],
        "amount_usd_from": "1",
        "signature_date_to": "2030-01-01",
    }
    few, rows = count_queries(officer_client, params)
    assert rows == 2
    who = Partner.objects.get(acronym="WHO")
    for n in range(20):
        make_agreement(partners=[who], regions=["afr", "eur"], amount_usd=Decimal(n + 1))
    many, rows = count_queries(officer_client, params)
    assert rows == 22
    assert many == few
