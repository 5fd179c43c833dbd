"""The statistics page on the demo data: the source's figures for 2014-2017, in every
language, with the data downloads giving the same numbers."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

PERIOD = "?start=2014&end=2017"
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
BY_YEAR = {"2014": 42, "2015": 68, "2016": 29, "2017": 55}
BY_REGION = {"afr": 27.5, "ams": 26, "arb": 17, "asp": 42, "cis": 5, "eur": 10.5, "glo": 69}
BY_AREA = {
    "capacity-building": 49,
    "ict-applications": 32,
    "generic": 29,
    "infrastructure": 27,
    "cybersecurity": 20,
    "enabling-environment": 16,
    "emergency-telecommunications": 10,
    "digital-inclusion": 7,
    "innovation": 3,
    "climate-change-e-waste": 2,
    "statistics-indicators": 2,
}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def rows(client, chart, language="en"):
    response = client.get(f"/{language}/statistics/data/{chart}/json/{PERIOD}")
    assert response.status_code == 200
    return {row["code"]: row["value"] for row in json.loads(response.content)["rows"]}


def test_the_charts_data_equals_the_source(client, demo_data):
    years = rows(client, "years")
    assert {year: years[year] for year in BY_YEAR} == BY_YEAR
    assert years["unknown"] == 3
    assert rows(client, "regions") == BY_REGION
    # Most frequent first, as the source's chart.
    assert list(rows(client, "areas").items()) == list(BY_AREA.items())
    types = rows(client, "types")
    assert sum(types.values()) == 197 + 35
    value = rows(client, "value")
    assert round(sum(value.values()) / 1e6, 1) == 36.6


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_shows_the_source_figures_in_every_language(client, demo_data, language):
    response = client.get(f"/{language}/statistics/{PERIOD}")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == language
    assert len(page.select("section.statistics-chart svg[role=img]")) == 6
    years = page.find("section", id="years")
    cells = [row.td.get_text() for row in years.find("table").tbody.find_all("tr")]
    assert cells == ["42", "68", "29", "55", "3"]
    regions = page.find("section", id="regions")
    values = [row.td.get_text() for row in regions.find("table").tbody.find_all("tr")]
    # CLDR's decimal sign (cms.core.formats): Arabic with Western digits writes a point.
    decimal = {"en": ".", "zh-hans": ".", "fr": ",", "es": ",", "ru": ",", "ar": "."}[language]
    assert values == ["27" + decimal + "5", "26", "17", "42", "5", "10" + decimal + "5", "69"]
    svg = regions.find("svg")
    assert svg["data-direction"] == ("rtl" if language == "ar" else "ltr")
    assert "27" + decimal + "5" in svg.get_text()
    summary = page.find(class_="statistics-summary").get_text(" ", strip=True)
    # The value in millions in the language's words; Chinese counts in ten thousands (万).
    value = "3660万" if language == "zh-hans" else f"36{decimal}6"
    assert "197" in summary and "35" in summary and value in summary


def test_region_names_in_the_visitors_language(client, demo_data):
    for language, africa in (("fr", "Afrique"), ("ar", "أفريقيا"), ("zh-hans", "非洲")):
        response = client.get(f"/{language}/statistics/{PERIOD}")
        page = BeautifulSoup(response.content, "html.parser")
        labels = [
            row.th.get_text() for row in page.find("section", id="regions").select("tbody tr")
        ]
        assert labels[0] == africa, (language, labels)
