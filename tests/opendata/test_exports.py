"""The open-data files and the officers' full-record exports: what each may contain, the
formats, formula neutralization, and query counts that do not grow with the rows."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from cms.core.spreadsheets import neutralize
from cms.opendata.datasets import (
    AGREEMENT_COLUMNS,
    AGREEMENT_OFFICER_COLUMNS,
    PARTNER_COLUMNS,
    PARTNER_PUBLIC_COLUMNS,
)
from cms.snippets.factories import AgreementFactory
from tests.core.injections import INJECTIONS, assert_neutralized_csv, assert_neutralized_xlsx

from .conftest import FORMULA_TITLES, set_countries

PUBLIC = "/open-data/{name}.{fmt}"
OFFICER = "/admin/open-data/{name}.{fmt}"


def content(response):
    """The file's bytes, streamed (the officers' exports) or whole (the public files, built
    once per data version)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response):
    text = content(response).decode("utf-8")
    assert text.startswith("\ufeff"), "the CSV starts with a byte-order mark"
    reader = csv.reader(io.StringIO(text[1:], newline=""))
    header, *rows = list(reader)
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def xlsx_rows(response):
    workbook = load_workbook(io.BytesIO(content(response)), read_only=True)
    sheet = workbook.active
    header, *rows = [[cell.value or "" for cell in row] for row in sheet.iter_rows()]
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def json_rows(response):
    return json.loads(content(response))


# --- Public files -----------------------------------------------------------------------------


def test_public_agreements_leave_out_confidential_agreements_and_notes(client, archive):
    response = client.get(PUBLIC.format(name="agreements", fmt="csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = content(client.get(PUBLIC.format(name="agreements", fmt="csv"))).decode()
    header, rows = csv_rows(response)

    assert header == AGREEMENT_COLUMNS
    references = {row["reference"] for row in rows}
    assert "SECRET-001" not in references
    assert "2015/01" in references and "2016/08-A1" in references
    assert len(rows) == 11
    for secret in ("SECRET-001", "CONFIDENTIAL-NOTE", "AGREEMENT-PUBLIC-NOTE", "999999"):
        assert secret not in body
    by_reference = {row["reference"]: row for row in rows}
    # The addendum of a confidential agreement does not name it.
    assert by_reference["2016/08-A1"]["parent_reference"] == ""
    assert by_reference["2015/01-A1"]["parent_reference"] == "2015/01"


def test_public_agreement_row_in_the_import_format(client, archive):
    _header, rows = csv_rows(client.get(PUBLIC.format(name="agreements", fmt="csv")))
    row = {row["reference"]: row for row in rows}["2015/01"]
    assert row == {
        "reference": "2015/01",
        "title": "Connecting schools in Africa",
        "type": "mou",
        # A list cell is neutralized as a whole: it begins with "G" here.
        "partners": "Government of Australia; -Dash Telecom; Ministry of ICT of Kenya",
        "signature_date": "2015-03-10",
        "amount": "250000.00",
        "currency": "USD",
        "usd_value": "250000.00",
        "regions": "AFR",
        "countries": "EG; KE; SN",
        "primary_area": "cybersecurity",
        "areas": "capacity-building; infrastructure",
        "parent_reference": "",
        "status": "completed",
    }
    undated = {row["reference"]: row for row in rows}["LEGACY 9"]
    assert undated["signature_date"] == ""
    assert undated["amount"] == undated["usd_value"] == ""
    assert rows[0]["reference"] == "LEGACY 9", "undated agreements come first"


def test_public_partners_are_the_funding_partners_without_internal_fields(client, archive, locales):
    # A French translation of a partner is the same partner: one row, in English.
    translation = archive.gov.copy_for_translation(locales["fr"])
    translation.name = "Gouvernement de l'Australie"
    translation.save()

    response = client.get(PUBLIC.format(name="partners", fmt="csv"))
    body = content(client.get(PUBLIC.format(name="partners", fmt="csv"))).decode()
    header, rows = csv_rows(response)

    assert header == PARTNER_PUBLIC_COLUMNS
    assert "aliases" not in header
    names = [row["name"] for row in rows]
    assert names == ["'-Dash Telecom", "Bill & Melinda Gates Foundation", "Government of Australia"]
    for secret in (
        "PARTNER-INTERNAL-NOTE",
        "Secret Contact",
        "secret@gov.example",
        "Commonwealth of Australia",
        "Ministry of ICT",
        "Gouvernement",
    ):
        assert secret not in body
    gov = rows[2]
    assert gov["kind"] == "government"
    assert gov["is_funding_partner"] == "yes"
    assert gov["headquarters_country"] == "AU"
    assert gov["priority_areas"] == "cybersecurity; capacity-building"
    assert gov["regions"] == "AFR"
    assert gov["countries"] == "KE"


@pytest.mark.parametrize("name", ["partners", "agreements"])
def test_xlsx_and_json_hold_the_same_rows_as_the_csv(client, archive, name):
    _header, from_csv = csv_rows(client.get(PUBLIC.format(name=name, fmt="csv")))
    xlsx_header, from_xlsx = xlsx_rows(client.get(PUBLIC.format(name=name, fmt="xlsx")))
    from_json = json_rows(client.get(PUBLIC.format(name=name, fmt="json")))

    assert xlsx_header == list(from_csv[0])
    # XLSX keeps every value as text, exactly (nothing to neutralize in a text cell).
    assert [{k: neutralize(v) for k, v in row.items()} for row in from_xlsx] == from_csv
    lists = {"partners", "regions", "countries", "areas", "priority_areas", "funding_types"}
    as_text = [
        {
            key: (
                "; ".join(value)
                if key in lists
                else ("yes" if value else "no")
                if isinstance(value, bool)
                else value
            )
            for key, value in row.items()
        }
        for row in from_json
    ]
    assert [{k: neutralize(v) for k, v in row.items()} for row in as_text] == from_csv
    assert all(isinstance(row.get("regions"), list) for row in from_json)


def test_json_types(client, archive):
    rows = json_rows(client.get(PUBLIC.format(name="partners", fmt="json")))
    assert rows[2]["is_funding_partner"] is True
    assert rows[2]["priority_areas"] == ["cybersecurity", "capacity-building"]
    agreements = {
        row["reference"]: row
        for row in json_rows(client.get(PUBLIC.format(name="agreements", fmt="json")))
    }
    assert agreements["2016/07"]["amount"] == "1000000.50"
    assert agreements["2016/07"]["currency"] == "EUR"
    assert agreements["2016/07"]["regions"] == ["AFR", "ARB", "GLO"]
    assert agreements["FORMULA-EQ"]["title"] == FORMULA_TITLES["FORMULA-EQ"]


@pytest.mark.parametrize("address", ["/open-data/secrets.csv", "/open-data/agreements.exe"])
def test_unknown_files_are_not_found(client, db, address):
    assert client.get(address).status_code == 404


# --- Formula neutralization -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("FORMULA-EQ", '\'=HYPERLINK("http://evil.example","x")'),
        ("FORMULA-PLUS", "'+1+2"),
        ("FORMULA-MINUS", "'-3+4"),
        ("FORMULA-AT", "'@SUM(A1:A2)"),
        ("FORMULA-TAB", "'\tTabbed title"),
        ("FORMULA-CR", "'\rCarriage title"),
    ],
)
def test_csv_cells_that_would_be_formulas_start_with_a_quote(client, archive, reference, expected):
    _header, rows = csv_rows(client.get(PUBLIC.format(name="agreements", fmt="csv")))
    assert {row["reference"]: row for row in rows}[reference]["title"] == expected


