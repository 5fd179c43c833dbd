"""The home page's figures and the statistics page opened without a period speak of the same
years and the same numbers, in every language (both take `periods.default_period`): a
visitor who follows the home page to the statistics must not land on other years."""

import pytest
from bs4 import BeautifulSoup

from . import built_once

# The conftest's records, built once for this module (built_once.py).
reports_records, vocab, addendum, statistics_pages, archive = built_once.FIXTURES

HOME_NEW_AGREEMENTS = {
    "en": "New agreements signed",
    "fr": "Nouveaux accords signés",
    "ar": "الاتفاقات الجديدة الموقعة",
}


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_home_page_and_statistics_show_the_same_default_period(
    client, statistics_pages, archive, language
):
    home = soup(client.get(f"/{language}/"))
    statistics = soup(client.get(f"/{language}/statistics/"))

    heading = home.select_one("#home-figures-heading").get_text(strip=True)
    summary = statistics.find(id="statistics-summary-title").get_text(" ", strip=True)
    for year in ("2014", "2017"):
        assert year in heading and year in summary
    assert "2013" not in summary and "2016" not in summary

    home_figures = {
        item.dt.get_text(strip=True): item.dd.get_text(strip=True)
        for item in home.select(".key-figures__item")
    }
    statistics_figures = [
        dd.get_text(strip=True) for dd in statistics.select(".statistics-summary__figure dd")
    ]
    # Four new agreements (the undated one by its registration) and one addendum, in both.
    assert home_figures[HOME_NEW_AGREEMENTS[language]] == statistics_figures[0] == "4"
    assert statistics_figures[1] == "1"
