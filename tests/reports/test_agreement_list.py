"""The list of the agreements of a period (INF/3 annex): grouping, confidential agreements,
files, query counts."""

import csv
import datetime
import io

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from cms.snippets.factories import AgreementFactory

from . import built_once

# The conftest's records, built once for this module (built_once.py).
reports_records, vocab, addendum, statistics_pages, archive = built_once.FIXTURES

URL = "/en/statistics/agreements/?start=2015&end=2016"


def page(client, url=URL):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser"), response


def groups(soup):
    """{year heading: [references]} in the order shown."""
    return {
        section.h2.get_text(strip=True): [
            row.th.get_text(" ", strip=True) for row in section.select("tbody tr")
        ]
        for section in soup.select(".agreement-list__year")
    }


def test_the_public_list_groups_by_year_and_leaves_confidential_agreements_out(
    client, statistics_pages, archive
):
    soup, response = page(client)
    assert groups(soup) == {
        "2015": ["A-2015-1", "A-2015-2"],
        "2016": ["A-2016-1"],
        "Date not recorded": ["A-OLD-1"],
    }
    text = soup.get_text(" ", strip=True)
    assert "Undisclosed support" not in text and "777,777" not in text
    assert "1 confidential agreement is not listed." in text
    row = soup.find("th", string="A-2015-2").parent
    cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
    assert cells[0] == "1 September 2015"  # never 01/09/2015
    assert cells[2:] == [
        "Government of Kenya; Gates Foundation",
        "Memorandum of understanding",
        "Africa; Europe",
        "Cybersecurity",
        "USD\xa0500,000.50",
    ]
    assert "Cookie" in response["Vary"]


def test_officers_see_confidential_agreements_flagged(client, statistics_pages, archive, officer):
    client.force_login(officer)
    soup, response = page(client)
    assert groups(soup)["2016"] == ["A-2016-1", "A-2016-SECRET Confidential"]
    assert "USD\xa0777,777" in soup.get_text(" ", strip=True)
    assert "private" in response["Cache-Control"]


def test_editors_do_not_see_confidential_agreements(client, statistics_pages, archive, editor):
    client.force_login(editor)
    soup, _response = page(client)
    assert "A-2016-SECRET" not in soup.get_text()


def test_translated_terms_in_french(client, statistics_pages, archive):
    soup, _response = page(client, "/fr/statistics/agreements/?start=2015&end=2016")
    row = soup.find("th", string="A-2015-2").parent
    cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
    assert cells[0] == "1 septembre 2015"
    assert cells[3:6] == ["Mémorandum d'accord", "Afrique; Europe", "Cybersécurité"]
    # The ISO code where French puts the currency (cms.core.formats).
    assert cells[6] == "500\u202f000,50\xa0USD"


def test_csv_and_xlsx_files(client, statistics_pages, archive, officer, vocab):
    AgreementFactory(
        reference="A-2015-FORMULA",
        title='=HYPERLINK("http://example.org")',
        agreement_type=vocab.mou,
        signature_date=datetime.date(2015, 12, 1),
        regions=[vocab.regions["eur"]],
        primary_area=vocab.areas["infrastructure"],
    )
    response = client.get("/en/statistics/agreements/csv/?start=2015&end=2016")
    assert response["Content-Disposition"] == 'attachment; filename="agreements-2015-2016-en.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_reference = {row[1]: row for row in rows[1:]}
    assert set(by_reference) == {"A-2015-1", "A-2015-2", "A-2015-FORMULA", "A-2016-1", "A-OLD-1"}
    assert by_reference["A-2015-2"][4:] == [
        "Government of Kenya; Gates Foundation",
        "Memorandum of understanding",
        "Africa; Europe",
        "Cybersecurity",
        "500000.50",
        "USD",
        "500000.50",
    ]
    assert by_reference["A-2015-FORMULA"][3] == '\'=HYPERLINK("http://example.org")'
    assert rows[-1][0] == "Date not recorded"

    workbook = load_workbook(
        io.BytesIO(client.get("/en/statistics/agreements/xlsx/?start=2015&end=2016").content)
    )
    sheet = workbook.active
    cells = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert cells["A-2015-2"][8] == 500000.5
    assert cells["A-2015-FORMULA"][3] == '=HYPERLINK("http://example.org")'
    assert sheet.cell(row=2 + list(cells).index("A-2015-FORMULA"), column=4).data_type == "s"
    assert "A-2016-SECRET" not in cells

    client.force_login(officer)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get("/en/statistics/agreements/csv/?start=2015&end=2016").content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[0][-1] == "Confidential"
    assert {row[1]: row[-1] for row in rows[1:]}["A-2016-SECRET"] == "yes"


def test_bad_period_in_files_is_a_clear_message(client, statistics_pages, archive):
    response = client.get("/en/statistics/agreements/csv/?end=someday")
    assert response.status_code == 400
    assert "“someday” is not a year or a date" in response.content.decode()
    assert client.get("/en/statistics/agreements/pdf/").status_code == 404


def test_list_query_count_does_not_grow(client, statistics_pages, archive, vocab, officer):
    client.force_login(officer)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    partner = archive["first"].partner_links.first().partner
    for number in range(25):
        AgreementFactory(
            agreement_type=vocab.mou,
            signature_date=datetime.date(2015, 1 + number % 12, 1),
            regions=[vocab.regions["afr"], vocab.regions["eur"]],
            primary_area=vocab.areas["infrastructure"],
            partners=[partner],
            is_confidential=number % 2 == 0,
        )
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(many) <= len(few)
    client.logout()
    with CaptureQueriesContext(connection) as public:
        client.get(URL)
    assert len(public) <= len(few) + 1
