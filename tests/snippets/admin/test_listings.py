"""What officers find in the listings: search, filters, columns, exports, query counts."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from cms.snippets.models import (
    Agreement,
    AgreementType,
    BeneficiaryRegion,
    Country,
    Partner,
    PartnerKind,
    PartnerRegion,
    Recognition,
    ThematicArea,
)

from .records import english, make_agreement, make_country, make_partner, term


def list_url(model):
    return reverse(model.snippet_viewset.get_url_name("list"))


def listed(response):
    """The records on the page of a listing, in order."""
    return list(response.context["object_list"])


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


# --- Agreements -------------------------------------------------------------------------------


@pytest.fixture
def archive(db):
    who = make_partner("World Health Organization", kind="un-agency", acronym="WHO")
    gates = make_partner(
        "Bill & Melinda Gates Foundation",
        kind="foundation",
        aliases="Gates Foundation\nBMGF",
        is_funding_partner=True,
    )
    amendment = term(AgreementType, "addendum", "Addendum", is_amendment=True)
    return {
        "who": who,
        "gates": gates,
        "mhealth": make_agreement(
            "BDT-2015-017",
            title="Be He@lthy, Be Mobile",
            partners=[who],
            regions=["afr", "asp"],
            primary_area=term(ThematicArea, "ict-applications", "ICT Applications"),
            signature_date=datetime.date(2015, 3, 2),
        ),
        "figi": make_agreement(
            "BDT-2017-004",
            title="Financial Inclusion Global Initiative",
            partners=[gates],
            regions=["glo"],
            signature_date=datetime.date(2017, 7, 11),
            amount_usd=Decimal("1500000"),
            is_confidential=True,
        ),
        "legacy": make_agreement(
            "BDT-LEGACY-9",
            title="Undated cooperation",
            partners=[who, gates],
            regions=["eur"],
            signature_date=None,
        ),
        "addendum": make_agreement(
            "BDT-2016-031",
            title="Addendum to the mobile health agreement",
            partners=[who],
            regions=["ams"],
            agreement_type=amendment,
            signature_date=datetime.date(2016, 1, 20),
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("BDT-2017-004", {"figi"}),
        ("2017-004", {"figi"}),
        ("inclusion global", {"figi"}),
        ("mobile", {"mhealth", "addendum"}),
        # Through the partners, each agreement once although it has two partners.
        ("who", {"mhealth", "legacy", "addendum"}),
        ("gates", {"figi", "legacy"}),
        ("no such thing", set()),
    ],
)
def test_agreements_are_found_by_reference_title_or_partner(
    officer_client, archive, query, expected
):
    response = officer_client.get(list_url(Agreement), {"q": query})
    assert response.status_code == 200
    found = listed(response)
    assert len(found) == len(set(found))
    assert set(found) == {archive[key] for key in expected}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"signature_year": "2015"}, {"mhealth"}),
        ({"signature_year": "none"}, {"legacy"}),
        ({"region": "afr"}, {"mhealth"}),
        ({"region": "glo"}, {"figi"}),
        ({"is_confidential": "true"}, {"figi"}),
        ({"is_amendment": "true"}, {"addendum"}),
        ({"primary_area": "ict-applications"}, {"mhealth"}),
        ({"partner": "gates"}, {"figi", "legacy"}),
        ({"partner": "gates", "signature_year": "2017"}, {"figi"}),
        ({"status": "completed"}, set()),
    ],
)
def test_agreement_filters(officer_client, archive, params, expected):
    # Filters take primary keys; the test names terms by code for readability.
    ids = {
        "region": lambda code: BeneficiaryRegion.objects.get(code=code).pk,
        "primary_area": lambda code: ThematicArea.objects.get(code=code).pk,
        "partner": lambda key: archive[key].pk,
    }
    query = {key: ids[key](value) if key in ids else value for key, value in params.items()}
    response = officer_client.get(list_url(Agreement), query)
    assert response.status_code == 200
    assert set(listed(response)) == {archive[key] for key in expected}


def test_agreement_listing_shows_partners_regions_and_value(officer_client, archive):
    html = officer_client.get(list_url(Agreement)).content.decode()
    assert "BDT-2017-004" in html
    assert "Bill &amp; Melinda Gates Foundation" in html
    assert "GLO" in html
    assert "1,500,000" in html


def test_agreement_year_filter_offers_recorded_years_and_undated(officer_client, archive):
    response = officer_client.get(list_url(Agreement))
    choices = dict(response.context["filters"].form.fields["signature_year"].choices)
    assert {"2015", "2016", "2017", "none"} <= set(choices)


def test_agreements_export_to_csv(officer_client, archive):
    response = officer_client.get(list_url(Agreement), {"export": "csv"})
    assert response.status_code == 200
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    legacy = next(row for row in rows if row["Reference"] == "BDT-LEGACY-9")
    assert set(legacy["Partners"].split(", ")) == {
        "World Health Organization (WHO)",
        "Bill & Melinda Gates Foundation",
    }
    assert legacy["Beneficiary regions"] == "EUR"
    assert legacy["Signature date"] == ""


def test_agreements_export_to_xlsx(officer_client, archive):
    response = officer_client.get(list_url(Agreement), {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


# --- Partners ---------------------------------------------------------------------------------


@pytest.fixture
def partners(db):
    government = make_partner("Government of Australia", kind="government", is_funding_partner=True)
    PartnerRegion.objects.create(partner=government, region=term(BeneficiaryRegion, "asp"))
    return {
        "australia": government,
        "gsma": make_partner("GSM Association", kind="company", acronym="GSMA"),
        "gates": make_partner(
            "Bill & Melinda Gates Foundation",
            kind="foundation",
            aliases="Gates Foundation\nBMGF",
            is_funding_partner=True,
        ),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "foundation"}, {"gates"}),
        ({"kind": "government"}, {"australia"}),
        ({"is_funding_partner": "true"}, {"australia", "gates"}),
        ({"is_funding_partner": "false"}, {"gsma"}),
        ({"region": "asp"}, {"australia"}),
    ],
)
def test_partner_filters(officer_client, partners, params, expected):
    ids = {
        "kind": lambda code: PartnerKind.objects.get(code=code).pk,
        "region": lambda code: BeneficiaryRegion.objects.get(code=code).pk,
    }
    query = {key: ids[key](value) if key in ids else value for key, value in params.items()}
    response = officer_client.get(list_url(Partner), query)
    assert set(listed(response)) == {partners[key] for key in expected}


@pytest.mark.parametrize(
    ("query", "expected"),
    [("GSMA", {"gsma"}), ("bmgf", {"gates"}), ("australia", {"australia"}), ("gsm", {"gsma"})],
)
def test_partners_are_found_by_name_acronym_or_other_name(
    officer_client, partners, query, expected
):
    response = officer_client.get(list_url(Partner), {"q": query})
    assert set(listed(response)) == {partners[key] for key in expected}


def test_partner_listing_counts_agreements_in_every_language(officer_client, partners):
    gates = partners["gates"]
    make_agreement(partners=[gates])
    make_agreement(partners=[gates])
    french = gates.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save()
    response = officer_client.get(list_url(Partner), {"q": "Gates"})
    counts = {row.locale.language_code: row.agreement_count for row in listed(response)}
    assert counts == {"en": 2, "fr": 2}


def test_partner_locale_filter_lists_one_language(officer_client, partners):
    french = partners["gsma"].copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save()
    response = officer_client.get(list_url(Partner), {"locale": "fr"})
    assert listed(response) == [french]


# --- Countries, vocabularies, recognitions ------------------------------------------------------


def test_countries_list_localized_name_code_and_region(officer_client, db):
    make_country("DE", region="eur")
    make_country("CI", region="afr")
    html = officer_client.get(list_url(Country), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Allemagne" in html
    assert "DE" in html
    assert "EUR" in html
    response = officer_client.get(list_url(Country), {"q": "Germany"})
    assert [str(country.code) for country in listed(response)] == ["DE"]
    region = BeneficiaryRegion.objects.get(code="afr")
    response = officer_client.get(list_url(Country), {"region": region.pk})
    assert [str(country.code) for country in listed(response)] == ["CI"]


def test_vocabulary_listing_counts_usage_and_finds_by_code(officer_client, db):
    make_agreement(regions=["afr", "eur"])
    make_agreement(regions=["afr"])
    response = officer_client.get(list_url(BeneficiaryRegion), {"q": "afr"})
    (africa,) = listed(response)
    assert africa.agreement_count == 2


def test_recognitions_filter_by_year(officer_client, db):
    australia = make_partner("Government of Australia")
    wtdc = Recognition.objects.create(
        partner=australia,
        award_title="ITU-D 25th anniversary award",
        occasion="WTDC-17",
        year=2017,
        locale=english(),
    )
    Recognition.objects.create(
        partner=australia,
        award_title="Older award",
        occasion="GSR",
        year=2012,
        locale=english(),
    )
    response = officer_client.get(list_url(Recognition), {"year": "2017"})
    assert listed(response) == [wtdc]
    response = officer_client.get(list_url(Recognition), {"q": "australia 25th"})
    assert listed(response) == [wtdc]


# --- Query counts -------------------------------------------------------------------------------


def count_queries(client, url):
    # Warm: the vocabularies kept in the shared cache are read again after a change.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_partner_listing_queries_do_not_grow_with_rows(officer_client, db):
    regions = [term(BeneficiaryRegion, code) for code in ("afr", "ams", "asp")]

    def add_partners(count):
        for _ in range(count):
            partner = make_partner(
                f"Partner {Partner.objects.count()}",
                kind="foundation",
                membership_category=None,
                is_funding_partner=True,
            )
            for region in regions:
                PartnerRegion.objects.create(partner=partner, region=region)

    add_partners(3)
    few = count_queries(officer_client, list_url(Partner))
    add_partners(17)  # a full page of 20
    many = count_queries(officer_client, list_url(Partner))
    assert many == few


def test_agreement_listing_queries_do_not_grow_with_rows(officer_client, db):
    partners = [make_partner(f"Partner {n}") for n in range(3)]
    for _ in range(3):
        make_agreement(partners=partners, regions=["afr", "eur"])
    few = count_queries(officer_client, list_url(Agreement))
    for _ in range(27):
        make_agreement(partners=partners, regions=["afr", "eur"])
    many = count_queries(officer_client, list_url(Agreement))
    assert many == few


def test_country_and_vocabulary_listings_queries_do_not_grow_with_rows(officer_client, db):
    for code in ("FR", "DE", "KE"):
        make_country(code, region="eur")
    few = count_queries(officer_client, list_url(Country))
    for code in ("ES", "IT", "GH", "NG", "BR", "AR", "CN", "JP"):
        make_country(code, region="afr")
    assert count_queries(officer_client, list_url(Country)) == few

    for n in range(3):
        term(ThematicArea, f"area-{n}")
    few = count_queries(officer_client, list_url(ThematicArea))
    for n in range(3, 13):
        term(ThematicArea, f"area-{n}")
    assert count_queries(officer_client, list_url(ThematicArea)) == few


def test_country_chooser_finds_countries_by_localized_name(client, officer, db):
    make_country("DE", region="eur")
    make_country("FR", region="eur")
    client.force_login(officer)
    chooser = reverse(Country.snippet_viewset.chooser_viewset.get_url_name("choose_results"))
    response = client.get(chooser, {"q": "allemagne"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert [str(country.code) for country in response.context["results"]] == ["DE"]


def test_agreement_form_lists_countries_by_name(client, officer, db):
    for code in ("DE", "AT", "FR"):  # Germany, Austria, France: not in code order
        make_country(code)
    client.force_login(officer)
    form = client.get(reverse(Agreement.snippet_viewset.get_url_name("add"))).context["form"]
    labels = [str(label) for _value, label in form.fields["countries"].choices]
    assert labels == ["Austria", "France", "Germany"]


def test_agreement_counts_are_shown_only_to_those_who_see_agreements(client, editor, officer):
    gates = make_partner("Bill & Melinda Gates Foundation")
    make_agreement(partners=[gates], is_confidential=True)
    for user, sees_counts in ((officer, True), (editor, False)):
        client.force_login(user)
        response = client.get(list_url(Partner))
        names = [column.name for column in response.context["table"].columns.values()]
        assert ("agreement_count" in names) is sees_counts
        export = client.get(list_url(Partner), {"export": "csv"})
        header = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()[0]
        assert ("Agreements" in header) is sees_counts


def test_names_sort_as_people_read_them(officer_client, db):
    """Capitals and accents do not change the order, ascending or descending."""
    for name in (
        "zeta Networks",
        "ARM",
        "Éthiopie Télécom",
        "African Development Bank",
        "Ericsson",
    ):
        make_partner(name)
    expected = ["African Development Bank", "ARM", "Ericsson", "Éthiopie Télécom", "zeta Networks"]

    ascending = listed(officer_client.get(list_url(Partner), {"ordering": "name"}))
    descending = listed(officer_client.get(list_url(Partner), {"ordering": "-name"}))

    assert [partner.name for partner in ascending] == expected
    assert [partner.name for partner in descending] == expected[::-1]