def test_ordinary_cells_are_not_quoted(client, archive):
    _header, rows = csv_rows(client.get(PUBLIC.format(name="agreements", fmt="csv")))
    row = {row["reference"]: row for row in rows}["2016/07"]
    assert row["title"] == "Regional cybersecurity centre"
    # Amounts are never negative (Agreement.clean refuses it): figures are never quoted.
    assert row["amount"] == "1000000.50"
    assert row["signature_date"] == "2016-09-01"


@pytest.mark.parametrize("typed", INJECTIONS)
@pytest.mark.parametrize("address", [PUBLIC, OFFICER])
def test_every_open_data_spreadsheet_neutralizes_an_injected_title(
    client, archive, officer, address, typed
):
    AgreementFactory(
        reference="INJECTED",
        title=typed,
        agreement_type=archive.mou,
        primary_area=archive.infra,
        regions=[archive.glo],
        partners=[archive.gov],
    )
    client.force_login(officer)
    assert_neutralized_csv(client.get(address.format(name="agreements", fmt="csv")), typed)
    assert_neutralized_xlsx(client.get(address.format(name="agreements", fmt="xlsx")), typed)


def test_xlsx_formula_text_is_a_text_cell(client, archive):
    response = client.get(PUBLIC.format(name="agreements", fmt="xlsx"))
    workbook = load_workbook(io.BytesIO(content(response)))
    sheet = workbook.active
    titles = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    cell = titles["FORMULA-EQ"]
    assert cell.data_type == "s"
    assert cell.value == FORMULA_TITLES["FORMULA-EQ"]


# --- Officers' exports --------------------------------------------------------------------------


