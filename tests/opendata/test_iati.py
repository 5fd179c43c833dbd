"""The IATI activity export: valid against the IATI 2.03 schema, public agreements only, with
organisations, places, sectors and money as documented in cms/opendata/iati.py."""

import datetime
from decimal import Decimal

import pytest
from django.test import override_settings
from lxml import etree

from cms.opendata.iati import activity_identifier, iati_stream, split_percentages

ADDRESS = "/open-data/iati/activities.xml"
ORG = "XM-DAC-41303"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def fetch(client):
    response = client.get(ADDRESS)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return etree.fromstring(response.content)


def activities(root):
    return {
        activity.findtext("iati-identifier"): activity for activity in root.iter("iati-activity")
    }


def percentages(elements):
    return sum((Decimal(element.get("percentage")) for element in elements), Decimal(0))


def test_export_is_valid_iati_203(client, archive, iati_schema):
    root = fetch(client)
    assert iati_schema.validate(root), iati_schema.error_log
    assert root.get("version") == "2.03"
    generated = datetime.datetime.fromisoformat(root.get("generated-datetime"))
    assert generated.tzinfo is not None


def test_only_public_agreements(client, archive):
    root = fetch(client)
    identifiers = set(activities(root))
    assert len(identifiers) == 11
    assert f"{ORG}-SECRET-001" not in identifiers
    text = etree.tostring(root, encoding="unicode")
    for secret in ("SECRET-001", "CONFIDENTIAL-NOTE", "AGREEMENT-PUBLIC-NOTE", "999999"):
        assert secret not in text
    # The addendum of a confidential agreement does not point at it.
    addendum = activities(root)[f"{ORG}-2016-08-A1"]
    assert addendum.find("related-activity") is None


def test_identifiers_and_reporting_org(client, archive):
    activity = activities(fetch(client))[f"{ORG}-2015-01"]
    reporting = activity.find("reporting-org")
    assert reporting.get("ref") == ORG and reporting.get("type") == "40"
    assert activity.get(LANG) == "en"
    title = activity.find("title/narrative")
    assert title.text == "Connecting schools in Africa"
    assert title.get(LANG) == "en"
    description = activity.find("description/narrative").text
    assert "Government of Australia" in description and "2015-03-10" in description
    assert activity_identifier("LEGACY 9", ORG) == f"{ORG}-LEGACY-9"


@override_settings(IATI_REPORTING_ORG_REF="XM-EXAMPLE-1")
def test_reporting_org_is_a_setting(client, archive):
    root = fetch(client)
    assert "XM-EXAMPLE-1-2015-01" in activities(root)
    assert {a.find("reporting-org").get("ref") for a in root.iter("iati-activity")} == {
        "XM-EXAMPLE-1"
    }


def test_participating_organisations_by_role_and_kind(client, archive):
    activity = activities(fetch(client))[f"{ORG}-2015-01"]
    orgs = [
        (org.get("role"), org.get("type"), org.findtext("narrative"))
        for org in activity.findall("participating-org")
    ]
    assert orgs == [
        (
            "2",
            "40",
            "International Telecommunication Union (ITU), Telecommunication Development Bureau",
        ),
        ("1", "10", "Government of Australia"),
        ("4", "70", "-Dash Telecom"),
        # The beneficiary ministry is not a participating organisation.
    ]
    sponsored = activities(fetch(client))[f"{ORG}-2016-07"]
    assert [
        (org.get("role"), org.get("type")) for org in sponsored.findall("participating-org")
    ] == [("2", "40"), ("1", "60"), ("1", "10")]


def test_status_and_dates(client, archive):
    found = activities(fetch(client))

    def dates(identifier):
        activity = found[f"{ORG}-{identifier}"]
        return activity.find("activity-status").get("code"), [
            (date.get("type"), date.get("iso-date")) for date in activity.findall("activity-date")
        ]

    assert dates("2015-01") == ("4", [("2", "2015-04-01"), ("4", "2017-03-31")])
    # Active, no start date: the signature date is the actual start.
    assert dates("2016-07") == ("2", [("2", "2016-09-01")])
    # In preparation and undated: planned start on the registration date.
    assert dates("LEGACY-9") == ("1", [("1", "2014-05-05")])
    # Terminated, end date still to come: a planned end.
    assert dates("2015-01-A1") == ("5", [("2", "2016-02-01"), ("3", "2099-12-31")])


