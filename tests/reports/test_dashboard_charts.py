"""The dashboard's small charts (issue 19, item 7): new agreements per year and sponsorship
per event, drawn by the server as the statistics page draws its charts, in the staff
member's language, with nothing loaded from elsewhere."""

import pytest
from bs4 import BeautifulSoup
from wagtail.users.models import UserProfile

from tests.browser.test_sponsorship_guards_in_browser import (
    _confirmed_application as confirmed_application,
)
from tests.sponsorship.records import make_archive_terms, make_categories, make_event

from . import built_once

# The conftest's records, built once for this module (built_once.py).
reports_records, vocab, addendum, statistics_pages, archive = built_once.FIXTURES

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def charts(html):
    """{caption: (the SVG's accessible name, its description)} of the dashboard's charts."""
    found = {}
    for figure in html.select("#agreement-figures-section figure.dashboard-chart"):
        svg = figure.find("svg")
        found[figure.figcaption.get_text(strip=True)] = (
            svg.find("title").get_text(strip=True),
            svg.find("desc").get_text(strip=True),
        )
    return found


@pytest.fixture
def sponsored_event(home_page):
    categories = make_categories()
    make_archive_terms()  # a confirmed sponsorship is recorded as an agreement
    event = make_event(home_page, title="Global Symposium for Regulators (GSR-Test)")
    confirmed_application(event, categories)  # USD 40,000 after its member's discount
    return event


def test_officers_see_agreements_per_year_and_sponsorship_per_event(
    client, statistics_pages, archive, sponsored_event, officer
):
    response, html = dashboard(client, officer)

    found = charts(html)
    assert list(found) == ["New agreements per year of signature", "Sponsorship per event"]
    _title, years = found["New agreements per year of signature"]
    # The four years of the panel's first row, each with its count.
    first = html.select_one("#agreement-figures-section tbody th").get_text(strip=True)
    start, end = (int(year) for year in first.split("–"))
    assert [entry.split(":")[0] for entry in years.split("; ")] == [
        str(year) for year in range(start, end + 1)
    ]
    _title, events = found["Sponsorship per event"]
    assert events == "Global Symposium for Regulators (GSR-Test): 40,000"
    # Drawn by the server, styled by the admin's own stylesheet: no script, nothing loaded
    # from another site.
    section = html.select_one("#agreement-figures-section")
    assert not section.select("script, img, iframe")
    assert html.select_one('link[href$="css/admin-charts.css"]') is not None
    assert "unsafe-eval" not in response.headers.get("Content-Security-Policy", "")


def test_the_charts_speak_the_staff_members_language(
    client, statistics_pages, archive, sponsored_event, officer
):
    UserProfile.get_for_user(officer)
    UserProfile.objects.filter(user=officer).update(preferred_language="fr")

    _response, html = dashboard(client, officer)

    found = charts(html)
    assert "Parrainage par événement" in found
    _title, events = found["Parrainage par événement"]
    assert events == "Global Symposium for Regulators (GSR-Test): 40\u202f000"  # French digits


def test_the_arabic_charts_are_drawn_right_to_left(
    client, statistics_pages, archive, sponsored_event, officer
):
    UserProfile.get_for_user(officer)
    UserProfile.objects.filter(user=officer).update(preferred_language="ar")

    _response, html = dashboard(client, officer)

    svgs = html.select("#agreement-figures-section figure.dashboard-chart svg")
    assert len(svgs) == 2
    assert all(svg.get("direction") == "rtl" or 'direction="rtl"' in str(svg) for svg in svgs)


def test_without_sponsorship_only_the_year_chart_is_shown(
    client, statistics_pages, archive, officer
):
    _response, html = dashboard(client, officer)

    assert list(charts(html)) == ["New agreements per year of signature"]
