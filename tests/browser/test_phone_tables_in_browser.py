"""In a real browser on a phone-sized screen (390 pixels wide, an iPhone's): the list of
agreements and the statistics page never make the page scroll sideways, in English, French
and Arabic; the wide table of agreements scrolls inside its own box, which the keyboard can
reach and scroll; the region and area filters work as a plain form; axe finds nothing
serious."""

import pytest
from django.core.cache import cache

from tests.reports.conftest import addendum, archive, statistics_pages, vocab  # noqa: F401

PHONE = {"width": 390, "height": 844}
ON_A_PHONE = {"viewport": PHONE, "is_mobile": True}
PERIOD = "start=2015&end=2016"

# The width of the page's layout (the phone's screen: a phone browser zooms out to show a page
# wider than that, so window.innerWidth would grow with it), how far the page itself scrolls
# sideways (0: it does not), and each table box's width and the width of what it holds.
LAYOUT_WIDTH = "() => document.documentElement.clientWidth"
PAGE_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
TABLE_BOXES = """() => [...document.querySelectorAll('.table-scroll')].map(box => ({
    client: box.clientWidth, scroll: box.scrollWidth, tabindex: box.getAttribute('tabindex'),
    name: box.getAttribute('aria-labelledby') &&
        document.getElementById(box.getAttribute('aria-labelledby')).textContent.trim(),
}))"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_agreements_and_statistics_fit_a_phone(
    live_server,
    open_page,
    axe_violations,
    statistics_pages,  # noqa: F811 - the imported fixture
    archive,  # noqa: F811
):
    cache.clear()
    for language, locale, caption in (
        ("en", "en-GB", "Agreements of 2015"),
        ("fr", "fr-FR", "Accords (2015)"),
        ("ar", "ar", "2015"),
    ):
        page = open_page(
            f"{live_server.url}/{language}/statistics/agreements/?{PERIOD}", locale, **ON_A_PHONE
        )
        assert page.evaluate(LAYOUT_WIDTH) == PHONE["width"]
        assert page.evaluate(PAGE_OVERFLOW) <= 0, language
        boxes = page.evaluate(TABLE_BOXES)
        assert len(boxes) == 3, language  # 2015, 2016 and the undated agreements
        first = boxes[0]
        assert first["scroll"] > first["client"] <= PHONE["width"], language
        assert first["tabindex"] == "0" and caption in first["name"], language
        assert axe_violations(page) == [], language

        # The keyboard scrolls the table's box, not the page.
        box = page.locator(".table-scroll").first
        box.focus()
        page.keyboard.press("End" if language != "ar" else "Home")
        page.keyboard.press("ArrowRight" if language != "ar" else "ArrowLeft")
        page.wait_for_function(
            "() => document.querySelector('.table-scroll').scrollLeft !== 0", timeout=5_000
        )
        assert page.evaluate("() => window.scrollX") == 0, language

        statistics = open_page(
            f"{live_server.url}/{language}/statistics/?{PERIOD}", locale, **ON_A_PHONE
        )
        assert statistics.evaluate(PAGE_OVERFLOW) <= 0, language
        assert axe_violations(statistics) == [], language


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_filters_without_javascript_on_a_phone(
    live_server,
    open_page,
    statistics_pages,  # noqa: F811 - the imported fixture
    archive,  # noqa: F811
):
    cache.clear()
    page = open_page(
        f"{live_server.url}/fr/statistics/agreements/?{PERIOD}",
        "fr-FR",
        viewport=PHONE,
        java_script_enabled=False,
    )
    page.select_option("#agreement-filter-region", label="Afrique")
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**region=afr**")
    references = page.locator(".agreement-table tbody th").all_inner_texts()
    assert [text.strip() for text in references] == ["A-2015-1", "A-2015-2"]
    assert "start=2015" in page.url and "end=2016" in page.url
