"""The statistics page's map of the new agreements by beneficiary country: figures equal to
the table's and to agreement_stats', labels in English and Arabic, an unmirrored map in
Arabic, its size, its cache and its query count."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from cms.core.formats import format_number
from cms.pages.world_map import CLASS_COLOURS, map_shapes
from cms.reports.agreement_stats import agreement_figures
from cms.reports.world_map import country_figures
from cms.snippets.factories import CountryFactory
from cms.snippets.models import Agreement
from tests.demo.test_query_budget import counted_get

PERIOD = "?start=2015&end=2016"
START, END = datetime.date(2015, 1, 1), datetime.date(2016, 12, 31)


@pytest.fixture
def countries(vocab, archive):
    """Kenya for the first agreement, Kenya and France for the second, Tonga (too small for
    the map's scale) for the undated one; the confidential one names no country."""
    kenya, france = vocab.countries["KE"], vocab.countries["FR"]
    kenya.region = vocab.regions["afr"]
    kenya.save()
    tonga = CountryFactory(code="TO", region=vocab.regions["asp"])
    set_countries(archive["first"], [kenya])
    set_countries(archive["second"], [kenya, france])
    set_countries(archive["undated"], [tonga])
    set_countries(archive["addendum"], [france])  # an addendum: not a new agreement
    return {"KE": kenya, "FR": france, "TO": tonga}


def set_countries(agreement, countries):
    """The agreement's beneficiary countries replaced, and the agreement saved, as the
    editor's form does (modelcluster cannot sort several countries held in memory)."""
    links = Agreement.countries.through.objects
    links.filter(agreement=agreement).delete()
    links.bulk_create([links.model(agreement=agreement, country=c) for c in countries])
    Agreement.objects.get(pk=agreement.pk).save()


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def map_section(page):
    return page.find("section", id="map")


def table(section):
    return [
        tuple(cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"]))
        for row in section.find("table").tbody.find_all("tr")
    ]


def shapes(section):
    """{aria-label: fill} of the map's named shapes."""
    return {path["aria-label"]: path["fill"] for path in section.svg.find_all("path", role="img")}


def test_figures_per_country_add_up_with_agreement_stats(countries, archive):
    figures = country_figures(START, END)
    assert figures.by_country == {"KE": 2, "FR": 1, "TO": 1}
    assert figures.without_country == 1  # the confidential agreement: counted, not drawn
    # Every new agreement of the period is counted once: in its countries, or apart.
    new = agreement_figures(START, END).new_agreements
    with_country = {"first", "second", "undated"}
    assert new == len(with_country) + figures.without_country


def test_map_and_table_in_english(client, statistics_pages, countries):
    section = map_section(soup(client.get("/en/statistics/" + PERIOD)))
    assert section.h2.get_text(strip=True) == "New agreements by beneficiary country"
    assert table(section) == [
        # New agreements, then opportunities (none here).
        ("Kenya", "Africa", "2", "0"),
        ("France", "", "1", "0"),
        ("Tonga (too small for the map)", "Asia-Pacific", "1", "0"),
    ]
    assert section.find("table").tfoot.get_text(" ", strip=True) == ("Without a country 1 0")
    svg = section.svg
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text() == (
        "Map of the new agreements by beneficiary country"
    )
    assert "1 January 2015" in svg.find("desc", id=desc_id).get_text()
    drawn = shapes(section)
    # The table's figures, on the shapes: Kenya in the darkest class, France lighter.
    assert drawn["Kenya: 2 agreements"] == CLASS_COLOURS[-1]
    assert drawn["France: 1 agreement"] not in (CLASS_COLOURS[0], CLASS_COLOURS[-1])
    assert drawn["Brazil: 0 agreements"] == CLASS_COLOURS[0]
    assert not any(label.startswith("Tonga") for label in drawn)
    # Nothing in the map takes the keyboard's focus.
    assert not svg.find(attrs={"tabindex": True}) and not svg.find("a")
    legend = [item.get_text(strip=True) for item in section.select(".world-map__legend li")]
    assert legend == ["No agreement", "1", "2"]


def test_map_and_table_in_arabic_are_not_mirrored(client, statistics_pages, countries):
    english = map_section(soup(client.get("/en/statistics/" + PERIOD)))
    page = soup(client.get("/ar/statistics/" + PERIOD))
    assert page.html["dir"] == "rtl"
    section = map_section(page)
    with translation.override("ar"):
        two = format_number(2)
    rows = table(section)
    with translation.override("ar"):
        zero = format_number(0)
    assert rows[0] == ("كينيا", "أفريقيا", two, zero)
    assert any("تونغا" in row[0] for row in rows[1:])
    drawn = shapes(section)
    assert any(label.startswith("كينيا") and two in label for label in drawn)
    # Geography is not mirrored: the drawing's box is left to right, its paths the same.
    assert section.find(class_="world-map__drawing")["dir"] == "ltr"
    assert [p["d"] for p in section.svg.find_all("path")] == [
        p["d"] for p in english.svg.find_all("path")
    ]
    assert section.find("h2").get_text(strip=True) != english.find("h2").get_text(strip=True)


def test_the_map_stays_small(client, statistics_pages, countries):
    section = map_section(soup(client.get("/en/statistics/" + PERIOD)))
    size = len(str(section.svg).encode())
    assert size < 150_000
    _w, _h, drawn, _unnamed = map_shapes()
    assert len(drawn) > 150  # nearly every country has a shape


def test_a_changed_country_shows_on_the_next_anonymous_request(
    client, statistics_pages, countries, archive
):
    url = "/en/statistics/" + PERIOD
    assert ("France", "", "1", "0") in table(map_section(soup(client.get(url))))
    set_countries(archive["first"], [countries["KE"], countries["FR"]])
    rows = table(map_section(soup(client.get(url))))
    assert ("France", "", "2", "0") in rows
    assert ("Kenya", "Africa", "2", "0") in rows


def test_the_statistics_page_stays_within_its_query_budget(client, statistics_pages, countries):
    for language in ("en", "ar"):
        url = f"/{language}/statistics/" + PERIOD
        client.get(url)  # warm: the cached figures
        assert len(counted_get(client, url)) <= 15
