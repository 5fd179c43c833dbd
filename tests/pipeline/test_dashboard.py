"""An officer's dashboard: their next follow-ups, overdue first, each a link to its entry;
nobody else's, nothing closed, and in a fixed number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.core.formats import format_date
from cms.core.roles import OFFICERS
from cms.pipeline.models import Stage
from cms.snippets.factories import PartnerFactory
from tests.snippets.admin.records import make_user

from .conftest import assert_flat_queries, entry

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def follow_ups(response):
    """(partner, stage, overdue, link) of each row of the panel."""
    panel = BeautifulSoup(response.content.decode(), "html.parser").select_one(
        "#pipeline-follow-ups-section"
    )
    if panel is None:
        return None
    return [
        (
            row.select_one("th a").get_text(strip=True),
            row.select("td")[-1].get_text(strip=True),
            "Overdue" in row.get_text(),
            row.select_one("th a")["href"],
        )
        for row in panel.select("tbody tr")
    ]


def test_the_officer_sees_their_follow_ups_overdue_first(client, officer, archive, opportunity):
    colleague = make_user("colleague", OFFICERS)
    later = entry(opportunity, archive["best"], owner=officer, days=10)
    overdue = entry(opportunity, archive["small"], owner=officer, stage=Stage.CONTACTED, days=-5)
    today = entry(opportunity, archive["old"], owner=officer, stage=Stage.IN_DISCUSSION, days=0)
    entry(opportunity, archive["mixed"], owner=officer, stage=Stage.COMMITTED, days=-1)
    entry(opportunity, archive["unrelated"], owner=colleague, days=-9)
    client.force_login(officer)

    rows = follow_ups(client.get(HOME))

    assert rows == [
        ("Small Partner", "Contacted", True, reverse("pipeline:edit", args=[overdue.pk])),
        ("Old Partner", "In discussion", False, reverse("pipeline:edit", args=[today.pk])),
        ("Recent Large Partner", "Identified", False, reverse("pipeline:edit", args=[later.pk])),
    ]


def test_an_officer_without_follow_ups_is_told_so(client, officer):
    client.force_login(officer)
    response = client.get(HOME)
    assert follow_ups(response) == []
    assert "No follow-up is planned for the partners you follow." in response.content.decode()


@pytest.mark.parametrize("role", ["editor", "lead"])
def test_who_does_not_keep_pipelines_has_no_panel(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert follow_ups(client.get(HOME)) is None


def test_the_panel_reads_a_fixed_number_of_queries(client, officer, archive, opportunity):
    entry(opportunity, archive["best"], owner=officer, days=1)
    client.force_login(officer)

    def add_rows():
        for number in range(8):
            entry(opportunity, PartnerFactory(name=f"Extra {number}"), owner=officer, days=number)

    response = assert_flat_queries(client, HOME, add_rows)
    assert len(follow_ups(response)) == 9


def test_an_arabic_officer_reads_the_panel_right_to_left(client, officer, archive, opportunity):
    item = entry(opportunity, archive["best"], owner=officer, stage=Stage.CONTACTED)
    item.next_follow_up = datetime.date(2031, 5, 1)
    item.save()
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(officer)

    response = client.get(HOME)
    page = BeautifulSoup(response.content.decode(), "html.parser")

    assert page.html["dir"] == "rtl"
    panel = page.select_one("#pipeline-follow-ups-section")
    assert "متابعاتي القادمة" in panel.get_text()
    assert format_date(item.next_follow_up, "ar") in panel.get_text()
    assert "أيار/مايو" in format_date(item.next_follow_up, "ar")
    assert "تم الاتصال به" in panel.get_text()
