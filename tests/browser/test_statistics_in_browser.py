"""In a real browser: the statistics page draws its charts, in English and mirrored in
Arabic, and passes the accessibility checks."""

import pytest
from django.core.cache import cache

from tests.reports.conftest import addendum, archive, statistics_pages, vocab  # noqa: F401

# The fixtures above build the pages and a small archive (tests/reports/conftest.py).

PERIOD = "?start=2015&end=2016"


def bar_alignments(page):
    """For each chart with bars of different lengths: "start-left" when its bars share their
    left edge (they grow to the right), "start-right" when they share their right edge."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.statistics-chart svg')].map(svg => {
            const bars = [...svg.querySelectorAll('rect')]
                .map(rect => rect.getBoundingClientRect())
                .filter(r => r.width > 1 && r.height > 1);
            const lefts = new Set(bars.map(r => Math.round(r.left)));
            const rights = new Set(bars.map(r => Math.round(r.right)));
            if (bars.length < 2) return null;
            if (lefts.size === 1 && rights.size > 1) return 'start-left';
            if (rights.size === 1 && lefts.size > 1) return 'start-right';
            return null;
        }).filter(Boolean)"""
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_statistics_page_in_english_and_arabic(
    live_server,
    open_page,
    axe_violations,
    statistics_pages,  # noqa: F811 - the imported fixture
    archive,  # noqa: F811
):
    cache.clear()
    english = open_page(f"{live_server.url}/en/statistics/{PERIOD}")
    assert english.locator(".statistics-chart svg").count() >= 6
    assert english.locator(".statistics-chart svg").first.is_visible()
    assert axe_violations(english) == []

    arabic = open_page(f"{live_server.url}/ar/statistics/{PERIOD}", locale="ar")
    assert arabic.evaluate("document.documentElement.dir") == "rtl"
    assert arabic.locator(".statistics-chart svg").count() >= 6
    assert axe_violations(arabic) == []

    # Horizontal bars grow from the left in English and from the right in Arabic.
    assert set(bar_alignments(english)) == {"start-left"}
    assert set(bar_alignments(arabic)) == {"start-right"}
