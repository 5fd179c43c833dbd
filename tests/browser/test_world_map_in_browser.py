"""In a real browser: the statistics page's map of the agreements by beneficiary country, in
English and in Arabic, passes axe; in Arabic its legend and table run right to left while
the map keeps its geography (Kenya east of France, as in English). Its link to the
opportunities' map works without JavaScript, and that map passes axe in both languages.

Set MAP_SCREENSHOTS=<folder> to keep a screenshot of each language's map there."""

import os
from pathlib import Path

import pytest
from django.core.cache import cache

from cms.snippets.factories import CountryFactory
from cms.snippets.models import Agreement
from tests.reports.conftest import addendum, archive, statistics_pages, vocab  # noqa: F401

PERIOD = "?start=2015&end=2016"


def set_countries(agreement, countries):
    links = Agreement.countries.through.objects
    links.filter(agreement=agreement).delete()
    links.bulk_create([links.model(agreement=agreement, country=c) for c in countries])
    Agreement.objects.get(pk=agreement.pk).save()


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_map_in_english_and_arabic(
    live_server,
    open_page,
    axe_violations,
    statistics_pages,  # noqa: F811 - the imported fixture
    archive,  # noqa: F811
    vocab,  # noqa: F811
):
    kenya, france = vocab.countries["KE"], vocab.countries["FR"]
    set_countries(archive["first"], [kenya])
    set_countries(archive["second"], [kenya, france])
    set_countries(archive["undated"], [CountryFactory(code="TO")])
    cache.clear()

    positions = {}
    for language, locale in (("en", "en-GB"), ("ar", "ar")):
        page = open_page(f"{live_server.url}/{language}/statistics/{PERIOD}#map", locale=locale)
        section = page.locator("section#map")
        assert section.locator("svg").is_visible()
        assert section.locator(".world-map__data table tbody tr").count() == 3
        assert axe_violations(page) == []
        if folder := os.environ.get("MAP_SCREENSHOTS"):
            section.screenshot(path=str(Path(folder) / f"world-map-{language}.png"))
        legend = section.locator(".world-map__legend li")
        first, last = legend.first.bounding_box(), legend.last.bounding_box()
        data = box(page, "section#map .statistics-chart__data")
        drawing = box(page, "section#map .world-map__drawing")
        kenya_shape = section.locator(
            "path[aria-label^='{}']".format("Kenya" if language == "en" else "كينيا")
        ).bounding_box()
        france_shape = section.locator(
            "path[aria-label^='{}']".format("France" if language == "en" else "فرنسا")
        ).bounding_box()
        positions[language] = {
            "legend_runs_right": last["x"] > first["x"],
            "table_right_of_map": data["x"] > drawing["x"],
            "kenya_east_of_france": kenya_shape["x"] > france_shape["x"],
            "direction": page.evaluate(
                "getComputedStyle(document.querySelector('#map table')).direction"
            ),
        }
    assert positions["en"] == {
        "legend_runs_right": True,
        "table_right_of_map": True,
        "kenya_east_of_france": True,
        "direction": "ltr",
    }
    # Arabic: the legend and the table run right to left, the map is not mirrored.
    assert positions["ar"] == {
        "legend_runs_right": False,
        "table_right_of_map": False,
        "kenya_east_of_france": True,
        "direction": "rtl",
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_opportunities_map_without_javascript_in_english_and_arabic(
    live_server,
    open_page,
    axe_violations,
    statistics_pages,  # noqa: F811 - the imported fixture
    archive,  # noqa: F811
    vocab,  # noqa: F811
):
    from tests.api.opportunities import make_index, make_opportunity

    home = statistics_pages["en"].get_parent().specific
    make_opportunity(make_index(home), vocab, "Smart villages")  # Kenya and Fiji
    cache.clear()
    for language, locale, heading in (
        ("en", "en-GB", "Opportunities by beneficiary country"),
        ("ar", "ar", "الفرص حسب البلد المستفيد"),
    ):
        page = open_page(
            f"{live_server.url}/{language}/statistics/{PERIOD}#map",
            locale=locale,
            java_script_enabled=False,
        )
        section = page.locator("section#map")
        section.locator(".world-map__layers a").nth(1).click()
        page.wait_for_load_state()
        assert "map=opportunities" in page.url
        assert section.locator("h2").first.inner_text() == heading
        assert section.locator(".world-map__layers a[aria-current='true']").count() == 1
        kenya = "Kenya" if language == "en" else "كينيا"
        assert section.locator(f"path[aria-label^='{kenya}']").count() == 1
        assert section.locator(".world-map__regions table tbody tr").count() >= 1
        # axe runs in the page's JavaScript: the same address, opened with it.
        page = open_page(page.url, locale=locale)
        assert axe_violations(page) == []
        direction = page.evaluate(
            "getComputedStyle(document.querySelector('.world-map__regions table')).direction"
        )
        assert direction == ("rtl" if language == "ar" else "ltr")