def test_countries_when_named_regions_otherwise(client, archive):
    found = activities(fetch(client))
    with_countries = found[f"{ORG}-2015-01"]
    countries = with_countries.findall("recipient-country")
    assert [(c.get("code"), c.get("percentage")) for c in countries] == [
        ("EG", "33.34"),
        ("KE", "33.33"),
        ("SN", "33.33"),
    ]
    assert percentages(countries) == 100
    assert with_countries.find("recipient-region") is None

    regional = found[f"{ORG}-2016-07"]
    regions = {r.get("code"): r.get("percentage") for r in regional.findall("recipient-region")}
    # AFR, ARB (North of Sahara and Middle East, half each) and GLO, a third each.
    assert set(regions) == {"298", "189", "589", "998"}
    assert all(r.get("vocabulary") == "1" for r in regional.findall("recipient-region"))
    assert Decimal(regions["189"]) == Decimal(regions["589"])
    assert percentages(regional.findall("recipient-region")) == 100


def test_sectors_from_thematic_areas(client, archive):
    found = activities(fetch(client))
    sectors = found[f"{ORG}-2015-01"].findall("sector")
    # Cybersecurity (primary, 50) -> 22040; capacity building 11430 and infrastructure 22020
    # share the other half.
    assert {(s.get("code"), s.get("percentage"), s.get("vocabulary")) for s in sectors} == {
        ("22040", "50", "1"),
        ("11430", "25", "1"),
        ("22020", "25", "1"),
    }
    # An area outside the table counts as ICT (22040), the whole activity.
    unmapped = found[f"{ORG}-2016-07"].findall("sector")
    assert [(s.get("code"), s.get("percentage")) for s in unmapped] == [("22040", "100")]
    for activity in found.values():
        assert percentages(activity.findall("sector")) == 100


def test_budget_and_incoming_commitment(client, archive):
    found = activities(fetch(client))
    regional = found[f"{ORG}-2016-07"]
    budget = regional.find("budget")
    assert budget.get("type") == "1" and budget.get("status") == "2"
    assert budget.find("period-start").get("iso-date") == "2016-09-01"
    assert budget.find("period-end").get("iso-date") == "2017-08-31"
    value = budget.find("value")
    assert (value.text, value.get("currency"), value.get("value-date")) == (
        "1000000.50",
        "EUR",
        "2016-09-01",
    )
    transaction = regional.find("transaction")
    assert transaction.find("transaction-type").get("code") == "11"
    assert transaction.find("transaction-date").get("iso-date") == "2016-09-01"
    assert transaction.find("value").text == "1000000.50"
    assert transaction.find("value").get("currency") == "EUR"
    provider = transaction.find("provider-org")
    # The first funder or sponsor of the agreement provides the funds.
    assert provider.findtext("narrative") == "Bill & Melinda Gates Foundation"
    assert provider.get("type") == "60"
    assert transaction.find("receiver-org").get("ref") == ORG

    period = found[f"{ORG}-2015-01"].find("budget")
    assert period.find("period-end").get("iso-date") == "2017-03-31"
    # No amount, no budget nor transaction.
    legacy = found[f"{ORG}-LEGACY-9"]
    assert legacy.find("budget") is None and legacy.find("transaction") is None


def test_amendment_points_at_its_public_original(client, archive):
    addendum = activities(fetch(client))[f"{ORG}-2015-01-A1"]
    related = addendum.find("related-activity")
    assert related.get("ref") == f"{ORG}-2015-01" and related.get("type") == "1"


def test_control_characters_and_formulas_stay_valid_xml(client, archive, iati_schema):
    archive.public.title = "Bad\x01 title = fine"
    archive.public.save()
    root = fetch(client)
    assert iati_schema.validate(root), iati_schema.error_log
    assert activities(root)[f"{ORG}-2015-01"].findtext("title/narrative") == "Bad title = fine"


def test_stream_takes_only_public_agreements_from_any_queryset(archive):
    from cms.snippets.models import Agreement

    document = b"".join(iati_stream(Agreement.objects.all()))
    assert b"SECRET-001" not in document


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ({"a": 1}, [("a", Decimal("100"))]),
        (
            {"a": 1, "b": 1, "c": 1},
            [("a", Decimal("33.34")), ("b", Decimal("33.33")), ("c", Decimal("33.33"))],
        ),
        (
            {"a": Decimal("0.5"), "b": Decimal("0.25"), "c": Decimal("0.25")},
            [("a", Decimal("50")), ("b", Decimal("25")), ("c", Decimal("25"))],
        ),
        ({}, []),
    ],
)
def test_split_percentages_adds_up_to_100(weights, expected):
    result = split_percentages({k: Decimal(v) for k, v in weights.items()})
    assert result == expected
    if result:
        assert sum(share for _key, share in result) == 100