def test_officer_agreements_export_has_every_agreement_and_field(client, archive, officer):
    client.force_login(officer)
    response = client.get(OFFICER.format(name="agreements", fmt="csv"))
    assert response.status_code == 200
    assert "all-fields" in response["Content-Disposition"]
    header, rows = csv_rows(response)
    assert header == AGREEMENT_OFFICER_COLUMNS
    by_reference = {row["reference"]: row for row in rows}
    assert len(rows) == 12
    secret = by_reference["SECRET-001"]
    assert secret["confidential"] == "yes"
    assert secret["notes"] == "CONFIDENTIAL-NOTE"
    assert secret["amount"] == "999999.00"
    assert by_reference["2015/01"]["confidential"] == "no"
    assert by_reference["2015/01"]["notes"] == "AGREEMENT-PUBLIC-NOTE"
    assert by_reference["2016/08-A1"]["parent_reference"] == "SECRET-001"


def test_officer_partners_export_has_every_partner_and_other_names(client, archive, officer):
    client.force_login(officer)
    header, rows = csv_rows(client.get(OFFICER.format(name="partners", fmt="csv")))
    assert header == PARTNER_COLUMNS
    by_name = {row["name"]: row for row in rows}
    assert by_name["Ministry of ICT of Kenya"]["is_funding_partner"] == "no"
    assert by_name["Government of Australia"]["aliases"] == ("Australia; Commonwealth of Australia")


@pytest.mark.parametrize("fmt", ["xlsx", "json"])
def test_officer_exports_in_every_format(client, archive, officer, fmt):
    client.force_login(officer)
    response = client.get(OFFICER.format(name="agreements", fmt=fmt))
    assert response.status_code == 200
    body = content(response)
    if fmt == "json":
        rows = json.loads(body)
        assert {row["reference"] for row in rows} >= {"SECRET-001"}
        assert next(r for r in rows if r["reference"] == "SECRET-001")["confidential"] is True
    else:
        sheet = load_workbook(io.BytesIO(body), read_only=True).active
        assert "SECRET-001" in [row[0].value for row in sheet.iter_rows()]


def test_officer_export_page_lists_the_files(client, archive, officer):
    client.force_login(officer)
    response = client.get("/admin/open-data/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/admin/open-data/agreements.csv" in page
    assert "/admin/open-data/partners.xlsx" in page
    menu = client.get("/admin/").content.decode()
    assert "/admin/open-data/" in menu


def test_editors_and_visitors_get_no_full_export(client, archive, editor):
    response = client.get(OFFICER.format(name="agreements", fmt="csv"))
    assert response.status_code == 302  # to the admin's sign-in page
    client.force_login(editor)
    # Wagtail answers a refusal in the admin with a redirect to the dashboard and a message.
    for address in (
        OFFICER.format(name="agreements", fmt="csv"),
        OFFICER.format(name="partners", fmt="json"),
        "/admin/open-data/",
    ):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert "/admin/open-data/" not in client.get("/admin/").content.decode()


# --- Query counts --------------------------------------------------------------------------------


def _count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
        if hasattr(response, "streaming_content"):
            content(response)
        else:
            response.getvalue() if hasattr(response, "getvalue") else response.content
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "address",
    [
        "/open-data/agreements.csv",
        "/open-data/agreements.json",
        "/open-data/agreements.xlsx",
        "/open-data/partners.csv",
        "/open-data/iati/activities.xml",
        "/admin/open-data/agreements.csv",
        "/admin/open-data/partners.json",
    ],
)
def test_query_count_does_not_grow_with_the_rows(client, archive, officer, address):
    client.force_login(officer)
    for _n in range(3):
        agreement = AgreementFactory(
            primary_area=archive.cyber,
            regions=[archive.afr],
            secondary_areas=[archive.capacity],
            partners=[archive.gov, (archive.company, "implementer")],
        )
        set_countries(agreement, [archive.kenya])
    few = _count_queries(client, address)
    for _n in range(27):
        agreement = AgreementFactory(
            primary_area=archive.cyber,
            regions=[archive.afr, archive.glo],
            secondary_areas=[archive.capacity, archive.infra],
            partners=[archive.gov, (archive.gates, "sponsor")],
        )
        set_countries(agreement, [archive.kenya, archive.senegal])
    many = _count_queries(client, address)
    assert many == few
    assert few <= 20


# --- The open-data page -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_open_data_page_in_each_language(client, archive, language):
    response = client.get(f"/{language}/open-data/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f'lang="{language}"' in page
    for address in (
        "/open-data/agreements.csv",
        "/open-data/agreements.xlsx",
        "/open-data/agreements.json",
        "/open-data/partners.csv",
        "/open-data/iati/activities.xml",
        "https://creativecommons.org/licenses/by/4.0/",
    ):
        assert address in page
    # Every column of the files is explained.
    for column in AGREEMENT_COLUMNS + PARTNER_PUBLIC_COLUMNS:
        assert f"<code>{column}</code>" in page
    # The footer links to the page in the visitor's language.
    assert f'href="/{language}/open-data/"' in page
    if language == "ar":
        assert 'dir="rtl"' in page
