"""Issue 20, item 2 on the demo: the funded and closed opportunities show their progress
reports in every language and thank the funders of their public agreements."""

import pytest

from cms.pages.models import OpportunityPage
from tests.pages.html import parse

FUNDED = "financial-inclusion-global-initiative"
CLOSED = "digital-broadcasting-central-america"


def _get(client, language, slug):
    page = OpportunityPage.objects.get(locale__language_code=language, slug=slug)
    response = client.get(page.url)
    assert response.status_code == 200
    return parse(response)


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru", "ar", "zh-hans"])
def test_funded_and_closed_demo_opportunities_report_progress_in_each_language(
    client, demo_data, language
):
    for slug, count in ((FUNDED, 3), (CLOSED, 2)):
        soup = _get(client, language, slug)
        reports = soup.select(".progress-report")
        assert len(reports) == count, (language, slug)
        dates = [report.find("time")["datetime"] for report in reports]
        assert dates == sorted(dates, reverse=True)
        english = OpportunityPage.objects.get(locale__language_code="en", slug=slug)
        texts = {report.text for report in english.progress_reports.all()}
        shown = {report.select_one(".progress-report__text").get_text() for report in reports}
        # The text is the translator's in every language but English.
        assert (shown == texts) == (language == "en"), (language, slug)


def test_the_demo_thanks_the_funders_of_the_public_agreements(client, demo_data):
    soup = _get(client, "en", FUNDED)
    names = [item.get_text(strip=True) for item in soup.select(".funders__item")]
    assert "Bill & Melinda Gates Foundation" in names
    soup = _get(client, "fr", CLOSED)
    links = soup.select(".funders__item a")
    assert len(links) >= 2
    assert all(link["href"].startswith("/fr/partners/") for link in links)


def test_open_demo_opportunities_show_no_results(client, demo_data):
    soup = _get(client, "en", "mobile-health-noncommunicable-diseases")
    assert soup.select(".progress-report") == []
    assert soup.select(".funders") == []
