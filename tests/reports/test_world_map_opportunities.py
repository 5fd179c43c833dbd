"""Issue 20, item 6: the statistics page's map shows the published opportunities by
beneficiary country too (a plain link switches, the period kept), the table beside it gives
both figures for every country, and a regional summary counts the agreements and the
opportunities per region, opportunities that target a whole region included; in Arabic right
to left; the page follows the opportunities published and unpublished."""

import pytest
from django.test import Client
from django.utils import translation

from cms.core.formats import format_number
from cms.core.page_cache import HIT_HEADER
from cms.pages.models import OpportunityCountry, OpportunityRegion
from cms.snippets.factories import CountryFactory
from tests.api.opportunities import make_index, make_opportunity
from tests.demo.test_query_budget import counted_get
from tests.pages.directory import data

from .test_world_map import map_section, set_countries, shapes, soup, table

PERIOD = "?start=2015&end=2016"
OPPORTUNITIES = PERIOD + "&map=opportunities"


@pytest.fixture
def opportunities(statistics_pages, vocab, archive):
    """Kenya for the first two agreements and France for the second; opportunities: one for
    Kenya and Fiji (in English and French, counted once), one for the whole Asia-Pacific
    region without a country, and a draft that is never counted."""
    kenya, france = vocab.countries["KE"], vocab.countries["FR"]
    kenya.region = vocab.regions["afr"]
    kenya.save()
    set_countries(archive["first"], [kenya])
    set_countries(archive["second"], [kenya, france])
    home = statistics_pages["en"].get_parent().specific
    index = make_index(home)
    villages = make_opportunity(index, vocab, "Smart villages")
    data.translate_page(index, "fr", title="Opportunités")
    data.translate_page(villages, "fr", title="Villages intelligents")
    regional = make_opportunity(index, vocab, "Pacific resilience")
    regional.countries = []
    regional.regions = [OpportunityRegion(region=vocab.regions["asp"])]
    regional.save_revision().publish()
    draft = make_opportunity(index, vocab, "Unfinished idea", live=False)
    return {"index": index, "villages": villages, "regional": regional, "draft": draft}


def rows_by_name(section):
    return {row[0]: row[1:] for row in table(section)}


def regions(section):
    summary = section.find(class_="world-map__regions")
    return {
        row.th.get_text(strip=True): tuple(td.get_text(strip=True) for td in row.find_all("td"))
        for row in summary.find_all("tr")
        if row.th and row.find("td")
    }


def test_the_agreements_map_lists_both_figures_and_links_to_the_opportunities(
    client, opportunities
):
    section = map_section(soup(client.get("/en/statistics/" + PERIOD)))
    headings = [th.get_text(strip=True) for th in section.find("table").thead.find_all("th")]
    assert headings == ["Country", "Region", "New agreements", "Opportunities"]
    rows = rows_by_name(section)
    assert rows["Kenya"] == ("Africa", "2", "1")
    assert rows["France"] == ("", "1", "0")
    assert rows["Fiji"][1:] == ("0", "1")
    # The table's last row: agreements (the undated and the confidential one) and
    # opportunities (the regional one) that name no country.
    assert section.find("table").tfoot.get_text(" ", strip=True) == "Without a country 2 1"
    links = section.select(".world-map__layers a")
    assert [link.get_text(strip=True) for link in links] == ["New agreements", "Opportunities"]
    assert links[0]["aria-current"] == "true" and not links[1].has_attr("aria-current")
    assert links[1]["href"] == "/en/statistics/?start=2015&end=2016&map=opportunities#map"


def test_the_opportunities_map_counts_each_published_opportunity_once(client, opportunities):
    section = map_section(soup(client.get("/en/statistics/" + OPPORTUNITIES)))
    assert section.h2.get_text(strip=True) == "Opportunities by beneficiary country"
    headings = [th.get_text(strip=True) for th in section.find("table").thead.find_all("th")]
    assert headings == ["Country", "Region", "Opportunities", "New agreements"]
    rows = rows_by_name(section)
    # Counted once though it is published in English and French; the draft is not counted.
    assert rows["Kenya"] == ("Africa", "1", "2")
    assert rows["France"] == ("", "0", "1")
    drawn = shapes(section)
    assert "Kenya: 1 opportunity" in drawn
    assert "France: 0 opportunities" in drawn
    assert drawn["Kenya: 1 opportunity"] != drawn["France: 0 opportunities"]
    legend = [item.get_text(strip=True) for item in section.select(".world-map__legend li")]
    assert legend == ["No opportunity", "1"]
    current = section.select_one(".world-map__layers a[aria-current]")
    assert current.get_text(strip=True) == "Opportunities"
    assert "whole regions" in section.svg.find("desc").get_text()


def test_the_regional_summary_counts_opportunities_that_target_a_whole_region(
    client, opportunities
):
    section = map_section(soup(client.get("/en/statistics/" + PERIOD)))
    summary = regions(section)
    # (new agreements of the period that benefit the region, opportunities)
    assert summary["Africa"][1] == "1"
    assert summary["Asia-Pacific"][1] == "1"  # names no country: counted by its region
    assert summary["All regions"][1] == "2"
    with translation.override("en"):
        assert int(summary["All regions"][0]) >= int(summary["Africa"][0])


def test_in_arabic_the_switch_and_tables_run_right_to_left(client, opportunities):
    page = soup(client.get("/ar/statistics/" + OPPORTUNITIES))
    assert page.html["dir"] == "rtl"
    section = map_section(page)
    english = map_section(soup(client.get("/en/statistics/" + OPPORTUNITIES)))
    assert section.h2.get_text(strip=True) != english.h2.get_text(strip=True)
    with translation.override("ar"):
        one, two = format_number(1), format_number(2)
    rows = rows_by_name(section)
    assert rows["كينيا"] == ("أفريقيا", one, two)
    assert section.find(class_="world-map__drawing")["dir"] == "ltr"
    links = section.select(".world-map__layers a")
    assert links[1]["href"].startswith("/ar/statistics/")
    assert "English" not in section.get_text()


def test_an_opportunity_published_or_unpublished_shows_on_the_next_visit(opportunities, vocab):
    url = "/en/statistics/" + OPPORTUNITIES
    Client().get(url)
    cached = Client().get(url)
    assert cached[HIT_HEADER] == "hit"
    assert "Tonga" not in cached.content.decode()

    tonga = CountryFactory(code="TO", region=vocab.regions["asp"])
    islands = make_opportunity(opportunities["index"], vocab, "Island connectivity")
    islands.countries = [OpportunityCountry(country=tonga)]
    islands.save_revision().publish()
    response = Client().get(url)
    assert response[HIT_HEADER] != "hit"
    assert ("Tonga (too small for the map)", "Asia-Pacific", "1", "0") in table(
        map_section(soup(response))
    )

    opportunities["villages"].unpublish()
    rows = rows_by_name(map_section(soup(Client().get(url))))
    assert "Kenya" not in rows or rows["Kenya"][1] == "0"


def test_the_opportunities_map_stays_within_the_query_budget(client, opportunities):
    for language in ("en", "ar"):
        url = f"/{language}/statistics/" + OPPORTUNITIES
        client.get(url)  # warm: the cached figures
        assert len(counted_get(client, url)) <= 15
