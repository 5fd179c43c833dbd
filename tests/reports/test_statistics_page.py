"""The statistics page: charts, tables, numbers in each language, the period selector, data
downloads and query counts."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from cms.reports.agreement_stats import agreement_breakdowns
from cms.snippets.factories import AgreementFactory

from . import built_once

# The conftest's records, built once for this module (built_once.py).
reports_records, vocab, addendum, statistics_pages, archive = built_once.FIXTURES

SVG = "{http://www.w3.org/2000/svg}"
PERIOD = "?start=2015&end=2016"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def chart(page, slug):
    return page.find("section", id=slug)


def table(section):
    return [
        (row.th.get_text(strip=True), row.td.get_text(strip=True))
        for row in section.find("table").tbody.find_all("tr")
    ]


def bars(section):
    """The bars of a chart's SVG as (x, width) pairs, top to bottom (or left to right)."""
    svg = ET.fromstring(str(section.find("svg")))  # noqa: S314 - the page under test
    return [
        (float(rect.get("x")), float(rect.get("width")))
        for rect in svg.iter(f"{SVG}rect")
        if rect.get("class") == "chart__bar"
    ]


def test_breakdowns_by_type_value_per_year_and_partner_kind(archive, vocab):
    breakdowns = agreement_breakdowns(datetime.date(2015, 1, 1), datetime.date(2016, 12, 31))
    assert breakdowns.by_type == {"mou": 4, "addendum": 1}
    assert breakdowns.value_by_year == {
        "2015": Decimal("1500000.50"),
        "2016": Decimal("1027777.00"),
        "unknown": Decimal("0.00"),
    }
    # Distinct partners of the period's agreements: the government once, the foundation once.
    assert breakdowns.partners_by_kind == {"government": 1, "foundation": 1, "company": 0}


def test_charts_and_tables_in_english(client, statistics_pages, archive):
    page = soup(client.get("/en/statistics/" + PERIOD))
    sections = page.find_all("section", class_="statistics-chart")
    assert [s["id"] for s in sections] == [
        "years",
        "regions",
        "areas",
        "types",
        "value",
        "partners",
    ]
    for section in sections:
        svg = section.find("svg")
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).get_text() == section.h2.get_text()
        assert svg.find("desc", id=desc_id)
        assert section.find("table").caption.get_text(strip=True)
        assert section.find("th", scope="col") and section.find("th", scope="row")
    # The undated agreement is shown apart; the others by year of signature.
    assert table(chart(page, "years")) == [
        ("2015", "2"),
        ("2016", "1"),
        ("Date not recorded", "1"),
    ]
    # 1/k rule: the agreement that benefits Africa and Europe counts half in each.
    assert table(chart(page, "regions")) == [
        ("Africa", "1.5"),
        ("Asia-Pacific", "2"),
        ("Europe", "0.5"),
    ]
    assert table(chart(page, "value"))[:2] == [("2015", "1,500,001"), ("2016", "1,027,777")]
    summary = page.find(class_="statistics-summary").get_text(" ", strip=True)
    assert "USD\xa02.5 million" in summary
    assert "Agreements signed from 1 January 2015 to 31 December 2016" in summary


def test_french_labels_and_decimal_comma(client, statistics_pages, archive):
    page = soup(client.get("/fr/statistics/" + PERIOD))
    regions = chart(page, "regions")
    assert table(regions)[0] == ("Afrique", "1,5")
    assert "1,5" in regions.find("svg").get_text()
    assert {label for label, _value in table(chart(page, "areas"))} == {
        "Renforcement des capacités",
        "Cybersécurité",
        "Infrastructures",
    }
    assert table(chart(page, "value"))[0] == ("2015", "1\u202f500\u202f001")


def test_arabic_chart_is_mirrored(client, statistics_pages, archive):
    english = soup(client.get("/en/statistics/" + PERIOD))
    arabic = soup(client.get("/ar/statistics/" + PERIOD))
    assert arabic.html["dir"] == "rtl"
    regions = chart(arabic, "regions")
    assert regions.find("svg")["data-direction"] == "rtl"
    assert "أفريقيا" in regions.find("svg").get_text()
    # Horizontal bars start at the same axis, on the left in English, on the right in Arabic.
    ltr, rtl = bars(chart(english, "regions")), bars(chart(arabic, "regions"))
    (start,) = {x for x, width in ltr if width}
    assert {round(x + width) for x, width in rtl if width} == {round(640 - start)}
    assert [w for _x, w in ltr] == [w for _x, w in rtl]
    # Columns run from right to left: the first year is the rightmost column.
    years_ltr, years_rtl = bars(chart(english, "years")), bars(chart(arabic, "years"))
    assert years_ltr[0][0] < years_ltr[1][0]
    assert years_rtl[0][0] > years_rtl[1][0]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?start=abc&end=2016", "“abc” is not a year or a date"),
        ("?start=2017&end=2015", "The end of the period is before its start."),
        ("?start=2017&end=2014", "The end of the period is before its start."),
        ("?start=1950&end=2016", "Choose a period of at most 50 years."),
        ("?start=2015-02-30", "“2015-02-30” is not a year or a date"),
        ("?start=1850&end=2016", "“1850” is out of range: choose years from 1900 to"),
        ("?start=2015&end=2999", "“2999” is out of range: choose years from 1900 to"),
    ],
)
def test_bad_periods_get_a_message_and_the_default_period(
    client, statistics_pages, archive, query, message
):
    page = soup(client.get("/en/statistics/" + query))
    errors = page.find(class_="statistics-period__errors")
    assert message in errors.get_text()
    typed = dict(item.split("=") for item in query[1:].split("&"))
    assert page.find("input", id="period-start")["value"] == typed["start"]
    # The default period, the Bureau's latest report's: 2014-2017 (the home page's too).
    heading = page.find(id="statistics-summary-title").get_text()
    assert "2014" in heading and "2017" in heading


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "La fin de la période est antérieure à son début."),
        ("ar", "نهاية الفترة تسبق بدايتها."),
    ],
)
def test_an_impossible_period_is_explained_in_the_visitors_language(
    client, statistics_pages, archive, language, message
):
    page = soup(client.get(f"/{language}/statistics/?start=2017&end=2014"))
    errors = page.find(class_="statistics-period__errors")
    assert message in errors.get_text(" ", strip=True)
    heading = page.find(id="statistics-summary-title").get_text()
    assert "2014" in heading and "2017" in heading


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", "est hors des limites"), ("ar", "خارج النطاق")],
)
def test_a_year_out_of_range_is_explained_in_the_visitors_language(
    client, statistics_pages, archive, language, words
):
    page = soup(client.get(f"/{language}/statistics/?start=2015&end=2999"))
    errors = page.find(class_="statistics-period__errors").get_text(" ", strip=True)
    assert "2999" in errors and words in errors


