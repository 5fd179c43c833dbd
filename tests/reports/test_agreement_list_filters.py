"""The list of agreements narrowed to a beneficiary region and a primary thematic area, chosen
in the visitor's language without JavaScript (a form sent by GET); the period, the filters,
the files and the counts of confidential agreements left out all agree."""

import csv
import io

import pytest
from bs4 import BeautifulSoup

from . import built_once

# The conftest's records, built once for this module (built_once.py).
reports_records, vocab, addendum, statistics_pages, archive = built_once.FIXTURES

PERIOD = "start=2015&end=2016"


@pytest.fixture(autouse=True)
def _archive(statistics_pages, archive):
    """Every test reads the statistics pages and the small archive."""


def page(client, language, query):
    response = client.get(f"/{language}/statistics/agreements/?{PERIOD}&{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def references(soup):
    return [row.th.get_text(" ", strip=True) for row in soup.select(".agreement-table tbody tr")]


def select(soup, name):
    """(label, {option text: value}, text of the option chosen) of a filter."""
    field = soup.find("select", attrs={"name": name})
    label = soup.find("label", attrs={"for": field["id"]}).get_text(strip=True)
    options = {option.get_text(strip=True): option["value"] for option in field.find_all("option")}
    chosen = field.find("option", selected=True)
    return label, options, chosen.get_text(strip=True) if chosen else None


def test_a_region_keeps_the_agreements_that_benefit_it(client):
    soup = page(client, "en", "region=afr")
    assert references(soup) == ["A-2015-1", "A-2015-2"]
    label, options, chosen = select(soup, "region")
    assert label == "Beneficiary region"
    assert options == {"All regions": "", "Africa": "afr", "Asia-Pacific": "asp", "Europe": "eur"}
    assert chosen == "Africa"
    assert select(soup, "area")[2] is None
    # Nothing confidential in Africa: no word of agreements left out.
    assert soup.find(class_="agreement-list__left-out") is None


def test_region_and_area_together_in_french(client):
    soup = page(client, "fr", "region=eur&area=cybersecurity")
    assert references(soup) == ["A-2015-2", "A-2016-1"]
    label, options, chosen = select(soup, "area")
    assert label == "Domaine thématique principal"
    assert options["Tous les domaines thématiques"] == ""
    assert options["Cybersécurité"] == "cybersecurity"
    assert chosen == "Cybersécurité"
    assert select(soup, "region")[2] == "Europe"
    assert soup.find("button", class_="agreement-filters__submit").get_text(strip=True) == (
        "Appliquer les filtres"
    )


def test_confidential_agreements_left_out_follow_the_filters_in_arabic(client):
    soup = page(client, "ar", "region=asp")
    # Asia-Pacific: the undated record, and the confidential agreement counted, not shown.
    assert references(soup) == ["A-OLD-1"]
    assert "A-2016-SECRET" not in soup.get_text()
    left_out = soup.find(class_="agreement-list__left-out").get_text(" ", strip=True)
    assert left_out == "اتفاق سري واحد غير مدرج."  # "One confidential agreement is not listed."
    label, options, chosen = select(soup, "region")
    assert label == "المنطقة المستفيدة"
    assert options["جميع المناطق"] == "" and options["أفريقيا"] == "afr"
    assert chosen == "Asia-Pacific"  # not translated into Arabic: its English name


def test_nothing_matches_says_so(client):
    soup = page(client, "en", "region=afr&area=infrastructure")
    assert references(soup) == []
    assert "No agreement of this period matches these filters." in soup.get_text()


def test_the_period_and_the_filters_keep_each_other(client):
    soup = page(client, "en", "region=afr&area=cybersecurity")
    period_form = soup.find("form", class_="statistics-period")
    hidden = {field["name"]: field["value"] for field in period_form.select("input[type=hidden]")}
    assert hidden == {"region": "afr", "area": "cybersecurity"}
    filter_form = soup.find("form", class_="agreement-filters")
    assert filter_form["method"] == "get"
    hidden = {field["name"]: field["value"] for field in filter_form.select("input[type=hidden]")}
    assert hidden == {"start": "2015", "end": "2016"}
    presets = [a["href"] for a in soup.select(".statistics-period__presets a")]
    assert all("region=afr&area=cybersecurity" in href for href in presets)


def test_files_hold_what_the_list_shows(client):
    soup = page(client, "en", "region=afr")
    links = {a.get_text(): a["href"] for a in soup.select(".agreement-list__actions a[download]")}
    assert "region=afr" in links["CSV"]
    rows = list(csv.reader(io.StringIO(client.get(links["CSV"]).content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["A-2015-1", "A-2015-2"]


@pytest.mark.parametrize("query", ["region=xyz", "region=&area="])
def test_an_unknown_or_empty_choice_shows_every_agreement(client, query):
    soup = page(client, "en", query)
    assert references(soup) == ["A-2015-1", "A-2015-2", "A-2016-1", "A-OLD-1"]
    assert select(soup, "region")[2] is None


@pytest.mark.parametrize(
    ("language", "query", "message"),
    [
        ("en", "region=xyz", "No region has the code “xyz”: all regions are shown."),
        (
            "fr",
            "area=mars",
            "Aucun domaine thématique n’a le code « mars » : "
            "tous les domaines thématiques sont affichés.",
        ),
    ],
)
def test_an_unknown_code_is_said_in_the_visitor_s_language(client, language, query, message):
    soup = page(client, language, query)
    error = soup.select_one(".agreement-filters__error")
    assert error.get_text(strip=True) == message
    name = query.split("=")[0]
    field = soup.find("select", attrs={"name": name})
    assert field["aria-describedby"] == error["id"]
    assert field["aria-invalid"] == "true"
    # An empty choice is no error.
    assert not page(client, language, f"{name}=").select(".agreement-filters__error")
