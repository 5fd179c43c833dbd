"""In a real browser: a French visitor types in the search box, chooses a suggestion with the
keyboard and lands on the French page; the results page is laid out right to left in Arabic;
axe-core finds no serious accessibility problem on the results, in English and Arabic, nor
on the open list of suggestions.

The tests only read: the search site is built once for the module (`committed_for_module`)."""

import pytest

from tests.browser.module_data import committed_for_module
from tests.search.site.data import build_search_site

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("module_data_db")]


@pytest.fixture(scope="module")
def search_site(django_db_blocker):
    yield from committed_for_module(django_db_blocker, build_search_site)


def test_french_visitor_chooses_a_suggestion_with_the_keyboard(
    live_server, search_site, open_page, axe_violations
):
    page = open_page(live_server.url + "/fr/search/", locale="fr-FR")
    box = page.locator("#search-page-input")
    box.press_sequentially("exer", delay=30)
    option = page.get_by_role("option", name="Exercices cyber pour l'Afrique")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert axe_violations(page) == []

    box.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    box.press("Enter")
    page.wait_for_url("**/fr/opportunities/cyber-drills-for-africa/")
    assert page.locator("h1").inner_text() == "Exercices cyber pour l'Afrique"


def test_results_in_english_and_arabic_are_accessible(
    live_server, search_site, open_page, axe_violations
):
    english = open_page(live_server.url + "/en/search/?q=Pacific")
    groups = english.locator(".search-group")
    assert groups.count() >= 2  # opportunities and partners at least
    assert english.locator(".search-hit mark").count() > 0  # the words found, highlighted
    assert axe_violations(english) == []

    arabic = open_page(live_server.url + "/ar/search/?q=شركاء", locale="ar-EG")
    assert arabic.locator("html").get_attribute("dir") == "rtl"
    assert "شركاء التمويل" in arabic.locator(".search-hit__link").all_inner_texts()
    # Right to left: the search box starts at the right of the content.
    box = arabic.locator("#search-page-input").bounding_box()
    main = arabic.locator("main").bounding_box()
    assert box["x"] + box["width"] > main["x"] + main["width"] / 2
    assert axe_violations(arabic) == []
