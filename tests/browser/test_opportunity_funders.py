"""In a real browser (issue 20, acceptance): a funded opportunity names its funders, each
linked to its profile, with its progress reports newest first, in English and in French;
axe finds no serious problem on either page."""

import pytest
from django.core.cache import cache

from tests.pages.test_opportunity_results import make_funded_site


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_funded_opportunity_names_its_funders(live_server, open_page, axe_violations):
    site = make_funded_site()
    cache.clear()
    opportunity = site["opportunity"]
    expected = {
        "en": (
            "With thanks to",
            {"Government of Australia", "Government of the Republic of Korea"},
            ["Completed", "Delayed", "On track"],
        ),
        "fr": (
            "Avec nos remerciements à",
            {"Gouvernement de l'Australie", "Gouvernement de la République de Corée"},
            ["Achevé", "Retardé", "En bonne voie"],
        ),
    }
    for language, (heading, funders, lights) in expected.items():
        url = opportunity.get_translation(site["homes"][language].locale).url
        page = open_page(f"{live_server.url}{url}", locale=language)
        section = page.locator("section.funders")
        assert section.locator("h2").inner_text() == heading
        links = section.locator("li a")
        assert {links.nth(i).inner_text() for i in range(links.count())} == funders
        # Neither the confidential agreement's funder nor an implementing partner.
        body = page.locator("main").inner_text()
        assert "Hidden Donor Trust" not in body
        assert "Village Engineering Ltd" not in body
        shown = page.locator(".progress-report .status-light")
        assert [shown.nth(i).inner_text().strip() for i in range(shown.count())] == lights
        assert axe_violations(page) == []

        # A funder's name leads to its profile, in the same language.
        first = links.first
        name = first.inner_text()
        first.click()
        page.wait_for_load_state()
        assert f"/{language}/partners/" in page.url
        assert name in page.locator("h1").inner_text()