def test_the_latest_full_years_are_one_click_away(client, statistics_pages, archive):
    page = soup(client.get("/en/statistics/"))
    links = {a.get_text(): a["href"] for a in page.select(".statistics-period__presets a")}
    # The archive's latest four full years (its last agreements were signed in 2016).
    assert links["2013–2016"] == "/en/statistics/?start=2013&end=2016"
    assert page.select_one(".statistics-period__presets a[aria-current]").get_text() == "2014–2017"


def test_downloads_parse_back_to_the_same_numbers(client, statistics_pages, archive):
    base = "/fr/statistics/data/regions/"
    response = client.get(base + "csv/" + PERIOD)
    assert response["Content-Disposition"] == (
        'attachment; filename="statistics-regions-2015-2016-fr.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows[0]) == 3
    assert rows[1:] == [
        ["afr", "Afrique", "1.5"],
        ["asp", "Asie-Pacifique", "2"],
        ["eur", "Europe", "0.5"],
    ]

    data = json.loads(client.get(base + "json/" + PERIOD).content)
    assert data["start"] == "2015-01-01" and data["end"] == "2016-12-31"
    assert [(r["code"], r["value"]) for r in data["rows"]] == [
        ("afr", 1.5),
        ("asp", 2),
        ("eur", 0.5),
    ]
    assert data["total"] == 4

    workbook = load_workbook(io.BytesIO(client.get(base + "xlsx/" + PERIOD).content))
    values = list(workbook.active.iter_rows(min_row=2, values_only=True))
    assert values == [("afr", "Afrique", 1.5), ("asp", "Asie-Pacifique", 2), ("eur", "Europe", 0.5)]

    value = json.loads(client.get("/en/statistics/data/value/json/" + PERIOD).content)
    assert [r["value"] for r in value["rows"]] == [1500000.5, 1027777, 0]


def test_download_links_on_the_page(client, statistics_pages, archive):
    page = soup(client.get("/en/statistics/" + PERIOD))
    links = [a["href"] for a in chart(page, "areas").select(".statistics-chart__downloads a")]
    assert links == [
        f"/en/statistics/data/areas/{fmt}/?start=2015&end=2016" for fmt in ("csv", "xlsx", "json")
    ]
    for link in links:
        assert client.get(link).status_code == 200


def test_unknown_charts_and_bad_periods_in_downloads(client, statistics_pages, archive):
    assert client.get("/en/statistics/data/secrets/csv/").status_code == 404
    assert client.get("/en/statistics/data/regions/pdf/").status_code == 404
    response = client.get("/fr/statistics/data/regions/csv/?start=nope")
    assert response.status_code == 400
    assert "nope" in response.content.decode()


def test_query_count_does_not_grow_with_the_agreements(
    client, statistics_pages, archive, vocab, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/en/statistics/" + PERIOD)
    for number in range(30):
        AgreementFactory(
            agreement_type=vocab.mou,
            signature_date=datetime.date(2016, 1, 1 + number % 28),
            regions=[vocab.regions["afr"], vocab.regions["asp"]],
            primary_area=vocab.areas["infrastructure"],
        )
    with django_assert_max_num_queries(len(few)):
        client.get("/en/statistics/" + PERIOD)


def test_a_changed_agreement_shows_at_once_in_every_language(client, statistics_pages, archive):
    """The period's figures are kept in the shared cache (cms.reports.agreement_stats):
    an agreement saved computes them again, for the next visitor in any language."""

    def summary(language):
        page = soup(client.get(f"/{language}/statistics/" + PERIOD))
        return page.find(class_="statistics-summary").get_text(" ", strip=True)

    assert "USD\xa02.5 million" in summary("en")
    assert "2,5" in summary("fr")
    agreement = archive["first"]
    agreement.amount_usd += Decimal("1000000000")
    agreement.save()

    # CLDR's compact patterns ("0 million") do not group digits.
    assert "USD\xa01002.5 million" in summary("en")
    assert "1002,5" in summary("fr")
