"""The admin side: subscribers for the permitted group only, the summary of counts and of the
queue, and an export that neutralizes spreadsheet formulas."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.alerts.models import Subscriber
from cms.alerts.roles import SUBSCRIBER_MANAGERS
from cms.core.models import OutgoingEmail
from tests.pages.html import parse
from tests.snippets.admin.records import make_user

from . import built_once
from .mail import FlakyBackend

# The conftest's terms and pages, built once for this module (built_once.py).
alerts_records, terms, site_pages = built_once.FIXTURES


@pytest.fixture
def manager(db):
    return make_user("subscriber-manager", SUBSCRIBER_MANAGERS)


@pytest.fixture
def subscribers(confirmed, register):
    confirmed(organisation='=HYPERLINK("http://evil.example")')
    confirmed(email="maria@example.es", language="es", areas=[], regions=[])
    FlakyBackend.down = True
    register(email="pending@example.org", language="ar")
    FlakyBackend.down = False
    mail.outbox.clear()


def test_only_the_permitted_group_sees_subscribers(client, officer, editor, manager, subscribers):
    for user in (officer, editor):
        client.force_login(user)
        assert client.get("/admin/subscribers/").status_code in (302, 403)
        assert client.get("/admin/alerts/summary/").status_code in (302, 403)
        assert "Subscribers" not in client.get("/admin/").content.decode()

    client.force_login(manager)
    response = client.get("/admin/subscribers/")
    assert response.status_code == 200
    assert "maria@example.es" in response.content.decode()
    # Nobody edits a subscription in the admin.
    subscriber = Subscriber.objects.get(email="maria@example.es")
    assert client.get(f"/admin/subscribers/edit/{subscriber.pk}/").status_code in (302, 403)


def test_summary_counts_by_language_area_region_and_the_queue(client, manager, subscribers):
    client.force_login(manager)

    response = client.get("/admin/alerts/summary/")

    assert response.status_code == 200
    tables = {
        table.caption.get_text(strip=True): {
            row.th.get_text(strip=True): row.td.get_text(strip=True)
            for row in table.select("tbody tr")
        }
        for table in parse(response).select("table.listing")
    }
    assert tables["Confirmed subscribers by language"]["Français"] == "1"
    assert tables["Confirmed subscribers by language"]["Español"] == "1"
    assert tables["Confirmed subscribers by thematic area"]["Cybersecurity"] == "1"
    assert tables["Confirmed subscribers by thematic area"]["Every thematic area"] == "1"
    assert tables["Confirmed subscribers by region"]["Africa"] == "1"
    assert tables["Subscribers by status"]["Waiting for confirmation"] == "1"
    assert tables["E-mail queue"]["Sent"] == "2"
    assert tables["E-mail queue"]["Waiting to retry"] == "1"


def test_summary_queries_do_not_grow_with_subscribers(client, manager, subscribers, confirmed):
    client.force_login(manager)
    client.get("/admin/alerts/summary/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/alerts/summary/")
    for n in range(5):
        confirmed(email=f"more{n}@example.org")
    with CaptureQueriesContext(connection) as more:
        client.get("/admin/alerts/summary/")
    assert len(more) == len(few)


def test_csv_export_neutralizes_formulas(client, manager, subscribers):
    client.force_login(manager)

    response = client.get("/admin/subscribers/?export=csv")

    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text and '"=HYPERLINK' not in text
    assert "maria@example.es" in text


def test_xlsx_export_keeps_formulas_as_text(client, manager, subscribers):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(manager)
    response = client.get("/admin/subscribers/?export=xlsx")

    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    evil = next(c for c in cells if str(c.value).startswith("=HYPERLINK"))
    assert evil.data_type == "s"
    assert OutgoingEmail.objects.exists()


def _csv_rows(response):
    import csv
    import io

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_export_reads_as_words_with_criteria_and_consent_history(client, manager, subscribers):
    client.force_login(manager)

    rows = _csv_rows(client.get("/admin/subscribers/?export=csv"))

    by_email = {row["E-mail"]: row for row in rows}
    awa = by_email["awa.ndiaye@example.sn"]
    assert awa["Language"] == "French"
    assert awa["Thematic areas"] == "Cybersecurity"
    assert awa["Regions"] == "Africa"
    assert awa["Kinds of opportunity"] == "Every kind of opportunity"
    assert awa["Country"] == "Senegal"
    assert awa["Frequency"] and awa["Status"] == "Confirmed"
    history = awa["Consent history"].splitlines()
    assert [line.split(": ", 1)[1].split(" (")[0] for line in history] == [
        "Registered",
        "Confirmed",
    ]
    maria = by_email["maria@example.es"]
    assert maria["Thematic areas"] == "Every thematic area"
    assert maria["Regions"] == "Every region"
    pending = by_email["pending@example.org"]
    assert pending["Confirmed"] == "" and pending["Unsubscribed"] == ""
    for row in rows:
        for value in row.values():
            assert value != "None"
        # To the second: no microseconds, no time-zone suffix.
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", row["Registered"]), row


def test_the_export_speaks_the_officer_s_language(client, manager, subscribers):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(manager)

    rows = _csv_rows(client.get("/admin/subscribers/?export=csv"))

    maria = next(row for row in rows if row["Courriel"] == "maria@example.es")
    assert maria["Langue"] == "Espagnol"
    assert maria["Domaines thématiques"] == "Tous les domaines thématiques"


def test_the_downloads_are_buttons_that_keep_the_filters(client, manager, subscribers):
    client.force_login(manager)

    page = parse(client.get("/admin/subscribers/?status=confirmed"))

    buttons = {a.get_text(strip=True): a["href"] for a in page.select("a.w-header-button")}
    assert "export=xlsx" in buttons["Download XLSX"]
    csv_url = buttons["Download CSV"]
    assert "status=confirmed" in csv_url
    rows = _csv_rows(client.get(csv_url))
    assert {row["E-mail"] for row in rows} == {"awa.ndiaye@example.sn", "maria@example.es"}
