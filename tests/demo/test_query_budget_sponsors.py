"""The sponsorship pages that show logos, on the demo, for an anonymous visitor without the
page cache, in English, French and Arabic: the event page of the source's GSR-17 (five
sponsors with their logos, by tier), the upcoming demo event (its form and the packages
compared) and the sponsors page (the 14 sponsors' logos). The logos' renditions are read with
their sponsors, in one query whatever their number, and the budgets are those reached (the
event page's is test_query_budget.py's)."""

import pytest
from django.test import override_settings

from .test_query_budget import BUDGETS, LANGUAGES, _queries

SPONSOR_BUDGETS = {
    "event with sponsors' logos": BUDGETS["event"],
    "event open for applications": BUDGETS["event"],
    "sponsors": 7,
}


def _urls(language):
    return {
        "event with sponsors' logos": f"/{language}/sponsorship/gsr-17/",
        "event open for applications": f"/{language}/sponsorship/gsr-27/",
        "sponsors": f"/{language}/sponsorship/sponsors/",
    }


@pytest.mark.parametrize("language", LANGUAGES)
@override_settings(PAGE_CACHE_ENABLED=False)
def test_the_sponsorship_pages_with_logos_stay_within_their_budgets(demo_data, client, language):
    counts = {kind: _queries(client, url) for kind, url in _urls(language).items()}
    over = {
        kind: (len(sql), SPONSOR_BUDGETS[kind], [text[:100] for text in sql])
        for kind, sql in counts.items()
        if len(sql) > SPONSOR_BUDGETS[kind]
    }
    assert not over, f"queries over budget in {language} (count, budget, queries): {over}"
    sponsors = client.get(_urls(language)["sponsors"]).content.decode()
    assert sponsors.count('rel="sponsored noopener"') == 14
