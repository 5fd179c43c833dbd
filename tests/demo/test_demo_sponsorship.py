"""The demo's sponsorship: the source's three events and their 14 sponsors for USD 329,590,
linked to the archive's existing agreements, and one upcoming demo event open for sponsors."""

import json
from io import StringIO

from django.core.management import call_command

from cms.snippets.models import Agreement
from cms.sponsorship.models import EventPage, SponsorshipApplication

GSR = "Global Symposium for Regulators 2017 (GSR-17), Nassau"
WTDC = "World Telecommunication Development Conference 2017 (WTDC-17), Buenos Aires"
ITU_D = "25th anniversary of ITU-D, Buenos Aires"


def test_sponsorship_stats_reproduce_the_source(demo_data):
    out = StringIO()
    call_command("sponsorship_stats", "--json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["entities"] == 14
    assert figures["amount_usd"] == 329590
    assert figures["by_event"] == {
        GSR: {"entities": 5, "amount_usd": 140000},
        WTDC: {"entities": 6, "amount_usd": 155000},
        ITU_D: {"entities": 3, "amount_usd": 34590},
    }


def test_sponsors_link_the_archives_agreements(demo_data):
    linked = SponsorshipApplication.objects.exclude(agreement=None)
    assert linked.count() == 14
    assert Agreement.objects.filter(reference__startswith="SPO-").count() == 0
    for application in linked.select_related("agreement", "partner"):
        assert application.partner in [
            link.partner for link in application.agreement.partner_links.all()
        ]


def test_events_in_six_languages_and_one_open(demo_data, client):
    assert EventPage.objects.live().count() == 4 * 6
    response = client.get("/ru/sponsorship/gsr-27/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Член Сектора" in html  # prices by category, in Russian
    assert "Приветственный прием" in html  # the package, translated
    assert "Выставочный стенд" in html  # an à-la-carte benefit
    assert 'id="apply"' in html
    arabic = client.get("/ar/sponsorship/").content.decode()
    assert 'dir="rtl"' in arabic
    assert "الندوة العالمية لمنظمي الاتصالات 2017" in arabic
    closed = client.get("/fr/sponsorship/gsr-17/").content.decode()
    assert 'id="apply"' not in closed
    assert "Huawei Technologies" in closed


def test_load_again_changes_nothing(demo_data):
    before = SponsorshipApplication.objects.count()
    out = StringIO()
    call_command("load_demo_data", "--skip-index", stdout=out)
    assert SponsorshipApplication.objects.count() == before


def test_statistics_page_and_dashboard_show_the_figures(demo_data, client):
    from tests.snippets.admin.records import make_user

    html = client.get("/en/statistics/").content.decode()
    assert 'id="sponsorship-figures"' in html
    assert "329,590" in html
    assert GSR in html
    client.force_login(make_user("sponsor-figures", is_superuser=True, is_staff=True))
    dashboard = client.get("/admin/").content.decode()
    assert "14 sponsoring entities, USD\xa0329,590" in dashboard
